// Case-insensitive lookup of request-context keys (`AWS:CurrentTime` is `aws:currenttime`), including the
// tag-key part of keys such as aws:PrincipalTag/Dept. Invariant: contexts are immutable data; each is indexed
// once and the index kept in a WeakMap, so a context changed in place after its first lookup would not be seen.
// AWS: IAM JSON policy elements: Condition, "The condition key name is not case-sensitive".
import type { RequestContext } from '../evaluation/types';

type ContextValue = string | readonly string[];

const indexes = new WeakMap<RequestContext, ReadonlyMap<string, ContextValue>>();

/** The last context looked up: one evaluation looks up the same context for every clause and variable. */
let lastContext: RequestContext | null = null;
let lastIndex: ReadonlyMap<string, ContextValue> | null = null;

/**
 * One string object per lower-cased key name, shared by every context index and every compiled condition:
 * a lookup then finds its key by identity, without comparing characters. Bounded: past the limit, keys are
 * used as they are (lookups still work, by content).
 */
const canonicalKeys = new Map<string, string>();
const MAX_CANONICAL_KEYS = 20000;

/** The shared lower-cased spelling of a context key name (see canonicalKeys). */
export function canonicalKey(key: string): string {
  const lower = key.toLowerCase();
  const known = canonicalKeys.get(lower);
  if (known !== undefined) return known;
  if (canonicalKeys.size < MAX_CANONICAL_KEYS) canonicalKeys.set(lower, lower);
  return lower;
}

function indexOf(context: RequestContext): ReadonlyMap<string, ContextValue> {
  if (context === lastContext && lastIndex !== null) return lastIndex;
  let index = indexes.get(context);
  if (!index) {
    const built = new Map<string, ContextValue>();
    for (const key of Object.keys(context)) {
      const value = context[key];
      // The first spelling wins when two keys differ only by case; contexts built by the app never do that.
      if (value === undefined) continue;
      const lower = canonicalKey(key);
      if (!built.has(lower)) built.set(lower, value);
    }
    index = built;
    indexes.set(context, index);
  }
  lastContext = context;
  lastIndex = index;
  return index;
}

/** The value of a context key, matched case-insensitively; undefined when the request has no such key. */
export function lookupContextKey(context: RequestContext, key: string): ContextValue | undefined {
  return indexOf(context).get(key.toLowerCase());
}

/** Same as lookupContextKey for a key already lower-cased (compiled condition clauses keep it that way). */
export function lookupLowerKey(context: RequestContext, keyLower: string): ContextValue | undefined {
  return indexOf(context).get(keyLower);
}

/** The request's values for a key as a list; null when the key is absent. A string is a one-value list. */
export function contextValues(context: RequestContext, key: string): readonly string[] | null {
  const value = lookupContextKey(context, key);
  if (value === undefined) return null;
  return typeof value === 'string' ? [value] : value;
}
