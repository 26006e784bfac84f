// The running layout of the graph view: owns the d3-force simulation and exposes positions as runes
// state (one `tick` counter read by every mark), dragging and pinning, and positions to save with the lab.
// Invariant: a graph change keeps every surviving node where it is (its position seeds the new simulation).
import type { Simulation } from 'd3-force';
import { createLayout, positionsOf } from '../../graph/layout';
import type { LayoutMode, Positions, SimLink, SimNode } from '../../graph/layout';
import type { Graph } from '../../graph/types';

const empty: Graph = { nodes: [], edges: [] };

export class GraphLayout {
  graph = $state.raw<Graph>(empty);
  mode = $state<LayoutMode>('force');
  /** Bumped on every simulation tick; reading a position subscribes to it. */
  tick = $state(0);
  /** Ids of pinned nodes (a new Set on every change, so reads stay reactive). */
  pinned = $state.raw<ReadonlySet<string>>(new Set());
  /** Frames drawn per second over the last second of ticks (measured for the scale requirement). */
  fps = $state(0);
  /** True while the simulation moves; `settled` counts how many times it came to rest. */
  running = $state(false);
  settled = $state(0);

  #sim: Simulation<SimNode, SimLink> | null = null;
  #byId = new Map<string, SimNode>();
  #frames: number[] = [];

  /** Starts (or restarts) the layout for `graph`, seeding from current positions, then from `saved`. */
  setGraph(graph: Graph, saved: Positions = {}): void {
    const current = this.#sim ? positionsOf(this.#sim.nodes()) : {};
    const seed = { ...saved, ...current };
    this.#sim?.stop();
    this.graph = graph;
    const ids = new Set(graph.nodes.map((n) => n.id));
    this.pinned = new Set([...this.pinned].filter((id) => ids.has(id)));
    const sim = createLayout(graph, { mode: this.mode, saved: seed, pinned: this.pinned });
    this.#byId = new Map(sim.nodes().map((n) => [n.id, n]));
    sim.on('tick', () => this.#onTick());
    sim.on('end', () => {
      this.running = false;
      this.settled++;
    });
    this.#sim = sim;
    this.running = true;
    sim.restart();
  }

  setMode(mode: LayoutMode): void {
    this.mode = mode;
    this.setGraph(this.graph);
    this.#sim?.alpha(1).restart();
    this.running = true;
  }

  /** Forgets every position (saved and current) and lays the graph out afresh. */
  reset(): void {
    this.#sim?.stop();
    this.#sim = null;
    this.pinned = new Set();
    this.setGraph(this.graph);
  }

  #onTick(): void {
    const now = performance.now();
    this.#frames.push(now);
    while (this.#frames.length > 0 && (this.#frames[0] ?? now) < now - 1000) this.#frames.shift();
    this.fps = this.#frames.length;
    this.tick++;
  }

  /** The simulation's nodes in graph order, moved in place by every tick (the canvas reads them at paint time). */
  points(): readonly { readonly x: number; readonly y: number }[] {
    return this.#sim?.nodes() ?? [];
  }

  pos(id: string): { x: number; y: number } {
    void this.tick;
    const n = this.#byId.get(id);
    return n ? { x: n.x, y: n.y } : { x: 0, y: 0 };
  }

  dragStart(id: string): void {
    const n = this.#byId.get(id);
    if (!n) return;
    n.fx = n.x;
    n.fy = n.y;
    this.running = true;
    this.#sim?.alphaTarget(0.2).restart();
  }

  dragTo(id: string, x: number, y: number): void {
    const n = this.#byId.get(id);
    if (!n) return;
    n.fx = x;
    n.fy = y;
  }

  /** A dragged node stays pinned where it was dropped. */
  dragEnd(id: string): void {
    this.#sim?.alphaTarget(0);
    this.pinned = new Set([...this.pinned, id]);
  }

  unpin(id: string): void {
    const n = this.#byId.get(id);
    if (n) {
      n.fx = null;
      n.fy = null;
    }
    this.pinned = new Set([...this.pinned].filter((p) => p !== id));
    this.running = true;
    this.#sim?.alpha(0.3).restart();
  }

  positions(): Record<string, { x: number; y: number }> {
    return this.#sim ? positionsOf(this.#sim.nodes()) : {};
  }

  stop(): void {
    this.#sim?.stop();
  }
}
