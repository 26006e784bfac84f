// The graph view's overlay: which one is on and its inputs and answers (effective access, policy focus,
// who can…?). Heavy answers come from the overlay worker; the request path is derived by the view.
// Invariant: an answer is kept only if it answers the latest question asked (older ones are dropped).
import type { AccessEntry } from '../../graph/effectiveAccess';
import type { Graph } from '../../graph/types';
import { parseWhoCan, whoCan } from '../../graph/whoCan';
import type { WhoCanAnswer } from '../../graph/whoCan';
import type { World } from '../../domain/world/types';
import type { OverlayClient } from './overlayClient';

export type OverlayKind = 'none' | 'access' | 'focus' | 'path' | 'whoCan';

export class OverlayState {
  kind = $state<OverlayKind>('none');
  action = $state('s3:DeleteObject');
  resource = $state('arn:aws:s3:::example-corp-app-data/reports/2025-q4.csv');
  access = $state.raw<readonly AccessEntry[]>([]);
  /** What the current `access` answers (the inputs may have been edited since). */
  answered = $state.raw<{ action: string; resource: string } | null>(null);
  ms = $state(0);
  /** Whether the last answer was computed in the worker. */
  offThread = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);
  focusPolicy = $state('');
  query = $state('');
  queryInvalid = $state(false);
  answers = $state.raw<readonly WhoCanAnswer[] | null>(null);

  #asked = 0;

  constructor(private readonly client: OverlayClient) {}

  readonly decisions = $derived(new Map(this.access.map((e) => [e.nodeId, e])));

  async #computeAccess(world: World, graph: Graph, action: string, resource: string): Promise<boolean> {
    const asked = ++this.#asked;
    this.busy = true;
    this.error = null;
    const answer = await this.client.ask({ kind: 'access', world, graph, action, resource });
    if (asked !== this.#asked) return false;
    this.busy = false;
    if (answer.kind === 'error') {
      this.error = answer.message;
      return false;
    }
    if (answer.kind !== 'access') return false;
    this.access = answer.entries;
    this.answered = { action, resource };
    this.ms = Math.round(answer.ms);
    this.offThread = this.client.offMainThread;
    return true;
  }

  async runAccess(world: World, graph: Graph): Promise<void> {
    this.kind = 'access';
    this.answers = null;
    await this.#computeAccess(world, graph, this.action.trim(), this.resource.trim());
  }

  async runWhoCan(world: World, graph: Graph): Promise<void> {
    this.kind = 'whoCan';
    const q = parseWhoCan(this.query);
    this.queryInvalid = !q;
    this.answers = null;
    if (!q) return;
    if (await this.#computeAccess(world, graph, q.action, q.resource)) this.answers = whoCan(graph, this.access);
  }
}
