// IAM wildcard semantics: `*` is any run (including none), `?` exactly one character, nothing else special.
// AWS: IAM JSON policy elements: Resource, "Including wildcards (*) in resource ARNs"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html) and
// Condition operators, StringLike ("multi-character match wildcards (*) and single-character match wildcards (?)").
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compileWildcard,
  escapeWildcard,
  globToEscaped,
  matchEscapedWildcard,
  matchWildcard,
} from '../../../src/lib/domain/matching/wildcard';

describe('matchWildcard', () => {
  it.each([
    ['*', '', false, true],
    ['*', 'anything at all', false, true],
    ['**', 'x', false, true],
    ['', '', false, true],
    ['', 'a', false, false],
    ['abc', 'abc', false, true],
    ['abc', 'abcd', false, false],
    ['abc', 'ABC', false, false],
    ['abc', 'ABC', true, true],
    ['a*', 'a', false, true],
    ['a*', 'abc', false, true],
    ['a*', 'ba', false, false],
    ['*c', 'abc', false, true],
    ['*c', 'abcd', false, false],
    ['a*c', 'ac', false, true],
    ['a*c', 'abbbbc', false, true],
    ['a*c', 'abbbbcd', false, false],
    ['a?c', 'abc', false, true],
    ['a?c', 'ac', false, false],
    ['a?c', 'abbc', false, false],
    ['???', 'abc', false, true],
    ['???', 'ab', false, false],
    ['?*', '', false, false],
    ['?*', 'x', false, true],
    ['*?', 'x', false, true],
    ['a*b*c', 'aXbYbZc', false, true],
    ['a*b*c', 'aXcYb', false, false],
    ['*ab*ab*', 'xxabyyab', false, true],
    ['*ab*ab*', 'xxab', false, false],
    // Only * and ? are special: dots, brackets, plus and backslashes are plain characters.
    ['a.c', 'abc', false, false],
    ['a.c', 'a.c', false, true],
    ['[ab]', 'a', false, false],
    ['[ab]', '[ab]', false, true],
    ['a+', 'aa', false, false],
    ['a\\*', 'a\\xyz', false, true],
    ['^a$', '^a$', false, true],
    // `?` is one character, also outside the BMP (one emoji, two UTF-16 units).
    ['?', '😀', false, true],
    ['a?b', 'a😀b', false, true],
    ['😀*', '😀x', false, true],
    ['S3:Get*', 's3:getobject', true, true],
  ])('%j vs %j (ignoreCase %s) → %s', (pattern, value, ci, expected) => {
    expect(matchWildcard(pattern, value, ci)).toBe(expected);
  });

  it('stays fast on patterns that make backtracking regex engines explode', () => {
    const value = 'a'.repeat(20_000);
    expect(matchWildcard('*a*a*a*a*a*a*b', value, false)).toBe(false);
    expect(matchWildcard('*a*a*a*a*a*a*a', value, false)).toBe(true);
  });

  it('caches compiled patterns (same object for the same pattern and case mode)', () => {
    expect(compileWildcard('arn:aws:s3:::b/*', false)).toBe(compileWildcard('arn:aws:s3:::b/*', false));
    expect(compileWildcard('x*', true)).not.toBe(compileWildcard('x*', false));
  });
});

describe('escaped-glob syntax (for ${*} and ${?})', () => {
  it.each([
    ['\\*', '*', true],
    ['\\*', 'x', false],
    ['\\?', '?', true],
    ['\\?', 'x', false],
    ['a\\*b*', 'a*bzzz', true],
    ['a\\*b*', 'axbzzz', false],
    ['\\\\', '\\', true],
    ['*\\?', 'why?', true],
    ['*\\?', 'why!', false],
  ])('%j vs %j → %s', (pattern, value, expected) => {
    expect(matchEscapedWildcard(pattern, value, false)).toBe(expected);
  });

  it('globToEscaped keeps wildcards and makes backslashes literal', () => {
    expect(globToEscaped('a\\b*')).toBe('a\\\\b*');
    expect(matchEscapedWildcard(globToEscaped('a\\b*'), 'a\\bcd', false)).toBe(true);
  });
});

describe('properties', () => {
  const text = fc.string({ unit: 'grapheme-composite', maxLength: 30 });

  it('every string matches itself escaped', () => {
    fc.assert(fc.property(text, (s) => matchEscapedWildcard(escapeWildcard(s), s, false)));
  });

  it('an escaped string matches only itself', () => {
    fc.assert(fc.property(text, text, (s, t) => matchEscapedWildcard(escapeWildcard(s), t, false) === (s === t)));
  });

  it('a pattern without wildcards matches exactly the equal string', () => {
    const plain = fc.string({ maxLength: 20 }).filter((s) => !s.includes('*') && !s.includes('?'));
    fc.assert(fc.property(plain, plain, (p, v) => matchWildcard(p, v, false) === (p === v)));
  });

  it('prefix* matches every extension of the prefix', () => {
    const plain = fc.string({ maxLength: 20 }).filter((s) => !s.includes('*') && !s.includes('?'));
    fc.assert(fc.property(plain, fc.string({ maxLength: 20 }), (p, rest) => matchWildcard(`${p}*`, p + rest, false)));
  });

  it('replacing any slice of a string by * still matches it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.nat(), fc.nat(), (s, a, b) => {
        const [i, j] = [a % (s.length + 1), b % (s.length + 1)].sort((x, y) => x - y) as [number, number];
        return matchEscapedWildcard(`${escapeWildcard(s.slice(0, i))}*${escapeWildcard(s.slice(j))}`, s, false);
      }),
    );
  });

  it('case-insensitive matching agrees with lower-casing both sides', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (p, v) =>
        matchWildcard(p, v, true) === matchWildcard(p.toLowerCase(), v.toLowerCase(), false),
      ),
    );
  });
});
