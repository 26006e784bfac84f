// What the app needs from storage, behind an interface: IndexedDB in browsers, memory in tests and
// where IndexedDB is unavailable. Invariant: `saveLab` is atomic — the world, the new history records
// and the undo stacks of one change are written together or not at all.
import type { RequestRecord } from '../domain/pipeline/types';
import type { LabMeta, LabSnapshot } from '../domain/sharing/labFile';
import type { World } from '../domain/world/types';
import type { UndoStacks } from './undoHistory';

export interface StoredLab {
  readonly meta: LabMeta;
  readonly world: World;
  /** Oldest first. */
  readonly records: readonly RequestRecord[];
  readonly undo: UndoStacks;
}

export interface LabSave {
  readonly world: World;
  /** Records added since the previous save, oldest first. */
  readonly appended: readonly RequestRecord[];
  /** When present the stored history is replaced by exactly these (then `appended` follow them). */
  readonly records?: readonly RequestRecord[];
  readonly undo: UndoStacks;
  /** Wall-clock ISO time of the change. */
  readonly updated: string;
}

export interface LabRepository {
  readonly kind: 'indexedDB' | 'memory';
  /** Most recently updated first. */
  listLabs(): Promise<LabMeta[]>;
  loadLab(id: string): Promise<StoredLab | null>;
  /** Stores a new lab under `lab.id` (the caller picks a fresh id). */
  createLab(lab: LabSnapshot, undo?: UndoStacks): Promise<void>;
  renameLab(id: string, name: string, updated: string): Promise<void>;
  deleteLab(id: string): Promise<void>;
  saveLab(id: string, save: LabSave): Promise<void>;
  getSetting(key: string): Promise<unknown>;
  setSetting(key: string, value: unknown): Promise<void>;
  /** Scenario progress, keyed by scenario id; the value is whatever the scenarios module stores (plain data). */
  getProgress(scenarioId: string): Promise<unknown>;
  setProgress(scenarioId: string, progress: unknown): Promise<void>;
  close(): void;
}

/** The history kept per lab, as in the live lab (older records fall off). */
export const maxStoredRecords = 500;

export class LabNotFoundError extends Error {
  constructor(id: string) {
    super(`No lab with id ${id}`);
    this.name = 'LabNotFoundError';
  }
}
