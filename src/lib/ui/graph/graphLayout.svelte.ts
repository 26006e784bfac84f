// The running layout of the graph view: drives the d3-force simulation (in the layout worker when the
// browser has workers, else inline: graph/layoutRunner.ts either way) and exposes positions as runes state
// (one `tick` counter read by every mark), dragging and pinning, and positions to save with the lab.
// Invariant: a graph change keeps every surviving node where it is (its position seeds the new simulation),
// and only ticks of the latest run move the points.
import { initialPositions, positionsOf } from '../../graph/layout';
import type { LayoutMode, Positions } from '../../graph/layout';
import { createLayoutRunner } from '../../graph/layoutRunner';
import type { LayoutCommand, LayoutEvent } from '../../graph/layoutRunner';
import type { Graph } from '../../graph/types';

const empty: Graph = { nodes: [], edges: [] };

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

interface Point {
  id: string;
  x: number;
  y: number;
}

export class GraphLayout {
  graph = $state.raw<Graph>(empty);
  mode = $state<LayoutMode>('force');
  /** Bumped on every simulation tick; reading a position subscribes to it. */
  tick = $state(0);
  /** Ids of pinned nodes (a new Set on every change, so reads stay reactive). */
  pinned = $state.raw<ReadonlySet<string>>(new Set());
  /** Layout ticks per second over the last second (measured for the scale requirement). */
  fps = $state(0);
  /** True while the simulation moves; `settled` counts how many times it came to rest. */
  running = $state(false);
  settled = $state(0);
  /** The last layout was shown at rest, without motion (the user prefers reduced motion). */
  still = $state(false);

  #points: Point[] = [];
  #index = new Map<string, number>();
  #frames: number[] = [];
  #run = 0;
  #lastStart: LayoutCommand | null = null;
  #worker: Worker | null = null;
  #send: (command: LayoutCommand) => void;
  #still: () => boolean;

  /**
   * `useWorker`: tick in the layout worker (else inline). `still`: asked at every start whether to show the
   * layout's motion; by default the user's prefers-reduced-motion setting (no motion: each layout appears at rest).
   */
  constructor(useWorker = typeof Worker !== 'undefined', still: () => boolean = prefersReducedMotion) {
    this.#still = still;
    const inline = () => createLayoutRunner((event) => this.#onEvent(event));
    this.#send = inline();
    if (!useWorker) return;
    try {
      const worker = new Worker(new URL('../../graph/layout.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<LayoutEvent>) => this.#onEvent(event.data);
      // A worker that cannot start must not leave the picture frozen: lay out inline from the last start.
      worker.onerror = () => {
        worker.terminate();
        this.#worker = null;
        this.#send = inline();
        if (this.#lastStart) this.#send(this.#lastStart);
      };
      this.#worker = worker;
      this.#send = (command) => worker.postMessage(command);
    } catch {
      this.#worker = null;
    }
  }

  /** Starts (or restarts) the layout for `graph`, seeding from current positions, then from `saved`. */
  setGraph(graph: Graph, saved: Positions = {}): void {
    this.#start(graph, { ...saved, ...this.positions() });
  }

  setMode(mode: LayoutMode): void {
    this.mode = mode;
    this.#start(this.graph, this.positions(), 1);
  }

  /** Forgets every position (saved and current) and lays the graph out afresh. */
  reset(): void {
    this.pinned = new Set();
    this.#start(this.graph, {});
  }

  #start(graph: Graph, seed: Positions, alpha?: number): void {
    this.graph = graph;
    const ids = new Set(graph.nodes.map((n) => n.id));
    this.pinned = new Set([...this.pinned].filter((id) => ids.has(id)));
    // The starting points are known here already (the same pure function the simulation starts from),
    // so the picture and hit-testing have positions before the first tick arrives.
    const start = initialPositions(graph, seed);
    this.#points = graph.nodes.map((n) => ({ id: n.id, x: start[n.id]?.x ?? 0, y: start[n.id]?.y ?? 0 }));
    this.#index = new Map(graph.nodes.map((n, i) => [n.id, i]));
    const command: LayoutCommand = { kind: 'start', run: ++this.#run, graph, mode: this.mode, seed, pinned: [...this.pinned], still: this.#still(), ...(alpha !== undefined ? { alpha } : {}) };
    this.still = command.still === true;
    this.#lastStart = command;
    this.running = true;
    this.tick++;
    this.#send(command);
  }

  #onEvent(event: LayoutEvent): void {
    if (event.run !== this.#run) return;
    if (event.kind === 'end') {
      this.running = false;
      this.settled++;
      return;
    }
    const { xy } = event;
    this.#points.forEach((p, i) => {
      p.x = xy[2 * i] ?? p.x;
      p.y = xy[2 * i + 1] ?? p.y;
    });
    const now = performance.now();
    this.#frames.push(now);
    while (this.#frames.length > 0 && (this.#frames[0] ?? now) < now - 1000) this.#frames.shift();
    this.fps = this.#frames.length;
    this.tick++;
  }

  /** Every node's current point, in graph order, updated in place by every tick (the canvas reads them at paint time). */
  points(): readonly { readonly x: number; readonly y: number }[] {
    return this.#points;
  }

  pos(id: string): { x: number; y: number } {
    void this.tick;
    const p = this.#points[this.#index.get(id) ?? -1];
    return p ? { x: p.x, y: p.y } : { x: 0, y: 0 };
  }

  dragStart(id: string): void {
    this.running = true;
    this.#send({ kind: 'dragStart', id });
  }

  /** Moves the node at once (no wait for the simulation's next tick) and pins it there. */
  dragTo(id: string, x: number, y: number): void {
    const p = this.#points[this.#index.get(id) ?? -1];
    if (p) {
      p.x = x;
      p.y = y;
      this.tick++;
    }
    this.#send({ kind: 'dragTo', id, x, y });
  }

  /** A dragged node stays pinned where it was dropped. */
  dragEnd(id: string): void {
    this.#send({ kind: 'dragEnd', id });
    this.pinned = new Set([...this.pinned, id]);
  }

  unpin(id: string): void {
    this.pinned = new Set([...this.pinned].filter((p) => p !== id));
    this.running = true;
    this.#send({ kind: 'unpin', id });
  }

  positions(): Record<string, { x: number; y: number }> {
    return positionsOf(this.#points);
  }

  /** Stops the layout for good (the view is going away): the simulation halts and the worker ends. */
  stop(): void {
    this.#send({ kind: 'stop' });
    this.#worker?.terminate();
    this.#worker = null;
  }
}
