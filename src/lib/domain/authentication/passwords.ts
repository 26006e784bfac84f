// Console passwords at rest: salted PBKDF2-SHA256, encoded as one self-describing string
// `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`. Invariant: a plain-text password is never
// stored or returned; checking re-derives with the stored salt and compares in constant time.
// AWS keeps IAM passwords hashed too and can never show them again ("Manage passwords for IAM users",
// IAM User Guide, id_credentials_passwords_admin-change-user).
import type { CryptoPort } from './crypto';
import { constantTimeEqual, utf8 } from './crypto';

/** The stored form. A string so the world model can hold it as opaque plain data. */
export type PasswordHashString = string;

/** OWASP's 2023 floor for PBKDF2-HMAC-SHA256 is 600 000; the lab trades strength for a snappy UI. */
export const DEFAULT_PASSWORD_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BYTES = 32;
const SCHEME = 'pbkdf2-sha256';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >>> 18) & 63]! + B64[(n >>> 12) & 63]!;
    out += b === undefined ? '=' : B64[(n >>> 6) & 63]!;
    out += c === undefined ? '=' : B64[n & 63]!;
  }
  return out;
}

export function base64Decode(text: string): Uint8Array | undefined {
  const clean = text.replace(/=+$/, '');
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    const v = B64.indexOf(ch);
    if (v < 0) return undefined;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return Uint8Array.from(out);
}

/** Hashes a password with a fresh salt from `ids`. */
export async function hashPassword(
  crypto: CryptoPort,
  ids: { nextBytes(n: number): Uint8Array },
  password: string,
  iterations = DEFAULT_PASSWORD_ITERATIONS,
): Promise<PasswordHashString> {
  const salt = ids.nextBytes(SALT_BYTES);
  const hash = await crypto.pbkdf2Sha256(utf8(password), salt, iterations, HASH_BYTES);
  return `${SCHEME}$${iterations}$${base64Encode(salt)}$${base64Encode(hash)}`;
}

export interface ParsedPasswordHash {
  readonly scheme: typeof SCHEME;
  readonly iterations: number;
  readonly salt: Uint8Array;
  readonly hash: Uint8Array;
}

export function parsePasswordHash(stored: PasswordHashString): ParsedPasswordHash | undefined {
  const [scheme, iter, salt, hash, ...rest] = stored.split('$');
  if (scheme !== SCHEME || rest.length > 0 || iter === undefined || !/^[1-9]\d*$/.test(iter)) return undefined;
  const saltBytes = salt === undefined ? undefined : base64Decode(salt);
  const hashBytes = hash === undefined ? undefined : base64Decode(hash);
  if (!saltBytes || !hashBytes || hashBytes.length === 0) return undefined;
  return { scheme: SCHEME, iterations: Number(iter), salt: saltBytes, hash: hashBytes };
}

/** True when `password` re-derives to the stored hash; false for a wrong password or a corrupt record. */
export async function verifyPassword(crypto: CryptoPort, password: string, stored: PasswordHashString): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return false;
  const again = await crypto.pbkdf2Sha256(utf8(password), parsed.salt, parsed.iterations, parsed.hash.length);
  return constantTimeEqual(base64Encode(again), base64Encode(parsed.hash));
}
