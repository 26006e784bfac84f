// Both repositories behave the same: labs CRUD, atomic saves of world + history + undo, capped history.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { IdbLabRepository } from '../../src/lib/persistence/idbLabRepository';
import type { LabRepository } from '../../src/lib/persistence/labRepository';
import { maxStoredRecords } from '../../src/lib/persistence/labRepository';
import { MemoryLabRepository } from '../../src/lib/persistence/memoryLabRepository';
import { openLabDb } from '../../src/lib/persistence/schema';
import { sampleLab, sampleRecord } from '../domain/sharing/sampleLab';

let dbCount = 0;
const makers: [string, () => Promise<LabRepository>][] = [
  ['memory', async () => new MemoryLabRepository()],
  ['indexedDB', async () => new IdbLabRepository(await openLabDb(`repo-test-${++dbCount}`))],
];

describe.each(makers)('%s repository', (_kind, make) => {
  it('creates, lists (newest first), renames and deletes labs', async () => {
    const repo = await make();
    await repo.createLab(sampleLab('a', 'First'));
    await repo.createLab({ ...sampleLab('b', 'Second'), updated: '2026-02-01T00:00:00.000Z' });
    expect((await repo.listLabs()).map((l) => l.name)).toEqual(['Second', 'First']);
    await repo.renameLab('a', 'Renamed', '2026-03-01T00:00:00.000Z');
    expect((await repo.listLabs()).map((l) => l.name)).toEqual(['Renamed', 'Second']);
    await repo.deleteLab('a');
    expect(await repo.loadLab('a')).toBeNull();
    expect((await repo.listLabs()).map((l) => l.id)).toEqual(['b']);
    await expect(repo.renameLab('a', 'x', '2026-03-01T00:00:00.000Z')).rejects.toThrow('No lab');
  });

  it('loads exactly what was created', async () => {
    const repo = await make();
    const lab = sampleLab('a');
    await repo.createLab(lab);
    const { world, records, ...meta } = lab;
    expect(await repo.loadLab('a')).toEqual({ meta, world, records, undo: { past: [], future: [] } });
  });

  it('saves a change (world, appended records, undo) and keeps earlier records', async () => {
    const repo = await make();
    await repo.createLab(sampleLab('a'));
    const world = { ...sampleLab().world, clock: '2026-01-15T10:00:00Z' };
    const undo = { past: [{ label: 'clock', ops: [{ path: ['clock'], before: '2026-01-15T09:00:00Z', after: '2026-01-15T10:00:00Z' }] }], future: [] };
    await repo.saveLab('a', { world, appended: [sampleRecord('r2'), sampleRecord('r3')], undo, updated: '2026-01-20T00:00:00.000Z' });
    const loaded = await repo.loadLab('a');
    expect(loaded?.world).toEqual(world);
    expect(loaded?.records.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(loaded?.undo).toEqual(undo);
    expect(loaded?.meta.updated).toBe('2026-01-20T00:00:00.000Z');
  });

  it('replaces the history when asked', async () => {
    const repo = await make();
    await repo.createLab(sampleLab('a'));
    await repo.saveLab('a', { world: sampleLab().world, records: [sampleRecord('x')], appended: [sampleRecord('y')], undo: { past: [], future: [] }, updated: '2026-01-20T00:00:00.000Z' });
    expect((await repo.loadLab('a'))?.records.map((r) => r.id)).toEqual(['x', 'y']);
  });

  it(`keeps the last ${maxStoredRecords} records`, async () => {
    const repo = await make();
    await repo.createLab(sampleLab('a'));
    const appended = Array.from({ length: maxStoredRecords + 5 }, (_, i) => sampleRecord(`n${i}`));
    await repo.saveLab('a', { world: sampleLab().world, appended, undo: { past: [], future: [] }, updated: '2026-01-20T00:00:00.000Z' });
    const records = (await repo.loadLab('a'))!.records;
    expect(records).toHaveLength(maxStoredRecords);
    expect(records[0]!.id).toBe('n5');
    expect(records.at(-1)!.id).toBe(`n${maxStoredRecords + 4}`);
  });

  it('refuses to save into a lab that does not exist and stores nothing', async () => {
    const repo = await make();
    await expect(repo.saveLab('ghost', { world: sampleLab().world, appended: [sampleRecord('r')], undo: { past: [], future: [] }, updated: '2026-01-20T00:00:00.000Z' })).rejects.toThrow('No lab');
    expect(await repo.listLabs()).toEqual([]);
  });

  it('keeps labs apart', async () => {
    const repo = await make();
    await repo.createLab(sampleLab('a'));
    await repo.createLab(sampleLab('b'));
    await repo.saveLab('b', { world: sampleLab().world, appended: [sampleRecord('b2')], undo: { past: [], future: [] }, updated: '2026-01-20T00:00:00.000Z' });
    await repo.deleteLab('a');
    expect((await repo.loadLab('b'))?.records.map((r) => r.id)).toEqual(['r1', 'b2']);
  });

  it('stores settings and scenario progress', async () => {
    const repo = await make();
    await repo.setSetting('currentLab', 'a');
    await repo.setProgress('01-first-user', { step: 3, done: ['a'] });
    expect(await repo.getSetting('currentLab')).toBe('a');
    expect(await repo.getProgress('01-first-user')).toEqual({ step: 3, done: ['a'] });
    expect(await repo.getSetting('missing')).toBeUndefined();
  });
});
