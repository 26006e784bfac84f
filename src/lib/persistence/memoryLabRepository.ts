// Labs held in memory: for tests and for browsers where IndexedDB is unavailable (the lab still works,
// it just does not survive a reload). Invariant: values are structured clones, never shared with callers.
import type { LabMeta, LabSnapshot } from '../domain/sharing/labFile';
import type { LabRepository, LabSave, StoredLab } from './labRepository';
import { LabNotFoundError, maxStoredRecords } from './labRepository';
import { emptyUndo } from './undoHistory';
import type { UndoStacks } from './undoHistory';

export class MemoryLabRepository implements LabRepository {
  readonly kind = 'memory' as const;
  #labs = new Map<string, StoredLab>();
  #settings = new Map<string, unknown>();
  #progress = new Map<string, unknown>();

  async listLabs(): Promise<LabMeta[]> {
    return [...this.#labs.values()].map((l) => structuredClone(l.meta)).sort((a, b) => b.updated.localeCompare(a.updated));
  }

  async loadLab(id: string): Promise<StoredLab | null> {
    const lab = this.#labs.get(id);
    return lab ? structuredClone(lab) : null;
  }

  async createLab(lab: LabSnapshot, undo: UndoStacks = emptyUndo): Promise<void> {
    const { world, records, ...meta } = structuredClone(lab);
    this.#labs.set(lab.id, { meta, world, records: records.slice(-maxStoredRecords), undo: structuredClone(undo) });
  }

  async renameLab(id: string, name: string, updated: string): Promise<void> {
    const lab = this.#get(id);
    this.#labs.set(id, { ...lab, meta: { ...lab.meta, name, updated } });
  }

  async deleteLab(id: string): Promise<void> {
    this.#labs.delete(id);
  }

  async saveLab(id: string, save: LabSave): Promise<void> {
    const lab = this.#get(id);
    const { world, appended, records, undo, updated } = structuredClone(save);
    const history = [...(records ?? lab.records), ...appended].slice(-maxStoredRecords);
    this.#labs.set(id, { meta: { ...lab.meta, updated }, world, records: history, undo });
  }

  async getSetting(key: string): Promise<unknown> {
    return structuredClone(this.#settings.get(key));
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    this.#settings.set(key, structuredClone(value));
  }

  async getProgress(scenarioId: string): Promise<unknown> {
    return structuredClone(this.#progress.get(scenarioId));
  }

  async setProgress(scenarioId: string, progress: unknown): Promise<void> {
    this.#progress.set(scenarioId, structuredClone(progress));
  }

  close(): void {}

  #get(id: string): StoredLab {
    const lab = this.#labs.get(id);
    if (!lab) throw new LabNotFoundError(id);
    return lab;
  }
}
