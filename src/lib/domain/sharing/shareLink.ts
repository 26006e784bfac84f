// Share links: a lab compressed into the URL fragment `#/share/v1.<base64url>`; no server sees it.
// Invariant: every payload carries its format version, and readers of every past version stay here,
// so a link made by an older IAM Lab still opens (migrated to the current shape).
import { base64Decode, base64Encode } from '../authentication/passwords';
import type { RequestRecord } from '../pipeline/types';
import type { World } from '../world/types';
import { checkRecords, checkWorld } from './checkLab';
import type { Checked, Problem } from './problems';
import { ProblemList } from './problems';

/** Compression behind a port: the browser's CompressionStream('deflate-raw') in the app, any codec in tests. */
export interface TextCompressor {
  compress(text: string): Promise<Uint8Array>;
  /** Rejects on corrupt input or when the text would exceed `maxChars`. */
  decompress(bytes: Uint8Array, maxChars: number): Promise<string>;
}

export interface SharedLab {
  readonly name: string;
  readonly world: World;
  readonly records: readonly RequestRecord[];
}

export const shareVersion = 1;
/** A decompressed lab larger than this is refused (a crafted link must not exhaust memory). */
export const maxSharedChars = 64 * 1024 * 1024;

export async function encodeShareLink(lab: SharedLab, compressor: TextCompressor): Promise<string> {
  const body = JSON.stringify({ name: lab.name, world: lab.world, records: lab.records });
  return `v${shareVersion}.${toBase64Url(await compressor.compress(body))}`;
}

/** Readers by payload version: each returns the current shape or problems. */
const readers: Readonly<Record<number, (json: unknown) => Checked<SharedLab>>> = {
  1: readV1,
};

export async function decodeShareLink(payload: string, compressor: TextCompressor): Promise<Checked<SharedLab>> {
  const match = /^v(\d+)\.([A-Za-z0-9_-]+)$/.exec(payload);
  if (!match) return fail('This link is not an IAM Lab share link (it lacks the version prefix or has stray characters).');
  const version = Number(match[1]);
  const reader = readers[version];
  if (!reader) {
    return fail(
      version > shareVersion
        ? `This link was made by a newer IAM Lab (share format ${version}); reload to update the app.`
        : `Share format ${version} is unknown.`,
    );
  }
  const bytes = fromBase64Url(match[2] ?? '');
  if (!bytes) return fail('The link is damaged (its data is not base64url).');
  let text: string;
  try {
    text = await compressor.decompress(bytes, maxSharedChars);
  } catch {
    return fail('The link is damaged or truncated (its data does not decompress).');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('The link is damaged (its data is not JSON).');
  }
  return reader(json);
}

function readV1(json: unknown): Checked<SharedLab> {
  const problems = new ProblemList();
  if (!problems.object(json, '')) return { ok: false, problems: problems.items };
  if (problems.string(json.name, '/name') && json.name.trim() === '') problems.add('/name', 'must not be empty');
  checkWorld(json.world, '/world', problems);
  const records = json.records === undefined ? [] : json.records;
  checkRecords(records, '/records', problems);
  if (!problems.empty) return { ok: false, problems: problems.items };
  return { ok: true, value: { name: json.name as string, world: json.world as World, records: records as readonly RequestRecord[] } };
}

export function toBase64Url(bytes: Uint8Array): string {
  return base64Encode(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  return base64Decode(text.replace(/-/g, '+').replace(/_/g, '/'));
}

function fail(message: string): { ok: false; problems: readonly Problem[] } {
  return { ok: false, problems: [{ path: '', message }] };
}

