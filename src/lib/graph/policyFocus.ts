// Policy-focus overlay: everyone a policy reaches (attached or inline, directly or through a group; the
// identities it bounds) and the resources its statements name. Invariant: reads the world's current
// default version of a managed policy, the same document the pipeline evaluates.
import { matchResource } from '../domain/matching/matchResource';
import { awsManagedPolicies } from '../domain/world/awsManagedPolicies';
import type { ManagedPolicy, World } from '../domain/world/types';
import { parsePolicy } from './buildGraph';
import type { Graph, GraphNode } from './types';

export interface Focus {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

function defaultDocument(p: ManagedPolicy | undefined): string | undefined {
  return p?.versions.find((v) => v.versionId === p.defaultVersionId)?.document;
}

/** The document behind a policy node: managed by ARN, inline through the identity that owns it. */
export function policyDocument(world: World, graph: Graph, node: GraphNode): string | undefined {
  if (node.kind !== 'policy') return undefined;
  if (node.arn) {
    for (const a of Object.values(world.accounts)) if (a.policies[node.arn]) return defaultDocument(a.policies[node.arn]);
    return defaultDocument(awsManagedPolicies[node.arn]);
  }
  const owner = graph.edges.find((e) => e.kind === 'inline' && e.source === node.id);
  const holder = graph.nodes.find((n) => n.id === owner?.target);
  const account = holder?.accountId ? world.accounts[holder.accountId] : undefined;
  if (!holder || !account) return undefined;
  const identity = holder.kind === 'user' ? account.users[holder.label] : holder.kind === 'group' ? account.groups[holder.label] : account.roles[holder.label];
  return identity?.inlinePolicies[node.label];
}

/** True when a Resource pattern names the resource or something inside it (a bucket's objects). */
function names(pattern: string, arn: string): boolean {
  return matchResource(pattern, arn) || (pattern.startsWith(`${arn}/`) && pattern.length > arn.length + 1);
}

export function policyFocus(world: World, graph: Graph, policyNodeId: string): Focus {
  const policy = graph.nodes.find((n) => n.id === policyNodeId);
  const nodes = new Set<string>();
  const edges = new Set<string>();
  if (!policy) return { nodes, edges };
  nodes.add(policy.id);
  const holders: string[] = [];
  for (const e of graph.edges) {
    if (e.source !== policy.id || (e.kind !== 'attached' && e.kind !== 'inline' && e.kind !== 'boundary')) continue;
    nodes.add(e.target);
    edges.add(e.id);
    holders.push(e.target);
  }
  for (const e of graph.edges) {
    if (e.kind === 'memberOf' && holders.includes(e.target)) {
      nodes.add(e.source);
      edges.add(e.id);
    }
  }
  const patterns = (parsePolicy(policyDocument(world, graph, policy))?.statements ?? []).flatMap((s) => s.resource ?? []);
  for (const n of graph.nodes) {
    if (n.kind === 'resource' && n.arn && patterns.some((p) => names(p, n.arn ?? ''))) nodes.add(n.id);
  }
  return { nodes, edges };
}
