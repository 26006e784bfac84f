// Labs in IndexedDB (through idb). Invariant: each method is one transaction and awaits only IDB
// requests inside it, so a change is either fully stored or not at all, never half.
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { LabMeta, LabSnapshot } from '../domain/sharing/labFile';
import type { World } from '../domain/world/types';
import type { LabRepository, LabSave, StoredLab } from './labRepository';
import { LabNotFoundError, maxStoredRecords } from './labRepository';
import type { LabDb } from './schema';
import { emptyUndo } from './undoHistory';
import type { UndoStacks } from './undoHistory';

const labStores = ['labs', 'worlds', 'history', 'undo'] as const;
type StoreName = (typeof labStores)[number];

function labRange(labId: string): IDBKeyRange {
  return IDBKeyRange.bound([labId, -Infinity], [labId, Infinity]);
}

export class IdbLabRepository implements LabRepository {
  readonly kind = 'indexedDB' as const;

  constructor(private readonly db: IDBPDatabase<LabDb>) {}

  async listLabs(): Promise<LabMeta[]> {
    return (await this.db.getAllFromIndex('labs', 'byUpdated')).reverse();
  }

  async loadLab(id: string): Promise<StoredLab | null> {
    const tx = this.db.transaction(labStores, 'readonly');
    const [meta, world, history, undo] = await Promise.all([
      tx.objectStore('labs').get(id),
      tx.objectStore('worlds').get(id),
      tx.objectStore('history').getAll(labRange(id)),
      tx.objectStore('undo').get(id),
      tx.done,
    ]);
    if (!meta || !world) return null;
    return {
      meta,
      // Unreadable text becomes a non-world, which the caller's checks report as a damaged lab.
      world: parseWorld(world.json),
      records: history.map((h) => h.record),
      undo: undo ? { past: undo.past, future: undo.future } : emptyUndo,
    };
  }

  async createLab(lab: LabSnapshot, undo: UndoStacks = emptyUndo): Promise<void> {
    const { world, records, ...meta } = lab;
    const json = JSON.stringify(world);
    const tx = this.db.transaction(labStores, 'readwrite');
    await atomically(tx, async (queue) => {
      queue(tx.objectStore('labs').add(meta));
      queue(tx.objectStore('worlds').put({ labId: lab.id, json }));
      records.slice(-maxStoredRecords).forEach((record, seq) => queue(tx.objectStore('history').put({ labId: lab.id, seq, at: record.at, record })));
      queue(tx.objectStore('undo').put({ labId: lab.id, ...undo }));
    });
  }

  async renameLab(id: string, name: string, updated: string): Promise<void> {
    const tx = this.db.transaction('labs', 'readwrite');
    const meta = await tx.store.get(id);
    if (!meta) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new LabNotFoundError(id);
    }
    await Promise.all([tx.store.put({ ...meta, name, updated }), tx.done]);
  }

  async deleteLab(id: string): Promise<void> {
    const tx = this.db.transaction(labStores, 'readwrite');
    await Promise.all([
      tx.objectStore('labs').delete(id),
      tx.objectStore('worlds').delete(id),
      tx.objectStore('history').delete(labRange(id)),
      tx.objectStore('undo').delete(id),
      tx.done,
    ]);
  }

  async saveLab(id: string, save: LabSave): Promise<void> {
    const json = JSON.stringify(save.world);
    const tx = this.db.transaction(labStores, 'readwrite');
    await atomically(tx, async (queue) => {
      const history = tx.objectStore('history');
      const meta = await tx.objectStore('labs').get(id);
      if (!meta) throw new LabNotFoundError(id);
      let next = 0;
      if (save.records) {
        await history.delete(labRange(id));
        for (const record of save.records.slice(-maxStoredRecords)) queue(history.put({ labId: id, seq: next++, at: record.at, record }));
      } else {
        const last = await history.openCursor(labRange(id), 'prev');
        next = last ? last.value.seq + 1 : 0;
      }
      for (const record of save.appended) queue(history.put({ labId: id, seq: next++, at: record.at, record }));
      // Old records fall off the front, as in the live lab.
      const firstKept = next - maxStoredRecords;
      if (firstKept > 0) queue(history.delete(IDBKeyRange.bound([id, -Infinity], [id, firstKept], false, true)));
      queue(tx.objectStore('labs').put({ ...meta, updated: save.updated }));
      queue(tx.objectStore('worlds').put({ labId: id, json }));
      queue(tx.objectStore('undo').put({ labId: id, past: save.undo.past, future: save.undo.future }));
    });
  }

  async getSetting(key: string): Promise<unknown> {
    return this.db.get('settings', key);
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.put('settings', value, key);
  }

  async getProgress(scenarioId: string): Promise<unknown> {
    return (await this.db.get('progress', scenarioId))?.progress;
  }

  async setProgress(scenarioId: string, progress: unknown): Promise<void> {
    await this.db.put('progress', { scenarioId, progress });
  }

  close(): void {
    this.db.close();
  }
}

function parseWorld(json: string): World {
  try {
    return JSON.parse(json) as World;
  } catch {
    return null as unknown as World;
  }
}

/**
 * Runs a write transaction's body so that it commits whole or not at all: a put can throw synchronously
 * (DataCloneError) after earlier puts were queued, so any failure aborts the transaction. Queued
 * requests are observed at once so the abort's rejections are not reported as unhandled.
 */
async function atomically(tx: IDBPTransaction<LabDb, StoreName[], 'readwrite'>, body: (queue: (request: Promise<unknown>) => void) => Promise<void>): Promise<void> {
  const writes: Promise<unknown>[] = [];
  const queue = (request: Promise<unknown>) => {
    request.catch(() => undefined);
    writes.push(request);
  };
  try {
    await body(queue);
    await Promise.all(writes);
    await tx.done;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // the transaction already finished or aborted
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}
