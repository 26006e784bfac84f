// World → graph: every account, identity, policy, identity provider and resource as a node, and the
// relations between them as typed edges. Pure; the only engine call decides "can assume" edges.
// Invariant: an edge is drawn only for a relation the world really holds (membership, attachment,
// boundary, a trust policy the engine accepts together with the caller's permissions, a resource policy Allow).
import { normalizePolicy } from '../domain/policy/normalizePolicy';
import type { Json, NormalizedPolicy, PrincipalBlock } from '../domain/policy/types';
import { simulateAuthorization } from '../domain/pipeline/simulate';
import type { IdentityRef } from '../domain/pipeline/simulate';
import { awsManagedPolicies } from '../domain/world/awsManagedPolicies';
import type { Account, World } from '../domain/world/types';
import { nodeIds } from './nodeIds';
import type { EdgeKind, Graph, GraphEdge, GraphNode } from './types';

export interface BuildGraphOptions {
  /** Ask the engine which users and roles may assume each role (default true; the costly part on big labs). */
  readonly canAssume?: boolean;
}

/** Parses a stored policy text; a malformed one simply contributes no edges. */
export function parsePolicy(text: string | undefined): NormalizedPolicy | undefined {
  if (!text) return undefined;
  try {
    return normalizePolicy(JSON.parse(text) as Json);
  } catch {
    return undefined;
  }
}

function policyName(arn: string): string {
  return arn.split('/').pop() ?? arn;
}

interface Builder {
  readonly nodes: Map<string, GraphNode>;
  readonly edges: Map<string, GraphEdge>;
  node(n: GraphNode): string;
  edge(kind: EdgeKind, source: string, target: string): void;
}

function builder(): Builder {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  return {
    nodes,
    edges,
    node(n) {
      if (!nodes.has(n.id)) nodes.set(n.id, n);
      return n.id;
    },
    edge(kind, source, target) {
      const id = `${kind}:${source}->${target}`;
      if (edges.has(id) || !nodes.has(source) || !nodes.has(target)) return;
      const a = nodes.get(source)?.accountId;
      const b = nodes.get(target)?.accountId;
      const crossAccount = target === nodeIds.public() || (a !== undefined && b !== undefined && a !== b);
      edges.set(id, { id, kind, source, target, crossAccount });
    },
  };
}

const arnPattern = /^arn:aws[a-z-]*:(iam|sts)::(\d{12}):(.+)$/;

/**
 * The node an AWS principal of a resource policy names. AWS: IAM User Guide, "AWS JSON policy elements:
 * Principal" — an account id or `arn:…:root` means the account (whoever it delegates to), `*` everyone.
 */
function awsPrincipalNode(world: World, b: Builder, value: string): string | undefined {
  if (value === '*') return b.node({ id: nodeIds.public(), kind: 'public', label: '*' });
  const accountOnly = /^\d{12}$/.test(value) ? value : undefined;
  const m = arnPattern.exec(value);
  const accountId = accountOnly ?? m?.[2];
  if (!accountId) return undefined;
  const account = world.accounts[accountId];
  const accountNode = () =>
    b.node({ id: nodeIds.account(accountId), kind: 'account', label: account ? `${account.name} (${accountId})` : accountId, accountId, ...(account ? {} : { external: true }) });
  if (!m || m[3] === 'root' || !account) return accountNode();
  const [type, ...rest] = (m[3] ?? '').split('/');
  if (type === 'user') {
    const user = Object.values(account.users).find((u) => u.arn === value);
    return user ? nodeIds.user(accountId, user.name) : accountNode();
  }
  if (type === 'role') {
    const role = Object.values(account.roles).find((r) => r.arn === value);
    return role ? nodeIds.role(accountId, role.name) : accountNode();
  }
  if (type === 'assumed-role' && rest[0] && account.roles[rest[0]]) return nodeIds.role(accountId, rest[0]);
  return accountNode();
}

function principalNodes(world: World, b: Builder, block: PrincipalBlock): string[] {
  const out: string[] = [];
  if (block.anyone) out.push(b.node({ id: nodeIds.public(), kind: 'public', label: '*' }));
  for (const v of block.aws) {
    const id = awsPrincipalNode(world, b, v);
    if (id) out.push(id);
  }
  for (const s of block.service) out.push(b.node({ id: nodeIds.service(s), kind: 'service', label: s }));
  for (const f of block.federated) if (b.nodes.has(nodeIds.idp(f))) out.push(nodeIds.idp(f));
  return out;
}

function addIdentities(world: World, b: Builder, account: Account): void {
  const acc = account.id;
  b.node({ id: nodeIds.root(acc), kind: 'root', label: 'root', accountId: acc, arn: account.root.arn });
  const managed = (arn: string) => {
    const own = account.policies[arn];
    const aws = awsManagedPolicies[arn];
    const p = own ?? aws;
    return b.node({ id: nodeIds.managedPolicy(arn), kind: 'policy', label: p?.name ?? policyName(arn), arn, badge: own ? 'managed' : 'awsManaged', ...(own ? { accountId: acc } : {}) });
  };
  for (const p of Object.values(account.policies)) managed(p.arn);
  const identity = (owner: 'user' | 'group' | 'role', id: string, name: string, inline: Readonly<Record<string, string>>, attached: readonly string[], boundary?: string) => {
    for (const policy of Object.keys(inline)) {
      const pid = b.node({ id: nodeIds.inlinePolicy(owner, acc, name, policy), kind: 'policy', label: policy, badge: 'inline', accountId: acc });
      b.edge('inline', pid, id);
    }
    for (const arn of attached) b.edge('attached', managed(arn), id);
    if (boundary) b.edge('boundary', managed(boundary), id);
  };
  for (const g of Object.values(account.groups)) {
    const id = b.node({ id: nodeIds.group(acc, g.name), kind: 'group', label: g.name, accountId: acc, arn: g.arn });
    identity('group', id, g.name, g.inlinePolicies, g.attachedPolicies);
  }
  for (const u of Object.values(account.users)) {
    const id = b.node({ id: nodeIds.user(acc, u.name), kind: 'user', label: u.name, accountId: acc, arn: u.arn });
    identity('user', id, u.name, u.inlinePolicies, u.attachedPolicies, u.permissionsBoundary);
    for (const g of u.groups) b.edge('memberOf', id, nodeIds.group(acc, g));
  }
  for (const r of Object.values(account.roles)) {
    const id = b.node({ id: nodeIds.role(acc, r.name), kind: 'role', label: r.name, accountId: acc, arn: r.arn });
    identity('role', id, r.name, r.inlinePolicies, r.attachedPolicies, r.permissionsBoundary);
  }
  for (const p of Object.values(account.identityProviders)) {
    const label = p.kind === 'saml' ? p.name : p.url.replace(/^https:\/\//, '');
    b.node({ id: nodeIds.idp(p.arn), kind: 'idp', label, accountId: acc, arn: p.arn });
  }
}

function addResources(world: World, b: Builder, account: Account): void {
  const acc = account.id;
  const resource = (arn: string, label: string, service: string, policy?: string) => {
    const id = b.node({ id: nodeIds.resource(arn), kind: 'resource', label, accountId: acc, arn, service });
    for (const st of parsePolicy(policy)?.statements ?? []) {
      if (st.effect !== 'Allow' || !st.principal) continue;
      for (const target of principalNodes(world, b, st.principal)) b.edge('grants', id, target);
    }
    return id;
  };
  for (const bucket of Object.values(account.s3.buckets)) resource(bucket.arn, bucket.name, 's3', bucket.policy);
  for (const table of Object.values(account.dynamodb.tables)) resource(table.arn, table.name, 'dynamodb');
  for (const key of Object.values(account.kms.keys)) resource(key.arn, key.description || key.keyId.slice(0, 8), 'kms', key.policy);
  for (const instance of Object.values(account.ec2.instances)) {
    if (instance.state === 'terminated') continue;
    const id = resource(instance.arn, instance.tags.Name ?? instance.id, 'ec2');
    const profile = Object.values(account.instanceProfiles).find((p) => p.arn === instance.instanceProfileArn);
    for (const role of profile?.roles ?? []) b.edge('runsAs', id, nodeIds.role(acc, role));
  }
}

/**
 * "Can assume" edges. Users and role sessions: the engine decides sts:AssumeRole with the caller's real
 * policy set and the role's trust policy (IAM User Guide, "Granting a user permissions to switch roles":
 * cross-account needs both sides). Root credentials cannot assume roles, so the root user gets none.
 * Services and identity providers: the trust policy alone decides (they carry no IAM policies).
 */
function addCanAssume(world: World, b: Builder): void {
  const callers: { ref: IdentityRef; node: string; accountId: string }[] = [];
  for (const a of Object.values(world.accounts)) {
    for (const u of Object.values(a.users)) callers.push({ ref: { kind: 'user', accountId: a.id, userName: u.name }, node: nodeIds.user(a.id, u.name), accountId: a.id });
    for (const r of Object.values(a.roles)) callers.push({ ref: { kind: 'role', accountId: a.id, roleName: r.name }, node: nodeIds.role(a.id, r.name), accountId: a.id });
  }
  for (const a of Object.values(world.accounts)) {
    for (const role of Object.values(a.roles)) {
      const target = nodeIds.role(a.id, role.name);
      const trust = parsePolicy(role.trustPolicy);
      for (const st of trust?.statements ?? []) {
        if (st.effect !== 'Allow' || !st.principal) continue;
        for (const s of st.principal.service) b.edge('canAssume', b.node({ id: nodeIds.service(s), kind: 'service', label: s }), target);
        for (const f of st.principal.federated) b.edge('canAssume', nodeIds.idp(f), target);
      }
      // A trust policy can only name a caller through its account id, its ARN (which holds the id) or "*".
      const mayName = (accountId: string) => role.trustPolicy.includes(accountId) || role.trustPolicy.includes('*');
      for (const c of callers) {
        if (c.node === target || !mayName(c.accountId)) continue;
        const check = simulateAuthorization(world, c.ref, 'sts:AssumeRole', role.arn, { trace: false });
        if (check?.result.kind === 'decision' && check.result.decision === 'allowed') b.edge('canAssume', c.node, target);
      }
    }
  }
}

/** Builds the graph of a world. Node and edge order follows the world's own order (accounts, then kinds). */
export function buildGraph(world: World, options: BuildGraphOptions = {}): Graph {
  const b = builder();
  for (const a of Object.values(world.accounts)) {
    b.node({ id: nodeIds.account(a.id), kind: 'account', label: `${a.name} (${a.id})`, accountId: a.id });
    addIdentities(world, b, a);
  }
  for (const a of Object.values(world.accounts)) addResources(world, b, a);
  if (options.canAssume ?? true) addCanAssume(world, b);
  return { nodes: [...b.nodes.values()], edges: [...b.edges.values()] };
}
