// Undo/redo as patches: undoing every step returns the first world, redoing them returns the last.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { World } from '../../src/lib/domain/world/types';
import { applyOps, diffWorlds, emptyUndo, maxUndoSteps, recordEdit, redo, undo } from '../../src/lib/persistence/undoHistory';
import { sampleWorld } from '../domain/sharing/sampleLab';

const base = sampleWorld();
const account = base.accounts['123456789012']!;

function withUser(world: World, name: string): World {
  const a = world.accounts['123456789012']!;
  const user = { ...a.users.alice!, name, arn: `arn:aws:iam::123456789012:user/${name}` };
  return { ...world, accounts: { ...world.accounts, '123456789012': { ...a, users: { ...a.users, [name]: user } } } };
}

describe('undo history', () => {
  it.each([
    ['a created user', withUser(base, 'dave')],
    ['a deleted user', { ...base, accounts: { '123456789012': { ...account, users: { bob: account.users.bob! } } } }],
    ['a moved clock', { ...base, clock: '2026-01-15T10:00:00Z' }],
    ['a changed list', { ...base, accounts: { '123456789012': { ...account, users: { ...account.users, bob: { ...account.users.bob!, groups: [] } } } } }],
  ])('patches %s both ways', (_name, after) => {
    const ops = diffWorlds(base, after);
    expect(ops.length).toBeGreaterThan(0);
    expect(applyOps(base, ops, 'after')).toEqual(after);
    expect(applyOps(after, ops, 'before')).toEqual(base);
  });

  it('stores only the changed part', () => {
    const ops = diffWorlds(base, withUser(base, 'dave'));
    expect(ops).toEqual([{ path: ['accounts', '123456789012', 'users', 'dave'], after: expect.objectContaining({ name: 'dave' }) }]);
  });

  it('undoes and redoes a sequence of edits in order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,8}$/), { minLength: 1, maxLength: 12 }), (names) => {
        const worlds = [base];
        let stacks = emptyUndo;
        for (const name of names) {
          const next = withUser(worlds.at(-1)!, `u-${name}`);
          stacks = recordEdit(stacks, worlds.at(-1)!, next, 'iam:CreateUser');
          worlds.push(next);
        }
        let world = worlds.at(-1)!;
        for (let i = worlds.length - 2; i >= 0; i -= 1) {
          const step = undo(stacks, world)!;
          ({ world, stacks } = step);
          expect(world).toEqual(worlds[i]);
        }
        expect(undo(stacks, world)).toBeNull();
        for (let i = 1; i < worlds.length; i += 1) {
          ({ world, stacks } = redo(stacks, world)!);
          expect(world).toEqual(worlds[i]);
        }
        expect(redo(stacks, world)).toBeNull();
      }),
      { numRuns: 30 },
    );
  });

  it('a new edit clears redo; no-op edits are not recorded', () => {
    const a = withUser(base, 'a');
    let stacks = recordEdit(emptyUndo, base, a, 'x');
    stacks = undo(stacks, a)!.stacks;
    expect(stacks.future).toHaveLength(1);
    stacks = recordEdit(stacks, base, withUser(base, 'b'), 'y');
    expect(stacks.future).toHaveLength(0);
    expect(recordEdit(stacks, base, structuredClone(base), 'z')).toBe(stacks);
  });

  it(`keeps the last ${maxUndoSteps} steps (at least 50)`, () => {
    expect(maxUndoSteps).toBeGreaterThanOrEqual(50);
    let stacks = emptyUndo;
    let world = base;
    for (let i = 0; i < maxUndoSteps + 10; i += 1) {
      const next = { ...world, clock: new Date(Date.parse(world.clock) + 1000).toISOString() };
      stacks = recordEdit(stacks, world, next, 'clock');
      world = next;
    }
    expect(stacks.past).toHaveLength(maxUndoSteps);
  });
});
