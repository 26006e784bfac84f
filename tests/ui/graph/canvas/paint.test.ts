// Painting one frame of the canvas picture, against a recording 2D-context stub: the zoom and device pixel
// ratio reach the transform, marks outside the view are skipped, nodes are stamped from sprites at their
// device position (or drawn as paths without sprites), edges thin to hairlines only while the layout
// moves, decisions get their badge glyph, and labels (plain fillText) appear only when zoomed in.
import { describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../../../src/lib/graph';
import { paintGraph, type Paintable, type SpriteSource, type View } from '../../../../src/lib/ui/graph/canvas/paint';
import { drawList, paletteTokens, type Palette, type Token } from '../../../../src/lib/ui/graph/canvas/scene';

type Call = { readonly op: string; readonly args: readonly unknown[]; readonly state: Readonly<Record<string, unknown>> };

/** A 2D context that records every call with the style state at that moment. */
function recorder(): { ctx: Paintable; calls: Call[] } {
  const calls: Call[] = [];
  const state: Record<string, unknown> = { fillStyle: '', strokeStyle: '', lineWidth: 1, globalAlpha: 1, font: '', textAlign: 'start', lineJoin: 'miter', lineCap: 'butt', dash: [] };
  const record = (op: string) => (...args: unknown[]) => void calls.push({ op, args, state: { ...state } });
  const ops = ['setTransform', 'fillRect', 'beginPath', 'moveTo', 'lineTo', 'arc', 'closePath', 'roundRect', 'fill', 'stroke', 'fillText', 'strokeText', 'drawImage'];
  const ctx = Object.fromEntries(ops.map((op) => [op, record(op)])) as Record<string, unknown>;
  ctx.setLineDash = (dash: number[]) => (state.dash = dash);
  for (const key of Object.keys(state).filter((k) => k !== 'dash')) Object.defineProperty(ctx, key, { get: () => state[key], set: (v) => (state[key] = v) });
  return { ctx: ctx as unknown as Paintable, calls };
}

const palette = Object.fromEntries(Object.keys(paletteTokens).map((t) => [t, `<${t}>`])) as Record<Token, string> as Palette;
const node = (id: string, kind: GraphNode['kind']): GraphNode => ({ id, kind, label: `label ${id}` });
const graph: Graph = {
  nodes: [node('a', 'user'), node('b', 'group'), node('far', 'user')],
  edges: [{ id: 'e', kind: 'memberOf', source: 'a', target: 'b', crossAccount: false }],
};
const points = [{ x: 0, y: 0 }, { x: 100, y: 50 }, { x: 5000, y: 5000 }];
const view: View = { x: 200, y: 100, k: 2, width: 800, height: 600, dpr: 2 };
const list = drawList(graph, { decisions: new Map([['a', 'allowed']]), highlight: null, pinned: new Set() });

function paint(options: Partial<Parameters<typeof paintGraph>[6]> = {}, at: View = view) {
  const { ctx, calls } = recorder();
  paintGraph(ctx, graph, list, points, at, palette, { detail: false, moving: false, ...options });
  return calls;
}

describe('paintGraph', () => {
  it('clears to the surface at device size, then draws in graph units under zoom × device pixel ratio', () => {
    const calls = paint();
    expect(calls[1]).toMatchObject({ op: 'fillRect', args: [0, 0, 1600, 1200], state: { fillStyle: '<surface>' } });
    expect(calls.find((c) => c.op === 'setTransform' && c.args[0] !== 1)?.args).toEqual([4, 0, 0, 4, 400, 200]);
  });

  it('draws nodes as their shapes without sprites, skipping those outside the view', () => {
    const calls = paint();
    const arcs = calls.filter((c) => c.op === 'arc' && c.args[2] === 18);
    expect(arcs.map((c) => c.args.slice(0, 2))).toEqual([[0, 0]]);
    expect(calls.filter((c) => c.op === 'roundRect').map((c) => c.args)).toContainEqual([78, 34, 44, 32, 10]);
    const userStroke = calls.find((c) => c.op === 'stroke' && c.state.strokeStyle === '<kindUser>');
    expect(userStroke?.state.lineWidth).toBe(2);
  });

  it('stamps sprites at each visible node’s rounded device position', () => {
    const keys: string[] = [];
    const sprites: SpriteSource = (key) => (keys.push(key), { image: { key } as unknown as CanvasImageSource, half: 10 });
    const calls = paint({ sprites });
    const stamps = calls.filter((c) => c.op === 'drawImage').map((c) => [(c.args[0] as { key: string }).key.slice(0, 4), c.args[1], c.args[2]]);
    // a at device (400, 200), b at ((200 + 200) × 2, (100 + 100) × 2) = (800, 400); far is out of view.
    expect(stamps).toEqual([['ring', 390, 190], ['{"sh', 390, 190], ['{"sh', 790, 390]]);
    expect(keys).toContain('ring allowed');
  });

  it('thins edges to hairlines while the layout moves, and gives them their width at rest', () => {
    const edgeStroke = (calls: Call[]) => calls.find((c) => c.op === 'stroke' && c.state.strokeStyle === '<kindGroup>')?.state.lineWidth;
    expect(edgeStroke(paint({ moving: true }))).toBeCloseTo(0.99 / 4);
    expect(edgeStroke(paint({ moving: false }))).toBe(1.6);
  });

  it('marks a decision with a ring and its badge glyph, not colour alone', () => {
    const calls = paint();
    expect(calls.some((c) => c.op === 'arc' && c.args[2] === 27)).toBe(true);
    const glyph = calls.find((c) => c.op === 'stroke' && c.state.strokeStyle === '<allowed>' && c.state.lineWidth === 1.8);
    expect(glyph).toBeDefined();
    // The check mark of the allowed icon, scaled into the badge.
    expect(calls.some((c) => c.op === 'lineTo' && c.args[0] === 12 + 17 * 0.75 && c.args[1] === -30 + 9 * 0.75)).toBe(true);
  });

  it('writes labels as text only when zoomed in', () => {
    expect(paint({ detail: false }).filter((c) => c.op === 'fillText')).toEqual([]);
    const texts = paint({ detail: true }).filter((c) => c.op === 'fillText').map((c) => c.args[0]);
    expect(texts).toEqual(['label a', 'label b']);
  });

  it('draws an arrowhead on can-assume and grants edges when zoomed in', () => {
    const g: Graph = { nodes: [node('a', 'user'), node('r', 'role')], edges: [{ id: 'e', kind: 'canAssume', source: 'a', target: 'r', crossAccount: false }] };
    const { ctx, calls } = recorder();
    paintGraph(ctx, g, drawList(g, { decisions: new Map(), highlight: null, pinned: new Set() }), [{ x: 0, y: 0 }, { x: 100, y: 0 }], view, palette, { detail: true, moving: false });
    expect(calls.find((c) => c.op === 'fill' && c.state.fillStyle === '<textMuted>')).toBeDefined();
    expect(calls.some((c) => c.op === 'moveTo' && c.args[0] === 74 && c.args[1] === 0)).toBe(true);
  });
});
