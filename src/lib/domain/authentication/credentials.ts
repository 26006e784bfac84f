// Credential and identifier generation: access key ids, secret keys, session tokens and IAM unique
// ids, from an injected source of random bytes. Invariant: the same bytes give the same ids (labs
// replay exactly) and every character is drawn without modulo bias (alphabets of 32 or 64).
// AWS: "IAM identifiers", section "Unique identifiers" (IAM User Guide, reference_identifiers),
// for the four-letter prefixes; "Manage access keys for IAM users" for the key formats.

/** Where randomness comes from: `webCryptoIdSource()` in the app, `seededIdSource(seed)` in labs and tests. */
export interface IdSource {
  nextBytes(n: number): Uint8Array;
}

/** AWS identifiers after the prefix use the base32 alphabet: A–Z and 2–7. */
export const AWS_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** The documented prefixes, by what they identify. */
export const ID_PREFIXES = {
  stsBearerToken: 'ABIA',
  contextSpecificCredential: 'ACCA',
  group: 'AGPA',
  user: 'AIDA',
  instanceProfile: 'AIPA',
  accessKey: 'AKIA',
  managedPolicy: 'ANPA',
  managedPolicyVersion: 'ANVA',
  publicKey: 'APKA',
  role: 'AROA',
  certificate: 'ASCA',
  temporaryAccessKey: 'ASIA',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;
export type UniqueIdKind = 'user' | 'group' | 'role' | 'managedPolicy' | 'instanceProfile';

/** Each byte keeps its low bits; both alphabets have a power-of-two size, so no value is favoured. */
function draw(ids: IdSource, alphabet: string, length: number): string {
  const mask = alphabet.length - 1;
  const bytes = ids.nextBytes(length);
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[(bytes[i] ?? 0) & mask];
  return out;
}

/** Long-term access key id: AKIA + 16 characters (20 in all, like AKIAIOSFODNN7EXAMPLE). */
export function newAccessKeyId(ids: IdSource): string {
  return ID_PREFIXES.accessKey + draw(ids, AWS_ID_ALPHABET, 16);
}

/** Temporary access key id issued by STS: ASIA + 16 characters. */
export function newTemporaryAccessKeyId(ids: IdSource): string {
  return ID_PREFIXES.temporaryAccessKey + draw(ids, AWS_ID_ALPHABET, 16);
}

/** 40 characters of base64's alphabet, the shape of wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY. */
export function newSecretAccessKey(ids: IdSource): string {
  return draw(ids, SECRET_ALPHABET, 40);
}

/** An opaque session token; real ones are long base64 blobs, so is this (320 characters). */
export function newSessionToken(ids: IdSource): string {
  return draw(ids, SECRET_ALPHABET, 320);
}

/** 21-character unique id: four-letter prefix + 17 characters (like AIDACKCEVSQ6C2EXAMPLE). */
export function newUniqueId(ids: IdSource, kind: UniqueIdKind): string {
  return ID_PREFIXES[kind] + draw(ids, AWS_ID_ALPHABET, 17);
}

export interface AccessKeyPair {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface TemporaryCredentials extends AccessKeyPair {
  readonly sessionToken: string;
}

export function newAccessKeyPair(ids: IdSource): AccessKeyPair {
  return { accessKeyId: newAccessKeyId(ids), secretAccessKey: newSecretAccessKey(ids) };
}

export function newTemporaryCredentials(ids: IdSource): TemporaryCredentials {
  return { accessKeyId: newTemporaryAccessKeyId(ids), secretAccessKey: newSecretAccessKey(ids), sessionToken: newSessionToken(ids) };
}

/** What an id is, read from its prefix (the UI explains AKIA vs ASIA with this). */
export function identifierKind(id: string): IdKind | undefined {
  const prefix = id.slice(0, 4);
  const found = (Object.keys(ID_PREFIXES) as IdKind[]).find((k) => ID_PREFIXES[k] === prefix);
  return found;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/**
 * One step of splitmix32 as a pure function of a 32-bit state, so machines can keep the state
 * in plain data and replay. Not for real secrets; fine for lessons and tests.
 */
export function nextSeededBytes(state: number, n: number): { readonly bytes: Uint8Array; readonly state: number } {
  let s = state >>> 0;
  const bytes = new Uint8Array(n);
  let word = 0;
  for (let i = 0; i < n; i += 1) {
    if (i % 4 === 0) {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      word = (z ^ (z >>> 16)) >>> 0;
    }
    bytes[i] = (word >>> ((i % 4) * 8)) & 0xff;
  }
  return { bytes, state: s };
}

/** A reproducible IdSource; a string seed is folded into 32 bits (FNV-1a). */
export function seededIdSource(seed: number | string): IdSource {
  let state = typeof seed === 'number' ? seed >>> 0 : fnv1a(seed);
  return {
    nextBytes(n) {
      const next = nextSeededBytes(state, n);
      state = next.state;
      return next.bytes;
    },
  };
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
