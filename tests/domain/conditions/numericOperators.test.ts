// Numeric condition operators. AWS: IAM JSON policy elements: Condition operators, "Numeric condition operators"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_Numeric):
// the request value is compared with the policy value (request < policy for NumericLessThan...).
// A request value that is not a number cannot be compared: the clause fails, negated or not.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { check } from './helpers';
import { parseNumber } from '../../../src/lib/domain/conditions/numericOperators';

const KEY = 's3:max-keys';

describe('numeric operators', () => {
  it.each<[string, string | string[], string, boolean]>([
    ['NumericEquals', '10', '10', true],
    ['NumericEquals', '10', '10.0', true],
    ['NumericEquals', '10', '010', true],
    ['NumericEquals', '10', '11', false],
    ['NumericEquals', ['5', '10'], '10', true],
    ['NumericNotEquals', '10', '11', true],
    ['NumericNotEquals', '10', '10', false],
    ['NumericNotEquals', ['5', '10'], '10', false],
    ['NumericLessThan', '10', '9', true],
    ['NumericLessThan', '10', '10', false],
    ['NumericLessThan', '10', '-3', true],
    ['NumericLessThan', '2.5', '2.49', true],
    ['NumericLessThanEquals', '10', '10', true],
    ['NumericLessThanEquals', '10', '11', false],
    ['NumericGreaterThan', '10', '11', true],
    ['NumericGreaterThan', '10', '10', false],
    ['NumericGreaterThanEquals', '10', '10', true],
    ['NumericGreaterThanEquals', '10', '9.99', false],
    ['NumericGreaterThan', '1e3', '1001', true],
    ['NumericLessThan', '5', '1e0', true],
  ])('%s %j vs %j → %s', (operator, values, request, expected) => {
    expect(check(operator, KEY, values, { [KEY]: request }).matched).toBe(expected);
  });

  it.each([
    ['NumericEquals', '10', 'ten'],
    ['NumericNotEquals', '10', 'ten'],
    ['NumericLessThan', '10', ''],
    ['NumericGreaterThan', '10', '0x20'],
    ['NumericNotEquals', '10', ' 10'],
  ])('%s with unreadable request %j fails with a type mismatch', (operator, values, request) => {
    expect(check(operator, KEY, values, { [KEY]: request })).toMatchObject({ matched: false, reason: 'conditionTypeMismatch' });
  });

  it('a policy value that is not a number matches nothing', () => {
    expect(check('NumericEquals', KEY, 'ten', { [KEY]: '10' })).toMatchObject({ matched: false, reason: 'conditionTypeMismatch' });
  });

  it('parseNumber agrees with the integers it reads (property)', () => {
    fc.assert(fc.property(fc.integer(), (n) => parseNumber(String(n)) === n));
  });

  it('NumericLessThan is the strict order on integers (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (a, b) =>
        check('NumericLessThan', KEY, String(b), { [KEY]: String(a) }).matched === a < b,
      ),
    );
  });
});
