// The running force layout behind a message protocol, so it can tick in a Web Worker (layout.worker.ts) or,
// where workers are missing, inline with the very same code. Commands in, events out; positions travel as
// one Float64Array per tick (x0, y0, x1, y1, … in graph order), transferred rather than copied.
// Invariant: every event carries the run id of the `start` that began it, so a late tick of an old graph
// is recognisable; d3-force's own timer does the ticking (rAF on the main thread, setTimeout in a worker).
import type { Simulation } from 'd3-force';
import { createLayout } from './layout';
import type { LayoutMode, Positions, SimLink, SimNode } from './layout';
import type { Graph } from './types';

export type LayoutCommand =
  | {
      readonly kind: 'start';
      readonly run: number;
      readonly graph: Graph;
      readonly mode: LayoutMode;
      readonly seed: Positions;
      readonly pinned: readonly string[];
      /** Energy to start with (default: createLayout's choice, low when positions are seeded). */
      readonly alpha?: number;
      /**
       * Show no motion (the user prefers reduced motion): the layout is worked out to rest before anything
       * is shown, then sent as one step; later moves (unpinning, dropping a dragged node) settle the same way.
       */
      readonly still?: boolean;
    }
  | { readonly kind: 'dragStart'; readonly id: string }
  | { readonly kind: 'dragTo'; readonly id: string; readonly x: number; readonly y: number }
  | { readonly kind: 'dragEnd'; readonly id: string }
  | { readonly kind: 'unpin'; readonly id: string }
  | { readonly kind: 'stop' };

export type LayoutEvent =
  | { readonly kind: 'tick'; readonly run: number; readonly xy: Float64Array }
  | { readonly kind: 'end'; readonly run: number };

/** A bound on the ticks of one still settle. */
const maxStillTicks = 1000;

export type Emit = (event: LayoutEvent, transfer: Transferable[]) => void;

/** Returns the command handler of one layout; `emit` receives its events. */
export function createLayoutRunner(emit: Emit): (command: LayoutCommand) => void {
  let sim: Simulation<SimNode, SimLink> | null = null;
  let byId = new Map<string, SimNode>();
  let run = 0;
  let still = false;
  const post = () => {
    const nodes = sim?.nodes() ?? [];
    const xy = new Float64Array(nodes.length * 2);
    nodes.forEach((n, i) => {
      xy[2 * i] = n.x;
      xy[2 * i + 1] = n.y;
    });
    emit({ kind: 'tick', run, xy }, [xy.buffer]);
  };
  /** Still mode: ticks to rest without showing a step, then sends the result and the end. */
  const settle = () => {
    if (!sim) return;
    sim.stop();
    // d3-force cools to alphaMin in about 300 ticks; the bound only guards against a reheated simulation.
    for (let i = 0; i < maxStillTicks && sim.alpha() >= sim.alphaMin(); i++) sim.tick();
    post();
    emit({ kind: 'end', run }, []);
  };
  /** Still mode, after a drop or an unpin: warm the layout up as the animated mode would, then settle. */
  const resettle = () => {
    sim?.alpha(0.3);
    settle();
  };
  return (command) => {
    switch (command.kind) {
      case 'start': {
        sim?.stop();
        run = command.run;
        const current = createLayout(command.graph, { mode: command.mode, saved: command.seed, pinned: new Set(command.pinned) });
        if (command.alpha !== undefined) current.alpha(command.alpha);
        byId = new Map(current.nodes().map((n) => [n.id, n]));
        const started = run;
        current.on('tick', post);
        current.on('end', () => emit({ kind: 'end', run: started }, []));
        sim = current;
        still = command.still === true;
        post();
        if (still) settle();
        else current.restart();
        return;
      }
      case 'dragStart': {
        const n = byId.get(command.id);
        if (!n) return;
        n.fx = n.x;
        n.fy = n.y;
        if (!still) sim?.alphaTarget(0.2).restart();
        return;
      }
      case 'dragTo': {
        const n = byId.get(command.id);
        if (!n) return;
        n.fx = command.x;
        n.fy = command.y;
        if (still) {
          n.x = command.x;
          n.y = command.y;
        }
        return;
      }
      case 'dragEnd':
        if (still) resettle();
        else sim?.alphaTarget(0);
        return;
      case 'unpin': {
        const n = byId.get(command.id);
        if (n) {
          n.fx = null;
          n.fy = null;
        }
        if (still) resettle();
        else sim?.alpha(0.3).restart();
        return;
      }
      case 'stop':
        sim?.stop();
        return;
    }
  };
}
