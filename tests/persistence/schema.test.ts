// Schema versions and upgrades: each step is tested by opening a database written at the version before.
// Also the failure modes the app must survive: a newer database, an old tab blocking, a failed write.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { IdbLabRepository } from '../../src/lib/persistence/idbLabRepository';
import { openRepository } from '../../src/lib/persistence/openRepository';
import type { Migration } from '../../src/lib/persistence/schema';
import { labDbVersion, migrations, openLabDb } from '../../src/lib/persistence/schema';
import { sampleLab, sampleRecord } from '../domain/sharing/sampleLab';

let count = 0;
const uniqueName = () => `schema-test-${++count}`;

/** A synthetic version 2: labs gain a colour, written through the upgrade transaction. */
const addColour: Migration = (_db, tx) => {
  void (async () => {
    let cursor = await tx.objectStore('labs').openCursor();
    while (cursor) {
      await cursor.update({ ...cursor.value, colour: 'teal' } as typeof cursor.value);
      cursor = await cursor.continue();
    }
  })();
};

describe('schema', () => {
  it('v0 → v1: a fresh browser gets every store and index', async () => {
    const db = await openLabDb(uniqueName());
    expect(db.version).toBe(labDbVersion);
    expect([...db.objectStoreNames].sort()).toEqual(['history', 'labs', 'progress', 'settings', 'undo', 'worlds']);
    const tx = db.transaction(['labs', 'history']);
    expect([...tx.objectStore('labs').indexNames]).toEqual(['byUpdated']);
    expect([...tx.objectStore('history').indexNames]).toEqual(['byLabTime']);
    db.close();
  });

  it('v1 → v2 (synthetic step): the upgrade keeps every lab, world, record and undo step', async () => {
    const name = uniqueName();
    const v1 = new IdbLabRepository(await openLabDb(name));
    await v1.createLab(sampleLab('a'));
    await v1.saveLab('a', { world: sampleLab().world, appended: [sampleRecord('r2')], undo: { past: [{ label: 'x', ops: [] }], future: [] }, updated: '2026-02-01T00:00:00.000Z' });
    await v1.setSetting('currentLab', 'a');
    v1.close();

    const db = await openLabDb(name, {}, [...migrations, addColour]);
    expect(db.version).toBe(2);
    const v2 = new IdbLabRepository(db);
    const lab = await v2.loadLab('a');
    expect(lab?.meta).toMatchObject({ id: 'a', name: 'My first account', colour: 'teal' });
    expect(lab?.world).toEqual(sampleLab().world);
    expect(lab?.records.map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(lab?.undo.past).toHaveLength(1);
    expect(await v2.getSetting('currentLab')).toBe('a');
    v2.close();
  });

  it('a database from a newer IAM Lab is reported and the lab runs in memory', async () => {
    const name = uniqueName();
    (await openDB(name, labDbVersion + 3)).close();
    await expect(openLabDb(name)).rejects.toMatchObject({ name: 'VersionError' });
    const opened = await openRepository(name);
    expect(opened.repo.kind).toBe('memory');
    expect(opened.problem?.kind).toBe('newerVersion');
  });

  it('an old tab is told and lets go when a newer tab upgrades', async () => {
    const name = uniqueName();
    const onBlocking = vi.fn();
    await openLabDb(name, { onBlocking });
    const newer = await openLabDb(name, {}, [...migrations, addColour]);
    expect(onBlocking).toHaveBeenCalledOnce();
    expect(newer.version).toBe(2);
    newer.close();
  });

  it('a new tab is told when an old connection that does not close blocks its upgrade', async () => {
    const name = uniqueName();
    const stubborn = await openLabDb(name, { onBlocking: () => undefined });
    const raw = await new Promise<IDBDatabase>((resolve) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
    });
    stubborn.close();
    const onBlocked = vi.fn();
    const opening = openLabDb(name, { onBlocked }, [...migrations, addColour]);
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalledOnce());
    raw.close();
    expect((await opening).version).toBe(2);
  });

  it('a failed write leaves the previous save whole (one transaction per change)', async () => {
    const repo = new IdbLabRepository(await openLabDb(uniqueName()));
    await repo.createLab(sampleLab('a'));
    const before = await repo.loadLab('a');
    const unstorable = { ...sampleRecord('r3'), trap: () => 1 } as unknown as ReturnType<typeof sampleRecord>;
    const world = { ...sampleLab().world, clock: '2026-05-05T00:00:00Z' };
    await expect(repo.saveLab('a', { world, appended: [sampleRecord('r2'), unstorable], undo: { past: [], future: [] }, updated: '2026-05-05T00:00:00.000Z' })).rejects.toThrow();
    expect(await repo.loadLab('a')).toEqual(before);
  });

  it('a world stored as unreadable text loads as a non-world, so the checks report the lab as damaged', async () => {
    const db = await openLabDb(uniqueName());
    const repo = new IdbLabRepository(db);
    await repo.createLab(sampleLab('a'));
    await db.put('worlds', { labId: 'a', json: '{"version":1,' });
    const loaded = await repo.loadLab('a');
    expect(loaded?.world).toBeNull();
    expect(loaded?.records.map((r) => r.id)).toEqual(['r1']);
  });
});
