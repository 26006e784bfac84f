// How clauses combine and what happens when keys are missing, lists, or variables without value.
// AWS sources:
// - IAM JSON policy elements: Condition operators, "Important" note: a key absent from the request context makes
//   the condition false, except that a negated operator (StringNotLike, ArnNotLike...) is then true; "...IfExists
//   condition operators": an absent key makes the condition true.
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
// - Creating a condition with multiple context keys or values: keys (clauses) ANDed, values ORed; a negated
//   operator with several values holds when the request matches none of them.
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
// - Set operators for multivalued context keys: ForAnyValue is false for an absent or empty key; ForAllValues is
//   true for an absent or empty key; ForAllValues:StringNotEquals = no request value is in the list;
//   ForAnyValue:StringNotEquals = at least one request value is not in the list.
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
// - IAM policy elements: Variables and tags, "Policy variables with no value": StringEquals/StringLike do not
//   match, "Inverted condition operators like StringNotEquals or StringNotLike do match against a null value".
//   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
//
// Where the peer simulator (@cloud-copilot/iam-simulate 0.1.173) answers differently we follow AWS's text:
// negated operators against a variable with no value (peer: false), ForAnyValue:...IfExists on an absent
// key (peer: false; the IfExists rule has no exception for set operators), and an empty list under Null or an
// operator without set qualifier (we read an empty list as "no value"; the peer as a present key).
import { describe, expect, it } from 'vitest';
import { check, clause } from './helpers';
import { evaluateConditions } from '../../../src/lib/domain/conditions/evaluateCondition';
import type { RequestContext } from '../../../src/lib/domain/evaluation/types';

describe('absent keys', () => {
  it.each<[string, boolean, string | undefined]>([
    ['StringEquals', false, 'conditionKeyMissing'],
    ['StringLike', false, 'conditionKeyMissing'],
    ['NumericLessThan', false, 'conditionKeyMissing'],
    ['DateGreaterThan', false, 'conditionKeyMissing'],
    ['Bool', false, 'conditionKeyMissing'],
    ['IpAddress', false, 'conditionKeyMissing'],
    ['ArnLike', false, 'conditionKeyMissing'],
    ['BinaryEquals', false, 'conditionKeyMissing'],
    // Negated operators hold when the key is missing.
    ['StringNotEquals', true, undefined],
    ['StringNotEqualsIgnoreCase', true, undefined],
    ['StringNotLike', true, undefined],
    ['NumericNotEquals', true, undefined],
    ['DateNotEquals', true, undefined],
    ['NotIpAddress', true, undefined],
    ['ArnNotEquals', true, undefined],
    ['ArnNotLike', true, undefined],
    // ...IfExists: absent key → true.
    ['StringEqualsIfExists', true, undefined],
    ['StringNotEqualsIfExists', true, undefined],
    ['NumericLessThanIfExists', true, undefined],
    ['ArnLikeIfExists', true, undefined],
    ['IpAddressIfExists', true, undefined],
    // Set operators.
    ['ForAnyValue:StringEquals', false, 'conditionKeyMissing'],
    ['ForAnyValue:StringNotEquals', false, 'conditionKeyMissing'],
    ['ForAllValues:StringEquals', true, undefined],
    ['ForAllValues:StringNotLike', true, undefined],
    ['ForAnyValue:StringEqualsIfExists', true, undefined],
    ['ForAllValues:StringEqualsIfExists', true, undefined],
  ])('%s on an absent key → %s', (operator, matched, reason) => {
    const result = check(operator, 'aws:RequestTag/env', '1', {});
    expect(result.matched).toBe(matched);
    expect(result.reason).toBe(reason);
    expect(result.requestValues).toBeNull();
  });

  it.each([
    ['ForAnyValue:StringEquals', false],
    ['ForAllValues:StringEquals', true],
    ['StringNotEquals', true],
    ['StringEquals', false],
  ])('an empty list counts as no value: %s → %s', (operator, matched) => {
    expect(check(operator, 'aws:TagKeys', 'env', { 'aws:TagKeys': [] }).matched).toBe(matched);
  });

  it('IfExists still checks a present key', () => {
    expect(check('StringEqualsIfExists', 'ec2:InstanceType', 't3.micro', { 'ec2:InstanceType': 'm5.large' })).toMatchObject({
      matched: false,
      reason: 'conditionValueMismatch',
    });
    expect(check('StringEqualsIfExists', 'ec2:InstanceType', 't3.micro', { 'ec2:InstanceType': 't3.micro' }).matched).toBe(true);
  });
});

describe('set operators on multivalued keys', () => {
  const KEY = 'aws:TagKeys';
  it.each<[string, string[], string[], boolean]>([
    ['ForAllValues:StringEquals', ['env', 'team'], ['env'], true],
    ['ForAllValues:StringEquals', ['env', 'team'], ['env', 'team'], true],
    ['ForAllValues:StringEquals', ['env', 'team'], ['env', 'cost'], false],
    ['ForAnyValue:StringEquals', ['env', 'team'], ['cost', 'team'], true],
    ['ForAnyValue:StringEquals', ['env', 'team'], ['cost'], false],
    ['ForAllValues:StringLike', ['env*'], ['env', 'environment'], true],
    ['ForAllValues:StringLike', ['env*'], ['env', 'team'], false],
    ['ForAnyValue:StringLike', ['t*'], ['env', 'team'], true],
    // Negated set operators: ForAllValues — no value is in the list; ForAnyValue — some value is not in it.
    ['ForAllValues:StringNotEquals', ['secret'], ['env', 'team'], true],
    ['ForAllValues:StringNotEquals', ['secret'], ['env', 'secret'], false],
    ['ForAnyValue:StringNotEquals', ['secret'], ['env', 'secret'], true],
    ['ForAnyValue:StringNotEquals', ['secret'], ['secret'], false],
    ['ForAnyValue:StringNotLike', ['s*', 'e*'], ['secret', 'env'], false],
    ['ForAllValues:StringEqualsIgnoreCase', ['ENV'], ['env', 'Env'], true],
    ['ForAnyValue:StringEquals', ['env'], ['env'], true],
  ])('%s %j with request %j → %s', (operator, policy, request, expected) => {
    expect(check(operator, KEY, policy, { [KEY]: request }).matched).toBe(expected);
  });

  it.each([
    ['StringEquals', ['env']],
    ['StringEquals', ['env', 'team']],
    ['StringNotEquals', ['cost']],
    ['StringLike', ['*']],
    ['StringEqualsIfExists', ['env']],
  ])('a multivalued key without a set operator: %s fails, negated or not', (operator, request) => {
    expect(check(operator, KEY, 'env', { [KEY]: request })).toMatchObject({ matched: false, reason: 'conditionTypeMismatch' });
  });

  it('set operators also accept a single-valued key (one value in the set)', () => {
    expect(check('ForAnyValue:StringEquals', 'aws:username', ['alice', 'bob'], { 'aws:username': 'bob' }).matched).toBe(true);
    expect(check('ForAllValues:StringEquals', 'aws:username', ['alice'], { 'aws:username': 'bob' }).matched).toBe(false);
  });
});

describe('policy variables in condition values', () => {
  const context: RequestContext = {
    'aws:username': 'alice',
    'aws:PrincipalTag/team': 'blue',
    's3:ExistingObjectTag/team': 'blue',
    'sns:Endpoint': 'https://example.com/alice/',
    'aws:TagKeys': ['a', 'b'],
  };

  it.each<[string, string, string, boolean, string | undefined]>([
    ['StringEquals', 's3:ExistingObjectTag/team', '${aws:PrincipalTag/team}', true, undefined],
    ['StringLike', 'sns:Endpoint', 'https://example.com/${aws:username}/*', true, undefined],
    ['StringLike', 'sns:Endpoint', 'https://example.com/${aws:username}/', true, undefined],
    ['StringEquals', 's3:ExistingObjectTag/team', "${aws:PrincipalTag/dept, 'blue'}", true, undefined],
    // "Policy variables with no value": positive operators do not match...
    ['StringEquals', 's3:ExistingObjectTag/team', '${aws:PrincipalTag/dept}', false, 'variableUnresolved'],
    ['StringLike', 's3:ExistingObjectTag/team', '${aws:PrincipalTag/dept}*', false, 'variableUnresolved'],
    ['ArnLike', 's3:ExistingObjectTag/team', '${aws:PrincipalTag/dept}', false, 'variableUnresolved'],
    // ...inverted operators match against the null value.
    ['StringNotEquals', 's3:ExistingObjectTag/team', '${aws:PrincipalTag/dept}', true, undefined],
    ['StringNotLike', 's3:ExistingObjectTag/team', '${aws:PrincipalTag/dept}', true, undefined],
    ['ArnNotEquals', 's3:ExistingObjectTag/team', '${aws:PrincipalTag/dept}', true, undefined],
    // A multivalued key is no policy variable: it counts as no value.
    ['StringEquals', 's3:ExistingObjectTag/team', '${aws:TagKeys}', false, 'variableUnresolved'],
  ])('%s %s = %j → %s', (operator, key, value, matched, reason) => {
    const result = check(operator, key, value, context);
    expect(result.matched).toBe(matched);
    expect(result.reason).toBe(reason);
  });

  it('the Deny example of "Policy variables with no value": an untagged caller is denied', () => {
    const untagged = { 's3:ExistingObjectTag/Team': 'red' };
    expect(check('StringNotEquals', 's3:ExistingObjectTag/Team', '${aws:PrincipalTag/Team}', untagged).matched).toBe(true);
  });

  it('an unresolved value among others: the others still decide', () => {
    expect(check('StringEquals', 's3:ExistingObjectTag/team', ['${aws:PrincipalTag/dept}', 'blue'], context)).toEqual({
      matched: true,
      policyValues: ['${aws:PrincipalTag/dept}', 'blue'],
      requestValues: ['blue'],
    });
    expect(check('StringNotEquals', 's3:ExistingObjectTag/team', ['${aws:PrincipalTag/dept}', 'blue'], context).matched).toBe(false);
  });

  it('reports substituted policy values', () => {
    expect(check('StringLike', 'sns:Endpoint', 'https://example.com/${aws:username}/*', context).policyValues).toEqual([
      'https://example.com/alice/*',
    ]);
  });

  it('${*} in StringLike is a literal star', () => {
    expect(check('StringLike', 'aws:PrincipalTag/team', 'b${*}', { 'aws:PrincipalTag/team': 'b*' }).matched).toBe(true);
    expect(check('StringLike', 'aws:PrincipalTag/team', 'b${*}', { 'aws:PrincipalTag/team': 'blue' }).matched).toBe(false);
  });

  it('variables are plain text in a 2008-10-17 policy', () => {
    expect(check('StringEquals', 'aws:PrincipalTag/team', '${aws:username}', { 'aws:PrincipalTag/team': '${aws:username}', 'aws:username': 'alice' }, '2008-10-17').matched).toBe(true);
  });

  it('variables are not substituted for non-string operators (AWS allows them with String and ARN operators only)', () => {
    expect(check('NumericEquals', 's3:max-keys', '${aws:PrincipalTag/n}', { 's3:max-keys': '5', 'aws:PrincipalTag/n': '5' })).toMatchObject({
      matched: false,
      policyValues: ['${aws:PrincipalTag/n}'],
    });
  });
});

describe('evaluateConditions', () => {
  const context: RequestContext = { 'aws:SourceIp': '203.0.113.9', 'aws:SecureTransport': 'true', 'aws:username': 'alice' };
  const ip = clause('IpAddress', 'aws:SourceIp', '203.0.113.0/24');
  const tls = clause('Bool', 'aws:SecureTransport', 'true');
  const user = clause('StringEquals', 'aws:username', ['bob', 'carol']);

  it('ANDs clauses and reports each one', () => {
    const all = evaluateConditions([ip, tls], context, '2012-10-17');
    expect(all.matched).toBe(true);
    expect(all.clauses.map((c) => [c.clause.operator, c.matched])).toEqual([
      ['IpAddress', true],
      ['Bool', true],
    ]);
    const some = evaluateConditions([ip, user, tls], context, '2012-10-17');
    expect(some.matched).toBe(false);
    expect(some.clauses.map((c) => c.matched)).toEqual([true, false, true]);
    expect(some.clauses[1]).toMatchObject({ reason: 'conditionValueMismatch', clause: user });
  });

  it('can stop at the first failing clause', () => {
    const result = evaluateConditions([user, ip, tls], context, '2012-10-17', { stopAtFirstMismatch: true });
    expect(result.matched).toBe(false);
    expect(result.clauses).toHaveLength(1);
  });

  it('an empty condition block holds', () => {
    expect(evaluateConditions([], context, '2012-10-17')).toEqual({ matched: true, clauses: [] });
  });

  it('an unknown operator never matches', () => {
    expect(check('StringSortaEquals', 'aws:username', 'alice', context)).toMatchObject({ matched: false, reason: 'conditionTypeMismatch' });
  });
});
