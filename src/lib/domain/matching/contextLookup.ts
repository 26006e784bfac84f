// Case-insensitive lookup of request-context keys (`AWS:CurrentTime` is `aws:currenttime`), including the
// tag-key part of keys such as aws:PrincipalTag/Dept. Invariant: contexts are immutable data; each is indexed
// once and the index kept in a WeakMap, so a context changed in place after its first lookup would not be seen.
// AWS: IAM JSON policy elements: Condition, "The condition key name is not case-sensitive".
import type { RequestContext } from '../evaluation/types';

type ContextValue = string | readonly string[];

/**
 * A context's index: its values by canonical lower-cased key. Small contexts (the usual case) are a flat
 * array [key, value, key, value...] scanned by identity — fewer cache lines than a hash map; large ones a Map.
 */
type ContextIndex = readonly (string | readonly string[])[] | ReadonlyMap<string, ContextValue>;

/** Contexts with more keys than this are indexed by a Map. */
const FLAT_INDEX_KEYS = 16;

const indexes = new WeakMap<RequestContext, ContextIndex>();

/** The last context looked up: one evaluation looks up the same context for every clause and variable. */
let lastContext: RequestContext | null = null;
let lastIndex: ContextIndex | null = null;

/**
 * One string object per lower-cased key name, shared by every context index and every compiled condition:
 * a lookup then finds its key by identity, without comparing characters. Bounded: past the limit, keys are
 * used as they are (lookups then compare them by content).
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

function buildIndex(context: RequestContext): ContextIndex {
  const byKey = new Map<string, ContextValue>();
  for (const key of Object.keys(context)) {
    const value = context[key];
    // The first spelling wins when two keys differ only by case; contexts built by the app never do that.
    if (value === undefined) continue;
    const lower = canonicalKey(key);
    if (!byKey.has(lower)) byKey.set(lower, value);
  }
  if (byKey.size > FLAT_INDEX_KEYS) return byKey;
  const flat: (string | readonly string[])[] = [];
  for (const [key, value] of byKey) flat.push(key, value);
  return flat;
}

function indexOf(context: RequestContext): ContextIndex {
  if (context === lastContext && lastIndex !== null) return lastIndex;
  let index = indexes.get(context);
  if (index === undefined) {
    index = buildIndex(context);
    indexes.set(context, index);
  }
  lastContext = context;
  lastIndex = index;
  return index;
}

function find(index: ContextIndex, keyLower: string): ContextValue | undefined {
  if (!Array.isArray(index)) return (index as ReadonlyMap<string, ContextValue>).get(keyLower);
  const flat = index as readonly (string | readonly string[])[];
  // By identity first (canonical keys), then by content (keys past the canonical table's bound).
  for (let i = 0; i < flat.length; i += 2) if (flat[i] === keyLower) return flat[i + 1];
  return undefined;
}

/** The value of a context key, matched case-insensitively; undefined when the request has no such key. */
export function lookupContextKey(context: RequestContext, key: string): ContextValue | undefined {
  return find(indexOf(context), key.toLowerCase());
}

/** Same as lookupContextKey for a key already lower-cased (compiled condition clauses keep it that way). */
export function lookupLowerKey(context: RequestContext, keyLower: string): ContextValue | undefined {
  return find(indexOf(context), keyLower);
}

/** The request's values for a key as a list; null when the key is absent. A string is a one-value list. */
export function contextValues(context: RequestContext, key: string): readonly string[] | null {
  const value = lookupContextKey(context, key);
  if (value === undefined) return null;
  return typeof value === 'string' ? [value] : value;
}
