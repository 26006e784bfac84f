// The overlay worker's protocol and the pure job it runs: a request names the world and the question,
// the answer carries the id back so a late answer to an old question can be dropped.
// Invariant: both messages are structured-cloneable (the world already is).
import type { RequestContext } from '../domain/evaluation/types';
import type { World } from '../domain/world/types';
import { buildGraph } from './buildGraph';
import { effectiveAccess } from './effectiveAccess';
import type { AccessEntry } from './effectiveAccess';
import type { Graph } from './types';

export type OverlayRequest =
  | { readonly kind: 'graph'; readonly id: number; readonly world: World }
  | { readonly kind: 'access'; readonly id: number; readonly world: World; readonly graph: Graph; readonly action: string; readonly resource: string; readonly context?: RequestContext };

export type OverlayResponse =
  | { readonly kind: 'graph'; readonly id: number; readonly graph: Graph; readonly ms: number }
  | { readonly kind: 'access'; readonly id: number; readonly entries: readonly AccessEntry[]; readonly ms: number }
  | { readonly kind: 'error'; readonly id: number; readonly message: string };

/** Runs one job; `now` is the caller's clock (the domain never reads one itself). */
export function runOverlayJob(request: OverlayRequest, now: () => number): OverlayResponse {
  const start = now();
  try {
    if (request.kind === 'graph') return { kind: 'graph', id: request.id, graph: buildGraph(request.world), ms: now() - start };
    const entries = effectiveAccess(request.world, request.graph, request.action, request.resource, request.context);
    return { kind: 'access', id: request.id, entries, ms: now() - start };
  } catch (error) {
    return { kind: 'error', id: request.id, message: error instanceof Error ? error.message : String(error) };
  }
}
