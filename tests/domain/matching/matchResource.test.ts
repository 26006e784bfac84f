// Resource matching. AWS: IAM JSON policy elements: Resource — "Including wildcards (*) in resource ARNs"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html): each ARN
// part separated by colons is matched on its own, so a wildcard in the region or account part never eats the
// service; the resource part may contain `:` and `/` and wildcards there span them. ARNs are case-sensitive.
// Same rule for ArnLike/ArnEquals: Condition operators, "Amazon Resource Name (ARN) condition operators".
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchResource, matchResourceEscaped } from '../../../src/lib/domain/matching/matchResource';
import { escapeWildcard } from '../../../src/lib/domain/matching/wildcard';

describe('matchResource', () => {
  it.each([
    ['*', 'arn:aws:s3:::bucket', true],
    ['*', '*', true],
    ['*', 'not-an-arn', true],
    ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket', true],
    ['arn:aws:s3:::bucket', 'arn:aws:s3:::Bucket', false],
    ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/key', false],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/key', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/b/c.txt', true],
    ['arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket', false],
    ['arn:aws:s3:::bucket*', 'arn:aws:s3:::bucket-logs', true],
    ['arn:aws:s3:::bucket/home/${aws:username}/*', 'arn:aws:s3:::bucket/home/${aws:username}/x', true],
    // The resource part keeps its own colons; a wildcard there spans them.
    ['arn:aws:logs:us-east-1:111122223333:log-group:app:*', 'arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:s1', true],
    ['arn:aws:logs:*:*:log-group:*', 'arn:aws:logs:eu-west-1:111122223333:log-group:app:log-stream:s1', true],
    // Each of partition, service, region and account is matched on its own.
    ['arn:aws:*:*:*:*', 'arn:aws:s3:::bucket', true],
    ['arn:aws:s3:*:*:bucket', 'arn:aws:s3:::bucket', true],
    ['arn:*:s3:::bucket', 'arn:aws-cn:s3:::bucket', true],
    ['arn:aws:iam::*:user/alice', 'arn:aws:iam::111122223333:user/alice', true],
    ['arn:aws:iam::111122223333:user/*', 'arn:aws:iam::111122223333:user/division/alice', true],
    ['arn:aws:iam::111122223333:user/*', 'arn:aws:iam::444455556666:user/alice', false],
    ['arn:aws:iam::111122223333:*', 'arn:aws:iam::111122223333:role/r', true],
    ['arn:aws:ec2:us-east-1:*:instance/*', 'arn:aws:ec2:us-west-2:111122223333:instance/i-1', false],
    ['arn:aws:ec2:us-*-1:*:instance/*', 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', true],
    ['arn:aws:ec2:us-east-?:*:instance/*', 'arn:aws:ec2:us-east-2:111122223333:instance/i-1', true],
    // A wildcard in the region part cannot swallow the account part's colon.
    ['arn:aws:dynamodb:*:table/t', 'arn:aws:dynamodb:us-east-1:111122223333:table/t', false],
    ['arn:aws:s3:::*', 'arn:aws:dynamodb:us-east-1:111122223333:table/t', false],
    ['arn:aws:dynamodb:*:*:table/*', 'arn:aws:dynamodb:us-east-1:111122223333:table/Books/index/ByAuthor', true],
    ['arn:aws:dynamodb:*:*:table/Books', 'arn:aws:dynamodb:us-east-1:111122223333:table/books', false],
    // Wildcards may stand for the resource type too (the peer simulator disagrees; see resourcePeerAgreement.test.ts).
    ['arn:aws:dynamodb:*:*:*/Books', 'arn:aws:dynamodb:us-east-1:111122223333:table/Books', true],
    // Fewer than six parts: the last pattern part covers the rest of the ARN, colons included.
    ['arn:aws:ec2:*', 'arn:aws:ec2:us-east-1:111122223333:instance/i-1', true],
    ['arn:aws:ec2:*', 'arn:aws:s3:::bucket', false],
    ['arn:aws:iam::111122223333:*', 'arn:aws:iam::111122223333:user/a:b', true],
    ['arn:aws:dynamodb:*:*', 'arn:aws:dynamodb:us-east-1:111122223333:table/t', true],
    ['bucket*', 'bucket-logs', true],
    ['bucket*', 'arn:aws:s3:::bucket', false],
    // A six-part pattern never covers a value that is not an ARN.
    ['arn:aws:s3:::*', '*', false],
    ['arn:aws:s3:::*', 'bucket', false],
  ])('%s covers %s → %s', (pattern, arn, expected) => {
    expect(matchResource(pattern, arn)).toBe(expected);
  });

  it('escaped patterns keep ${*} literal: a literal * in the ARN only', () => {
    const pattern = `arn:aws:s3:::bucket/${escapeWildcard('*')}`;
    expect(matchResourceEscaped(pattern, 'arn:aws:s3:::bucket/*')).toBe(true);
    expect(matchResourceEscaped(pattern, 'arn:aws:s3:::bucket/anything')).toBe(false);
  });

  const segment = fc.stringMatching(/^[a-z0-9-]{0,8}$/);
  const resourcePart = fc.stringMatching(/^[a-zA-Z0-9/:._-]{1,20}$/);
  const arn = fc
    .tuple(segment, segment, segment, segment, resourcePart)
    .map(([p, s, r, a, res]) => `arn:${p}:${s}:${r}:${a}:${res}`);

  it('every ARN matches itself and `*`', () => {
    fc.assert(fc.property(arn, (value) => matchResource(value, value) && matchResource('*', value)));
  });

  it('arn:*:*:*:*:* covers every six-part ARN', () => {
    fc.assert(fc.property(arn, (value) => matchResource('arn:*:*:*:*:*', value)));
  });

  it('a star in one of the first parts never spans into another part', () => {
    fc.assert(
      fc.property(segment, segment, resourcePart, (service, other, res) => {
        fc.pre(service !== other);
        return !matchResource(`arn:aws:${service}:*:*:${res}`, `arn:aws:${other}:us-east-1:111122223333:${res}`);
      }),
    );
  });
});
