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
    }
  | { readonly kind: 'dragStart'; readonly id: string }
  | { readonly kind: 'dragTo'; readonly id: string; readonly x: number; readonly y: number }
  | { readonly kind: 'dragEnd'; readonly id: string }
  | { readonly kind: 'unpin'; readonly id: string }
  | { readonly kind: 'stop' };

export type LayoutEvent =
  | { readonly kind: 'tick'; readonly run: number; readonly xy: Float64Array }
  | { readonly kind: 'end'; readonly run: number };

export type Emit = (event: LayoutEvent, transfer: Transferable[]) => void;

/** Returns the command handler of one layout; `emit` receives its events. */
export function createLayoutRunner(emit: Emit): (command: LayoutCommand) => void {
  let sim: Simulation<SimNode, SimLink> | null = null;
  let byId = new Map<string, SimNode>();
  let run = 0;
  const post = () => {
    const nodes = sim?.nodes() ?? [];
    const xy = new Float64Array(nodes.length * 2);
    nodes.forEach((n, i) => {
      xy[2 * i] = n.x;
      xy[2 * i + 1] = n.y;
    });
    emit({ kind: 'tick', run, xy }, [xy.buffer]);
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
        post();
        current.restart();
        return;
      }
      case 'dragStart': {
        const n = byId.get(command.id);
        if (!n) return;
        n.fx = n.x;
        n.fy = n.y;
        sim?.alphaTarget(0.2).restart();
        return;
      }
      case 'dragTo': {
        const n = byId.get(command.id);
        if (!n) return;
        n.fx = command.x;
        n.fy = command.y;
        return;
      }
      case 'dragEnd':
        sim?.alphaTarget(0);
        return;
      case 'unpin': {
        const n = byId.get(command.id);
        if (n) {
          n.fx = null;
          n.fy = null;
        }
        sim?.alpha(0.3).restart();
        return;
      }
      case 'stop':
        sim?.stop();
        return;
    }
  };
}
