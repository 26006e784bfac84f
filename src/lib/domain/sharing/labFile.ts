// The exported lab file: `{ format: 'iam-lab', version, exportedAt, labs: [...] }`, and its reader.
// Invariant: `readLabFile` returns labs only when the whole file is valid; one problem rejects it all,
// so an invalid file can change nothing. Older file versions are migrated before checking.
import type { RequestRecord } from '../pipeline/types';
import type { World } from '../world/types';
import { checkRecords, checkWorld } from './checkLab';
import type { Checked, JsonObject, Problem } from './problems';
import { ProblemList, childPointer, isObject } from './problems';

export const labFileFormat = 'iam-lab';
export const labFileVersion = 1;

export interface LabMeta {
  readonly id: string;
  readonly name: string;
  /** ISO timestamps on the real (wall) clock, not the lab's simulated clock. */
  readonly created: string;
  readonly updated: string;
}

/** One lab as it travels (export file, share link, storage): plain, structured-cloneable data. */
export interface LabSnapshot extends LabMeta {
  readonly world: World;
  readonly records: readonly RequestRecord[];
}

export interface LabFile {
  readonly format: typeof labFileFormat;
  readonly version: typeof labFileVersion;
  readonly exportedAt: string;
  readonly labs: readonly LabSnapshot[];
}

export function createLabFile(labs: readonly LabSnapshot[], exportedAt: string): LabFile {
  return { format: labFileFormat, version: labFileVersion, exportedAt, labs };
}

export function serializeLabFile(file: LabFile): string {
  return JSON.stringify(file, null, 2);
}

/**
 * One step per past file version, applied in order (`from` → `from + 1`). Version 1 is the first
 * published format, so the table is empty; a v2 adds `{ 1: (file) => ... }` and keeps v1 files readable.
 */
const fileMigrations: Readonly<Record<number, (file: JsonObject) => JsonObject>> = {};

/** Parses, migrates and fully checks an exported file. */
export function readLabFile(text: string): Checked<LabFile> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return fail('', `is not JSON (${error instanceof Error ? error.message : 'unreadable'})`);
  }
  return checkLabFile(parsed);
}

export function checkLabFile(value: unknown): Checked<LabFile> {
  if (!isObject(value)) return fail('', 'must be an object with "format": "iam-lab"');
  if (value.format !== labFileFormat) return fail('/format', `must be "${labFileFormat}" (this is not an IAM Lab file)`);
  if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 1) {
    return fail('/version', 'must be a whole number from 1');
  }
  if (value.version > labFileVersion) {
    return fail('/version', `is ${value.version}: the file comes from a newer IAM Lab (this one reads up to ${labFileVersion})`);
  }
  let file: JsonObject = value;
  for (let v = value.version; v < labFileVersion; v += 1) {
    const step = fileMigrations[v];
    if (!step) return fail('/version', `no migration from version ${v}`);
    file = step(file);
  }
  const problems = new ProblemList();
  problems.isoDate(file.exportedAt, '/exportedAt');
  const labs: LabSnapshot[] = [];
  if (problems.array(file.labs, '/labs')) {
    if (file.labs.length === 0) problems.add('/labs', 'holds no lab');
    const ids = new Set<string>();
    file.labs.forEach((lab, index) => {
      const snapshot = checkLabSnapshot(lab, childPointer('/labs', index), problems);
      if (!snapshot) return;
      if (ids.has(snapshot.id)) problems.add(childPointer(childPointer('/labs', index), 'id'), `repeats the lab id ${snapshot.id}`);
      ids.add(snapshot.id);
      labs.push(snapshot);
    });
  }
  if (!problems.empty) return { ok: false, problems: problems.items };
  return { ok: true, value: createLabFile(labs, file.exportedAt as string) };
}

/** Checks one lab; returns it when valid (problems are added to the list either way). */
export function checkLabSnapshot(value: unknown, path: string, problems: ProblemList): LabSnapshot | null {
  const before = problems.items.length;
  if (!problems.object(value, path)) return null;
  if (problems.string(value.id, childPointer(path, 'id')) && value.id.trim() === '') problems.add(childPointer(path, 'id'), 'must not be empty');
  if (problems.string(value.name, childPointer(path, 'name')) && value.name.trim() === '') problems.add(childPointer(path, 'name'), 'must not be empty');
  problems.isoDate(value.created, childPointer(path, 'created'));
  problems.isoDate(value.updated, childPointer(path, 'updated'));
  checkWorld(value.world, childPointer(path, 'world'), problems);
  checkRecords(value.records, childPointer(path, 'records'), problems);
  if (problems.items.length !== before) return null;
  const { id, name, created, updated, world, records } = value as unknown as LabSnapshot;
  return { id, name, created, updated, world, records };
}

function fail(path: string, message: string): { ok: false; problems: readonly Problem[] } {
  return { ok: false, problems: [{ path, message }] };
}
