// Keeps the live lab and storage in step: loads the last lab on start, saves every change (one
// transaction each), manages the list of labs, undo/redo, tab sync, export/import and shared labs.
// Invariant: the in-memory lab always keeps working — a storage failure only changes `status`.
import type { RequestRecord } from '../domain/pipeline/types';
import type { Problem } from '../domain/sharing/problems';
import { ProblemList } from '../domain/sharing/problems';
import { checkRecords, checkWorld } from '../domain/sharing/checkLab';
import type { LabMeta, LabSnapshot } from '../domain/sharing/labFile';
import { createLabFile, readLabFile, serializeLabFile } from '../domain/sharing/labFile';
import type { SharedLab, TextCompressor } from '../domain/sharing/shareLink';
import { decodeShareLink, encodeShareLink } from '../domain/sharing/shareLink';
import { importAuthorizationDetails } from '../domain/sharing/importAuthorizationDetails';
import type { World } from '../domain/world/types';
import type { LabChannel } from './labChannel';
import type { LabRepository } from './labRepository';
import type { StorageProblem } from './openRepository';
import { classifyStorageError } from './openRepository';
import type { UndoStacks } from './undoHistory';
import { emptyUndo, recordEdit, redo, undo } from './undoHistory';

/** The changes a live lab announces (the UI's LabState satisfies this shape). */
export type LiveLabChange =
  | { readonly kind: 'request'; readonly record: RequestRecord; readonly world: World }
  | { readonly kind: 'clock'; readonly world: World }
  | { readonly kind: 'identity'; readonly identity: unknown }
  | { readonly kind: 'replace'; readonly world: World; readonly records: readonly RequestRecord[] };

/** The part of the UI's LabState persistence needs. */
export interface LiveLab {
  readonly world: World;
  readonly records: readonly RequestRecord[];
  /** Who the learner acts as; kept per lab so a reload keeps them signed in to that lab's world. */
  readonly identity?: unknown;
  setIdentity?(identity: unknown): void;
  /** True while a shared link's lab is shown: the lab then refuses every request until a copy is saved. */
  readOnly?: boolean;
  replace(world: World, records?: readonly RequestRecord[], options?: { silent?: boolean }): void;
  subscribe(listener: (change: LiveLabChange) => void): () => void;
}

export interface PersistenceStatus {
  readonly save: 'idle' | 'saving' | 'saved' | 'failed';
  /** Wall-clock time of the last successful save. */
  readonly savedAt: string | null;
  readonly problem: StorageProblem | null;
  /** False when changes only live in memory (no IndexedDB, blocked, a newer database). */
  readonly persistent: boolean;
  readonly labs: readonly LabMeta[];
  readonly currentId: string | null;
  readonly undoLabel: string | null;
  readonly redoLabel: string | null;
  /** Set while a shared link's lab is shown read-only. */
  readonly shared: { readonly name: string } | null;
}

export interface PersistenceOptions {
  readonly channel?: LabChannel | null;
  readonly compressor: TextCompressor;
  /** Wall clock (ISO) for created/updated stamps; injected so tests are deterministic. */
  readonly now?: () => string;
  readonly newId?: () => string;
  /** Delay before saving clock moves, which come in bursts; other changes save at once. */
  readonly debounceMs?: number;
  /** A fresh world for "New lab". */
  readonly newWorld: () => World;
  readonly firstLabName: string;
  readonly problem?: StorageProblem | null;
  /**
   * Finishes an imported AWS account before it is stored (the export has no credentials): e.g. gives the
   * root user a known password, returned so the import dialog can tell the learner.
   */
  readonly prepareImportedWorld?: (world: World, accountId: string) => Promise<{ readonly world: World; readonly rootSignIn?: RootSignIn }>;
}

export interface RootSignIn {
  readonly email: string;
  readonly password: string;
}

export type ImportResult =
  | { readonly ok: true; readonly labIds: readonly string[]; readonly notes: readonly Problem[]; readonly rootSignIn?: RootSignIn }
  | { readonly ok: false; readonly problems: readonly Problem[] };

interface Pending {
  world: World;
  appended: RequestRecord[];
  records: readonly RequestRecord[] | null;
}

const currentLabSetting = 'currentLab';
const identitySetting = (labId: string) => `identity:${labId}`;

/** The stored identity is untrusted: only something shaped like one is handed back to the lab. */
function looksLikeIdentity(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.kind === 'string' && typeof v.name === 'string' && typeof v.credentials === 'object' && v.credentials !== null;
}

export class LabPersistence {
  #status: PersistenceStatus;
  #listeners = new Set<(status: PersistenceStatus) => void>();
  #undo: UndoStacks = emptyUndo;
  #prevWorld: World;
  #pending: Pending | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #writing: Promise<void> = Promise.resolve();
  #shared: SharedLab | null = null;
  #halted = false;
  readonly #tab: string;
  readonly #cleanup: (() => void)[] = [];
  readonly #now: () => string;
  readonly #newId: () => string;

  constructor(
    private readonly lab: LiveLab,
    private readonly repo: LabRepository,
    private readonly options: PersistenceOptions,
  ) {
    this.#now = options.now ?? (() => new Date().toISOString());
    this.#newId = options.newId ?? (() => crypto.randomUUID());
    this.#tab = this.#newId();
    this.#prevWorld = lab.world;
    const problem = options.problem ?? null;
    this.#status = {
      save: 'idle',
      savedAt: null,
      problem,
      persistent: repo.kind === 'indexedDB' && problem === null,
      labs: [],
      currentId: null,
      undoLabel: null,
      redoLabel: null,
      shared: null,
    };
    this.#cleanup.push(lab.subscribe((change) => this.#onChange(change)));
    if (options.channel) this.#cleanup.push(options.channel.listen((m) => void this.#onMessage(m)));
  }

  get status(): PersistenceStatus {
    return this.#status;
  }

  /** Scenario progress, stored beside the labs (plain data keyed by scenario id) for the scenarios UI. */
  get progress(): { get(scenarioId: string): Promise<unknown>; set(scenarioId: string, value: unknown): Promise<void> } {
    return { get: (id) => this.repo.getProgress(id), set: (id, value) => this.repo.setProgress(id, value) };
  }

  subscribe(listener: (status: PersistenceStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Loads the last lab used (or the most recent one); with none stored, saves the live lab as the first. */
  async start(): Promise<void> {
    const labs = await this.#guard(() => this.repo.listLabs(), []);
    const last = await this.#guard(() => this.repo.getSetting(currentLabSetting), undefined);
    const order = [...(typeof last === 'string' ? [last] : []), ...labs.map((l) => l.id)];
    for (const id of new Set(order)) if (await this.#load(id)) return this.#refreshLabs();
    const id = await this.#create({ name: this.options.firstLabName, world: this.lab.world, records: this.lab.records });
    if (id && this.lab.identity !== undefined) await this.#guard(() => this.repo.setSetting(identitySetting(id), this.lab.identity), undefined);
    if (id) await this.#load(id);
    await this.#refreshLabs();
  }

  // ------------------------------------------------------------ labs

  async createLab(name: string): Promise<string | null> {
    await this.flush();
    const id = await this.#create({ name, world: this.options.newWorld(), records: [] });
    if (id) await this.switchLab(id);
    this.#announceLabs();
    return id;
  }

  async switchLab(id: string): Promise<boolean> {
    await this.flush();
    this.#setShared(null);
    const ok = await this.#load(id);
    await this.#refreshLabs();
    return ok;
  }

  async renameLab(id: string, name: string): Promise<void> {
    const clean = name.trim();
    if (!clean) return;
    await this.#guard(() => this.repo.renameLab(id, clean, this.#now()), undefined);
    await this.#refreshLabs();
    this.#announceLabs();
  }

  async duplicateLab(id: string, copyName: (name: string) => string): Promise<string | null> {
    await this.flush();
    const stored = await this.#guard(() => this.repo.loadLab(id), null);
    if (!stored) return null;
    const copy = await this.#create({ name: copyName(stored.meta.name), world: stored.world, records: stored.records });
    await this.#refreshLabs();
    this.#announceLabs();
    return copy;
  }

  /** Deletes a lab; deleting the open one opens another (or a fresh one when it was the last). */
  async deleteLab(id: string): Promise<void> {
    await this.flush();
    if (id === this.#status.currentId) {
      this.#pending = null;
      const other = this.#status.labs.find((l) => l.id !== id);
      if (other) await this.#load(other.id);
      else {
        const fresh = await this.#create({ name: this.options.firstLabName, world: this.options.newWorld(), records: [] });
        if (fresh) await this.#load(fresh);
      }
    }
    await this.#guard(() => this.repo.deleteLab(id), undefined);
    await this.#refreshLabs();
    this.#announceLabs();
  }

  // ------------------------------------------------------------ undo / redo

  undo(): boolean {
    return this.#step(undo);
  }

  redo(): boolean {
    return this.#step(redo);
  }

  #step(move: typeof undo): boolean {
    if (this.#shared) return false;
    const result = move(this.#undo, this.lab.world);
    if (!result) return false;
    this.#undo = result.stacks;
    this.lab.replace(result.world, this.lab.records, { silent: true });
    this.#prevWorld = result.world;
    this.#queue({ world: result.world, appended: [], records: null }, 0);
    this.#publish({});
    return true;
  }

  // ------------------------------------------------------------ saving

  /** Writes any pending change now (called on pagehide and when the tab is hidden). */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#writing = this.#writing.then(() => this.#writePending());
    return this.#writing;
  }

  /** Reports a problem found outside (the database asked to close for a newer tab, etc.). */
  reportProblem(problem: StorageProblem): void {
    if (problem.kind === 'blocking' || problem.kind === 'newerVersion') this.#halted = true;
    this.#publish({ problem, persistent: this.#status.persistent && !this.#halted });
  }

  detach(): void {
    if (this.#timer) clearTimeout(this.#timer);
    for (const undoIt of this.#cleanup.splice(0)) undoIt();
  }

  #onChange(change: LiveLabChange): void {
    if (change.kind === 'identity') {
      const id = this.#status.currentId;
      if (id && !this.#shared && !this.#halted) void this.#guard(() => this.repo.setSetting(identitySetting(id), change.identity), undefined);
      return;
    }
    const world = change.world;
    if (this.#shared || !this.#status.currentId) {
      this.#prevWorld = world;
      return;
    }
    const label = change.kind === 'request' ? change.record.request.operation : change.kind;
    this.#undo = recordEdit(this.#undo, this.#prevWorld, world, label);
    this.#prevWorld = world;
    if (change.kind === 'request') this.#queue({ world, appended: [change.record], records: null }, 0);
    else if (change.kind === 'replace') this.#queue({ world, appended: [], records: change.records }, 0);
    else this.#queue({ world, appended: [], records: null }, this.options.debounceMs ?? 400);
    this.#publish({});
  }

  #queue(change: Pending, delay: number): void {
    const p = this.#pending;
    if (!p || change.records) this.#pending = { ...change, appended: [...change.appended] };
    else this.#pending = { world: change.world, appended: [...p.appended, ...change.appended], records: p.records };
    if (delay === 0) void this.flush();
    else if (!this.#timer) this.#timer = setTimeout(() => void this.flush(), delay);
  }

  async #writePending(): Promise<void> {
    const pending = this.#pending;
    const id = this.#status.currentId;
    if (!pending || !id || this.#halted) return;
    this.#pending = null;
    this.#publish({ save: 'saving' });
    const updated = this.#now();
    try {
      await this.repo.saveLab(id, { world: pending.world, appended: pending.appended, ...(pending.records ? { records: pending.records } : {}), undo: this.#undo, updated });
      const labs = this.#status.labs.map((l) => (l.id === id ? { ...l, updated } : l)).sort((a, b) => b.updated.localeCompare(a.updated));
      const cleared = this.#status.problem && ['quota', 'writeFailed'].includes(this.#status.problem.kind);
      this.#publish({ save: 'saved', savedAt: updated, labs, ...(cleared ? { problem: null } : {}) });
      this.options.channel?.post({ kind: 'lab.saved', labId: id, from: this.#tab });
    } catch (error) {
      // Keep the change so the next save retries it, merged before anything newer.
      const newer = this.#pending as Pending | null;
      this.#pending = newer?.records ? newer : { world: newer?.world ?? pending.world, appended: [...pending.appended, ...(newer?.appended ?? [])], records: pending.records };
      this.#publish({ save: 'failed', problem: classifyStorageError(error) });
    }
  }

  // ------------------------------------------------------------ other tabs

  async #onMessage(message: Parameters<Parameters<LabChannel['listen']>[0]>[0]): Promise<void> {
    if (message.from === this.#tab) return;
    if (message.kind === 'labs.changed') {
      await this.#refreshLabs();
      const id = this.#status.currentId;
      if (id && !this.#status.labs.some((l) => l.id === id) && !this.#shared) {
        this.#pending = null;
        const other = this.#status.labs[0];
        if (other) await this.#load(other.id);
      }
    } else if (message.labId === this.#status.currentId && !this.#shared) {
      await this.#writing;
      await this.#load(message.labId);
    }
  }

  #announceLabs(): void {
    this.options.channel?.post({ kind: 'labs.changed', from: this.#tab });
  }

  // ------------------------------------------------------------ export, import, share

  /** The open lab as it is in memory (so "Export now" works even when storage fails). */
  currentSnapshot(): LabSnapshot {
    const meta = this.#status.labs.find((l) => l.id === this.#status.currentId);
    const now = this.#now();
    return {
      id: meta?.id ?? this.#newId(),
      name: this.#shared?.name ?? meta?.name ?? this.options.firstLabName,
      created: meta?.created ?? now,
      updated: meta?.updated ?? now,
      world: this.lab.world,
      records: this.lab.records,
    };
  }

  /** The export file for the open lab or for every lab. */
  async exportFile(scope: 'current' | 'all'): Promise<string> {
    await this.flush();
    const current = this.currentSnapshot();
    const labs: LabSnapshot[] = [current];
    if (scope === 'all') {
      for (const meta of this.#status.labs) {
        if (meta.id === current.id) continue;
        const stored = await this.#guard(() => this.repo.loadLab(meta.id), null);
        if (stored) labs.push({ ...stored.meta, world: stored.world, records: stored.records });
      }
    }
    return serializeLabFile(createLabFile(labs, this.#now()));
  }

  /** Imports an export file as new labs (fresh ids); an invalid file changes nothing. */
  async importFile(text: string): Promise<ImportResult> {
    const file = readLabFile(text);
    if (!file.ok) return file;
    await this.flush();
    const labIds: string[] = [];
    for (const lab of file.value.labs) {
      const id = await this.#create({ name: lab.name, world: lab.world, records: lab.records });
      if (id) labIds.push(id);
    }
    if (labIds[0]) await this.switchLab(labIds[0]);
    this.#announceLabs();
    return { ok: true, labIds, notes: [] };
  }

  /** Builds a lab from `aws iam get-account-authorization-details` output. */
  async importAwsAccount(text: string, name: (accountId: string) => string): Promise<ImportResult> {
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (error) {
      return { ok: false, problems: [{ path: '', message: `is not JSON (${error instanceof Error ? error.message : 'unreadable'})` }] };
    }
    const result = importAuthorizationDetails(input, { now: this.#now().replace(/\.\d{3}Z$/, 'Z') });
    if (!result.ok) return result;
    const prepared = this.options.prepareImportedWorld
      ? await this.options.prepareImportedWorld(result.value.world, result.value.accountId)
      : { world: result.value.world };
    await this.flush();
    const id = await this.#create({ name: name(result.value.accountId), world: prepared.world, records: [] });
    if (!id) return { ok: false, problems: [{ path: '', message: 'the lab could not be stored' }] };
    await this.switchLab(id);
    this.#announceLabs();
    return { ok: true, labIds: [id], notes: result.value.notes, ...(prepared.rootSignIn ? { rootSignIn: prepared.rootSignIn } : {}) };
  }

  /** The share payload of the open lab (world and name; the history stays home to keep links short). */
  shareLink(): Promise<string> {
    const { name, world } = this.currentSnapshot();
    return encodeShareLink({ name, world, records: [] }, this.options.compressor);
  }

  /** Shows a shared lab read-only: nothing is saved until "Save a copy". */
  async openShared(payload: string): Promise<readonly Problem[]> {
    const result = await decodeShareLink(payload, this.options.compressor);
    if (!result.ok) return result.problems;
    await this.flush();
    this.#setShared(result.value);
    this.lab.replace(result.value.world, result.value.records, { silent: true });
    this.#prevWorld = result.value.world;
    return [];
  }

  async saveSharedCopy(): Promise<string | null> {
    const shared = this.#shared;
    if (!shared) return null;
    const id = await this.#create({ name: shared.name, world: shared.world, records: shared.records });
    if (id) await this.switchLab(id);
    this.#announceLabs();
    return id;
  }

  /** Leaves the shared view and reopens the learner's own lab. */
  async closeShared(): Promise<void> {
    if (!this.#shared) return;
    this.#setShared(null);
    const id = this.#status.currentId;
    if (id) await this.#load(id);
  }

  // ------------------------------------------------------------ scenario progress and settings

  /** Scenario progress (plain data owned by the scenarios module); undefined when none or unreadable. */
  getProgress(scenarioId: string): Promise<unknown> {
    return this.#guard(() => this.repo.getProgress(scenarioId), undefined);
  }

  setProgress(scenarioId: string, progress: unknown): Promise<void> {
    return this.#guard(() => this.repo.setProgress(scenarioId, progress), undefined);
  }

  getSetting(key: string): Promise<unknown> {
    return this.#guard(() => this.repo.getSetting(key), undefined);
  }

  setSetting(key: string, value: unknown): Promise<void> {
    return this.#guard(() => this.repo.setSetting(key, value), undefined);
  }

  // ------------------------------------------------------------ internals

  async #create(lab: { name: string; world: World; records: readonly RequestRecord[] }): Promise<string | null> {
    const id = this.#newId();
    const now = this.#now();
    const snapshot: LabSnapshot = { id, name: lab.name, created: now, updated: now, world: lab.world, records: lab.records };
    const ok = await this.#guard(async () => {
      await this.repo.createLab(snapshot);
      return true;
    }, false);
    return ok ? id : null;
  }

  async #load(id: string): Promise<boolean> {
    const stored = await this.#guard(() => this.repo.loadLab(id), null);
    if (!stored) return false;
    const problems = new ProblemList();
    checkWorld(stored.world, '/world', problems);
    checkRecords(stored.records, '/records', problems);
    if (!problems.empty) {
      const first = problems.items[0]!;
      this.#publish({ problem: { kind: 'damaged', detail: `${stored.meta.name}: ${first.path} ${first.message}` } });
      return false;
    }
    this.#undo = stored.undo;
    this.lab.replace(stored.world, stored.records, { silent: true });
    this.#prevWorld = stored.world;
    this.#publish({ currentId: id });
    await this.#guard(() => this.repo.setSetting(currentLabSetting, id), undefined);
    const identity = await this.#guard(() => this.repo.getSetting(identitySetting(id)), undefined);
    if (looksLikeIdentity(identity)) this.lab.setIdentity?.(identity);
    return true;
  }

  async #refreshLabs(): Promise<void> {
    const labs = await this.#guard(() => this.repo.listLabs(), this.#status.labs);
    this.#publish({ labs });
  }

  #setShared(shared: SharedLab | null): void {
    this.#shared = shared;
    this.lab.readOnly = shared !== null;
    this.#publish({ shared: shared ? { name: shared.name } : null });
  }

  /** Runs a storage call; a failure becomes the status problem and `fallback` is returned. */
  async #guard<T>(call: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await call();
    } catch (error) {
      this.#publish({ problem: classifyStorageError(error) });
      return fallback;
    }
  }

  #publish(patch: Partial<PersistenceStatus>): void {
    this.#status = {
      ...this.#status,
      ...patch,
      undoLabel: this.#shared ? null : (this.#undo.past.at(-1)?.label ?? null),
      redoLabel: this.#shared ? null : (this.#undo.future.at(-1)?.label ?? null),
    };
    for (const listener of this.#listeners) listener(this.#status);
  }
}
