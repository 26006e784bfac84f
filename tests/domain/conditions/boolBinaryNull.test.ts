// Bool, BinaryEquals and Null. AWS: IAM JSON policy elements: Condition operators
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html):
// "Boolean condition operators" (true/false), "Binary condition operators" (base-64 encoded values compared
// byte for byte), "Condition operator to check existence of condition keys" (Null: `true` = the key is absent).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check } from './helpers';
import { decodeBase64 } from '../../../src/lib/domain/conditions/binaryOperator';

describe('Bool', () => {
  const KEY = 'aws:SecureTransport';
  it.each<[string | string[], string, boolean]>([
    ['true', 'true', true],
    ['true', 'false', false],
    ['false', 'false', true],
    ['TRUE', 'true', true],
    ['true', 'True', true],
    [['false', 'true'], 'true', true],
  ])('Bool %j vs %j → %s', (values, request, expected) => {
    expect(check('Bool', KEY, values, { [KEY]: request }).matched).toBe(expected);
  });

  it.each(['yes', '1', ''])('request %j is not a boolean', (request) => {
    expect(check('Bool', KEY, 'true', { [KEY]: request })).toMatchObject({ matched: false, reason: 'conditionTypeMismatch' });
  });

  it('absent key: Bool fails, BoolIfExists holds (the usual MFA trap)', () => {
    expect(check('Bool', 'aws:MultiFactorAuthPresent', 'false', {})).toMatchObject({ matched: false, reason: 'conditionKeyMissing' });
    expect(check('BoolIfExists', 'aws:MultiFactorAuthPresent', 'false', {}).matched).toBe(true);
  });
});

describe('BinaryEquals', () => {
  const KEY = 'ex:blob';
  it.each<[string, string, boolean]>([
    ['QmluYXJ5VmFsdWVJbkJhc2U2NA==', 'QmluYXJ5VmFsdWVJbkJhc2U2NA==', true],
    ['QmluYXJ5VmFsdWVJbkJhc2U2NA==', 'QmluYXJ5VmFsdWVJbkJhc2U2NA', true],
    ['QUJD', 'QUJE', false],
    ['QUJD', 'qujd', false],
  ])('BinaryEquals %j vs %j → %s', (policy, request, expected) => {
    expect(check('BinaryEquals', KEY, policy, { [KEY]: request }).matched).toBe(expected);
  });

  it('malformed base64 in the request is a type mismatch', () => {
    expect(check('BinaryEquals', KEY, 'QUJD', { [KEY]: 'not base64!' })).toMatchObject({ reason: 'conditionTypeMismatch' });
  });

  it('decodes what the Node base64 encoder writes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const encoded = Buffer.from(bytes).toString('base64');
        return JSON.stringify(decodeBase64(encoded)) === JSON.stringify(Array.from(bytes));
      }),
    );
  });
});

describe('Null', () => {
  const KEY = 'aws:TokenIssueTime';
  it.each<[string, Record<string, string | string[]>, boolean]>([
    ['true', {}, true],
    ['true', { [KEY]: '2026-01-01T00:00:00Z' }, false],
    ['false', { [KEY]: '2026-01-01T00:00:00Z' }, true],
    ['false', {}, false],
    ['TRUE', {}, true],
    ['true', { [KEY]: [] }, true],
    ['false', { 'aws:tokenissuetime': 'x' }, true],
  ])('Null %j with %j → %s', (value, context, expected) => {
    expect(check('Null', KEY, value, context).matched).toBe(expected);
  });

  it('a policy value other than true/false is a type mismatch', () => {
    expect(check('Null', KEY, 'maybe', {})).toMatchObject({ matched: false, reason: 'conditionTypeMismatch' });
  });
});
