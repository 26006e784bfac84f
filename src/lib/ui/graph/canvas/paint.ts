// Paints one frame of the canvas picture from a drawing list (scene.ts) and the layout's current points:
// account regions, edges (one path per style), nodes, decision rings with their badge glyphs (check /
// slash / empty circle: never colour alone), pins, and, zoomed in, icons and labels.
// Speed (software raster, issue 6): nodes and rings are stamped from sprites (one small bitmap per style
// and zoom) when a sprite source is given, and while the layout moves edges are at most one device pixel
// wide (the rasterizer's fast hairlines); at rest they get their full width again.
// Invariant: marks outside the view are skipped, and user text reaches the canvas only through fillText.
import type { Decision } from '../../../domain/evaluation/types';
import { accountRegions } from '../../../graph/layout';
import type { Graph, GraphNode } from '../../../graph/types';
import type { DrawList, EdgeStyle, NodeStyle, Palette, Shape } from './scene';

export type Paintable = Pick<
  CanvasRenderingContext2D,
  | 'setTransform' | 'fillRect' | 'beginPath' | 'moveTo' | 'lineTo' | 'arc' | 'closePath' | 'roundRect' | 'fill' | 'stroke'
  | 'setLineDash' | 'fillText' | 'strokeText' | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'globalAlpha' | 'font'
  | 'textAlign' | 'lineJoin' | 'lineCap' | 'drawImage'
>;

/** A mark pre-drawn at the current zoom: a square bitmap whose centre is the node's centre. */
export interface Sprite {
  readonly image: CanvasImageSource;
  /** Half the bitmap's side, in device pixels. */
  readonly half: number;
}

/** Returns the sprite for `key`, drawing it (in graph units, centred on the origin, within `extent`) on a miss. */
export type SpriteSource = (key: string, extent: number, draw: (ctx: Paintable) => void) => Sprite;

/** The zoom (graph → CSS pixels: x' = k·x + x) and the canvas size in CSS pixels and device pixels per CSS pixel. */
export interface View {
  readonly x: number;
  readonly y: number;
  readonly k: number;
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
}

export interface PaintOptions {
  /** Icons and labels (zoomed in far enough to read them). */
  readonly detail: boolean;
  /** The layout is moving: edges drawn as hairlines. */
  readonly moving: boolean;
  /** Draws a node's kind icon centred at the origin of the current transform (Path2D lives in browsers only). */
  readonly glyph?: ((ctx: Paintable, node: GraphNode, x: number, y: number) => void) | undefined;
  /** Stamps nodes and rings from bitmaps; without it every mark is a path (tests, and the reference look). */
  readonly sprites?: SpriteSource | undefined;
}

type Point = { readonly x: number; readonly y: number };

const hexagon = [[-20, 0], [-10, -18], [10, -18], [20, 0], [10, 18], [-10, 18]] as const;
const octagon = [[-8, -19], [8, -19], [19, -8], [19, 8], [8, 19], [-8, 19], [-19, 8], [-19, -8]] as const;
const page = [[-15, -19], [7, -19], [15, -11], [15, 19], [-15, 19]] as const;
const diamond = [[0, -21], [21, 0], [0, 21], [-21, 0]] as const;
/** Just under one device pixel: Skia draws such strokes as hairlines, several times faster than wider ones. */
const hairline = 0.99;
const font = '13px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const boldFont = `600 ${font}`;

function polygon(ctx: Paintable, x: number, y: number, points: readonly (readonly [number, number])[]): void {
  points.forEach(([px, py], i) => (i === 0 ? ctx.moveTo(x + px, y + py) : ctx.lineTo(x + px, y + py)));
  ctx.closePath();
}

function circle(ctx: Paintable, x: number, y: number, r: number): void {
  ctx.moveTo(x + r, y);
  ctx.arc(x, y, r, 0, Math.PI * 2);
}

/** GraphNodeMark's shapes, added to the current path. */
export function addShape(ctx: Paintable, shape: Shape, x: number, y: number): void {
  switch (shape) {
    case 'circle':
      return circle(ctx, x, y, 18);
    case 'rootCircle':
      return circle(ctx, x, y, 20);
    case 'group':
      return ctx.roundRect(x - 22, y - 16, 44, 32, 10);
    case 'account':
      return ctx.roundRect(x - 22, y - 16, 44, 32, 2);
    case 'resource':
      return ctx.roundRect(x - 19, y - 17, 38, 34, 5);
    case 'role':
      return polygon(ctx, x, y, hexagon);
    case 'policy':
      return polygon(ctx, x, y, page);
    case 'idp':
      return polygon(ctx, x, y, diamond);
    case 'public':
      return polygon(ctx, x, y, octagon);
  }
}

/** The decision icon of GraphNodeMark's badge (icons.ts, 24-unit box drawn at 18 px, top right of the node). */
export function addBadgeGlyph(ctx: Paintable, decision: Decision, x: number, y: number): void {
  const at = (u: number, v: number): [number, number] => [x + 12 + u * 0.75, y - 30 + v * 0.75];
  const [cx, cy] = at(12, 12);
  circle(ctx, cx, cy, decision === 'implicitDeny' ? 6.75 : 7.5);
  if (decision === 'allowed') {
    ctx.moveTo(...at(7, 12.5));
    ctx.lineTo(...at(10.2, 15.7));
    ctx.lineTo(...at(17, 9));
  } else if (decision === 'explicitDeny') {
    ctx.moveTo(...at(5, 5));
    ctx.lineTo(...at(19, 19));
  }
}

const ringWidth: Readonly<Record<Decision, number>> = { allowed: 4, explicitDeny: 6, implicitDeny: 4 };

function visible(p: Point, box: { x0: number; y0: number; x1: number; y1: number }): boolean {
  return p.x >= box.x0 && p.x <= box.x1 && p.y >= box.y0 && p.y <= box.y1;
}

/** A decision's ring and its badge (disc plus glyph), as GraphNodeMark draws them. */
export function addRing(ctx: Paintable, palette: Palette, decision: Decision, x: number, y: number): void {
  ctx.beginPath();
  circle(ctx, x, y, 27);
  ctx.strokeStyle = palette[decision];
  ctx.lineWidth = ringWidth[decision];
  ctx.setLineDash(decision === 'implicitDeny' ? [5, 4] : []);
  ctx.stroke();
  ctx.beginPath();
  circle(ctx, x + 21, y - 21, 8.25);
  ctx.fillStyle = palette.surface;
  ctx.fill();
  ctx.beginPath();
  addBadgeGlyph(ctx, decision, x, y);
  ctx.setLineDash([]);
  ctx.lineCap = 'round';
  ctx.lineWidth = 1.8;
  ctx.stroke();
  ctx.lineCap = 'butt';
}

/** One node's shape, filled and stroked in its style (the body of a node sprite). */
export function addNode(ctx: Paintable, palette: Palette, style: NodeStyle, x: number, y: number): void {
  ctx.beginPath();
  addShape(ctx, style.shape, x, y);
  fillAndStroke(ctx, palette, { ...style, alpha: 1 });
}

function fillAndStroke(ctx: Paintable, palette: Palette, style: NodeStyle): void {
  ctx.globalAlpha = style.alpha;
  ctx.fillStyle = palette[style.fill];
  ctx.fill();
  strokeStyleOf(ctx, palette, style);
  ctx.stroke();
}

function strokeStyleOf(ctx: Paintable, palette: Palette, style: EdgeStyle | NodeStyle): void {
  ctx.strokeStyle = palette[style.stroke];
  ctx.lineWidth = style.width;
  ctx.setLineDash(style.dash);
  ctx.globalAlpha = style.alpha;
}

export function paintGraph(ctx: Paintable, graph: Graph, list: DrawList, points: readonly Point[], view: View, palette: Palette, options: PaintOptions): void {
  const { k, dpr } = view;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = palette.surface;
  ctx.fillRect(0, 0, view.width * dpr, view.height * dpr);
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * view.x, dpr * view.y);
  ctx.lineJoin = 'round';
  ctx.lineCap = 'butt';
  const margin = 40;
  const box = { x0: -view.x / k - margin, y0: -view.y / k - margin, x1: (view.width - view.x) / k + margin, y1: (view.height - view.y) / k + margin };
  const at = (i: number): Point => points[i] ?? { x: 0, y: 0 };

  // Account regions behind everything.
  const index = list.index;
  ctx.font = boldFont;
  ctx.textAlign = 'left';
  for (const r of accountRegions(graph, (id) => points[index.get(id) ?? -1])) {
    ctx.beginPath();
    ctx.roundRect(r.x, r.y, r.width, r.height, 16);
    ctx.globalAlpha = 0.06;
    ctx.fillStyle = palette.kindAccount;
    ctx.fill();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = palette.kindAccount;
    ctx.lineWidth = 1;
    ctx.setLineDash([2, 4]);
    ctx.stroke();
    ctx.fillStyle = palette.textMuted;
    ctx.fillText(graph.nodes[index.get(`account:${r.accountId}`) ?? -1]?.label ?? r.accountId, r.x + 12, r.y + 20);
  }

  // Edges: one path per style; an edge is skipped only when both ends lie beyond the same side of the view.
  const arrows: [Point, Point][] = [];
  for (const batch of list.edges) {
    ctx.beginPath();
    for (const i of batch.items) {
      const a = at(list.ends[2 * i] ?? -1);
      const b = at(list.ends[2 * i + 1] ?? -1);
      if ((a.x < box.x0 && b.x < box.x0) || (a.x > box.x1 && b.x > box.x1) || (a.y < box.y0 && b.y < box.y0) || (a.y > box.y1 && b.y > box.y1)) continue;
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
      if (batch.style.arrow && (options.detail || batch.style.stroke === 'accent')) arrows.push([a, b]);
    }
    strokeStyleOf(ctx, palette, batch.style);
    if (options.moving && batch.style.stroke !== 'accent') ctx.lineWidth = Math.min(batch.style.width, hairline / (k * dpr));
    ctx.stroke();
  }
  if (arrows.length > 0) {
    ctx.globalAlpha = 1;
    ctx.beginPath();
    for (const [a, b] of arrows) {
      const length = Math.hypot(b.x - a.x, b.y - a.y);
      if (length < 40) continue;
      const ux = (b.x - a.x) / length;
      const uy = (b.y - a.y) / length;
      const tipX = b.x - ux * 26;
      const tipY = b.y - uy * 26;
      ctx.moveTo(tipX, tipY);
      ctx.lineTo(tipX - ux * 10 - uy * 5, tipY - uy * 10 + ux * 5);
      ctx.lineTo(tipX - ux * 10 + uy * 5, tipY - uy * 10 - ux * 5);
      ctx.closePath();
    }
    ctx.fillStyle = palette.textMuted;
    ctx.fill();
  }

  // Decision rings under the shapes (as in the SVG), then the shapes, then the badges.
  const sprites = options.sprites;
  const stamp = (items: readonly number[], alpha: number, sprite: Sprite) => {
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = alpha;
    for (const i of items) {
      const p = at(i);
      if (visible(p, box)) ctx.drawImage(sprite.image, Math.round((view.x + p.x * k) * dpr) - sprite.half, Math.round((view.y + p.y * k) * dpr) - sprite.half);
    }
    ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * view.x, dpr * view.y);
  };
  for (const ring of list.rings) {
    if (sprites) {
      stamp(ring.items, ring.alpha, sprites(`ring ${ring.decision}`, 31, (c) => addRing(c, palette, ring.decision, 0, 0)));
      continue;
    }
    ctx.globalAlpha = ring.alpha;
    for (const i of ring.items) if (visible(at(i), box)) addRing(ctx, palette, ring.decision, at(i).x, at(i).y);
  }
  for (const batch of list.nodes) {
    if (sprites) {
      stamp(batch.items, batch.style.alpha, sprites(JSON.stringify({ ...batch.style, alpha: 1 }), 25, (c) => addNode(c, palette, batch.style, 0, 0)));
      continue;
    }
    ctx.beginPath();
    for (const i of batch.items) if (visible(at(i), box)) addShape(ctx, batch.style.shape, at(i).x, at(i).y);
    fillAndStroke(ctx, palette, batch.style);
  }
  for (const pins of list.pins) {
    ctx.globalAlpha = pins.alpha;
    ctx.beginPath();
    for (const i of pins.items) if (visible(at(i), box)) circle(ctx, at(i).x - 18, at(i).y - 18, 3.5);
    ctx.fillStyle = palette.textMuted;
    ctx.fill();
  }

  if (options.detail) {
    ctx.font = font;
    ctx.textAlign = 'center';
    ctx.lineJoin = 'round';
    for (const group of list.labels) {
      ctx.globalAlpha = group.alpha;
      for (const i of group.items) {
        const p = at(i);
        const node = graph.nodes[i];
        if (!node || !visible(p, box)) continue;
        options.glyph?.(ctx, node, p.x, p.y);
        ctx.strokeStyle = palette.surface;
        ctx.lineWidth = 3;
        ctx.setLineDash([]);
        ctx.strokeText(node.label, p.x, p.y + 34);
        ctx.fillStyle = palette.text;
        ctx.fillText(node.label, p.x, p.y + 34);
      }
    }
  }

  ctx.globalAlpha = 1;
}
