// Console passwords are stored as salted PBKDF2-SHA256 and never in plain text
// ("Manage passwords for IAM users", IAM User Guide). PBKDF2 itself is checked against
// RFC 7914 §11's PBKDF2-HMAC-SHA256 vector so the port is known to derive the real thing.
import { describe, expect, it } from 'vitest';
import { toHex, utf8, webCrypto } from '../../../src/lib/domain/authentication/crypto';
import {
  base64Decode,
  base64Encode,
  hashPassword,
  parsePasswordHash,
  verifyPassword,
} from '../../../src/lib/domain/authentication/passwords';
import { seededIdSource } from '../../../src/lib/domain/authentication/credentials';

const crypto = webCrypto();
const cheap = 1000;

describe('PBKDF2 through the crypto port', () => {
  it('derives the RFC 7914 §11 vector (passwd / salt, c=1, dkLen=64)', async () => {
    const dk = await crypto.pbkdf2Sha256(utf8('passwd'), utf8('salt'), 1, 64);
    expect(toHex(dk)).toBe(
      '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783',
    );
  });
});

describe('base64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('%j ↔ %j (RFC 4648 §10)', (text, encoded) => {
    expect(base64Encode(utf8(text))).toBe(encoded);
    expect(base64Decode(encoded)).toEqual(utf8(text));
  });

  it('rejects characters outside the alphabet', () => {
    expect(base64Decode('Zm9v!')).toBeUndefined();
  });
});

describe('hashPassword / verifyPassword', () => {
  it('stores a self-describing salted hash that does not contain the password', async () => {
    const stored = await hashPassword(crypto, seededIdSource(1), 'correct horse battery staple', cheap);
    expect(stored).toMatch(/^pbkdf2-sha256\$1000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(stored).not.toContain('correct horse');
    const parsed = parsePasswordHash(stored);
    expect(parsed?.salt).toHaveLength(16);
    expect(parsed?.hash).toHaveLength(32);
  });

  it('salts: the same password hashes differently each time', async () => {
    const ids = seededIdSource(2);
    const a = await hashPassword(crypto, ids, 'Secret-123', cheap);
    const b = await hashPassword(crypto, ids, 'Secret-123', cheap);
    expect(a).not.toBe(b);
    expect(await verifyPassword(crypto, 'Secret-123', a)).toBe(true);
    expect(await verifyPassword(crypto, 'Secret-123', b)).toBe(true);
  });

  it.each([
    ['the same password', 'Tr0ub4dor&3', true],
    ['a different password', 'Tr0ub4dor&4', false],
    ['a different case', 'tr0ub4dor&3', false],
    ['an empty password', '', false],
    ['the password with a trailing space', 'Tr0ub4dor&3 ', false],
  ])('%s → %s', async (_what, attempt, ok) => {
    const stored = await hashPassword(crypto, seededIdSource(3), 'Tr0ub4dor&3', cheap);
    expect(await verifyPassword(crypto, attempt, stored)).toBe(ok);
  });

  it.each([
    ['plain text', 'Tr0ub4dor&3'],
    ['an unknown scheme', 'md5$1$AAAA$AAAA'],
    ['zero iterations', 'pbkdf2-sha256$0$AAAA$AAAA'],
    ['a broken salt', 'pbkdf2-sha256$1000$!!$AAAA'],
    ['an empty hash', 'pbkdf2-sha256$1000$AAAA$'],
    ['extra fields', 'pbkdf2-sha256$1000$AAAA$AAAA$AAAA'],
  ])('a stored value that is %s never verifies', async (_what, stored) => {
    expect(parsePasswordHash(stored)).toBeUndefined();
    expect(await verifyPassword(crypto, 'Tr0ub4dor&3', stored)).toBe(false);
  });
});
