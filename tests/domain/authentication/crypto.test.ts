// The Web Crypto port against published vectors: SHA-256 (FIPS 180-2 "abc"), HMAC-SHA-256
// (RFC 4231 test case 2), HMAC-SHA-1 (RFC 2202 test case 2); and the byte helpers the domain
// writes by hand because it has no TextEncoder type.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  constantTimeEqual,
  decodeUtf8,
  fromHex,
  toHex,
  utf8,
  webCrypto,
  webCryptoIdSource,
} from '../../../src/lib/domain/authentication/crypto';

const crypto = webCrypto();

describe('webCrypto()', () => {
  it('SHA-256 of "abc" (FIPS 180-2 B.1) and of the empty string', async () => {
    expect(toHex(await crypto.sha256(utf8('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(await crypto.sha256(new Uint8Array()))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('HMAC-SHA-256, RFC 4231 test case 2', async () => {
    const mac = await crypto.hmacSha256(utf8('Jefe'), utf8('what do ya want for nothing?'));
    expect(toHex(mac)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('HMAC-SHA-1, RFC 2202 test case 2', async () => {
    const mac = await crypto.hmacSha1(utf8('Jefe'), utf8('what do ya want for nothing?'));
    expect(toHex(mac)).toBe('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
  });

  it('webCryptoIdSource gives the number of bytes asked for', () => {
    const ids = webCryptoIdSource();
    expect(ids.nextBytes(16)).toHaveLength(16);
    expect(ids.nextBytes(0)).toHaveLength(0);
  });
});

describe('byte helpers', () => {
  it.each([
    ['', ''],
    ['A', '41'],
    ['é', 'c3a9'],
    ['ሴ', 'e188b4'],
    ['😀', 'f09f9880'],
    ['\ud800', 'efbfbd'],
  ])('utf8(%j) = %s', (text, hex) => {
    expect(toHex(utf8(text))).toBe(hex);
  });

  it('utf8 agrees with the platform encoder on any string', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(toHex(utf8(text))).toBe(toHex(encoder.encode(text)));
      }),
    );
  });

  it('decodeUtf8 round-trips well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(decodeUtf8(utf8(text))).toBe(text);
      }),
    );
  });

  it.each([
    ['a lone continuation byte', '80'],
    ['a truncated sequence', 'e188'],
    ['an overlong slash', 'c0af'],
    ['an encoded surrogate', 'eda080'],
    ['past U+10FFFF', 'f4908080'],
  ])('decodeUtf8 refuses %s', (_what, hex) => {
    expect(decodeUtf8(fromHex(hex))).toBeUndefined();
  });

  it('hex round-trips and rejects odd input', () => {
    expect(toHex(fromHex('00ff10ab'))).toBe('00ff10ab');
    expect(() => fromHex('abc')).toThrow();
    expect(() => fromHex('zz')).toThrow();
  });

  it.each([
    ['abc', 'abc', true],
    ['abc', 'abd', false],
    ['abc', 'ab', false],
    ['', '', true],
  ])('constantTimeEqual(%j, %j) = %s', (a, b, same) => {
    expect(constantTimeEqual(a, b)).toBe(same);
  });
});
