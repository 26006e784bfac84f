// Identifier and credential shapes from "IAM identifiers" → "Unique identifiers" (IAM User Guide,
// reference_identifiers): four-letter prefixes, base32 bodies, AKIA/ASIA access key ids of 20
// characters, 40-character secret keys; and the seeded source's reproducibility.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AWS_ID_ALPHABET,
  ID_PREFIXES,
  identifierKind,
  newAccessKeyId,
  newAccessKeyPair,
  newSecretAccessKey,
  newSessionToken,
  newTemporaryAccessKeyId,
  newTemporaryCredentials,
  newUniqueId,
  nextSeededBytes,
  seededIdSource,
  type IdSource,
} from '../../../src/lib/domain/authentication/credentials';

/** Replays a fixed byte list, to pin the mapping from bytes to characters. */
const fixedBytes = (values: number[]): IdSource => {
  let at = 0;
  return {
    nextBytes: (n) => Uint8Array.from({ length: n }, () => values[at++ % values.length] ?? 0),
  };
};

describe('formats', () => {
  it.each([
    ['access key id', () => newAccessKeyId(seededIdSource(1)), /^AKIA[A-Z2-7]{16}$/],
    ['temporary access key id', () => newTemporaryAccessKeyId(seededIdSource(1)), /^ASIA[A-Z2-7]{16}$/],
    ['secret access key', () => newSecretAccessKey(seededIdSource(1)), /^[A-Za-z0-9+/]{40}$/],
    ['session token', () => newSessionToken(seededIdSource(1)), /^[A-Za-z0-9+/]{320}$/],
    ['user id', () => newUniqueId(seededIdSource(1), 'user'), /^AIDA[A-Z2-7]{17}$/],
    ['role id', () => newUniqueId(seededIdSource(1), 'role'), /^AROA[A-Z2-7]{17}$/],
    ['group id', () => newUniqueId(seededIdSource(1), 'group'), /^AGPA[A-Z2-7]{17}$/],
    ['policy id', () => newUniqueId(seededIdSource(1), 'managedPolicy'), /^ANPA[A-Z2-7]{17}$/],
    ['instance profile id', () => newUniqueId(seededIdSource(1), 'instanceProfile'), /^AIPA[A-Z2-7]{17}$/],
  ])('a %s has the AWS shape', (_what, make, shape) => {
    expect(make()).toMatch(shape);
  });

  it('maps each byte to the alphabet by its low five bits', () => {
    expect(newAccessKeyId(fixedBytes([0, 1, 25, 26, 31, 32, 255]))).toBe('AKIAABZ27A7ABZ27A7AB');
    expect(AWS_ID_ALPHABET).toHaveLength(32);
  });

  it('pairs and temporary credentials come out complete', () => {
    const ids = seededIdSource('pairs');
    expect(newAccessKeyPair(ids)).toEqual({ accessKeyId: expect.stringMatching(/^AKIA/), secretAccessKey: expect.any(String) });
    const temp = newTemporaryCredentials(ids);
    expect(temp.accessKeyId).toMatch(/^ASIA/);
    expect(temp.sessionToken.length).toBeGreaterThan(100);
  });

  it.each([
    ['AKIAIOSFODNN7EXAMPLE', 'accessKey'],
    ['ASIAIOSFODNN7EXAMPLE', 'temporaryAccessKey'],
    ['AIDACKCEVSQ6C2EXAMPLE', 'user'],
    ['AROADBQP57FF2AEXAMPLE', 'role'],
    ['AGPAEXAMPLEEXAMPLE123', 'group'],
    ['ANPAEXAMPLEEXAMPLE123', 'managedPolicy'],
    ['XXXXEXAMPLE', undefined],
  ])('identifierKind(%s) = %s', (id, kind) => {
    expect(identifierKind(id)).toBe(kind);
  });

  it('every documented prefix is four capital letters and unique', () => {
    const prefixes = Object.values(ID_PREFIXES);
    expect(prefixes.every((p) => /^A[A-Z]{3}$/.test(p))).toBe(true);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});

describe('seededIdSource', () => {
  it('replays the same ids for the same seed and differs across seeds', () => {
    const a = [newAccessKeyId(seededIdSource(42)), newAccessKeyId(seededIdSource(42))];
    expect(a[0]).toBe(a[1]);
    expect(newAccessKeyId(seededIdSource(43))).not.toBe(a[0]);
    expect(newAccessKeyId(seededIdSource('lab-1'))).toBe(newAccessKeyId(seededIdSource('lab-1')));
    expect(newAccessKeyId(seededIdSource('lab-1'))).not.toBe(newAccessKeyId(seededIdSource('lab-2')));
  });

  it('advances: consecutive ids from one source differ', () => {
    const ids = seededIdSource(7);
    const drawn = Array.from({ length: 50 }, () => newAccessKeyId(ids));
    expect(new Set(drawn).size).toBe(50);
  });

  it('the object form and the pure step agree, byte for byte', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }), (seed, sizes) => {
        const source = seededIdSource(seed);
        let state = seed;
        for (const n of sizes) {
          const step = nextSeededBytes(state, n);
          state = step.state;
          expect(source.nextBytes(n)).toEqual(step.bytes);
        }
      }),
    );
  });

  it('spreads characters over the whole alphabet', () => {
    const ids = seededIdSource(2026);
    const counts = new Map<string, number>();
    for (let i = 0; i < 400; i += 1) for (const ch of newAccessKeyId(ids).slice(4)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    // 6400 draws over 32 symbols: expect ~200 each; every symbol must appear and none dominate.
    expect(counts.size).toBe(32);
    expect(Math.max(...counts.values())).toBeLessThan(300);
    expect(Math.min(...counts.values())).toBeGreaterThan(120);
  });
});
