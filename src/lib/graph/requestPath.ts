// Request-path overlay: the way one recorded request takes through the graph — principal → group or
// role → the policy being read → resource — lit up to the stage's current frame. Pure over the record.
// Invariant: only nodes and edges that exist in the graph are returned (a policy with no node, such as
// an SCP, simply lights nothing).
import type { AuthenticatedPrincipal, GatheredPolicy, RequestRecord } from '../domain/pipeline/types';
import { nodeIds } from './nodeIds';
import type { Graph } from './types';

/**
 * The part of a stage frame (machines/frames.ts) the path needs; declared here because the graph layer
 * does not import the machines layer. Every `Frame` fits it.
 */
export interface PathFrame {
  readonly kind: string;
  readonly checkIndex?: number;
  readonly stage?: string;
  readonly step?: { readonly kind: string; readonly ref?: { readonly policyId: string } };
}

export interface PathLight {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
  /** The node the current frame is about. */
  readonly active?: string;
  /** Policies whose statements decided the request (set once the outcome frame is reached). */
  readonly deciding: ReadonlySet<string>;
}

function principalNode(p: AuthenticatedPrincipal | undefined): string | undefined {
  if (!p) return undefined;
  const r = p.principal;
  if (r.kind === 'anonymous') return nodeIds.public();
  if (r.kind === 'root') return nodeIds.root(r.accountId);
  if (r.kind === 'user' && p.userName) return nodeIds.user(r.accountId, p.userName);
  if (r.kind === 'assumedRole' && p.roleName) return nodeIds.role(r.accountId, p.roleName);
  return undefined;
}

/** The policy's node and the edges from it to the caller (through a group for group policies). */
function policyPath(graph: Graph, caller: string | undefined, accountId: string, policy: GatheredPolicy, resource: string): { node?: string; edges: string[] } {
  const s = policy.source;
  const has = (id: string) => graph.nodes.some((n) => n.id === id);
  const through = (p: string, kind: string, holder: string) => {
    const edges = [`${kind}:${p}->${holder}`];
    if (caller && holder !== caller) edges.push(`memberOf:${caller}->${holder}`);
    return { node: p, edges };
  };
  switch (s.kind) {
    case 'userInline':
      return through(nodeIds.inlinePolicy('user', accountId, s.userName, s.policyName), 'inline', nodeIds.user(accountId, s.userName));
    case 'userManaged':
      return through(nodeIds.managedPolicy(s.policyArn), 'attached', nodeIds.user(accountId, s.userName));
    case 'groupInline':
      return through(nodeIds.inlinePolicy('group', accountId, s.groupName, s.policyName), 'inline', nodeIds.group(accountId, s.groupName));
    case 'groupManaged':
      return through(nodeIds.managedPolicy(s.policyArn), 'attached', nodeIds.group(accountId, s.groupName));
    case 'roleInline':
      return through(nodeIds.inlinePolicy('role', accountId, s.roleName, s.policyName), 'inline', nodeIds.role(accountId, s.roleName));
    case 'roleManaged':
      return through(nodeIds.managedPolicy(s.policyArn), 'attached', nodeIds.role(accountId, s.roleName));
    case 'permissionsBoundary':
      return caller ? through(nodeIds.managedPolicy(s.policyArn), 'boundary', caller) : { edges: [] };
    case 'bucketPolicy':
    case 'keyPolicy':
    case 'trustPolicy': {
      const node = resourceNode(graph, resource);
      return node && has(node) ? { node, edges: [] } : { edges: [] };
    }
    default:
      return { edges: [] };
  }
}

/** The resource node a request's ARN falls in: the resource itself, the bucket of an object, a role for STS. */
export function resourceNode(graph: Graph, arn: string): string | undefined {
  let best: string | undefined;
  let bestLength = -1;
  for (const n of graph.nodes) {
    if ((n.kind !== 'resource' && n.kind !== 'role') || !n.arn) continue;
    if ((arn === n.arn || arn.startsWith(`${n.arn}/`)) && n.arn.length > bestLength) {
      best = n.id;
      bestLength = n.arn.length;
    }
  }
  return best;
}

/** Lights the path up to `frames[index]`; before the first frame nothing is lit. */
export function requestPath(graph: Graph, record: RequestRecord, frames: readonly PathFrame[], index: number): PathLight {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const deciding = new Set<string>();
  const ids = new Set(graph.nodes.map((n) => n.id));
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  const caller = principalNode(record.authentication.principal);
  const accountId = record.authentication.principal?.accountId ?? '';
  const checks = record.authorization?.checks ?? [];
  let active: string | undefined;
  const lightResource = (checkIndex: number) => {
    const r = checks[checkIndex] ? resourceNode(graph, checks[checkIndex].resource) : undefined;
    if (r) nodes.add(r);
    return r;
  };
  const lightPolicy = (checkIndex: number, policyId: string) => {
    const policy = checks[checkIndex]?.policies.find((p) => p.id === policyId);
    if (!policy) return undefined;
    const path = policyPath(graph, caller, accountId, policy, checks[checkIndex]?.resource ?? '');
    if (path.node && ids.has(path.node)) nodes.add(path.node);
    for (const e of path.edges) {
      if (!edgeIds.has(e)) continue;
      edges.add(e);
      const holder = e.split('->')[1];
      if (holder) nodes.add(holder);
    }
    return path.node;
  };
  for (let i = 0; i <= index && i < frames.length; i++) {
    const f = frames[i];
    if (!f) continue;
    if (caller && ids.has(caller)) {
      nodes.add(caller);
      active = caller;
    }
    const ci = f.checkIndex ?? 0;
    const policyId = f.step?.ref?.policyId;
    if ((f.kind === 'trace.policy' || f.kind === 'trace.statement') && policyId) active = lightPolicy(ci, policyId) ?? active;
    else if (f.kind === 'trace.stage' && f.stage === 'resource') active = lightResource(ci) ?? active;
    else if (f.kind === 'processing' || f.kind === 'outcome') {
      checks.forEach((_, ci) => (active = lightResource(ci) ?? active));
      if (f.kind === 'outcome') {
        checks.forEach((c, ci) => {
          if (c.result.kind !== 'decision') return;
          for (const r of c.result.reasons) {
            const node = lightPolicy(ci, r.policyId);
            if (node && ids.has(node)) deciding.add(node);
          }
        });
      }
    }
  }
  return { nodes, edges, deciding, ...(active ? { active } : {}) };
}
