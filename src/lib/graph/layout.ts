// Force layout setup: deterministic initial placement, saved positions kept, and two modes — a free
// force layout and a layered one (columns by kind, one band per account) for larger labs. Pure math:
// the caller owns the ticking (d3-force's timer or manual `tick()` in tests and the worker).
// Invariant: a node with a saved position starts there; a new node starts beside its neighbours, so
// adding a user does not scramble the picture (d3-force's own random source is a seeded LCG).
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import type { Simulation, SimulationLinkDatum, SimulationNodeDatum } from 'd3-force';
import type { Graph, GraphNode, NodeKind } from './types';

export type Positions = Readonly<Record<string, { readonly x: number; readonly y: number }>>;
export type LayoutMode = 'force' | 'layered';

export interface SimNode extends SimulationNodeDatum {
  readonly id: string;
  readonly kind: NodeKind;
  readonly accountId?: string;
  x: number;
  y: number;
}
export type SimLink = SimulationLinkDatum<SimNode> & { readonly id: string };

/** Column of each kind in the layered mode, left to right: policies → groups → users → roles → resources. */
const column: Readonly<Record<NodeKind, number>> = {
  policy: -2,
  group: -1,
  account: 0,
  root: 0,
  user: 0,
  idp: 1,
  service: 1,
  role: 1,
  resource: 2,
  public: 3,
};
const columnWidth = 170;
const bandHeight = 520;

/** A stable pseudo-random number in [0, 1) from a string (FNV-1a), for jitter that never changes between runs. */
export function hashUnit(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 4294967296;
}

function bandIndex(graph: Graph): Map<string, number> {
  const bands = new Map<string, number>();
  for (const n of graph.nodes) if (n.accountId && !bands.has(n.accountId)) bands.set(n.accountId, bands.size);
  return bands;
}

/** Where a node would sit in the layered mode (also the anchor of a node nobody has placed yet). */
export function anchorOf(node: GraphNode, bands: Map<string, number>): { x: number; y: number } {
  const band = node.accountId !== undefined ? (bands.get(node.accountId) ?? 0) : -0.5;
  return { x: column[node.kind] * columnWidth, y: band * bandHeight + (node.kind === 'account' ? -bandHeight / 2 + 40 : 0) };
}

/** Starting positions: saved ones first, then beside placed neighbours, else at the node's anchor; all jittered by id. */
export function initialPositions(graph: Graph, saved: Positions = {}): Record<string, { x: number; y: number }> {
  const bands = bandIndex(graph);
  const out: Record<string, { x: number; y: number }> = {};
  const neighbours = new Map<string, string[]>();
  for (const e of graph.edges) {
    neighbours.set(e.source, [...(neighbours.get(e.source) ?? []), e.target]);
    neighbours.set(e.target, [...(neighbours.get(e.target) ?? []), e.source]);
  }
  for (const n of graph.nodes) {
    const s = saved[n.id];
    if (s) out[n.id] = { x: s.x, y: s.y };
  }
  for (const n of graph.nodes) {
    if (out[n.id]) continue;
    const placed = (neighbours.get(n.id) ?? []).map((id) => saved[id]).filter((p): p is { x: number; y: number } => p !== undefined);
    const angle = hashUnit(n.id) * Math.PI * 2;
    const radius = placed.length > 0 ? 40 : 20 + hashUnit(`${n.id}#r`) * 120;
    const base = placed.length > 0
      ? { x: placed.reduce((a, p) => a + p.x, 0) / placed.length, y: placed.reduce((a, p) => a + p.y, 0) / placed.length }
      : anchorOf(n, bands);
    out[n.id] = { x: base.x + Math.cos(angle) * radius, y: base.y + Math.sin(angle) * radius };
  }
  return out;
}

export interface LayoutOptions {
  readonly mode?: LayoutMode;
  readonly saved?: Positions;
  /** Node ids pinned where they are (dragged by the learner). */
  readonly pinned?: ReadonlySet<string>;
}

/** A stopped simulation over the graph; call `.restart()` to animate or `.tick(n)` to step. */
export function createLayout(graph: Graph, options: LayoutOptions = {}): Simulation<SimNode, SimLink> {
  const start = initialPositions(graph, options.saved);
  const bands = bandIndex(graph);
  const nodes: SimNode[] = graph.nodes.map((n) => {
    const p = start[n.id] ?? { x: 0, y: 0 };
    const pinned = options.pinned?.has(n.id);
    return { id: n.id, kind: n.kind, ...(n.accountId ? { accountId: n.accountId } : {}), x: p.x, y: p.y, ...(pinned ? { fx: p.x, fy: p.y } : {}) };
  });
  const links: SimLink[] = graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));
  const layered = options.mode === 'layered';
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const anchor = (d: SimNode) => {
    const n = byId.get(d.id);
    return n ? anchorOf(n, bands) : { x: 0, y: 0 };
  };
  const big = nodes.length > 300;
  const simulation = forceSimulation<SimNode, SimLink>(nodes)
    .force('link', forceLink<SimNode, SimLink>(links).id((d) => d.id).distance(layered ? 90 : 70).strength(layered ? 0.2 : 0.5))
    .force('charge', forceManyBody<SimNode>().strength(big ? -60 : -260).distanceMax(big ? 250 : 600).theta(big ? 1.2 : 0.9))
    .force('collide', forceCollide<SimNode>(26))
    .force('x', forceX<SimNode>((d) => anchor(d).x).strength(layered ? 0.6 : 0.04))
    .force('y', forceY<SimNode>((d) => anchor(d).y).strength(layered ? 0.15 : 0.06))
    .stop();
  // Nodes that start at saved positions should settle, not fly: begin with little energy.
  if (options.saved && Object.keys(options.saved).length > 0) simulation.alpha(0.3);
  return simulation;
}

/** Current positions, rounded, as the plain record the world's `layout` slot stores. */
export function positionsOf(nodes: readonly { readonly id: string; readonly x: number; readonly y: number }[]): Record<string, { x: number; y: number }> {
  const out: Record<string, { x: number; y: number }> = {};
  for (const n of nodes) out[n.id] = { x: Math.round(n.x), y: Math.round(n.y) };
  return out;
}

/** Bounding box of each account's nodes (the account regions drawn behind them). */
export function accountRegions(graph: Graph, position: (id: string) => { x: number; y: number } | undefined, padding = 36): { accountId: string; x: number; y: number; width: number; height: number }[] {
  const boxes = new Map<string, { x0: number; y0: number; x1: number; y1: number }>();
  for (const n of graph.nodes) {
    if (!n.accountId || n.external || n.kind === 'account') continue;
    const p = position(n.id);
    if (!p) continue;
    const b = boxes.get(n.accountId) ?? { x0: p.x, y0: p.y, x1: p.x, y1: p.y };
    boxes.set(n.accountId, { x0: Math.min(b.x0, p.x), y0: Math.min(b.y0, p.y), x1: Math.max(b.x1, p.x), y1: Math.max(b.y1, p.y) });
  }
  return [...boxes].map(([accountId, b]) => ({ accountId, x: b.x0 - padding, y: b.y0 - padding, width: b.x1 - b.x0 + 2 * padding, height: b.y1 - b.y0 + 2 * padding }));
}
