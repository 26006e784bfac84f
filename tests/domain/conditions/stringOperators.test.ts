// String condition operators. AWS: IAM JSON policy elements: Condition operators, "String condition operators"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_String):
// StringEquals exact and case-sensitive; StringEqualsIgnoreCase ignores case; StringLike case-sensitive with
// `*` and `?` anywhere; the Not forms are negated matching. Several policy values are ORed, so a negated
// operator holds only when the request value matches none of them (Creating a condition with multiple keys
// or values: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html).
import { describe, expect, it } from 'vitest';
import { check } from './helpers';

const KEY = 'aws:PrincipalTag/team';

describe('string operators', () => {
  it.each<[string, string | string[], string, boolean]>([
    ['StringEquals', 'blue', 'blue', true],
    ['StringEquals', 'blue', 'Blue', false],
    ['StringEquals', 'blue', 'blue ', false],
    ['StringEquals', ['red', 'blue'], 'blue', true],
    ['StringEquals', ['red', 'green'], 'blue', false],
    ['StringEquals', 'bl*', 'blue', false],
    ['StringEquals', 'bl*', 'bl*', true],
    ['StringEquals', '', '', true],
    ['StringNotEquals', 'blue', 'red', true],
    ['StringNotEquals', 'blue', 'blue', false],
    ['StringNotEquals', 'blue', 'BLUE', true],
    ['StringNotEquals', ['red', 'blue'], 'blue', false],
    ['StringNotEquals', ['red', 'green'], 'blue', true],
    ['StringEqualsIgnoreCase', 'BLUE', 'blue', true],
    ['StringEqualsIgnoreCase', 'Blue', 'bLUE', true],
    ['StringEqualsIgnoreCase', 'blue', 'blues', false],
    ['StringEqualsIgnoreCase', 'bl*', 'BLUE', false],
    ['StringNotEqualsIgnoreCase', 'BLUE', 'blue', false],
    ['StringNotEqualsIgnoreCase', 'BLUE', 'red', true],
    ['StringNotEqualsIgnoreCase', ['RED', 'BLUE'], 'blue', false],
    ['StringLike', 'bl*', 'blue', true],
    ['StringLike', 'bl*', 'Blue', false],
    ['StringLike', 'b?ue', 'blue', true],
    ['StringLike', 'b?ue', 'bue', false],
    ['StringLike', '*', '', true],
    ['StringLike', 'home/*', 'home/alice/docs', true],
    ['StringLike', ['x*', '*e'], 'blue', true],
    ['StringNotLike', 'bl*', 'blue', false],
    ['StringNotLike', 'bl*', 'red', true],
    ['StringNotLike', ['r*', 'g*'], 'blue', true],
    ['StringNotLike', ['r*', 'b*'], 'blue', false],
    // Operator names are case-insensitive (AWS's parser accepts stringequals).
    ['stringequals', 'blue', 'blue', true],
  ])('%s %j vs %j → %s', (operator, values, request, expected) => {
    expect(check(operator, KEY, values, { [KEY]: request }).matched).toBe(expected);
  });

  it('condition key names are case-insensitive, values are not', () => {
    expect(check('StringEquals', 'AWS:PRINCIPALTAG/TEAM', 'blue', { 'aws:principaltag/team': 'blue' }).matched).toBe(true);
    expect(check('StringEquals', 'aws:principaltag/team', 'blue', { 'AWS:PrincipalTag/Team': 'BLUE' }).matched).toBe(false);
  });

  it('reports values and reason on a mismatch', () => {
    expect(check('StringEquals', KEY, ['red', 'green'], { [KEY]: 'blue' })).toEqual({
      matched: false,
      policyValues: ['red', 'green'],
      requestValues: ['blue'],
      reason: 'conditionValueMismatch',
    });
  });
});
