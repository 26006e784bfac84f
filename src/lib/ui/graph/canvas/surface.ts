// The browser side of painting the canvas picture: sizes the bitmap to the element and the device pixel
// ratio, keeps the sprites (per zoom and theme) and the kind icons (Path2D), and paints one frame.
// Invariant: the bitmap always matches the element's CSS size × devicePixelRatio when a frame is painted.
import type { Graph, GraphNode } from '../../../graph/types';
import { icons } from '../../icons/icons';
import { paintGraph, type SpriteSource, type View } from './paint';
import { kindColour, kindIcon, type DrawList, type Palette } from './scene';
import { createSprites } from './sprites';

export class CanvasSurface {
  readonly #canvas: HTMLCanvasElement;
  readonly #ctx: CanvasRenderingContext2D | null;
  readonly #glyphs = new Map<string, Path2D>();
  #sprites: { scale: number; palette: Palette; source: SpriteSource } | null = null;

  constructor(canvas: HTMLCanvasElement) {
    this.#canvas = canvas;
    this.#ctx = canvas.getContext('2d', { alpha: false });
  }

  /** Paints `graph` at zoom `zoom`; `detail` adds icons and labels, `moving` thins the edges. */
  paint(graph: Graph, list: DrawList, points: readonly { x: number; y: number }[], zoom: { x: number; y: number; k: number }, palette: Palette, flags: { detail: boolean; moving: boolean }): void {
    const ctx = this.#ctx;
    if (!ctx) return;
    const canvas = this.#canvas;
    const dpr = window.devicePixelRatio || 1;
    const view: View = { ...zoom, width: canvas.clientWidth, height: canvas.clientHeight, dpr };
    if (canvas.width !== Math.round(view.width * dpr) || canvas.height !== Math.round(view.height * dpr)) {
      canvas.width = Math.round(view.width * dpr);
      canvas.height = Math.round(view.height * dpr);
    }
    paintGraph(ctx, graph, list, points, view, palette, {
      ...flags,
      sprites: this.#spritesFor(zoom.k * dpr, palette),
      glyph: (_, node, x, y) => this.#glyph(ctx, palette, node, x, y),
    });
  }

  #spritesFor(scale: number, palette: Palette): SpriteSource {
    if (!this.#sprites || this.#sprites.scale !== scale || this.#sprites.palette !== palette) {
      const source = createSprites(scale, (side) => Object.assign(document.createElement('canvas'), { width: side, height: side }));
      this.#sprites = { scale, palette, source };
    }
    return this.#sprites.source;
  }

  /** The kind's icon (icons.ts, a 24-unit box) at 20 units, as GraphNodeMark draws it. */
  #glyph(ctx: CanvasRenderingContext2D, palette: Palette, node: GraphNode, x: number, y: number): void {
    const name = kindIcon[node.kind];
    let path = this.#glyphs.get(name);
    if (!path) this.#glyphs.set(name, (path = new Path2D(icons[name])));
    ctx.save();
    ctx.translate(x - 10, y - 10);
    ctx.scale(20 / 24, 20 / 24);
    ctx.strokeStyle = palette[kindColour[node.kind]];
    ctx.lineWidth = 2;
    ctx.lineCap = 'round';
    ctx.stroke(path);
    ctx.restore();
  }
}
