// Effective-access overlay: for one action on one resource, every principal of the graph with the
// engine's decision and the first reason for it. Pure and serializable, so it runs in the overlay worker.
// Invariant: each decision comes from simulateAuthorization, i.e. the pipeline's own policy gathering.
import type { Decision, RequestContext, StageName } from '../domain/evaluation/types';
import { simulateAuthorization } from '../domain/pipeline/simulate';
import type { IdentityRef } from '../domain/pipeline/simulate';
import type { World } from '../domain/world/types';
import type { Graph, GraphNode } from './types';

/** Why a principal got its colour, as data; the UI turns it into one line of text. */
export type AccessReason =
  /** A statement decided: the deny that matched, or the allow that made the request allowed. */
  | { readonly kind: 'statement'; readonly effect: 'Allow' | 'Deny'; readonly policyLabel: string; readonly sid?: string; readonly statementIndex: number; readonly stage: StageName }
  /** Allowed without any statement: the root user acting in its own account. */
  | { readonly kind: 'root' }
  /** Nothing allowed it (in the stage that settled the decision, when known). */
  | { readonly kind: 'noAllow'; readonly stage: StageName | null }
  /** A policy in the set is malformed: AWS refuses to evaluate. */
  | { readonly kind: 'malformed'; readonly policyLabel: string };

export interface AccessEntry {
  readonly nodeId: string;
  readonly decision: Decision;
  readonly reason: AccessReason;
}

/** The identity a principal node stands for; undefined for nodes that cannot make requests. */
export function identityRefOf(node: GraphNode): IdentityRef | undefined {
  const acc = node.accountId;
  if (node.kind === 'public') return { kind: 'anonymous' };
  if (!acc || node.external) return undefined;
  if (node.kind === 'root') return { kind: 'root', accountId: acc };
  if (node.kind === 'user') return { kind: 'user', accountId: acc, userName: node.label };
  if (node.kind === 'role') return { kind: 'role', accountId: acc, roleName: node.label };
  return undefined;
}

/** Decides `action` on `resource` for one principal node. */
export function accessFor(world: World, node: GraphNode, action: string, resource: string, context?: RequestContext): AccessEntry | undefined {
  const ref = identityRefOf(node);
  if (!ref) return undefined;
  const check = simulateAuthorization(world, ref, action, resource, { trace: false, ...(context ? { context } : {}) });
  if (!check) return undefined;
  const result = check.result;
  const label = (id: string) => check.policies.find((p) => p.id === id)?.label ?? id;
  if (result.kind === 'malformed') return { nodeId: node.id, decision: 'implicitDeny', reason: { kind: 'malformed', policyLabel: label(result.policyId) } };
  const first = result.reasons[0];
  const reason: AccessReason = first
    ? { kind: 'statement', effect: first.effect, policyLabel: label(first.policyId), statementIndex: first.statementIndex, stage: first.stage, ...(first.sid ? { sid: first.sid } : {}) }
    : result.decision === 'allowed'
      ? { kind: 'root' }
      : { kind: 'noAllow', stage: result.decisiveStage };
  return { nodeId: node.id, decision: result.decision, reason };
}

/**
 * The overlay for every principal of the graph (root users, users, roles, and the public as an anonymous
 * caller). `context` adds keys a real request would carry (e.g. aws:ResourceTag/…), as in "what if".
 */
export function effectiveAccess(world: World, graph: Graph, action: string, resource: string, context?: RequestContext): AccessEntry[] {
  const out: AccessEntry[] = [];
  for (const node of graph.nodes) {
    const entry = accessFor(world, node, action, resource, context);
    if (entry) out.push(entry);
  }
  return out;
}
