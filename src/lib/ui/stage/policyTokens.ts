// Lays a policy document out as lines of text tokens, each tagged with the JSON pointer of the value it
// belongs to, so the stage can highlight a statement or one Action pattern by the trace's ref.path.
// Invariant: tokens are plain text (rendered as text nodes, never HTML); joining them gives valid JSON.
import type { Json } from '../../domain/policy/types';
import { childPointer } from '../../domain/policy/jsonPointer';

export type TokenRole = 'key' | 'string' | 'number' | 'literal' | 'punct';

export interface Token {
  readonly text: string;
  /** JSON pointer of the value this token is part of ('' is the document). */
  readonly path: string;
  readonly role: TokenRole;
  /** A member's name and colon ('key') or the comma after a value ('comma'): they frame the value, so a
      match mark on the value leaves them plain (a focus mark, or a mark that asks for the key, covers keys). */
  readonly frame?: 'key' | 'comma';
}

export interface Line {
  readonly indent: number;
  readonly tokens: readonly Token[];
}

/** Arrays of scalars up to this many characters stay on one line, as people write them. */
const inlineWidth = 64;

function scalar(value: Json, path: string): Token {
  if (typeof value === 'string') return { text: JSON.stringify(value), path, role: 'string' };
  if (typeof value === 'number') return { text: String(value), path, role: 'number' };
  return { text: String(value), path, role: 'literal' };
}

function isScalar(value: Json): boolean {
  return value === null || typeof value !== 'object';
}

function inlineArray(value: Json[], path: string): Token[] | null {
  if (!value.every(isScalar)) return null;
  const tokens: Token[] = [{ text: '[', path, role: 'punct' }];
  value.forEach((item, i) => {
    if (i > 0) tokens.push({ text: ', ', path, role: 'punct' });
    tokens.push(scalar(item, childPointer(path, i)));
  });
  tokens.push({ text: ']', path, role: 'punct' });
  const width = tokens.reduce((n, t) => n + t.text.length, 0);
  return width <= inlineWidth ? tokens : null;
}

function layout(value: Json, path: string, indent: number, lead: Token[], trail: string, out: Line[]): void {
  const comma: Token[] = trail ? [{ text: trail, path, role: 'punct', frame: 'comma' }] : [];
  if (value === null || typeof value !== 'object') {
    out.push({ indent, tokens: [...lead, scalar(value, path), ...comma] });
    return;
  }
  if (Array.isArray(value)) {
    const inline = inlineArray(value, path);
    if (inline || value.length === 0) {
      out.push({ indent, tokens: [...lead, ...(inline ?? [{ text: '[]', path, role: 'punct' as const }]), ...comma] });
      return;
    }
    out.push({ indent, tokens: [...lead, { text: '[', path, role: 'punct' }] });
    value.forEach((item, i) => layout(item, childPointer(path, i), indent + 1, [], i < value.length - 1 ? ',' : '', out));
    out.push({ indent, tokens: [{ text: ']', path, role: 'punct' }, ...comma] });
    return;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) {
    out.push({ indent, tokens: [...lead, { text: '{}', path, role: 'punct' }, ...comma] });
    return;
  }
  out.push({ indent, tokens: [...lead, { text: '{', path, role: 'punct' }] });
  entries.forEach(([key, child], i) => {
    const childPath = childPointer(path, key);
    const keyTokens: Token[] = [
      { text: JSON.stringify(key), path: childPath, role: 'key', frame: 'key' },
      { text: ': ', path: childPath, role: 'punct', frame: 'key' },
    ];
    layout(child, childPath, indent + 1, keyTokens, i < entries.length - 1 ? ',' : '', out);
  });
  out.push({ indent, tokens: [{ text: '}', path, role: 'punct' }, ...comma] });
}

/** The document as lines of tokens. A string document is parsed first; unparseable text is one plain line each. */
export function policyLines(document: Json): Line[] {
  let doc: Json = document;
  if (typeof document === 'string') {
    try {
      doc = JSON.parse(document) as Json;
    } catch {
      return document.split('\n').map((text) => ({ indent: 0, tokens: [{ text, path: '', role: 'punct' }] }));
    }
  }
  const out: Line[] = [];
  layout(doc, '', 0, [], '', out);
  return out;
}

/** Reads the value at a JSON pointer, or undefined. */
export function valueAt(document: Json, pointer: string): Json | undefined {
  if (pointer === '') return document;
  let current: Json | undefined = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[Number(token)] : current[token];
    if (current === undefined) return undefined;
  }
  return current;
}

/** Pointers of the string leaves under `pointer` equal to `text` (case-insensitive, as AWS compares actions). */
export function pathsOfText(document: Json, pointer: string, text: string): string[] {
  const found: string[] = [];
  const wanted = text.toLowerCase();
  const walk = (value: Json | undefined, path: string) => {
    if (typeof value === 'string') {
      if (value.toLowerCase() === wanted) found.push(path);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, childPointer(path, i)));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, childPointer(path, k));
    }
  };
  walk(valueAt(document, pointer), pointer);
  return found;
}
