// Undo/redo of lab edits as small patches (only the parts of the world that changed), so 100 steps of
// a large lab stay small in storage. Pure and structured-cloneable. Invariant: applying a step's
// `before` side to the world after the edit gives back exactly the world before it, and vice versa.
import type { World } from '../domain/world/types';

/** One changed place in the world; a missing `before`/`after` means the key was absent on that side. */
export interface PatchOp {
  readonly path: readonly string[];
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface UndoStep {
  /** What the edit was, for the button's tooltip (an operation name, "clock", "import"). */
  readonly label: string;
  readonly ops: readonly PatchOp[];
}

export interface UndoStacks {
  /** Oldest first; the last step is the next undo. */
  readonly past: readonly UndoStep[];
  /** The last step is the next redo. */
  readonly future: readonly UndoStep[];
}

export const emptyUndo: UndoStacks = { past: [], future: [] };
/** At least the 50 steps the brief promises, with room to spare. */
export const maxUndoSteps = 100;

type Plain = Readonly<Record<string, unknown>>;

function isPlain(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => same(item, b[i]));
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as Plain)[k], (b as Plain)[k]));
}

/** The ops turning `before` into `after`; objects are walked, arrays and scalars replaced whole. */
export function diffWorlds(before: World, after: World): PatchOp[] {
  const ops: PatchOp[] = [];
  walk(before, after, [], ops);
  return ops;
}

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

// Hot on every request of a large lab (the pipeline deep-copies the world): one shared path stack,
// copied only when an op is emitted.
function walk(a: unknown, b: unknown, path: string[], ops: PatchOp[]): void {
  if (a === b) return;
  if (isPlain(a) && isPlain(b)) {
    for (const key in a) {
      if (!hasOwn(a, key)) continue;
      path.push(key);
      if (!hasOwn(b, key)) ops.push({ path: [...path], before: a[key] });
      else if (a[key] !== b[key]) walk(a[key], b[key], path, ops);
      path.pop();
    }
    for (const key in b) {
      if (hasOwn(b, key) && !hasOwn(a, key)) ops.push({ path: [...path, key], after: b[key] });
    }
    return;
  }
  if (!same(a, b)) ops.push({ path: [...path], before: a, after: b });
}

/** Applies one side of the ops with structural sharing (untouched branches keep their identity). */
export function applyOps(world: World, ops: readonly PatchOp[], side: 'before' | 'after'): World {
  let root: unknown = world;
  for (const op of ops) root = setIn(root, op.path, 0, side in op, op[side]);
  return root as World;
}

function setIn(node: unknown, path: readonly string[], index: number, present: boolean, value: unknown): unknown {
  if (index === path.length) return value;
  const key = path[index]!;
  const copy: Record<string, unknown> = isPlain(node) ? { ...node } : {};
  if (index === path.length - 1 && !present) delete copy[key];
  else copy[key] = setIn(copy[key], path, index + 1, present, value);
  return copy;
}

/** Records an edit; a new edit clears the redo side, as in every editor. */
export function recordEdit(stacks: UndoStacks, before: World, after: World, label: string): UndoStacks {
  const ops = diffWorlds(before, after);
  if (ops.length === 0) return stacks;
  const past = [...stacks.past, { label, ops }];
  return { past: past.length > maxUndoSteps ? past.slice(-maxUndoSteps) : past, future: [] };
}

export function undo(stacks: UndoStacks, world: World): { stacks: UndoStacks; world: World } | null {
  const step = stacks.past.at(-1);
  if (!step) return null;
  return { world: applyOps(world, step.ops, 'before'), stacks: { past: stacks.past.slice(0, -1), future: [...stacks.future, step] } };
}

export function redo(stacks: UndoStacks, world: World): { stacks: UndoStacks; world: World } | null {
  const step = stacks.future.at(-1);
  if (!step) return null;
  return { world: applyOps(world, step.ops, 'after'), stacks: { past: [...stacks.past, step], future: stacks.future.slice(0, -1) } };
}
