// ARN parsing. AWS: "Identify AWS resources with Amazon Resource Names (ARNs)"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
// and "IAM JSON policy elements: Resource" (wildcards within ARN segments, policy variables).
import { describe, expect, it } from 'vitest';
import { formatArn, isValidArnPattern, parseArn } from '../../../src/lib/domain/policy';

describe('parseArn', () => {
  it.each<[string, [string, string, string, string, string]]>([
    ['arn:aws:iam::111122223333:user/division/alice', ['aws', 'iam', '', '111122223333', 'user/division/alice']],
    ['arn:aws:s3:::bucket/key:with:colons', ['aws', 's3', '', '', 'bucket/key:with:colons']],
    ['arn:aws:lambda:us-east-1:111122223333:function:my-fn:1', ['aws', 'lambda', 'us-east-1', '111122223333', 'function:my-fn:1']],
    ['arn:aws-cn:ec2:cn-north-1:111122223333:instance/i-1', ['aws-cn', 'ec2', 'cn-north-1', '111122223333', 'instance/i-1']],
    ['arn:aws:iam::${aws:PrincipalAccount}:user/${aws:username}', ['aws', 'iam', '', '${aws:PrincipalAccount}', 'user/${aws:username}']],
    ['arn:*:*:*:*:*', ['*', '*', '*', '*', '*']],
  ])('%s', (text, [partition, service, region, account, resource]) => {
    const arn = parseArn(text);
    expect(arn).toEqual({ partition, service, region, account, resource });
    if (arn) expect(formatArn(arn)).toBe(text);
  });

  it.each<[string]>([[''], ['*'], ['arn:aws:s3'], ['arn:aws:s3::'], ['urn:aws:s3:::b'], ['ARN:aws:s3:::b']])('rejects %j', (text) => {
    expect(parseArn(text)).toBeNull();
  });
});

describe('isValidArnPattern', () => {
  it.each<[string, boolean]>([
    ['arn:aws:s3:::bucket/*', true],
    ['arn:aws:s3:::*', true],
    ['arn:aws:ec2:*:*:instance/*', true],
    ['arn:aws:iam::111122223333:user/${aws:username}', true],
    ['arn:aws:dynamodb:us-east-?:111122223333:table/T', true],
    ['arn:aws:s3:::', false],
    ['arn::s3:::bucket', false],
    ['arn:aws::::bucket', false],
    ['arn:aws:s3', false],
    ['bucket', false],
  ])('%s → %s', (text, valid) => {
    expect(isValidArnPattern(text)).toBe(valid);
  });
});
