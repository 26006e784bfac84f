// ARN condition operators. AWS: IAM JSON policy elements: Condition operators, "Amazon Resource Name (ARN)
// condition operators" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN):
// ArnEquals and ArnLike share one description — case-sensitive, each of the six colon-delimited parts checked
// separately, each may hold `*` or `?` — so both accept wildcards. Policy variables apply to ARN operators
// (Variables and tags, "Condition element").
import { describe, expect, it } from 'vitest';
import { check } from './helpers';

const KEY = 'aws:SourceArn';

describe('ARN operators', () => {
  it.each<[string, string | string[], string, boolean]>([
    ['ArnEquals', 'arn:aws:sns:us-east-1:111122223333:topic', 'arn:aws:sns:us-east-1:111122223333:topic', true],
    ['ArnEquals', 'arn:aws:sns:us-east-1:111122223333:topic', 'arn:aws:sns:us-east-1:111122223333:Topic', false],
    ['ArnEquals', 'arn:aws:sns:*:111122223333:*', 'arn:aws:sns:eu-west-1:111122223333:topic', true],
    ['ArnLike', 'arn:aws:sns:*:111122223333:*', 'arn:aws:sns:eu-west-1:111122223333:topic', true],
    ['ArnLike', 'arn:aws:sns:*:111122223333:*', 'arn:aws:sqs:eu-west-1:111122223333:topic', false],
    ['ArnLike', 'arn:aws:iam::111122223333:role/*', 'arn:aws:iam::111122223333:role/path/Admin', true],
    ['ArnLike', 'arn:aws:iam::*:role/Admin', 'arn:aws:iam::444455556666:role/Admin', true],
    ['ArnLike', 'arn:aws:s3:::bucket-?', 'arn:aws:s3:::bucket-1', true],
    // A star in the region part does not reach across into the account part.
    ['ArnLike', 'arn:aws:sns:*:topic', 'arn:aws:sns:us-east-1:111122223333:topic', false],
    ['ArnLike', ['arn:aws:s3:::a', 'arn:aws:s3:::b'], 'arn:aws:s3:::b', true],
    ['ArnNotEquals', 'arn:aws:s3:::a', 'arn:aws:s3:::b', true],
    ['ArnNotEquals', 'arn:aws:s3:::a', 'arn:aws:s3:::a', false],
    ['ArnNotLike', 'arn:aws:s3:::a*', 'arn:aws:s3:::abc', false],
    ['ArnNotLike', ['arn:aws:s3:::x*', 'arn:aws:s3:::y*'], 'arn:aws:s3:::abc', true],
    ['ArnLike', 'arn:aws:s3:::*', 'not-an-arn', false],
  ])('%s %j vs %j → %s', (operator, values, request, expected) => {
    expect(check(operator, KEY, values, { [KEY]: request }).matched).toBe(expected);
  });

  it('substitutes policy variables, e.g. ${aws:PrincipalAccount}', () => {
    const context = { 'aws:PrincipalAccount': '111122223333', [KEY]: 'arn:aws:sns:us-east-1:111122223333:t' };
    expect(check('ArnLike', KEY, 'arn:aws:sns:*:${aws:PrincipalAccount}:*', context)).toEqual({
      matched: true,
      policyValues: ['arn:aws:sns:*:111122223333:*'],
      requestValues: ['arn:aws:sns:us-east-1:111122223333:t'],
    });
  });
});
