// Opens the lab store: IndexedDB when it works, otherwise memory plus the reason, so the app can say
// why work will not survive a reload. Invariant: never throws — the lab must start in every browser.
import type { LabRepository } from './labRepository';
import { IdbLabRepository } from './idbLabRepository';
import { MemoryLabRepository } from './memoryLabRepository';
import type { OpenCallbacks } from './schema';
import { labDbName, openLabDb } from './schema';

export type StorageProblem =
  /** No IndexedDB (private mode in some browsers, disabled storage, a sandboxed frame). */
  | { readonly kind: 'unavailable'; readonly detail: string }
  /** The stored database was written by a newer IAM Lab than this one. */
  | { readonly kind: 'newerVersion'; readonly detail: string }
  /** A newer tab needs the database: this tab let go of it. */
  | { readonly kind: 'blocking'; readonly detail: string }
  /** An older tab keeps this one from upgrading. */
  | { readonly kind: 'blocked'; readonly detail: string }
  /** The browser refused to store more. */
  | { readonly kind: 'quota'; readonly detail: string }
  /** Any other failed write or read. */
  | { readonly kind: 'writeFailed'; readonly detail: string }
  /** A stored lab did not pass the checks on load. */
  | { readonly kind: 'damaged'; readonly detail: string };

export interface OpenedRepository {
  readonly repo: LabRepository;
  readonly problem: StorageProblem | null;
}

export async function openRepository(name: string = labDbName, callbacks: OpenCallbacks = {}): Promise<OpenedRepository> {
  if (typeof indexedDB === 'undefined') {
    return { repo: new MemoryLabRepository(), problem: { kind: 'unavailable', detail: 'indexedDB is not defined' } };
  }
  try {
    return { repo: new IdbLabRepository(await openLabDb(name, callbacks)), problem: null };
  } catch (error) {
    const problem = classifyStorageError(error);
    return { repo: new MemoryLabRepository(), problem: problem.kind === 'writeFailed' ? { kind: 'unavailable', detail: problem.detail } : problem };
  }
}

/** Maps a DOMException from IndexedDB to what the user is told. */
export function classifyStorageError(error: unknown): StorageProblem {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  switch (name) {
    case 'VersionError':
      return { kind: 'newerVersion', detail };
    case 'QuotaExceededError':
      return { kind: 'quota', detail };
    case 'SecurityError':
    case 'InvalidStateError':
    case 'UnknownError':
      return { kind: 'unavailable', detail };
    default:
      return { kind: 'writeFailed', detail };
  }
}
