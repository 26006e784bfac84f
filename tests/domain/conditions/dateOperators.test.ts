// Date condition operators. AWS: IAM JSON policy elements: Condition operators, "Date condition operators"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Date):
// values use the W3C implementations of ISO 8601 date formats, or epoch (UNIX) time in seconds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check } from './helpers';
import { parseDate } from '../../../src/lib/domain/conditions/dateOperators';

const KEY = 'aws:CurrentTime';

describe('date operators', () => {
  it.each<[string, string | string[], string, boolean]>([
    ['DateEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', true],
    ['DateEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.000Z', true],
    ['DateEquals', '2026-01-01T01:00:00+01:00', '2026-01-01T00:00:00Z', true],
    ['DateEquals', '2026-01-01T01:00:00+0100', '2026-01-01T00:00:00Z', true],
    ['DateEquals', '2026-01-01', '2026-01-01T00:00:00Z', true],
    ['DateEquals', '1767225600', '2026-01-01T00:00:00Z', true],
    ['DateEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', false],
    ['DateNotEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:01Z', true],
    ['DateNotEquals', '2026-01-01T00:00:00Z', '1767225600', false],
    ['DateLessThan', '2026-01-01T00:00:00Z', '2025-12-31T23:59:59Z', true],
    ['DateLessThan', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', false],
    ['DateLessThan', '2026-01-01', '1700000000', true],
    ['DateLessThanEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', true],
    ['DateGreaterThan', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.001Z', true],
    ['DateGreaterThan', '2026-01-01T00:00:00Z', '2025-06-01T00:00:00Z', false],
    ['DateGreaterThanEquals', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', true],
    ['DateLessThan', ['2020-01-01T00:00:00Z', '2030-01-01T00:00:00Z'], '2026-05-05T00:00:00Z', true],
    ['DateLessThan', '2026-01-01T12:00Z', '2026-01-01T11:59:59Z', true],
  ])('%s %j vs %j → %s', (operator, values, request, expected) => {
    expect(check(operator, KEY, values, { [KEY]: request }).matched).toBe(expected);
  });

  it.each(['tomorrow', '2026-13-01', '2026-02-30', '2026-01-01T25:00:00Z', '01/02/2026', ''])(
    'an unreadable request date %j fails with a type mismatch',
    (request) => {
      expect(check('DateNotEquals', KEY, '2026-01-01T00:00:00Z', { [KEY]: request })).toMatchObject({
        matched: false,
        reason: 'conditionTypeMismatch',
      });
    },
  );

  it('a date-time without zone is read as UTC', () => {
    expect(parseDate('2026-01-01T00:00:00')).toBe(Date.UTC(2026, 0, 1));
  });

  it('ISO text and epoch seconds agree (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000 }), (seconds) => {
        const iso = new Date(seconds * 1000).toISOString();
        return parseDate(iso) === parseDate(String(seconds));
      }),
    );
  });
});
