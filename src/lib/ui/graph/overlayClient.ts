// Talks to the overlay worker: one question in flight per kind, answers matched by id so a late answer
// to an old question is dropped. The world and graph are $state.raw (never proxies), so they post as they are.
// Without Worker support (jsdom, old browsers) it runs the same job inline.
import { runOverlayJob } from '../../graph/overlayJob';
import type { OverlayRequest, OverlayResponse } from '../../graph/overlayJob';

type Pending = { resolve: (r: OverlayResponse) => void; request: OverlayRequest };
type Question = OverlayRequest extends infer R ? (R extends OverlayRequest ? Omit<R, 'id'> : never) : never;

export class OverlayClient {
  #worker: Worker | null = null;
  #next = 1;
  #pending = new Map<number, Pending>();

  constructor(useWorker = typeof Worker !== 'undefined') {
    if (!useWorker) return;
    try {
      this.#worker = new Worker(new URL('../../graph/overlay.worker.ts', import.meta.url), { type: 'module' });
      this.#worker.onmessage = (event: MessageEvent<OverlayResponse>) => {
        this.#pending.get(event.data.id)?.resolve(event.data);
        this.#pending.delete(event.data.id);
      };
      // A worker that cannot start (blocked script, old browser) must not leave questions hanging.
      this.#worker.onerror = () => {
        this.#worker?.terminate();
        this.#worker = null;
        for (const p of this.#pending.values()) p.resolve(runOverlayJob(p.request, () => performance.now()));
        this.#pending.clear();
      };
    } catch {
      this.#worker = null;
    }
  }

  /** True while answers come from the worker (off the main thread). */
  get offMainThread(): boolean {
    return this.#worker !== null;
  }

  /** Asks one question; the world is posted as a structured clone (it is plain data by design). */
  ask(question: Question): Promise<OverlayResponse> {
    const id = this.#next++;
    const request = { ...question, id } as OverlayRequest;
    if (!this.#worker) return Promise.resolve(runOverlayJob(request, () => performance.now()));
    return new Promise((resolve) => {
      this.#pending.set(id, { resolve, request });
      this.#worker?.postMessage(request);
    });
  }

  dispose(): void {
    this.#worker?.terminate();
    this.#worker = null;
    for (const p of this.#pending.values()) p.resolve({ kind: 'error', id: 0, message: 'disposed' });
    this.#pending.clear();
  }
}
