// IAM wildcard matching: `*` matches any run of characters (including none), `?` exactly one character;
// nothing else is special. Patterns compile once into a cached token list; matching is a linear-time
// two-pointer scan (no RegExp), so adversarial patterns such as `*a*a*a*b` cannot blow up.
// AWS: IAM JSON policy elements: Resource / Action ("wildcards"), Condition operators (StringLike).

/** Token kinds inside a compiled pattern. */
const LITERAL = 0;
const STAR = 1;
const ONE = 2;

/**
 * A compiled wildcard pattern. `units` are the pattern's characters (whole code points, so `?`
 * consumes one character even outside the BMP) and `flags[i]` says whether units[i] is a wildcard.
 */
export interface CompiledWildcard {
  readonly kind: 'any' | 'exact' | 'prefix' | 'glob';
  /** For 'exact' and 'prefix': the literal text to compare with. */
  readonly text: string;
  readonly units: readonly string[];
  readonly flags: Uint8Array;
  readonly hasOne: boolean;
  /** The pattern holds characters outside the BMP, so the value must be scanned by code points. */
  readonly astral: boolean;
}

/**
 * Escaped-glob syntax, used only internally for patterns built from policy variables:
 * `\*`, `\?` and `\\` are literal characters; every other character means what it means in IAM.
 * It lets `${*}` and `${?}` survive substitution as literals (AWS: Policy variables, "Special characters").
 */
export function escapeWildcard(literal: string): string {
  let out = '';
  for (let i = 0; i < literal.length; i++) {
    const ch = literal[i] as string;
    if (ch === '*' || ch === '?' || ch === '\\') out += '\\';
    out += ch;
  }
  return out;
}

/** Turns an IAM glob (where backslash is an ordinary character) into escaped-glob syntax. */
export function globToEscaped(glob: string): string {
  return glob.includes('\\') ? glob.replaceAll('\\', '\\\\') : glob;
}

function compile(pattern: string, escaped: boolean): CompiledWildcard {
  const units: string[] = [];
  const flagList: number[] = [];
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    if (escaped && ch === '\\' && i + 1 < chars.length) {
      units.push(chars[i + 1] as string);
      flagList.push(LITERAL);
      i++;
    } else if (ch === '*') {
      // Consecutive stars mean the same as one; collapsing them keeps the scan simple.
      if (flagList[flagList.length - 1] !== STAR) {
        units.push(ch);
        flagList.push(STAR);
      }
    } else if (ch === '?') {
      units.push(ch);
      flagList.push(ONE);
    } else {
      units.push(ch);
      flagList.push(LITERAL);
    }
  }
  const flags = Uint8Array.from(flagList);
  const stars = flagList.filter((f) => f === STAR).length;
  const hasOne = flagList.includes(ONE);
  const astral = units.some((u) => u.length > 1);
  const base = { units, flags, hasOne, astral };
  if (units.length === 1 && stars === 1) return { kind: 'any', text: '', ...base };
  if (stars === 0 && !hasOne) return { kind: 'exact', text: units.join(''), ...base };
  if (stars === 1 && !hasOne && flags[flags.length - 1] === STAR) {
    return { kind: 'prefix', text: units.slice(0, -1).join(''), ...base };
  }
  return { kind: 'glob', text: '', ...base };
}

const caches = {
  plain: new Map<string, CompiledWildcard>(),
  plainLower: new Map<string, CompiledWildcard>(),
  escaped: new Map<string, CompiledWildcard>(),
  escapedLower: new Map<string, CompiledWildcard>(),
};
/** Bounds the caches: a long session of edited policies must not grow memory without limit. */
const MAX_CACHE = 5000;

/** Compiles (and caches) a pattern. `escaped`: the pattern uses escaped-glob syntax. */
export function compileWildcard(pattern: string, caseInsensitive: boolean, escaped = false): CompiledWildcard {
  const cache = escaped
    ? caseInsensitive
      ? caches.escapedLower
      : caches.escaped
    : caseInsensitive
      ? caches.plainLower
      : caches.plain;
  let compiled = cache.get(pattern);
  if (!compiled) {
    compiled = compile(caseInsensitive ? pattern.toLowerCase() : pattern, escaped);
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(pattern, compiled);
  }
  return compiled;
}

const surrogate = /[\uD800-\uDFFF]/;

/**
 * Classic greedy scan with one backtrack point (the last star): O(pattern × value) worst case.
 * Scans value[start, end) so callers can match one part of a longer string without slicing it.
 */
function scan(units: readonly string[], flags: Uint8Array, value: ArrayLike<string>, start: number, end: number): boolean {
  let p = 0;
  let v = start;
  let starP = -1;
  let starV = start;
  const pn = units.length;
  while (v < end) {
    if (p < pn) {
      const flag = flags[p];
      if (flag === STAR) {
        starP = p++;
        starV = v;
        continue;
      }
      if (flag === ONE || units[p] === value[v]) {
        p++;
        v++;
        continue;
      }
    }
    if (starP < 0) return false;
    p = starP + 1;
    v = ++starV;
  }
  while (p < pn && flags[p] === STAR) p++;
  return p === pn;
}

/**
 * Matches a compiled pattern against value[start, end) (the whole value by default); `value` must already
 * be lower-cased when the pattern is case-insensitive.
 */
export function matchCompiled(compiled: CompiledWildcard, value: string, start = 0, end = value.length): boolean {
  switch (compiled.kind) {
    case 'any':
      return true;
    case 'exact':
      return end - start === compiled.text.length && value.startsWith(compiled.text, start);
    case 'prefix':
      return end - start >= compiled.text.length && value.startsWith(compiled.text, start);
    case 'glob': {
      // Pattern units are code points. A value's UTF-16 units line up with them unless a `?` could land
      // on half a surrogate pair or the pattern itself holds astral characters; only then split the value.
      if (compiled.astral || (compiled.hasOne && surrogate.test(value))) {
        const points = Array.from(value.slice(start, end));
        return scan(compiled.units, compiled.flags, points, 0, points.length);
      }
      return scan(compiled.units, compiled.flags, value, start, end);
    }
  }
}

/** Does `value` match the IAM wildcard `pattern`? */
export function matchWildcard(pattern: string, value: string, caseInsensitive: boolean): boolean {
  const compiled = compileWildcard(pattern, caseInsensitive);
  return matchCompiled(compiled, caseInsensitive ? value.toLowerCase() : value);
}

/** Like matchWildcard, for a pattern in escaped-glob syntax (see escapeWildcard). */
export function matchEscapedWildcard(pattern: string, value: string, caseInsensitive: boolean): boolean {
  const compiled = compileWildcard(pattern, caseInsensitive, true);
  return matchCompiled(compiled, caseInsensitive ? value.toLowerCase() : value);
}

/** True when the pattern contains a wildcard character at all. */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}
