// Policy variables: `${aws:username}`, `${aws:PrincipalTag/Dept}`, defaults `${key, 'text'}` and the
// literal escapes `${*}`, `${?}`, `${$}`. Invariant: substitution is one pass and never widens a pattern:
// substituted values and escapes come back as literal characters in `pattern` (escaped-glob syntax).
// AWS: IAM policy elements: Variables and tags — "Special characters", "Specifying default values",
// "Policy variables with no value"; and Single-valued vs. multivalued context keys ("you can't use
// multivalued context keys as policy variables").
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
import type { NormalizedPolicy } from '../policy/types';
import type { RequestContext } from '../evaluation/types';
import { lookupContextKey } from './contextLookup';
import { escapeWildcard, globToEscaped } from './wildcard';

export type PolicyVersion = NormalizedPolicy['version'];

export interface Substitution {
  /** The text with every resolved variable replaced; an unresolved variable stays as written (for display). */
  readonly value: string;
  /**
   * The same text in escaped-glob syntax for wildcard matching (matchEscapedWildcard, matchResourceEscaped):
   * `${*}`, `${?}` and substituted values are literal there, the policy's own `*` and `?` stay wildcards.
   */
  readonly pattern: string;
  /**
   * Context keys (as written) that had no value and no default. When non-empty the text stands for
   * "no value": a Resource pattern matches nothing, a condition value equals/is like nothing.
   */
  readonly unresolved: readonly string[];
  /** True when the text held at least one `${...}` that was interpreted. */
  readonly substituted: boolean;
}

/** `${*}`, `${?}` and `${$}` stand for the literal character. */
function isSpecial(key: string): boolean {
  return key === '*' || key === '?' || key === '$';
}

interface VariableToken {
  /** Index just past the closing brace. */
  readonly end: number;
  readonly key: string;
  readonly fallback: string | null;
}

/** Parses `${key}` or `${key, 'default'}` starting at `start` (which points at `$`); null when malformed. */
function parseVariable(text: string, start: number): VariableToken | null {
  let i = start + 2;
  const keyStart = i;
  while (i < text.length && text[i] !== '}' && text[i] !== ',') i++;
  if (i >= text.length) return null;
  const key = text.slice(keyStart, i).trim();
  if (key.length === 0) return null;
  if (text[i] === '}') return { end: i + 1, key, fallback: null };
  i++;
  while (text[i] === ' ') i++;
  if (text[i] !== "'") return null;
  i++;
  let fallback = '';
  for (;;) {
    if (i >= text.length) return null;
    const ch = text[i] as string;
    if (ch === "'") {
      // Two quotes inside a default stand for one quote character.
      if (text[i + 1] === "'") {
        fallback += "'";
        i += 2;
        continue;
      }
      i++;
      break;
    }
    fallback += ch;
    i++;
  }
  while (text[i] === ' ') i++;
  if (text[i] !== '}') return null;
  return { end: i + 1, key, fallback };
}

function unchanged(text: string): Substitution {
  return { value: text, pattern: globToEscaped(text), unresolved: [], substituted: false };
}

/**
 * Replaces policy variables in a Resource, NotResource or condition value. Only policies with
 * Version '2012-10-17' have variables; in older or version-less policies `${...}` is plain text.
 */
export function substituteVariables(text: string, context: RequestContext, version: PolicyVersion): Substitution {
  if (version !== '2012-10-17' || !text.includes('${')) return unchanged(text);
  let value = '';
  let pattern = '';
  const unresolved: string[] = [];
  let substituted = false;
  let literalStart = 0;
  let i = text.indexOf('${');
  while (i >= 0) {
    const token = parseVariable(text, i);
    if (!token) {
      i = text.indexOf('${', i + 2);
      continue;
    }
    const before = text.slice(literalStart, i);
    value += before;
    pattern += globToEscaped(before);
    substituted = true;
    if (token.fallback === null && isSpecial(token.key)) {
      value += token.key;
      pattern += escapeWildcard(token.key);
    } else {
      const found = lookupContextKey(context, token.key);
      // A multivalued key cannot stand in for one string: it counts as having no value.
      const resolved = typeof found === 'string' ? found : token.fallback;
      if (resolved === null) {
        const original = text.slice(i, token.end);
        unresolved.push(token.key);
        value += original;
        pattern += escapeWildcard(original);
      } else {
        value += resolved;
        pattern += escapeWildcard(resolved);
      }
    }
    literalStart = token.end;
    i = text.indexOf('${', token.end);
  }
  const rest = text.slice(literalStart);
  value += rest;
  pattern += globToEscaped(rest);
  return { value, pattern, unresolved, substituted };
}
