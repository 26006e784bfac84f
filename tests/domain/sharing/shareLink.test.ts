// Share links: versioned, compressed, base64url; damaged or future links are refused with a message.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink, fromBase64Url, toBase64Url } from '../../../src/lib/domain/sharing/shareLink';
import { readLabFile } from '../../../src/lib/domain/sharing/labFile';
import { streamCompressor } from '../../../src/lib/persistence/streamCompressor';
import { sampleLab } from './sampleLab';

describe('share links', () => {
  it('round-trips a lab through a URL-safe payload', async () => {
    const { name, world, records } = sampleLab();
    const payload = await encodeShareLink({ name, world, records }, streamCompressor);
    expect(payload).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(payload.length).toBeLessThan(JSON.stringify(world).length / 2);
    expect(await decodeShareLink(payload, streamCompressor)).toEqual({ ok: true, value: { name, world, records } });
  });

  it('reads a payload without records as an empty history', async () => {
    const { name, world } = sampleLab();
    const bytes = await streamCompressor.compress(JSON.stringify({ name, world }));
    expect(await decodeShareLink(`v1.${toBase64Url(bytes)}`, streamCompressor)).toEqual({ ok: true, value: { name, world, records: [] } });
  });

  it.each([
    ['no version prefix', 'abcdef', 'not an IAM Lab share link'],
    ['a newer version', 'v7.abcd', 'newer IAM Lab'],
    ['stray characters', 'v1.ab+cd', 'not an IAM Lab share link'],
    ['bytes that do not inflate', 'v1.AAAAAAAA', 'damaged'],
  ])('refuses %s', async (_name, payload, message) => {
    const result = await decodeShareLink(payload, streamCompressor);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toContain(message);
  });

  it('refuses a truncated link', async () => {
    const { name, world, records } = sampleLab();
    const payload = await encodeShareLink({ name, world, records }, streamCompressor);
    expect((await decodeShareLink(payload.slice(0, payload.length / 2), streamCompressor)).ok).toBe(false);
  });

  it('refuses a valid payload whose lab is invalid, naming the path', async () => {
    const bytes = await streamCompressor.compress(JSON.stringify({ name: 'x', world: { version: 1 } }));
    const result = await decodeShareLink(`v1.${toBase64Url(bytes)}`, streamCompressor);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toContain('/world/accounts');
  });

  it('base64url round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
    );
  });
});

// Links and files made today must open in every later IAM Lab: these fixtures are frozen (never regenerate
// them); a new format version adds a reader/migration and keeps these tests passing.
describe('format 1 stays readable', () => {
  const fixture = (name: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name), 'utf8');

  it('opens a frozen v1 share link', async () => {
    const result = await decodeShareLink(fixture('share-v1.txt').trim(), streamCompressor);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.name).toBe('Golden lab (format 1)');
    expect(Object.keys(result.value.world.accounts['123456789012']!.users)).toEqual(['alice', 'bob']);
    expect(result.value.records.map((r) => r.id)).toEqual(['r1']);
  });

  it('reads a frozen v1 export file', () => {
    const result = readLabFile(fixture('lab-file-v1.json'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.labs.map((l) => [l.id, l.name])).toEqual([['golden-1', 'Golden lab (format 1)']]);
  });
});
