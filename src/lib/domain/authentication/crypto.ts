// The crypto port: the only door from authentication to hashing, MACs and key derivation.
// Invariant: every primitive is async and byte-in/byte-out, so tests and workers can swap the
// implementation; `webCrypto()` is the browser/worker/Node 20 one built on `crypto.subtle`.

export interface CryptoPort {
  sha256(data: Uint8Array): Promise<Uint8Array>;
  hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
  hmacSha1(key: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
  /** PBKDF2 with HMAC-SHA-256, `length` bytes of output. */
  pbkdf2Sha256(password: Uint8Array, salt: Uint8Array, iterations: number, length: number): Promise<Uint8Array>;
}

/** The few SubtleCrypto members we use, declared here because the domain has no DOM lib. */
interface SubtleLike {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: string | { readonly name: string; readonly hash?: string },
    extractable: boolean,
    usages: readonly string[],
  ): Promise<unknown>;
  sign(algorithm: string, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
  deriveBits(
    algorithm: { readonly name: 'PBKDF2'; readonly salt: Uint8Array; readonly iterations: number; readonly hash: string },
    baseKey: unknown,
    length: number,
  ): Promise<ArrayBuffer>;
}

interface CryptoGlobal {
  readonly subtle?: SubtleLike;
  getRandomValues?(array: Uint8Array): Uint8Array;
}

function cryptoGlobal(): CryptoGlobal {
  const found = (globalThis as { crypto?: CryptoGlobal }).crypto;
  if (!found) throw new Error('Web Crypto is not available in this environment.');
  return found;
}

function subtle(): SubtleLike {
  const s = cryptoGlobal().subtle;
  if (!s) throw new Error('crypto.subtle is not available (it needs a secure context).');
  return s;
}

async function hmac(hash: 'SHA-256' | 'SHA-1', key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const s = subtle();
  const cryptoKey = await s.importKey('raw', key, { name: 'HMAC', hash }, false, ['sign']);
  return new Uint8Array(await s.sign('HMAC', cryptoKey, data));
}

/** The CryptoPort over `globalThis.crypto.subtle` (browsers, workers, Node 20). */
export function webCrypto(): CryptoPort {
  return {
    sha256: async (data) => new Uint8Array(await subtle().digest('SHA-256', data)),
    hmacSha256: (key, data) => hmac('SHA-256', key, data),
    hmacSha1: (key, data) => hmac('SHA-1', key, data),
    pbkdf2Sha256: async (password, salt, iterations, length) => {
      const s = subtle();
      const base = await s.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
      const bits = await s.deriveBits({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, base, length * 8);
      return new Uint8Array(bits);
    },
  };
}

/**
 * Random bytes from `crypto.getRandomValues`, for the shell to inject as an id source; the
 * core never calls it on its own (it takes an IdSource so labs stay reproducible).
 */
export function webCryptoIdSource(): { nextBytes(n: number): Uint8Array } {
  return {
    nextBytes(n) {
      const c = cryptoGlobal();
      if (!c.getRandomValues) throw new Error('crypto.getRandomValues is not available.');
      return c.getRandomValues(new Uint8Array(n));
    },
  };
}

/**
 * UTF-8 bytes of a string (every SigV4 string is hashed as UTF-8). Hand-written because the
 * domain's type environment has neither the DOM lib nor Node, so no TextEncoder type.
 * Lone surrogates become U+FFFD, as TextEncoder does.
 */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
        i += 1;
      } else cp = 0xfffd;
    } else if (cp >= 0xdc00 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}

/** Decodes UTF-8, or returns undefined when the bytes are not well-formed UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] ?? 0;
    let cp: number;
    let extra: number;
    if (b0 < 0x80) [cp, extra] = [b0, 0];
    else if (b0 >= 0xc2 && b0 < 0xe0) [cp, extra] = [b0 & 31, 1];
    else if (b0 >= 0xe0 && b0 < 0xf0) [cp, extra] = [b0 & 15, 2];
    else if (b0 >= 0xf0 && b0 < 0xf5) [cp, extra] = [b0 & 7, 3];
    else return undefined;
    for (let k = 1; k <= extra; k += 1) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (b & 63);
    }
    const overlong = (extra === 2 && cp < 0x800) || (extra === 3 && cp < 0x10000);
    if (overlong || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    out += String.fromCodePoint(cp);
    i += extra + 1;
  }
  return out;
}

/** Lower-case hex, the form SigV4 uses for hashes, keys and signatures. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || /[^0-9a-fA-F]/.test(hex)) throw new Error(`Not a hex string: ${hex}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Compares two strings in time that depends only on their length, the way a real verifier
 * must compare MACs so the comparison itself leaks nothing about the expected value.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
