// A small JSON parser that records where every value and key starts (1-based line/column),
// so diagnostics point into the text the user typed. Invariant: it never throws; any input
// yields either a value with positions or diagnostics.
import type { Diagnostic, Json } from './types';
import type { DiagnosticParams } from './diagnosticCodes';
import { makeDiagnostic } from './diagnosticCodes';
import { childPointer, parentPointer } from './jsonPointer';

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** Where each JSON pointer of a parsed document sits in its text. */
export interface PositionIndex {
  /** Position of the value at `pointer`; undefined when the pointer does not exist. */
  positionOf(pointer: string): SourcePosition | undefined;
  /** Position of the member's key (objects only); undefined for array items and the root. */
  keyPositionOf(pointer: string): SourcePosition | undefined;
  /**
   * Best place to report a finding about `pointer`: the key when asked for, else the value,
   * else the nearest existing ancestor (a missing element is reported at its statement).
   */
  locate(pointer: string, preferKey?: boolean): SourcePosition | undefined;
}

export type ParseResult =
  | {
      readonly ok: true;
      readonly value: Json;
      readonly positions: PositionIndex;
      /** Warnings only (duplicate keys): the text parsed, but something in it is suspicious. */
      readonly diagnostics: Diagnostic[];
    }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/** Deep nesting is never a real policy and would exhaust the call stack. */
export const maxNestingDepth = 256;

class SyntaxFailure {
  constructor(
    readonly detail: string,
    readonly offset: number,
    readonly code: 'policy.json.syntax' | 'policy.json.tooDeep' = 'policy.json.syntax',
  ) {}
}

function createPositionIndex(
  values: ReadonlyMap<string, SourcePosition>,
  keys: ReadonlyMap<string, SourcePosition>,
): PositionIndex {
  return {
    positionOf: (pointer) => values.get(pointer),
    keyPositionOf: (pointer) => keys.get(pointer),
    locate(pointer, preferKey = false) {
      if (preferKey) {
        const key = keys.get(pointer);
        if (key) return key;
      }
      let current: string | null = pointer;
      while (current !== null) {
        const found = values.get(current);
        if (found) return found;
        current = parentPointer(current);
      }
      return undefined;
    },
  };
}

/** Sets a member without ever touching the prototype, even for the key "__proto__". */
function setMember(target: { [key: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

export function parsePolicyText(text: string): ParseResult {
  const source = typeof text === 'string' ? text : '';
  // Line starts let us turn an offset into line/column with a binary search.
  const lineStarts: number[] = [0];
  for (let i = 0; i < source.length; i++) {
    const ch = source.charCodeAt(i);
    if (ch === 10) lineStarts.push(i + 1);
    else if (ch === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      lineStarts.push(i + 1);
    }
  }
  const toPosition = (offset: number): SourcePosition => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };

  const values = new Map<string, SourcePosition>();
  const keys = new Map<string, SourcePosition>();
  const warnings: Diagnostic[] = [];
  let pos = 0;

  const describe = (offset: number): string => {
    if (offset >= source.length) return 'end of input';
    const ch = source[offset] ?? '';
    const code = ch.charCodeAt(0);
    return code < 32 ? `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `"${ch}"`;
  };
  const fail = (expected: string, offset = pos): never => {
    throw new SyntaxFailure(`expected ${expected} but found ${describe(offset)}`, offset);
  };

  const skipWhitespace = (): void => {
    while (pos < source.length) {
      const ch = source.charCodeAt(pos);
      if (ch === 32 || ch === 9 || ch === 10 || ch === 13) pos++;
      else break;
    }
  };

  const parseString = (): string => {
    // Caller guarantees source[pos] === '"'.
    pos++;
    let out = '';
    let chunkStart = pos;
    while (pos < source.length) {
      const ch = source.charCodeAt(pos);
      if (ch === 34) {
        out += source.slice(chunkStart, pos);
        pos++;
        return out;
      }
      if (ch === 92) {
        out += source.slice(chunkStart, pos);
        const escape = source[pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (escape !== undefined && Object.prototype.hasOwnProperty.call(simple, escape)) {
          out += simple[escape];
          pos += 2;
        } else if (escape === 'u') {
          const hex = source.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('four hex digits after \\u', pos + 2);
          out += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
        } else {
          fail('a valid escape sequence after "\\"', pos + 1);
        }
        chunkStart = pos;
        continue;
      }
      if (ch < 32) fail('a closing quote (strings cannot contain raw control characters or line breaks)');
      pos++;
    }
    return fail('a closing quote');
  };

  const numberPattern = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  const parseNumber = (): number => {
    numberPattern.lastIndex = pos;
    const match = numberPattern.exec(source);
    if (!match) return fail('a number');
    pos += match[0].length;
    return Number(match[0]);
  };

  const parseLiteral = (word: 'true' | 'false' | 'null', value: Json): Json => {
    if (source.startsWith(word, pos)) {
      pos += word.length;
      return value;
    }
    return fail('a JSON value');
  };

  const parseValue = (pointer: string, depth: number): Json => {
    skipWhitespace();
    if (depth > maxNestingDepth) {
      throw new SyntaxFailure(String(maxNestingDepth), pos, 'policy.json.tooDeep');
    }
    values.set(pointer, toPosition(pos));
    const ch = source[pos];
    if (ch === '{') return parseObject(pointer, depth);
    if (ch === '[') return parseArray(pointer, depth);
    if (ch === '"') return parseString();
    if (ch === 't') return parseLiteral('true', true);
    if (ch === 'f') return parseLiteral('false', false);
    if (ch === 'n') return parseLiteral('null', null);
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return parseNumber();
    return fail('a JSON value');
  };

  const parseObject = (pointer: string, depth: number): Json => {
    pos++;
    const result: { [key: string]: Json } = {};
    const seen = new Set<string>();
    skipWhitespace();
    if (source[pos] === '}') {
      pos++;
      return result;
    }
    for (;;) {
      skipWhitespace();
      if (source[pos] !== '"') fail('a quoted property name');
      const keyPosition = toPosition(pos);
      const key = parseString();
      const member = childPointer(pointer, key);
      if (seen.has(key)) {
        warnings.push(makeDiagnostic('policy.json.duplicateKey', member, { key }, keyPosition));
      }
      seen.add(key);
      keys.set(member, keyPosition);
      skipWhitespace();
      if (source[pos] !== ':') fail('":" after the property name');
      pos++;
      setMember(result, key, parseValue(member, depth + 1));
      skipWhitespace();
      if (source[pos] === ',') {
        pos++;
        continue;
      }
      if (source[pos] === '}') {
        pos++;
        return result;
      }
      fail('"," or "}"');
    }
  };

  const parseArray = (pointer: string, depth: number): Json => {
    pos++;
    const result: Json[] = [];
    skipWhitespace();
    if (source[pos] === ']') {
      pos++;
      return result;
    }
    for (;;) {
      result.push(parseValue(childPointer(pointer, result.length), depth + 1));
      skipWhitespace();
      if (source[pos] === ',') {
        pos++;
        continue;
      }
      if (source[pos] === ']') {
        pos++;
        return result;
      }
      fail('"," or "]"');
    }
  };

  try {
    // A byte-order mark is invisible in editors; accept it rather than report column 1.
    if (source.charCodeAt(0) === 0xfeff) pos = 1;
    skipWhitespace();
    if (pos >= source.length) {
      return { ok: false, diagnostics: [makeDiagnostic('policy.json.syntax', '', { detail: 'the document is empty' }, toPosition(pos))] };
    }
    const value = parseValue('', 0);
    skipWhitespace();
    if (pos < source.length) fail('end of input after the document');
    return { ok: true, value, positions: createPositionIndex(values, keys), diagnostics: warnings };
  } catch (error) {
    if (error instanceof SyntaxFailure) {
      const params: DiagnosticParams = error.code === 'policy.json.tooDeep' ? { max: maxNestingDepth } : { detail: error.detail };
      return { ok: false, diagnostics: [makeDiagnostic(error.code, '', params, toPosition(error.offset))] };
    }
    return { ok: false, diagnostics: [makeDiagnostic('policy.json.syntax', '', { detail: 'the text could not be read' })] };
  }
}
