// Policy variables. AWS: IAM policy elements: Variables and tags
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html):
// - variables work only with "Version": "2012-10-17" ("Using variables in policies");
// - key names are case-insensitive; tags are read as ${aws:PrincipalTag/key};
// - "Specifying default values": ${aws:username, 'guest'};
// - "Special characters": ${*}, ${?}, ${$} stand for literal *, ?, $;
// - "Policy variables with no value": a Resource with such a variable matches nothing; in conditions the
//   value is equal to/like nothing (tested in tests/domain/conditions/evaluateCondition.test.ts).
// Single-valued vs. multivalued context keys, "Key points": multivalued keys cannot be policy variables.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { substituteVariables } from '../../../src/lib/domain/matching/policyVariables';
import { matchEscapedWildcard } from '../../../src/lib/domain/matching/wildcard';
import { matchResourceEscaped, matchResourceWithVariables } from '../../../src/lib/domain/matching/matchResource';
import type { RequestContext } from '../../../src/lib/domain/evaluation/types';

const context: RequestContext = {
  'aws:username': 'alice',
  'aws:PrincipalTag/Dept': 'eng',
  'aws:userid': 'AIDAEXAMPLE',
  'aws:TagKeys': ['a', 'b'],
  'aws:Weird': 'st*r?',
  's3:prefix': 'home/alice/',
};

describe('substituteVariables', () => {
  it.each<[string, string, string, readonly string[]]>([
    ['no variables', 'arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/*', []],
    ['one variable', 'arn:aws:s3:::bucket/home/${aws:username}/*', 'arn:aws:s3:::bucket/home/alice/*', []],
    ['key names are case-insensitive', '${AWS:UserName}', 'alice', []],
    ['tag key part is case-insensitive too', '${aws:principaltag/dept}', 'eng', []],
    ['two variables', '${aws:PrincipalTag/Dept}-${aws:username}', 'eng-alice', []],
    ['default not used when the key has a value', "${aws:username, 'guest'}", 'alice', []],
    ['default used when the key is absent', "${aws:FederatedProvider, 'none'}", 'none', []],
    ['default may be empty', "x${aws:Missing, ''}y", 'xy', []],
    ['two quotes in a default stand for one', "${aws:Missing, 'it''s'}", "it's", []],
    ['default without the space', "${aws:Missing,'g'}", 'g', []],
    ['${*} is a literal star', 'a${*}b', 'a*b', []],
    ['${?} is a literal question mark', 'a${?}b', 'a?b', []],
    ['${$} is a literal dollar', '${$}{aws:username}', '${aws:username}', []],
    ['missing key without default stays as written and is reported', 'home/${aws:Missing}/x', 'home/${aws:Missing}/x', ['aws:Missing']],
    ['a multivalued key is not a policy variable', '${aws:TagKeys}', '${aws:TagKeys}', ['aws:TagKeys']],
    ['a multivalued key falls back to the default', "${aws:TagKeys, 'none'}", 'none', []],
    ['unterminated ${ is plain text', 'a${aws:username', 'a${aws:username', []],
    ['empty ${} is plain text', 'a${}b', 'a${}b', []],
    ['one pass only: a default that looks like a variable is not expanded', "${aws:Missing, '${aws:username}'}", '${aws:username}', []],
  ])('%s', (_label, text, value, unresolved) => {
    const result = substituteVariables(text, context, '2012-10-17');
    expect(result.value).toBe(value);
    expect(result.unresolved).toEqual(unresolved);
  });

  it.each([['2008-10-17' as const], [null]])('version %s: ${...} is plain text', (version) => {
    const result = substituteVariables('home/${aws:username}/${*}', context, version);
    expect(result).toEqual({ value: 'home/${aws:username}/${*}', pattern: 'home/${aws:username}/${*}', unresolved: [], substituted: false });
    // ...so its `*` is a wildcard again.
    expect(matchEscapedWildcard(result.pattern, 'home/${aws:username}/${anything}', false)).toBe(true);
  });

  it('${*} and ${?} match only the literal character; the policy`s own * stays a wildcard', () => {
    const { pattern } = substituteVariables('files/${*}/${?}/*', context, '2012-10-17');
    expect(matchEscapedWildcard(pattern, 'files/*/?/anything', false)).toBe(true);
    expect(matchEscapedWildcard(pattern, 'files/x/?/anything', false)).toBe(false);
    expect(matchEscapedWildcard(pattern, 'files/*/y/anything', false)).toBe(false);
  });

  it('a substituted value never widens the pattern (its * and ? are literal)', () => {
    const { value, pattern } = substituteVariables('tag/${aws:Weird}', context, '2012-10-17');
    expect(value).toBe('tag/st*r?');
    expect(matchEscapedWildcard(pattern, 'tag/st*r?', false)).toBe(true);
    expect(matchEscapedWildcard(pattern, 'tag/stXXr!', false)).toBe(false);
  });

  it('Resource with an unresolved variable: the caller gets `unresolved`, and the raw text matches no real ARN', () => {
    const s = substituteVariables('arn:aws:s3:::bucket/${aws:Missing}/*', context, '2012-10-17');
    expect(s.unresolved).toEqual(['aws:Missing']);
    expect(matchResourceEscaped(s.pattern, 'arn:aws:s3:::bucket/alice/file')).toBe(false);
  });

  it.each([
    ['arn:aws:s3:::bucket/${aws:Missing}/*', 'arn:aws:s3:::bucket/x/y', false, ['aws:Missing']],
    // Even an ARN spelling the variable literally is not matched: "no value" matches nothing.
    ['arn:aws:s3:::bucket/${aws:Missing}', 'arn:aws:s3:::bucket/${aws:Missing}', false, ['aws:Missing']],
    ['arn:aws:s3:::bucket/${aws:username}/*', 'arn:aws:s3:::bucket/alice/f', true, []],
    ["arn:aws:s3:::bucket/${aws:Missing, 'shared'}/*", 'arn:aws:s3:::bucket/shared/f', true, []],
    ['arn:aws:s3:::bucket/${*}', 'arn:aws:s3:::bucket/*', true, []],
    ['arn:aws:s3:::bucket/${*}', 'arn:aws:s3:::bucket/x', false, []],
  ])('matchResourceWithVariables(%s, %s) → %s', (pattern, arn, matched, unresolved) => {
    const result = matchResourceWithVariables(pattern, arn, context, '2012-10-17');
    expect(result.matched).toBe(matched);
    expect(result.unresolved).toEqual(unresolved);
  });

  it('matchResourceWithVariables without version 2012-10-17 compares ${...} as text', () => {
    expect(matchResourceWithVariables('arn:aws:s3:::b/${aws:username}', 'arn:aws:s3:::b/${aws:username}', context, null).matched).toBe(true);
    expect(matchResourceWithVariables('arn:aws:s3:::b/${aws:username}', 'arn:aws:s3:::b/alice', context, null).matched).toBe(false);
  });

  it('resolved resource pattern matches the user`s own folder only', () => {
    const s = substituteVariables('arn:aws:s3:::bucket/home/${aws:username}/*', context, '2012-10-17');
    expect(matchResourceEscaped(s.pattern, 'arn:aws:s3:::bucket/home/alice/a.txt')).toBe(true);
    expect(matchResourceEscaped(s.pattern, 'arn:aws:s3:::bucket/home/bob/a.txt')).toBe(false);
  });

  it('text without ${ is returned unchanged (property)', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('${')),
        (s) => substituteVariables(s, context, '2012-10-17').value === s,
      ),
    );
  });

  it('any single-valued key value round-trips through ${key} (property)', () => {
    fc.assert(
      fc.property(fc.string(), (v) => {
        const s = substituteVariables('${aws:username}', { 'aws:username': v }, '2012-10-17');
        return s.value === v && matchEscapedWildcard(s.pattern, v, false);
      }),
    );
  });
});
