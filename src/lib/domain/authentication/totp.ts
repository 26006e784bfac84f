// Time-based one-time passwords for virtual MFA devices: RFC 4648 base32 secrets, RFC 4226 HOTP,
// RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits). Invariant: time comes in as an ISO string,
// never from a clock, so a code is a pure function of (secret, instant).
// AWS: "Assign a virtual MFA device in the AWS Management Console" (IAM User Guide, id_credentials_mfa_enable_virtual)
// and CreateVirtualMFADevice / VirtualMFADevice (IAM API Reference) for the seed and the otpauth URI.
import type { CryptoPort } from './crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 §6 base32, padded with '=' to a multiple of 8 unless `padding` is false. */
export function base32Encode(bytes: Uint8Array, padding = true): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32_ALPHABET[(buffer << (5 - bits)) & 31];
  if (padding) while (out.length % 8 !== 0) out += '=';
  return out;
}

/**
 * Decodes base32, forgiving what people do when they type a seed by hand (lower case, spaces,
 * dashes, missing padding). Undefined when a character is outside the alphabet.
 */
export function base32Decode(text: string): Uint8Array | undefined {
  const clean = text.replace(/[\s-]/g, '').replace(/=+$/, '').toUpperCase();
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of clean) {
    const value = BASE32_ALPHABET.indexOf(ch);
    if (value < 0) return undefined;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  return Uint8Array.from(out);
}

/** The moving factor as RFC 4226 wants it: 8 bytes, big-endian. Safe past 2^32. */
function counterBytes(counter: number): Uint8Array {
  const out = new Uint8Array(8);
  let high = Math.floor(counter / 2 ** 32);
  let low = counter >>> 0;
  for (let i = 7; i >= 4; i -= 1) {
    out[i] = low & 0xff;
    low >>>= 8;
  }
  for (let i = 3; i >= 0; i -= 1) {
    out[i] = high & 0xff;
    high = Math.floor(high / 256);
  }
  return out;
}

/** RFC 4226 §5.3: HMAC-SHA1, dynamic truncation, modulo 10^digits, left-padded with zeros. */
export async function hotp(crypto: CryptoPort, key: Uint8Array, counter: number, digits = 6): Promise<string> {
  const mac = await crypto.hmacSha1(key, counterBytes(counter));
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary =
    (((mac[offset] ?? 0) & 0x7f) << 24) |
    (((mac[offset + 1] ?? 0) & 0xff) << 16) |
    (((mac[offset + 2] ?? 0) & 0xff) << 8) |
    ((mac[offset + 3] ?? 0) & 0xff);
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export interface TotpOptions {
  /** Seconds per step (X in RFC 6238). AWS virtual MFA uses 30. */
  readonly period?: number;
  /** AWS virtual MFA uses 6. */
  readonly digits?: number;
}

/** RFC 6238 time step T = floor((unixTime - T0) / X) with T0 = 0. */
export function timeStep(isoTime: string, period = 30): number {
  const ms = Date.parse(isoTime);
  if (Number.isNaN(ms)) throw new Error(`Not an ISO 8601 time: ${isoTime}`);
  return Math.floor(Math.floor(ms / 1000) / period);
}

/** TOTP from raw key bytes (what the RFC's test vectors use). */
export async function totpFromKey(crypto: CryptoPort, key: Uint8Array, isoTime: string, options: TotpOptions = {}): Promise<string> {
  return hotp(crypto, key, timeStep(isoTime, options.period ?? 30), options.digits ?? 6);
}

/** The code a virtual MFA app shows at `isoTime` for a base32 seed. */
export async function generateTotp(crypto: CryptoPort, base32Secret: string, isoTime: string, options: TotpOptions = {}): Promise<string> {
  const key = base32Decode(base32Secret);
  if (!key || key.length === 0) throw new Error('The MFA seed is not valid base32.');
  return totpFromKey(crypto, key, isoTime, options);
}

export type TotpCheck =
  /** `offset` is the step the code belongs to relative to now (-1 = previous 30 s, +1 = next). */
  | { readonly kind: 'valid'; readonly timeStep: number; readonly offset: number }
  | { readonly kind: 'invalid'; readonly reason: 'format' | 'badSecret' | 'mismatch' | 'replayed' };

export interface TotpCheckOptions extends TotpOptions {
  /** Steps accepted on each side of now, for clock drift. Default 1 (RFC 6238 §5.2 suggests one). */
  readonly window?: number;
  /** The step of the last code accepted for this device; it and older steps are refused (RFC 6238 §5.2). */
  readonly lastUsedStep?: number;
}

/** Checks a code and says why it failed, for the trace. */
export async function checkTotp(
  crypto: CryptoPort,
  base32Secret: string,
  code: string,
  isoTime: string,
  options: TotpCheckOptions = {},
): Promise<TotpCheck> {
  const digits = options.digits ?? 6;
  const period = options.period ?? 30;
  const window = options.window ?? 1;
  const typed = code.replace(/\s/g, '');
  if (!new RegExp(`^\\d{${digits}}$`).test(typed)) return { kind: 'invalid', reason: 'format' };
  const key = base32Decode(base32Secret);
  if (!key || key.length === 0) return { kind: 'invalid', reason: 'badSecret' };
  const now = timeStep(isoTime, period);
  // Closest steps first, so a code valid both now and a step away reports offset 0.
  const offsets = [0];
  for (let d = 1; d <= window; d += 1) offsets.push(-d, d);
  for (const offset of offsets) {
    const step = now + offset;
    if (step < 0) continue;
    if ((await hotp(crypto, key, step, digits)) === typed) {
      if (options.lastUsedStep !== undefined && step <= options.lastUsedStep) return { kind: 'invalid', reason: 'replayed' };
      return { kind: 'valid', timeStep: step, offset };
    }
  }
  return { kind: 'invalid', reason: 'mismatch' };
}

/** True when `code` is the device's code within `window` steps of `isoTime`. */
export async function verifyTotp(crypto: CryptoPort, base32Secret: string, code: string, isoTime: string, window = 1): Promise<boolean> {
  return (await checkTotp(crypto, base32Secret, code, isoTime, { window })).kind === 'valid';
}

/** A fresh virtual MFA seed. 20 bytes = 160 bits, the key length RFC 4226 §4 recommends. */
export function createVirtualMfaSeed(ids: { nextBytes(n: number): Uint8Array }, bytes = 20): string {
  return base32Encode(ids.nextBytes(bytes), false);
}

export interface OtpauthUriInput {
  /** The VirtualMFADeviceName given to CreateVirtualMFADevice. */
  readonly deviceName: string;
  /** The user name when there is one, otherwise the account id (AWS's rule for the QR code). */
  readonly accountName: string;
  readonly base32Secret: string;
}

/**
 * What AWS's QR code encodes: otpauth://totp/$virtualMFADeviceName@$AccountName?secret=$Base32String
 * (IAM API Reference, VirtualMFADevice, QRCodePNG). The lab shows this string instead of a PNG.
 */
export function otpauthUri(input: OtpauthUriInput): string {
  const label = `${encodeURIComponent(input.deviceName)}@${encodeURIComponent(input.accountName)}`;
  return `otpauth://totp/${label}?secret=${input.base32Secret.replace(/=+$/, '')}`;
}
