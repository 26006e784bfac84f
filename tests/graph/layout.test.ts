// The force layout: deterministic starts, saved positions kept, new nodes placed beside their neighbours,
// the layered mode sorting kinds into columns, and account regions around their nodes.
import { describe, expect, it } from 'vitest';
import { accountRegions, buildGraph, createLayout, initialPositions, nodeIds, positionsOf } from '../../src/lib/graph';
import type { Graph } from '../../src/lib/graph';
import { defaultLab } from '../domain/pipeline/labFixture';

const c = '111122223333';
const world = await defaultLab();
const graph = buildGraph(world);

function settle(g: Graph, options: Parameters<typeof createLayout>[1] = {}, ticks = 200) {
  const sim = createLayout(g, options);
  sim.tick(ticks);
  return positionsOf(sim.nodes());
}

describe('layout', () => {
  it('is deterministic: the same graph settles to the same positions', () => {
    expect(settle(graph)).toEqual(settle(graph));
  });

  it('starts every node at its saved position', () => {
    const saved = { [nodeIds.user(c, 'alice')]: { x: 1234, y: -567 } };
    expect(initialPositions(graph, saved)[nodeIds.user(c, 'alice')]).toEqual({ x: 1234, y: -567 });
  });

  it('keeps pinned nodes where they are while the others move', () => {
    const alice = nodeIds.user(c, 'alice');
    const after = settle(graph, { saved: { [alice]: { x: 900, y: 900 } }, pinned: new Set([alice]) });
    expect(after[alice]).toEqual({ x: 900, y: 900 });
  });

  it('places a new user beside its group and barely moves the settled picture', () => {
    const before = settle(graph);
    const a = world.accounts[c];
    if (!a?.users.bob) throw new Error('no bob');
    const grown = buildGraph({ ...world, accounts: { ...world.accounts, [c]: { ...a, users: { ...a.users, dave: { ...a.users.bob, name: 'dave', arn: `arn:aws:iam::${c}:user/dave` } } } } });
    const start = initialPositions(grown, before);
    const dave = start[nodeIds.user(c, 'dave')];
    const group = before[nodeIds.group(c, 'Developers')];
    expect(dave && group && Math.hypot(dave.x - group.x, dave.y - group.y)).toBeLessThan(60);
    const after = settle(grown, { saved: before }, 60);
    const moved = graph.nodes.map((n) => Math.hypot((after[n.id]?.x ?? 0) - (before[n.id]?.x ?? 0), (after[n.id]?.y ?? 0) - (before[n.id]?.y ?? 0)));
    const median = [...moved].sort((x, y) => x - y)[Math.floor(moved.length / 2)] ?? Infinity;
    expect(median).toBeLessThan(40);
  });

  it('layered mode puts policies left of groups, groups left of users, users left of resources', () => {
    const pos = settle(graph, { mode: 'layered' }, 300);
    const x = (id: string) => pos[id]?.x ?? NaN;
    expect(x(nodeIds.managedPolicy(`arn:aws:iam::${c}:policy/DeveloperAppAccess`))).toBeLessThan(x(nodeIds.group(c, 'Developers')));
    expect(x(nodeIds.group(c, 'Developers'))).toBeLessThan(x(nodeIds.user(c, 'bob')));
    expect(x(nodeIds.user(c, 'bob'))).toBeLessThan(x(nodeIds.resource('arn:aws:s3:::example-corp-app-data')));
  });

  it('draws one region per account, enclosing its nodes', () => {
    const pos = settle(graph);
    const regions = accountRegions(graph, (id) => pos[id]);
    expect(regions.map((r) => r.accountId).sort()).toEqual([c, '444455556666']);
    const company = regions.find((r) => r.accountId === c);
    const bob = pos[nodeIds.user(c, 'bob')];
    expect(company && bob && bob.x > company.x && bob.x < company.x + company.width && bob.y > company.y && bob.y < company.y + company.height).toBe(true);
  });
});
