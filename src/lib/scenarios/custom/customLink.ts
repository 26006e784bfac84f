// A teacher's scenario as a link (compressed into the URL fragment, versioned) or a file.
// Invariant: the link carries its format version ("v1."); reading always goes through readCustomScenario.
import { fromBase64Url, toBase64Url } from '../../domain/sharing/shareLink';
import type { TextCompressor } from '../../domain/sharing/shareLink';
import { readCustomScenario } from './customScenario';
import type { CustomScenarioSpec } from './customScenario';

export const customLinkPrefix = 'shared.';
/** Refuse decompressing more than this from a link (a crafted link must not exhaust memory). */
const maxChars = 16 * 1024 * 1024;

export async function encodeCustomScenario(spec: CustomScenarioSpec, compressor: TextCompressor): Promise<string> {
  return `${customLinkPrefix}v1.${toBase64Url(await compressor.compress(JSON.stringify(spec)))}`;
}

export async function decodeCustomScenario(id: string, compressor: TextCompressor): Promise<{ ok: true; spec: CustomScenarioSpec } | { ok: false; message: string }> {
  const m = /^shared\.v(\d+)\.([A-Za-z0-9_-]+)$/.exec(id);
  if (!m) return { ok: false, message: 'This is not a scenario link.' };
  if (Number(m[1]) !== 1) return { ok: false, message: 'This scenario link was made by a newer IAM Lab; reload to update.' };
  const bytes = fromBase64Url(m[2] ?? '');
  if (!bytes) return { ok: false, message: 'The link is damaged.' };
  try {
    return readCustomScenario(JSON.parse(await compressor.decompress(bytes, maxChars)));
  } catch {
    return { ok: false, message: 'The link is damaged or truncated.' };
  }
}

export function serializeCustomScenario(spec: CustomScenarioSpec): string {
  return JSON.stringify(spec, null, 2);
}

export function parseCustomScenarioFile(text: string): ReturnType<typeof readCustomScenario> {
  try {
    return readCustomScenario(JSON.parse(text));
  } catch {
    return { ok: false, message: 'That file is not JSON.' };
  }
}
