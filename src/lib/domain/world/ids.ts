// Identifier generation for world entities from an injected source of random bytes.
// Invariant: the same byte sequence yields the same ids, so default labs and tests are reproducible.
// AWS: IAM identifiers, "Unique identifiers" (prefixes AIDA, AGPA, AROA, ANPA, AIPA, AKIA, ASIA).
import type { SendIdSource } from '../pipeline/types';

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const base62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const hex = '0123456789abcdef';

function draw(ids: SendIdSource, alphabet: string, length: number): string {
  const bytes = ids.nextBytes(length);
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[(bytes[i] ?? 0) % alphabet.length];
  return out;
}

export type UniqueIdPrefix = 'AIDA' | 'AGPA' | 'AROA' | 'ANPA' | 'AIPA';

/** 21-character unique ids as IAM returns them (prefix + 17 base32 characters). */
export function newUniqueId(ids: SendIdSource, prefix: UniqueIdPrefix): string {
  return prefix + draw(ids, base32, 17);
}

export function newAccessKeyId(ids: SendIdSource, prefix: 'AKIA' | 'ASIA'): string {
  return prefix + draw(ids, base32, 16);
}

export function newSecretAccessKey(ids: SendIdSource): string {
  return draw(ids, base62 + '+/', 40);
}

export function newSessionToken(ids: SendIdSource): string {
  return 'IQoJb3JpZ2luX2Vj' + draw(ids, base62 + '+/', 140);
}

export function newHex(ids: SendIdSource, length: number): string {
  return draw(ids, hex, length);
}

export function newInstanceId(ids: SendIdSource): string {
  return 'i-0' + draw(ids, hex, 16);
}

export function newUuid(ids: SendIdSource): string {
  const h = draw(ids, hex, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function newBase32Secret(ids: SendIdSource): string {
  return draw(ids, base32, 32);
}

/** A small deterministic byte source (mulberry32) for labs and tests; not for real secrets. */
export function seededIds(seed: number): SendIdSource {
  let state = seed >>> 0;
  return {
    nextBytes(n: number): Uint8Array {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i += 1) {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
      }
      return out;
    },
  };
}
