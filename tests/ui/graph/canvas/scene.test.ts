// The canvas picture's drawing list: each node and edge gets the SVG's style (shape, colour token, width,
// dash, dimming), marks of one style share one batch, dimmed marks are drawn first and lit/active ones last,
// decisions get rings, and the palette is read from the CSS custom properties.
import { describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../../../src/lib/graph';
import { drawList, edgeStyle, fitTransform, nodeStyle, paletteTokens, readPalette } from '../../../../src/lib/ui/graph/canvas/scene';

const plain = { dim: false, lit: false, active: false };
const node = (id: string, kind: GraphNode['kind'], extra: Partial<GraphNode> = {}): GraphNode => ({ id, kind, label: id, accountId: '111122223333', ...extra });

const graph: Graph = {
  nodes: [node('u1', 'user'), node('u2', 'user'), node('g', 'group'), node('p', 'policy', { badge: 'inline' }), node('r', 'role'), node('x', 'user', { external: true })],
  edges: [
    { id: 'e1', kind: 'memberOf', source: 'u1', target: 'g', crossAccount: false },
    { id: 'e2', kind: 'memberOf', source: 'u2', target: 'g', crossAccount: false },
    { id: 'e3', kind: 'inline', source: 'p', target: 'u1', crossAccount: false },
    { id: 'e4', kind: 'canAssume', source: 'x', target: 'r', crossAccount: true },
  ],
};

describe('nodeStyle', () => {
  it.each<[GraphNode, Partial<ReturnType<typeof nodeStyle>>]>([
    [node('a', 'user'), { shape: 'circle', stroke: 'kindUser', fill: 'surface', width: 2, dash: [] }],
    [node('a', 'root'), { shape: 'rootCircle', stroke: 'kindRoot' }],
    [node('a', 'group'), { shape: 'group', stroke: 'kindGroup' }],
    [node('a', 'role'), { shape: 'role', stroke: 'kindRole' }],
    [node('a', 'policy', { badge: 'inline' }), { shape: 'policy', stroke: 'kindPolicy', dash: [4, 3] }],
    [node('a', 'policy', { badge: 'awsManaged' }), { shape: 'policy', fill: 'surface2', dash: [] }],
    [node('a', 'service'), { shape: 'circle', stroke: 'kindIdp', dash: [4, 3] }],
    [node('a', 'resource'), { shape: 'resource', stroke: 'kindResource' }],
    [node('a', 'public'), { shape: 'public', stroke: 'kindAccount' }],
    [node('a', 'user', { external: true }), { dash: [4, 3] }],
  ])('%o is drawn like GraphNodeMark', (n, expected) => {
    expect(nodeStyle(n, plain)).toMatchObject(expected);
  });

  it('dims, lights and activates as the SVG classes do', () => {
    expect(nodeStyle(node('a', 'user'), { ...plain, dim: true }).alpha).toBe(0.22);
    expect(nodeStyle(node('a', 'user'), { ...plain, lit: true })).toMatchObject({ stroke: 'accent', width: 3.5, alpha: 1 });
    expect(nodeStyle(node('a', 'user'), { ...plain, active: true })).toMatchObject({ stroke: 'accent', width: 5, fill: 'surface2' });
  });
});

describe('edgeStyle', () => {
  it.each([
    ['memberOf', false, { stroke: 'kindGroup', width: 1.6, dash: [], arrow: false }],
    ['boundary', false, { stroke: 'kindPolicy', dash: [6, 4] }],
    ['canAssume', false, { stroke: 'kindRole', width: 2, arrow: true }],
    ['grants', false, { stroke: 'kindResource', width: 2, arrow: true }],
    ['runsAs', false, { stroke: 'kindResource', dash: [2, 3] }],
    ['canAssume', true, { stroke: 'kindRole', width: 3.5, dash: [10, 3, 2, 3] }],
  ] as const)('%s (cross-account: %s)', (kind, cross, expected) => {
    expect(edgeStyle(kind, cross, { dim: false, lit: false })).toMatchObject(expected);
  });

  it('lit edges take the accent at width 4; dimmed ones fade', () => {
    expect(edgeStyle('memberOf', false, { dim: false, lit: true })).toMatchObject({ stroke: 'accent', width: 4, alpha: 1 });
    expect(edgeStyle('memberOf', false, { dim: true, lit: false }).alpha).toBe(0.15);
  });
});

describe('drawList', () => {
  it('groups marks of one style into one batch and records each edge’s ends', () => {
    const list = drawList(graph, { decisions: new Map(), highlight: null, pinned: new Set() });
    const users = list.nodes.find((b) => b.style.shape === 'circle' && b.style.dash.length === 0);
    expect(users?.items).toEqual([0, 1]);
    expect(list.edges.find((b) => b.style.stroke === 'kindGroup')?.items).toEqual([0, 1]);
    expect([...list.ends]).toEqual([0, 2, 1, 2, 3, 0, 5, 4]);
    expect(list.rings).toEqual([]);
    expect(list.labels).toEqual([{ alpha: 1, items: [0, 1, 2, 3, 4, 5] }]);
  });

  it('puts decisions in rings, pins in pins, and dims what a highlight leaves out (drawn first)', () => {
    const list = drawList(graph, {
      decisions: new Map([['u1', 'allowed'], ['u2', 'explicitDeny']]),
      highlight: { nodes: new Set(['u1', 'g']), edges: new Set(['e1']), active: 'g' },
      pinned: new Set(['r']),
    });
    expect(list.rings).toEqual([
      { decision: 'allowed', alpha: 1, items: [0] },
      { decision: 'explicitDeny', alpha: 0.22, items: [1] },
    ]);
    expect(list.pins).toEqual([{ alpha: 0.22, items: [4] }]);
    expect(list.nodes[0]?.style.alpha).toBe(0.22);
    expect(list.nodes.at(-1)).toMatchObject({ style: { stroke: 'accent', width: 5 }, items: [2] });
    expect(list.nodes.find((b) => b.style.stroke === 'accent' && b.style.width === 3.5)?.items).toEqual([0]);
    expect(list.edges.at(-1)).toMatchObject({ style: { stroke: 'accent', width: 4 }, items: [0] });
    expect(list.edges[0]?.style.alpha).toBe(0.15);
  });
});

describe('readPalette', () => {
  it('reads every token from its custom property, trimmed, with a fallback for a missing one', () => {
    const palette = readPalette({ getPropertyValue: (name) => (name === '--kind-user' ? ' #2456c7 ' : name === '--surface' ? '' : '#000000') });
    expect(palette.kindUser).toBe('#2456c7');
    expect(palette.surface).toBe('#888888');
    expect(Object.keys(palette)).toEqual(Object.keys(paletteTokens));
  });
});

describe('fitTransform', () => {
  it('centres the points with a margin, within the zoom limits', () => {
    expect(fitTransform([{ x: -100, y: -50 }, { x: 100, y: 50 }], 640, 440, 60)).toEqual({ x: 320, y: 220, k: 2 });
    const wide = fitTransform([{ x: 0, y: 0 }, { x: 2880, y: 0 }], 600, 600, 60);
    expect(wide.k).toBeCloseTo(0.2);
    expect(wide.x + wide.k * 1440).toBeCloseTo(300);
    expect(fitTransform([], 600, 400)).toEqual({ x: 300, y: 200, k: 1 });
  });
});
