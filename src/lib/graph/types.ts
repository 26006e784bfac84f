// The graph's data: nodes and links derived from a World, plain and serializable (they cross to the
// worker and into Svelte's keyed lists). Invariant: ids are stable functions of the world's own keys,
// so the same entity keeps its id (and its saved position) across changes of the lab.

/** One shape and icon per kind; `public` is everyone (`"Principal": "*"`), `service` an AWS service principal. */
export type NodeKind = 'account' | 'root' | 'user' | 'group' | 'role' | 'policy' | 'idp' | 'resource' | 'service' | 'public';

/** Badge of a policy node: customer managed, AWS managed or inline (owned by one identity). */
export type PolicyBadge = 'managed' | 'awsManaged' | 'inline';

export interface GraphNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  /** Owning account; absent for AWS managed policies, services and the public. */
  readonly accountId?: string;
  readonly arn?: string;
  readonly badge?: PolicyBadge;
  /** For resources: the service (s3, dynamodb, ec2, kms). */
  readonly service?: string;
  /** An account or principal named by a policy but not part of the lab. */
  readonly external?: boolean;
}

export type EdgeKind =
  /** user → group */
  | 'memberOf'
  /** managed policy → identity */
  | 'attached'
  /** inline policy → its identity */
  | 'inline'
  /** managed policy → identity it bounds (drawn dashed) */
  | 'boundary'
  /** caller → role: the trust policy and the caller's own permissions allow sts:AssumeRole* */
  | 'canAssume'
  /** resource → principal, account or the public: an Allow in the resource's policy */
  | 'grants'
  /** EC2 instance → role it runs as (through its instance profile) */
  | 'runsAs';

export interface GraphEdge {
  readonly id: string;
  readonly kind: EdgeKind;
  readonly source: string;
  readonly target: string;
  /** The two ends belong to different accounts (or the target is the public). */
  readonly crossAccount: boolean;
}

export interface Graph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** Kinds that can make a request and so receive an effective-access colour. */
export const principalKinds: readonly NodeKind[] = ['root', 'user', 'role'];
