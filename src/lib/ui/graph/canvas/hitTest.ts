// Hit-testing for the canvas picture: which node lies under a point of the graph's plane. A d3-quadtree
// over the layout's current points, built once per layout tick and queried by every pointer event.
// Invariant: the nearest node within reach wins; reach never shrinks below a few screen pixels when zoomed out.
import { quadtree } from 'd3-quadtree';

type Point = { readonly x: number; readonly y: number };

/** Node radius in graph units (the largest shapes reach about 22 from their centre). */
export const nodeReach = 24;

export interface HitTester {
  /** Index of the node nearest (x, y) in graph units within reach at zoom `k`, or -1. */
  find(x: number, y: number, k: number): number;
}

export function createHitTester(points: readonly Point[]): HitTester {
  const tree = quadtree<number>()
    .x((i) => points[i]?.x ?? 0)
    .y((i) => points[i]?.y ?? 0)
    .addAll(points.map((_, i) => i));
  return {
    find(x, y, k) {
      return tree.find(x, y, Math.max(nodeReach, 8 / k)) ?? -1;
    },
  };
}
