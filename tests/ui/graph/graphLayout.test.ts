// The view's running layout (inline runner, as without Worker support): starting points known at once,
// survivors keep their place when the graph grows, dragging moves and pins at once, and old runs' ticks
// are ignored after a new start.
import { describe, expect, it, vi } from 'vitest';
import { buildGraph, initialPositions } from '../../../src/lib/graph';
import type { Graph } from '../../../src/lib/graph';
import { GraphLayout } from '../../../src/lib/ui/graph/graphLayout.svelte';
import { defaultLab } from '../../domain/pipeline/labFixture';

const graph = buildGraph(await defaultLab());
const grown: Graph = { nodes: [...graph.nodes, { id: 'user:111122223333:newcomer', kind: 'user', label: 'newcomer', accountId: '111122223333' }], edges: graph.edges };

describe('GraphLayout', () => {
  it('has every starting point before the first tick, and runs', () => {
    const layout = new GraphLayout(false);
    layout.setGraph(graph);
    const start = initialPositions(graph, {});
    expect(layout.points().map((p) => [p.x, p.y])).toEqual(graph.nodes.map((n) => [start[n.id]?.x, start[n.id]?.y]));
    expect(layout.running).toBe(true);
    layout.stop();
  });

  it('keeps every surviving node where it is when the graph grows', async () => {
    const layout = new GraphLayout(false);
    layout.setGraph(graph);
    await vi.waitFor(() => expect(layout.fps).toBeGreaterThan(2));
    layout.stop();
    const before = layout.positions();
    layout.setGraph(grown);
    const after = layout.positions();
    for (const n of graph.nodes) expect(after[n.id]).toEqual(before[n.id]);
    expect(after['user:111122223333:newcomer']).toBeDefined();
    layout.stop();
  });

  it('moves a dragged node at once and pins it where it is dropped; unpin releases it', () => {
    const layout = new GraphLayout(false);
    layout.setGraph(graph);
    const id = graph.nodes[1]?.id ?? '';
    const tick = layout.tick;
    layout.dragStart(id);
    layout.dragTo(id, 500, 600);
    expect(layout.pos(id)).toEqual({ x: 500, y: 600 });
    expect(layout.tick).toBeGreaterThan(tick);
    layout.dragEnd(id);
    expect(layout.pinned.has(id)).toBe(true);
    layout.unpin(id);
    expect(layout.pinned.has(id)).toBe(false);
    layout.stop();
  });

  it('forgets positions and pins on reset', () => {
    const layout = new GraphLayout(false);
    layout.setGraph(graph, { [graph.nodes[0]?.id ?? '']: { x: 9999, y: 9999 } });
    expect(layout.points()[0]).toMatchObject({ x: 9999, y: 9999 });
    layout.reset();
    expect(layout.points()[0]).not.toMatchObject({ x: 9999, y: 9999 });
    layout.stop();
  });

  it('with reduced motion, each layout appears at rest: no running phase, one settle', () => {
    const layout = new GraphLayout(false, () => true);
    layout.setGraph(graph);
    expect(layout.running).toBe(false);
    expect(layout.settled).toBe(1);
    expect(layout.still).toBe(true);
    const start = initialPositions(graph, {});
    expect(layout.points().some((p, i) => p.x !== start[graph.nodes[i]?.id ?? '']?.x)).toBe(true);
    layout.stop();
  });
});
