// Identifier generation for world entities, built on authentication/credentials (AWS's id formats)
// plus the few non-IAM formats the simulated services need (instance ids, key UUIDs, hex ids).
// Invariant: the same byte sequence yields the same ids, so default labs and tests are reproducible.
// AWS: IAM identifiers, "Unique identifiers" (prefixes AIDA, AGPA, AROA, ANPA, AIPA, AKIA, ASIA).
import {
  newAccessKeyId as newLongTermKeyId,
  newSecretAccessKey,
  newSessionToken,
  newTemporaryAccessKeyId,
  newUniqueId as newIamUniqueId,
  seededIdSource,
} from '../authentication/credentials';
import type { IdSource } from '../authentication/credentials';

export { newSecretAccessKey, newSessionToken, seededIdSource };
export type { IdSource };

const hexAlphabet = '0123456789abcdef';

export type UniqueIdPrefix = 'AIDA' | 'AGPA' | 'AROA' | 'ANPA' | 'AIPA';

const kinds = { AIDA: 'user', AGPA: 'group', AROA: 'role', ANPA: 'managedPolicy', AIPA: 'instanceProfile' } as const;

/** 21-character unique ids as IAM returns them (prefix + 17 base32 characters). */
export function newUniqueId(ids: IdSource, prefix: UniqueIdPrefix): string {
  return newIamUniqueId(ids, kinds[prefix]);
}

export function newAccessKeyId(ids: IdSource, prefix: 'AKIA' | 'ASIA'): string {
  return prefix === 'AKIA' ? newLongTermKeyId(ids) : newTemporaryAccessKeyId(ids);
}

export function newHex(ids: IdSource, length: number): string {
  const bytes = ids.nextBytes(length);
  let out = '';
  for (let i = 0; i < length; i += 1) out += hexAlphabet[(bytes[i] ?? 0) & 15];
  return out;
}

export function newInstanceId(ids: IdSource): string {
  return 'i-0' + newHex(ids, 16);
}

export function newUuid(ids: IdSource): string {
  const h = newHex(ids, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A virtual MFA seed: 20 random bytes in base32, as IAM's Base32StringSeed. */
export { createVirtualMfaSeed as newBase32Secret } from '../authentication/totp';
