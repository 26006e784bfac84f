// Context-key lookup. AWS: IAM JSON policy elements: Condition — condition key names are not case-sensitive
// ("aws:SourceIP" and "AWS:SOURCEIP" are the same key); values keep their case.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
import { describe, expect, it } from 'vitest';
import { contextValues, lookupContextKey } from '../../../src/lib/domain/matching/contextLookup';
import { splitArn, splitParts } from '../../../src/lib/domain/matching/arnSegments';

describe('lookupContextKey / contextValues', () => {
  const context = { 'aws:SourceIp': '192.0.2.1', 'aws:PrincipalTag/CostCenter': 'CC-12', 'aws:TagKeys': ['a', 'B'] };

  it.each([
    ['aws:SourceIp', '192.0.2.1'],
    ['AWS:SOURCEIP', '192.0.2.1'],
    ['aws:principaltag/costcenter', 'CC-12'],
    ['aws:tagkeys', ['a', 'B']],
    ['aws:username', undefined],
  ])('%s → %j', (key, value) => {
    expect(lookupContextKey(context, key)).toEqual(value);
  });

  it('contextValues turns a single value into a list and an absent key into null', () => {
    expect(contextValues(context, 'aws:sourceip')).toEqual(['192.0.2.1']);
    expect(contextValues(context, 'aws:TagKeys')).toEqual(['a', 'B']);
    expect(contextValues(context, 'aws:Nope')).toBeNull();
  });
});

describe('ARN parts', () => {
  it.each([
    ['arn:aws:s3:::bucket/key', ['aws', 's3', '', '', 'bucket/key']],
    ['arn:aws:logs:us-east-1:111122223333:log-group:g:log-stream:s', ['aws', 'logs', 'us-east-1', '111122223333', 'log-group:g:log-stream:s']],
    ['arn:aws:ec2:*', null],
    ['*', null],
  ])('splitArn(%s)', (text, parts) => {
    expect(splitArn(text)).toEqual(parts);
  });

  it.each<[string, number, string[]]>([
    ['arn:aws:ec2:*', 6, ['arn', 'aws', 'ec2', '*']],
    ['a:b:c:d:e:f:g', 6, ['a', 'b', 'c', 'd', 'e', 'f:g']],
    ['a:b:c', 2, ['a', 'b:c']],
    ['abc', 6, ['abc']],
  ])('splitParts(%s, %i)', (text, max, parts) => {
    expect(splitParts(text, max)).toEqual(parts);
  });
});
