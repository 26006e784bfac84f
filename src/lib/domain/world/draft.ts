// A mutable deep copy of the world that an operation edits; the pipeline keeps the copy only on success.
// Invariant: the world is JSON data, so a JSON round trip is a faithful clone.
import type { World } from './types';

/** Deeply mutable view of a readonly type. */
export type Draft<T> = T extends readonly (infer U)[]
  ? Draft<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Draft<T[K]> }
    : T;

export function draftOf(world: World): Draft<World> {
  return JSON.parse(JSON.stringify(world)) as Draft<World>;
}

/** Seals a draft back into a world (a type change only: the data is already plain). */
export function sealWorld(draft: Draft<World>): World {
  return draft as World;
}
