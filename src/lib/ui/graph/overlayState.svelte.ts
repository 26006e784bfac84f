// The graph view's overlay: which one is on and its inputs and answers (effective access, policy focus,
// who can…?). Heavy answers come from the overlay worker; the request path is derived by the view.
// Invariants: an answer is kept only if it answers the latest question asked (older ones are dropped), and
// it is always about the graph the view shows: a question waits while the graph is being built, and the last
// question is asked again of every new graph (an answer about an empty or older graph names the wrong nodes).
import type { AccessEntry } from '../../graph/effectiveAccess';
import type { Graph } from '../../graph/types';
import { parseWhoCan, whoCan } from '../../graph/whoCan';
import type { WhoCanAnswer } from '../../graph/whoCan';
import type { World } from '../../domain/world/types';
import type { OverlayClient } from './overlayClient';

export type OverlayKind = 'none' | 'access' | 'focus' | 'path' | 'whoCan';

interface Question {
  readonly kind: 'access' | 'whoCan';
  readonly action: string;
  readonly resource: string;
}

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
  /** A question is waiting for its answer (or for the graph it is about). */
  busy = $state(false);
  error = $state<string | null>(null);
  focusPolicy = $state('');
  query = $state('');
  queryInvalid = $state(false);
  answers = $state.raw<readonly WhoCanAnswer[] | null>(null);

  #asked = 0;
  #question: Question | null = null;
  /** The graph the view shows; null while it is being built. */
  #graph: Graph | null = null;

  constructor(private readonly client: OverlayClient) {}

  readonly decisions = $derived(new Map(this.access.map((e) => [e.nodeId, e])));

  /** The view is building a new graph: answers wait for it (and one in flight about the old graph is dropped). */
  graphLoading(): void {
    this.#graph = null;
    if (this.#question) {
      ++this.#asked;
      this.busy = true;
    }
  }

  /** The view's graph is built (first load, or the lab changed): the last question is asked of it. */
  async setGraph(world: World, graph: Graph): Promise<void> {
    this.#graph = graph;
    if (this.#question) await this.#ask(world, this.#question);
  }

  async runAccess(world: World): Promise<void> {
    this.kind = 'access';
    this.answers = null;
    await this.#ask(world, { kind: 'access', action: this.action.trim(), resource: this.resource.trim() });
  }

  async runWhoCan(world: World): Promise<void> {
    this.kind = 'whoCan';
    const q = parseWhoCan(this.query);
    this.queryInvalid = !q;
    this.answers = null;
    if (q) await this.#ask(world, { kind: 'whoCan', ...q });
  }

  async #ask(world: World, question: Question): Promise<void> {
    this.#question = question;
    const asked = ++this.#asked;
    this.busy = true;
    this.error = null;
    const graph = this.#graph;
    if (!graph) return;
    const answer = await this.client.ask({ kind: 'access', world, graph, action: question.action, resource: question.resource });
    if (asked !== this.#asked) return;
    this.busy = false;
    if (answer.kind === 'error') {
      this.error = answer.message;
      return;
    }
    if (answer.kind !== 'access') return;
    this.access = answer.entries;
    this.answered = { action: question.action, resource: question.resource };
    this.ms = Math.round(answer.ms);
    this.offThread = this.client.offMainThread;
    this.answers = question.kind === 'whoCan' ? whoCan(graph, answer.entries) : null;
  }
}
