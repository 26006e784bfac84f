// The layout runner behind the worker protocol: a start posts the starting points at once (the same
// initialPositions the view computes), ticks carry the run id, a dragged node sits where it is dragged,
// a new start supersedes the old run, and stop stops. Waits are on events, never on time.
import { timerFlush } from 'd3-timer';
import { describe, expect, it } from 'vitest';
import { buildGraph, initialPositions } from '../../src/lib/graph';
import { createLayoutRunner } from '../../src/lib/graph/layoutRunner';
import type { LayoutCommand, LayoutEvent } from '../../src/lib/graph/layoutRunner';
import { defaultLab } from '../domain/pipeline/labFixture';

const graph = buildGraph(await defaultLab());

/** A runner whose events are recorded; `next(p)` resolves with the first event from now on that satisfies p. */
function harness() {
  const events: LayoutEvent[] = [];
  let waiting: { p: (e: LayoutEvent) => boolean; resolve: (e: LayoutEvent) => void } | null = null;
  const send = createLayoutRunner((event) => {
    events.push(event);
    if (waiting?.p(event)) {
      waiting.resolve(event);
      waiting = null;
    }
  });
  const next = (p: (e: LayoutEvent) => boolean) => new Promise<LayoutEvent>((resolve) => (waiting = { p, resolve }));
  return { events, send, next };
}

const start = (run: number, extra: Partial<Extract<LayoutCommand, { kind: 'start' }>> = {}): LayoutCommand => ({ kind: 'start', run, graph, mode: 'force', seed: {}, pinned: [], ...extra });

describe('createLayoutRunner', () => {
  it('posts the starting points at once, in graph order, then ticks of the same run', async () => {
    const { events, send, next } = harness();
    send(start(7));
    const first = events[0];
    expect(first?.kind).toBe('tick');
    const expected = initialPositions(graph, {});
    const xy = first?.kind === 'tick' ? first.xy : new Float64Array();
    expect(xy.length).toBe(graph.nodes.length * 2);
    graph.nodes.forEach((n, i) => expect([xy[2 * i], xy[2 * i + 1]]).toEqual([expected[n.id]?.x, expected[n.id]?.y]));
    const later = await next((e) => e.kind === 'tick');
    expect(later.run).toBe(7);
    send({ kind: 'stop' });
  });

  it('holds a dragged node where it is dragged', async () => {
    const { send, next } = harness();
    send(start(1));
    const id = graph.nodes[0]?.id ?? '';
    send({ kind: 'dragStart', id });
    send({ kind: 'dragTo', id, x: 1234, y: -567 });
    const tick = await next((e) => e.kind === 'tick');
    expect(tick.kind === 'tick' && [tick.xy[0], tick.xy[1]]).toEqual([1234, -567]);
    send({ kind: 'dragEnd', id });
    send({ kind: 'stop' });
  });

  it('a new start supersedes the old run; stop ends the ticking', async () => {
    const { events, send, next } = harness();
    send(start(1));
    send(start(2, { seed: initialPositions(graph, {}) }));
    await next((e) => e.kind === 'tick');
    send({ kind: 'stop' });
    const count = events.length;
    expect(events.slice(1).every((e) => e.run === 2)).toBe(true);
    // After stop, a fresh run still answers (the runner is reusable) and the stopped one never ticks again.
    send(start(3));
    await next((e) => e.kind === 'tick' && e.run === 3);
    send({ kind: 'stop' });
    expect(events.slice(count).every((e) => e.run === 3)).toBe(true);
  });

  it('in still mode (reduced motion) sends the starting points and the resting layout at once, and nothing in between', () => {
    const { events, send } = harness();
    send(start(3, { still: true }));
    // Everything happened synchronously: the start, one step to the resting layout, the end.
    expect(events.map((e) => e.kind)).toEqual(['tick', 'tick', 'end']);
    const [first, rest] = events;
    const a = first?.kind === 'tick' ? first.xy : new Float64Array();
    const b = rest?.kind === 'tick' ? rest.xy : new Float64Array();
    expect(b.length).toBe(a.length);
    expect([...b].some((v, i) => Math.abs(v - (a[i] ?? 0)) > 1)).toBe(true);
    // No timer keeps ticking behind it: running every due d3 timer now adds no event.
    timerFlush();
    expect(events.length).toBe(3);
    // A dropped node settles the others the same way: one step, then the end.
    const id = graph.nodes[1]?.id ?? '';
    send({ kind: 'dragStart', id });
    send({ kind: 'dragTo', id, x: 900, y: 900 });
    expect(events.length).toBe(3);
    send({ kind: 'dragEnd', id });
    expect(events.slice(3).map((e) => e.kind)).toEqual(['tick', 'end']);
    const dropped = events[3];
    const xy = dropped?.kind === 'tick' ? dropped.xy : new Float64Array();
    expect([xy[2], xy[3]]).toEqual([900, 900]);
    send({ kind: 'stop' });
  });
});
