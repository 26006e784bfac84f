// The overlay's answers are about the graph the view shows (the bug of a question asked while the graph was
// still being built: it was answered for the empty graph, "0 allowed, 0 explicitly denied, 0 implicitly
// denied", and kept after the graph arrived). Inline client, as without Worker support.
import { describe, expect, it } from 'vitest';
import { buildGraph, nodeIds } from '../../../src/lib/graph';
import type { Graph } from '../../../src/lib/graph';
import { OverlayClient } from '../../../src/lib/ui/graph/overlayClient';
import { OverlayState } from '../../../src/lib/ui/graph/overlayState.svelte';
import { defaultLab } from '../../domain/pipeline/labFixture';

const c = '111122223333';
const world = await defaultLab();
const graph = buildGraph(world);
const alice = nodeIds.user(c, 'alice');
const counts = (o: OverlayState) => ['allowed', 'explicitDeny', 'implicitDeny'].map((d) => o.access.filter((e) => e.decision === d).length);

describe('OverlayState', () => {
  it('answers a question asked before the graph is built once the graph is there, and stays busy until then', async () => {
    const overlay = new OverlayState(new OverlayClient(false));
    overlay.graphLoading();
    await overlay.runAccess(world);
    expect(overlay.busy).toBe(true);
    expect(overlay.answered).toBeNull();
    expect(overlay.access).toEqual([]);

    await overlay.setGraph(world, graph);
    expect(overlay.busy).toBe(false);
    expect(overlay.answered).toEqual({ action: 's3:DeleteObject', resource: 'arn:aws:s3:::example-corp-app-data/reports/2025-q4.csv' });
    expect(counts(overlay)).toEqual([3, 0, 7]);
    expect(overlay.decisions.get(alice)?.decision).toBe('allowed');
  });

  it('asks the question it answered again of a new graph, not the inputs edited since', async () => {
    const overlay = new OverlayState(new OverlayClient(false));
    await overlay.setGraph(world, graph);
    await overlay.runAccess(world);
    expect(counts(overlay)).toEqual([3, 0, 7]);

    overlay.action = 's3:PutObject';
    overlay.graphLoading();
    expect(overlay.busy).toBe(true);
    const withoutAlice: Graph = { nodes: graph.nodes.filter((n) => n.id !== alice), edges: graph.edges.filter((e) => e.source !== alice && e.target !== alice) };
    await overlay.setGraph(world, withoutAlice);
    expect(overlay.busy).toBe(false);
    expect(overlay.answered?.action).toBe('s3:DeleteObject');
    expect(counts(overlay)).toEqual([2, 0, 7]);
    expect(overlay.decisions.has(alice)).toBe(false);
  });

  it('drops an answer about the old graph that arrives after a new one is on its way', async () => {
    const overlay = new OverlayState(new OverlayClient(false));
    await overlay.setGraph(world, { nodes: [], edges: [] });
    const stale = overlay.runAccess(world);
    overlay.graphLoading();
    await stale;
    expect(overlay.busy).toBe(true);
    expect(overlay.answered).toBeNull();
    await overlay.setGraph(world, graph);
    expect(counts(overlay)).toEqual([3, 0, 7]);
  });

  it('recomputes the who-can answers for a new graph', async () => {
    const overlay = new OverlayState(new OverlayClient(false));
    overlay.query = 'who can s3:DeleteObject on arn:aws:s3:::example-corp-app-data/reports/2025-q4.csv';
    await overlay.runWhoCan(world);
    expect(overlay.busy).toBe(true);
    await overlay.setGraph(world, graph);
    expect(overlay.kind).toBe('whoCan');
    expect(overlay.answers?.map((a) => a.nodeId)).toContain(alice);
  });
});
