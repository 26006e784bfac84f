// The IndexedDB schema, one typed `DBSchema` per version, and the ordered upgrade steps between them.
// Invariant: step N turns a version N-1 database into version N without losing data; steps run in
// order from the stored version, so a browser that skipped versions still arrives intact.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { openDB } from 'idb';
import type { RequestRecord } from '../domain/pipeline/types';
import type { LabMeta } from '../domain/sharing/labFile';
import type { UndoStep } from './undoHistory';

export const labDbName = 'iam-lab';

/** Version 1: labs, their worlds, history (by lab and time), undo stacks, scenario progress, settings. */
export interface LabDbV1 extends DBSchema {
  labs: { key: string; value: LabMeta; indexes: { byUpdated: string } };
  /**
   * The world as JSON text: one string clones far faster than thousands of small objects (in browsers and
   * in fake-indexeddb), and the text is parsed and validated on load anyway.
   */
  worlds: { key: string; value: { readonly labId: string; readonly json: string } };
  history: {
    key: [string, number];
    value: { readonly labId: string; readonly seq: number; readonly at: string; readonly record: RequestRecord };
    indexes: { byLabTime: [string, string] };
  };
  undo: { key: string; value: { readonly labId: string; readonly past: readonly UndoStep[]; readonly future: readonly UndoStep[] } };
  progress: { key: string; value: { readonly scenarioId: string; readonly progress: unknown } };
  settings: { key: string; value: unknown };
}

/** The schema the app uses now; a v2 adds `LabDbV2` and points this alias at it. */
export type LabDb = LabDbV1;
export const labDbVersion = 1;

export type UpgradeTransaction = IDBPTransaction<LabDb, StoreNames<LabDb>[], 'versionchange'>;
/** One schema step: receives the database and the upgrade transaction (data moves go through it). */
export type Migration = (db: IDBPDatabase<LabDb>, tx: UpgradeTransaction) => void;

/** migrations[N - 1] upgrades version N-1 to N: the `if (oldVersion < N)` chain as data. */
export const migrations: readonly Migration[] = [
  (db) => {
    db.createObjectStore('labs', { keyPath: 'id' }).createIndex('byUpdated', 'updated');
    db.createObjectStore('worlds', { keyPath: 'labId' });
    db.createObjectStore('history', { keyPath: ['labId', 'seq'] }).createIndex('byLabTime', ['labId', 'at']);
    db.createObjectStore('undo', { keyPath: 'labId' });
    db.createObjectStore('progress', { keyPath: 'scenarioId' });
    db.createObjectStore('settings');
  },
];

export interface OpenCallbacks {
  /** This tab wants a newer schema but an older tab still has the database open. */
  onBlocked?(): void;
  /** A newer tab wants to upgrade: the connection is already closed when this is called. */
  onBlocking?(): void;
  /** The browser closed the connection (storage cleared, disk error). */
  onTerminated?(): void;
}

export async function openLabDb(
  name: string = labDbName,
  callbacks: OpenCallbacks = {},
  steps: readonly Migration[] = migrations,
): Promise<IDBPDatabase<LabDb>> {
  const db = await openDB<LabDb>(name, steps.length, {
    upgrade(database, oldVersion, _newVersion, tx) {
      for (let version = oldVersion + 1; version <= steps.length; version += 1) steps[version - 1]!(database, tx);
    },
    blocked: () => callbacks.onBlocked?.(),
    blocking: () => {
      // Closing lets the newer tab upgrade; this tab then works in memory until reloaded.
      db.close();
      callbacks.onBlocking?.();
    },
    terminated: () => callbacks.onTerminated?.(),
  });
  return db;
}
