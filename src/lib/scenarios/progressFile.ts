// Moving progress between computers: every scenario's progress as one versioned JSON file.
// Invariant: an imported file is untrusted — each entry is restored through restoreProgress against the
// current catalog, and entries for unknown scenarios are dropped, never stored.
import { restoreProgress } from './advanceScenario';
import type { Scenario, ScenarioProgress } from './types';

export const progressFileKind = 'iam-lab-progress';
export const progressFileVersion = 1;

export interface ProgressFile {
  readonly kind: typeof progressFileKind;
  readonly version: typeof progressFileVersion;
  /** Wall-clock ISO time of the export (passed in; this module has no clock). */
  readonly exportedAt: string;
  readonly progress: Readonly<Record<string, ScenarioProgress>>;
}

export function exportProgress(progress: Readonly<Record<string, ScenarioProgress>>, exportedAt: string): string {
  const file: ProgressFile = { kind: progressFileKind, version: progressFileVersion, exportedAt, progress };
  return JSON.stringify(file, null, 2);
}

export type ProgressImport =
  | { readonly ok: true; readonly progress: Readonly<Record<string, ScenarioProgress>>; readonly ignored: readonly string[] }
  | { readonly ok: false; readonly problem: 'notJson' | 'notProgressFile' | 'newerVersion' };

export function importProgress(text: string, catalog: readonly Scenario[]): ProgressImport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  if (!data || typeof data !== 'object' || (data as { kind?: unknown }).kind !== progressFileKind) return { ok: false, problem: 'notProgressFile' };
  const file = data as { version?: unknown; progress?: unknown };
  if (typeof file.version !== 'number' || file.version > progressFileVersion) return { ok: false, problem: 'newerVersion' };
  const entries = file.progress && typeof file.progress === 'object' ? Object.entries(file.progress) : [];
  const progress: Record<string, ScenarioProgress> = {};
  const ignored: string[] = [];
  for (const [id, value] of entries) {
    const scenario = catalog.find((s) => s.id === id);
    if (scenario) progress[id] = restoreProgress(scenario, value);
    else ignored.push(id);
  }
  return { ok: true, progress, ignored };
}
