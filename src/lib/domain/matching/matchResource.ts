// Resource matching: does an ARN pattern from a Resource/NotResource element cover a request's resource?
// Invariant: wildcards never cross the colons between partition, service, region and account; inside the
// final resource part (which may hold `:` and `/`) they match across anything. Always case-sensitive.
// AWS: IAM JSON policy elements: Resource ("Including wildcards (*) in resource ARNs") and
// Condition operators, "Amazon Resource Name (ARN) condition operators" (each part is checked on its own).
import type { RequestContext } from '../evaluation/types';
import { splitParts } from './arnSegments';
import { substituteVariables, type PolicyVersion } from './policyVariables';
import { compileWildcard, matchCompiled, type CompiledWildcard } from './wildcard';

export type CompiledResource =
  | { readonly kind: 'any' }
  /** One compiled pattern per colon-separated part; the last part also covers any further colons. */
  | {
      readonly kind: 'parts';
      readonly parts: readonly CompiledWildcard[];
      /**
       * For six-part patterns whose first five parts hold no wildcard: the literal text up to and including
       * the fifth colon. An ARN starting with it has its five colons exactly there, so only the resource part
       * is left to match — the common case, made cheap.
       */
      readonly head: string | null;
    };

const cache = new Map<string, CompiledResource>();
const escapedCache = new Map<string, CompiledResource>();
const MAX_CACHE = 5000;

function compileResource(pattern: string, escaped: boolean): CompiledResource {
  if (pattern === '*') return { kind: 'any' };
  // An escaped `\:` does not occur in practice (ARN parts never need it), so splitting the raw text is safe.
  const texts = splitParts(pattern, 6);
  const parts = texts.map((part) => compileWildcard(part, false, escaped));
  const literalHead = parts.length === 6 && parts.slice(0, 5).every((part) => part.kind === 'exact');
  const head = literalHead ? `${parts.slice(0, 5).map((part) => part.text).join(':')}:` : null;
  return { kind: 'parts', parts, head };
}

/** The compiled form of a Resource pattern (cached); `escaped`: the pattern is in escaped-glob syntax. */
export function compiledResource(pattern: string, escaped: boolean): CompiledResource {
  const map = escaped ? escapedCache : cache;
  let compiled = map.get(pattern);
  if (!compiled) {
    compiled = compileResource(pattern, escaped);
    if (map.size >= MAX_CACHE) map.clear();
    map.set(pattern, compiled);
  }
  return compiled;
}

/**
 * Part by part: `arn`, partition, service, region, account, resource. A pattern with fewer than six parts
 * (`arn:aws:ec2:*`) lets its last part cover the rest of the ARN, colons included; AWS documents only six-part
 * patterns, and this reading is the one under which such short patterns in AWS's examples do what they say.
 */
export function matchResourceCompiled(compiled: CompiledResource, arn: string): boolean {
  if (compiled.kind === 'any') return true;
  const patterns = compiled.parts;
  const last = patterns.length - 1;
  if (compiled.head !== null) {
    return arn.startsWith(compiled.head) && matchCompiled(patterns[last] as CompiledWildcard, arn, compiled.head.length, arn.length);
  }
  // Walk the ARN's colons in place instead of splitting it: this runs for every statement of every request.
  let start = 0;
  for (let i = 0; i < last; i++) {
    const colon = arn.indexOf(':', start);
    // A value with fewer parts than the pattern (e.g. the '*' of actions without resources) is not covered.
    if (colon < 0) return false;
    if (!matchCompiled(patterns[i] as CompiledWildcard, arn, start, colon)) return false;
    start = colon + 1;
  }
  return matchCompiled(patterns[last] as CompiledWildcard, arn, start, arn.length);
}

/** Does the Resource pattern cover the ARN? `*` alone covers everything. */
export function matchResource(pattern: string, arn: string): boolean {
  return matchResourceCompiled(compiledResource(pattern, false), arn);
}

/**
 * Same as matchResource for a pattern in escaped-glob syntax, as produced by substituteVariables
 * (so that `${*}` and `${?}` stay literal characters).
 */
export function matchResourceEscaped(pattern: string, arn: string): boolean {
  return matchResourceCompiled(compiledResource(pattern, true), arn);
}

export interface ResourceMatch {
  readonly matched: boolean;
  /** The pattern after policy variables were substituted (for the trace). */
  readonly pattern: string;
  /** Variables without value: when non-empty the pattern matched nothing. */
  readonly unresolved: readonly string[];
}

/**
 * Resource matching with policy variables: substitutes, then matches. A pattern holding a variable with
 * no value matches no resource at all (AWS: Variables and tags, "Policy variables with no value"); for
 * NotResource that means the pattern excludes nothing, which the caller gets by negating `matched`.
 */
export function matchResourceWithVariables(
  pattern: string,
  arn: string,
  context: RequestContext,
  version: PolicyVersion,
): ResourceMatch {
  if (pattern === '*' || version !== '2012-10-17' || !pattern.includes('${')) {
    return { matched: matchResource(pattern, arn), pattern, unresolved: [] };
  }
  const s = substituteVariables(pattern, context, version);
  if (s.unresolved.length > 0) return { matched: false, pattern: s.value, unresolved: s.unresolved };
  return { matched: matchResourceEscaped(s.pattern, arn), pattern: s.value, unresolved: [] };
}
