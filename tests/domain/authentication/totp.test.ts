// TOTP against RFC 6238 Appendix B (SHA-1 rows), HOTP against RFC 4226 Appendix D, base32 against
// RFC 4648 §10; plus the window, replay and seed/URI rules AWS virtual MFA relies on
// (IAM API Reference, VirtualMFADevice: otpauth://totp/$virtualMFADeviceName@$AccountName?secret=…).
import { describe, expect, it } from 'vitest';
import { utf8, webCrypto } from '../../../src/lib/domain/authentication/crypto';
import {
  base32Decode,
  base32Encode,
  checkTotp,
  createVirtualMfaSeed,
  generateTotp,
  hotp,
  otpauthUri,
  timeStep,
  totpFromKey,
  verifyTotp,
} from '../../../src/lib/domain/authentication/totp';

const crypto = webCrypto();
const rfcKey = utf8('12345678901234567890');
const rfcSecret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

describe('base32 (RFC 4648 §10)', () => {
  it.each([
    ['', ''],
    ['f', 'MY======'],
    ['fo', 'MZXQ===='],
    ['foo', 'MZXW6==='],
    ['foob', 'MZXW6YQ='],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI======'],
  ])('%j ↔ %j', (text, encoded) => {
    expect(base32Encode(utf8(text))).toBe(encoded);
    expect(base32Decode(encoded)).toEqual(utf8(text));
  });

  it('encodes the RFC 6238 key to the seed an authenticator app would take', () => {
    expect(base32Encode(rfcKey)).toBe(rfcSecret);
  });

  it('decodes what people type: lower case, spaces, dashes, no padding', () => {
    expect(base32Decode('mzxw 6ytb-oi')).toEqual(utf8('foobar'));
  });

  it.each(['MZXW1', 'MZXW8', 'MZ!X'])('rejects %j (outside the alphabet)', (bad) => {
    expect(base32Decode(bad)).toBeUndefined();
  });

  it('can leave the padding off', () => {
    expect(base32Encode(utf8('f'), false)).toBe('MY');
  });
});

describe('HOTP (RFC 4226 Appendix D)', () => {
  it.each([
    [0, '755224'],
    [1, '287082'],
    [2, '359152'],
    [3, '969429'],
    [4, '338314'],
    [5, '254676'],
    [6, '287922'],
    [7, '162583'],
    [8, '399871'],
    [9, '520489'],
  ])('counter %i → %s', async (counter, code) => {
    expect(await hotp(crypto, rfcKey, counter)).toBe(code);
  });
});

describe('TOTP (RFC 6238 Appendix B, SHA-1)', () => {
  it.each([
    [59, '1970-01-01T00:00:59.000Z', 1, '94287082'],
    [1111111109, '2005-03-18T01:58:29.000Z', 0x23523ec, '07081804'],
    [1111111111, '2005-03-18T01:58:31.000Z', 0x23523ed, '14050471'],
    [1234567890, '2009-02-13T23:31:30.000Z', 0x273ef07, '89005924'],
    [2000000000, '2033-05-18T03:33:20.000Z', 0x3f940aa, '69279037'],
    [20000000000, '2603-10-11T11:33:20.000Z', 0x27bc86aa, '65353130'],
  ])('at %i s (%s, T=%i) the 8-digit code is %s', async (seconds, utc, step, code) => {
    expect(iso(seconds)).toBe(utc);
    expect(timeStep(utc)).toBe(step);
    expect(await totpFromKey(crypto, rfcKey, utc, { digits: 8 })).toBe(code);
    // The 6-digit code is the same truncated value modulo 10^6.
    expect(await generateTotp(crypto, rfcSecret, utc)).toBe(code.slice(2));
  });
});

describe('checking a code', () => {
  const now = '2005-03-18T01:58:31Z';
  const codeAt = (offsetSteps: number) => generateTotp(crypto, rfcSecret, iso(1111111111 + offsetSteps * 30));

  it.each([
    [0, 1, 'valid'],
    [-1, 1, 'valid'],
    [1, 1, 'valid'],
    [-2, 1, 'invalid'],
    [2, 1, 'invalid'],
    [-2, 2, 'valid'],
    [1, 0, 'invalid'],
  ])('a code from %i step(s) away with window %i is %s', async (offset, window, kind) => {
    const verdict = await checkTotp(crypto, rfcSecret, await codeAt(offset), now, { window });
    expect(verdict.kind).toBe(kind);
    if (verdict.kind === 'valid') expect(verdict.offset).toBe(offset);
    expect(await verifyTotp(crypto, rfcSecret, await codeAt(offset), now, window)).toBe(kind === 'valid');
  });

  it.each(['12345', '1234567', 'abcdef'])('%j is refused as malformed', async (code) => {
    expect(await checkTotp(crypto, rfcSecret, code, now)).toEqual({ kind: 'invalid', reason: 'format' });
  });

  it('a well-formed code that no step in the window produces is a mismatch', async () => {
    const valid = new Set([await codeAt(-1), await codeAt(0), await codeAt(1)]);
    const wrong = ['000000', '111111', '222222', '333333'].find((c) => !valid.has(c))!;
    expect(await checkTotp(crypto, rfcSecret, wrong, now)).toEqual({ kind: 'invalid', reason: 'mismatch' });
  });

  it('accepts a code typed with a space in the middle', async () => {
    const code = await codeAt(0);
    expect((await checkTotp(crypto, rfcSecret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).kind).toBe('valid');
  });

  it('refuses a seed that is not base32', async () => {
    expect(await checkTotp(crypto, 'not base32!', '123456', now)).toEqual({ kind: 'invalid', reason: 'badSecret' });
  });

  it('refuses a code from a step already used (no replay)', async () => {
    const code = await codeAt(0);
    const first = await checkTotp(crypto, rfcSecret, code, now);
    expect(first.kind).toBe('valid');
    if (first.kind !== 'valid') return;
    const again = await checkTotp(crypto, rfcSecret, code, now, { lastUsedStep: first.timeStep });
    expect(again).toEqual({ kind: 'invalid', reason: 'replayed' });
    const next = await checkTotp(crypto, rfcSecret, await codeAt(1), iso(1111111111 + 30), { lastUsedStep: first.timeStep });
    expect(next.kind).toBe('valid');
  });
});

describe('virtual MFA seed and QR content', () => {
  it('draws a 160-bit seed as unpadded base32 from the id source', () => {
    const bytes = Uint8Array.from({ length: 20 }, (_, i) => i * 13);
    const seed = createVirtualMfaSeed({ nextBytes: (n) => bytes.slice(0, n) });
    expect(seed).toHaveLength(32);
    expect(base32Decode(seed)).toEqual(bytes);
  });

  it('builds the otpauth URI in the form AWS documents for QRCodePNG', () => {
    expect(otpauthUri({ deviceName: 'alice-phone', accountName: 'alice', base32Secret: rfcSecret })).toBe(
      `otpauth://totp/alice-phone@alice?secret=${rfcSecret}`,
    );
    expect(otpauthUri({ deviceName: 'my device', accountName: '111122223333', base32Secret: 'MY======' })).toBe(
      'otpauth://totp/my%20device@111122223333?secret=MY',
    );
  });
});
