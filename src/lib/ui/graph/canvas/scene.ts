// The canvas picture's drawing list: which style every node, edge, decision ring and label gets, grouped
// so that each style is one path (one stroke/fill call for hundreds of marks). Pure over plain data; it is
// rebuilt when the graph or an overlay changes, never per layout tick (positions are read at paint time).
// Invariant: the styles are those of GraphNodeMark's and GraphSvg's CSS, so both pictures read alike.
import type { Decision } from '../../../domain/evaluation/types';
import type { EdgeKind, Graph, GraphNode, NodeKind } from '../../../graph/types';
import type { IconName } from '../../icons/icons';
import type { Highlight } from '../picture';

/** The CSS custom properties (tokens.css) the canvas paints with, read once per theme. */
export const paletteTokens = {
  surface: '--surface',
  surface2: '--surface-2',
  border: '--border',
  text: '--text',
  textMuted: '--text-muted',
  accent: '--accent',
  focus: '--focus',
  allowed: '--allowed',
  explicitDeny: '--explicit-deny',
  implicitDeny: '--implicit-deny',
  kindRoot: '--kind-root',
  kindUser: '--kind-user',
  kindGroup: '--kind-group',
  kindRole: '--kind-role',
  kindPolicy: '--kind-policy',
  kindIdp: '--kind-idp',
  kindResource: '--kind-resource',
  kindAccount: '--kind-account',
} as const;
export type Token = keyof typeof paletteTokens;
export type Palette = Readonly<Record<Token, string>>;

/** Reads the palette from computed style (any `getPropertyValue` source; a fallback keeps a colour valid). */
export function readPalette(style: { getPropertyValue(name: string): string }): Palette {
  const out = {} as Record<Token, string>;
  for (const [token, property] of Object.entries(paletteTokens) as [Token, string][]) out[token] = style.getPropertyValue(property).trim() || '#888888';
  return out;
}

export type Shape = 'circle' | 'rootCircle' | 'group' | 'account' | 'role' | 'policy' | 'idp' | 'resource' | 'public';

export interface NodeStyle {
  readonly shape: Shape;
  readonly fill: Token;
  readonly stroke: Token;
  readonly width: number;
  readonly dash: readonly number[];
  readonly alpha: number;
}

export interface EdgeStyle {
  readonly stroke: Token;
  readonly width: number;
  readonly dash: readonly number[];
  readonly alpha: number;
  /** Drawn with an arrowhead at the target (can assume, grants), as the SVG's marker. */
  readonly arrow: boolean;
}

export interface Batch<S> {
  readonly style: S;
  /** Indices into graph.nodes (or graph.edges for edge batches). */
  readonly items: readonly number[];
}

export interface RingBatch {
  readonly decision: Decision;
  readonly alpha: number;
  readonly items: readonly number[];
}

export interface DrawList {
  readonly edges: readonly Batch<EdgeStyle>[];
  readonly nodes: readonly Batch<NodeStyle>[];
  readonly rings: readonly RingBatch[];
  /** Pinned nodes' dots and labels, per opacity. */
  readonly pins: readonly { readonly alpha: number; readonly items: readonly number[] }[];
  readonly labels: readonly { readonly alpha: number; readonly items: readonly number[] }[];
  /** Index of each endpoint of each edge, two per edge (source, target). */
  readonly ends: Int32Array;
  /** Node id → index into graph.nodes. */
  readonly index: ReadonlyMap<string, number>;
}

export interface SceneState {
  readonly decisions: ReadonlyMap<string, Decision>;
  readonly highlight: Highlight | null;
  readonly pinned: ReadonlySet<string>;
}

export const dimAlpha = 0.22;
export const dimEdgeAlpha = 0.15;

export const kindColour: Readonly<Record<NodeKind, Token>> = {
  account: 'kindAccount',
  root: 'kindRoot',
  user: 'kindUser',
  group: 'kindGroup',
  role: 'kindRole',
  policy: 'kindPolicy',
  idp: 'kindIdp',
  service: 'kindIdp',
  resource: 'kindResource',
  public: 'kindAccount',
};

/** Each kind's icon, the same in the SVG marks, the canvas and the legend. */
export const kindIcon: Readonly<Record<NodeKind, IconName>> = {
  account: 'account',
  root: 'root',
  user: 'user',
  group: 'group',
  role: 'role',
  policy: 'policy',
  idp: 'idp',
  resource: 'resource',
  service: 'terminal',
  public: 'idp',
};

const kindShape: Readonly<Record<NodeKind, Shape>> = {
  account: 'account',
  root: 'rootCircle',
  user: 'circle',
  group: 'group',
  role: 'role',
  policy: 'policy',
  idp: 'idp',
  service: 'circle',
  resource: 'resource',
  public: 'public',
};

/** GraphNodeMark's look: kind colour and shape; dashed when inline, a service or outside the lab; lit/active in the accent. */
export function nodeStyle(node: GraphNode, state: { dim: boolean; lit: boolean; active: boolean }): NodeStyle {
  const dashed = node.badge === 'inline' || node.kind === 'service' || node.external === true;
  const stroke: Token = state.active || state.lit ? 'accent' : kindColour[node.kind];
  return {
    shape: kindShape[node.kind],
    fill: state.active || node.badge === 'awsManaged' ? 'surface2' : 'surface',
    stroke,
    width: state.active ? 5 : state.lit ? 3.5 : 2,
    dash: dashed ? [4, 3] : [],
    alpha: state.dim ? dimAlpha : 1,
  };
}

const edgeColour: Readonly<Record<EdgeKind, Token>> = {
  memberOf: 'kindGroup',
  attached: 'kindPolicy',
  inline: 'kindPolicy',
  boundary: 'kindPolicy',
  canAssume: 'kindRole',
  grants: 'kindResource',
  runsAs: 'kindResource',
};

/** GraphSvg's `.edge` rules: colour and dash per kind, cross-account thick and dash-dotted, lit in the accent. */
export function edgeStyle(kind: EdgeKind, crossAccount: boolean, state: { dim: boolean; lit: boolean }): EdgeStyle {
  const width = crossAccount ? 3.5 : kind === 'canAssume' || kind === 'grants' ? 2 : 1.6;
  const dash = crossAccount ? [10, 3, 2, 3] : kind === 'boundary' ? [6, 4] : kind === 'runsAs' ? [2, 3] : [];
  return {
    stroke: state.lit ? 'accent' : edgeColour[kind],
    width: state.lit ? 4 : width,
    dash,
    alpha: state.dim ? dimEdgeAlpha : 1,
    arrow: kind === 'canAssume' || kind === 'grants',
  };
}

function keyOf(style: object): string {
  return JSON.stringify(style);
}

function group<S extends object>(entries: Iterable<readonly [S, number]>): Batch<S>[] {
  const batches = new Map<string, { style: S; items: number[] }>();
  for (const [style, index] of entries) {
    const key = keyOf(style);
    let batch = batches.get(key);
    if (!batch) batches.set(key, (batch = { style, items: [] }));
    batch.items.push(index);
  }
  return [...batches.values()];
}

/** Drawing order within a layer: dimmed first, then plain, then lit and active on top. */
function rank(style: { alpha: number; stroke: Token; width: number }): number {
  if (style.alpha < 1) return 0;
  if (style.stroke !== 'accent') return 1;
  return style.width >= 5 ? 3 : 2;
}

export function drawList(graph: Graph, state: SceneState): DrawList {
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const ends = new Int32Array(graph.edges.length * 2);
  graph.edges.forEach((e, i) => {
    ends[2 * i] = index.get(e.source) ?? -1;
    ends[2 * i + 1] = index.get(e.target) ?? -1;
  });
  const h = state.highlight;
  const edges = group(
    graph.edges.map((e, i) => {
      const lit = h?.edges.has(e.id) ?? false;
      return [edgeStyle(e.kind, e.crossAccount, { dim: h !== null && !lit, lit }), i] as const;
    }),
  ).sort((a, b) => rank(a.style) - rank(b.style));
  const dim = graph.nodes.map((n) => h !== null && !h.nodes.has(n.id));
  const nodes = group(
    graph.nodes.map((n, i) => [nodeStyle(n, { dim: dim[i] ?? false, lit: h?.nodes.has(n.id) ?? false, active: h?.active === n.id }), i] as const),
  ).sort((a, b) => rank(a.style) - rank(b.style));
  const rings = group(
    graph.nodes.flatMap((n, i) => {
      const decision = state.decisions.get(n.id);
      return decision ? [[{ decision, alpha: dim[i] ? dimAlpha : 1 }, i] as const] : [];
    }),
  ).map((b) => ({ ...b.style, items: b.items }));
  const byAlpha = (keep: (n: GraphNode) => boolean) =>
    group(graph.nodes.flatMap((n, i) => (keep(n) ? [[{ alpha: dim[i] ? dimAlpha : 1 }, i] as const] : []))).map((b) => ({ alpha: b.style.alpha, items: b.items }));
  return { edges, nodes, rings, pins: byAlpha((n) => state.pinned.has(n.id)), labels: byAlpha(() => true), ends, index };
}

/** The zoom that shows every point with a margin, centred, within the zoom's scale limits. */
export function fitTransform(points: readonly { x: number; y: number }[], width: number, height: number, margin = 60): { x: number; y: number; k: number } {
  if (points.length === 0) return { x: width / 2, y: height / 2, k: 1 };
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  x0 -= margin;
  y0 -= margin;
  x1 += margin;
  y1 += margin;
  const k = Math.min(2, Math.max(0.05, Math.min(width / (x1 - x0), height / (y1 - y0))));
  return { x: width / 2 - (k * (x0 + x1)) / 2, y: height / 2 - (k * (y0 + y1)) / 2, k };
}
