// The AWS CLI's shorthand syntax for structure parameters (Key=Name,Value=web or
// ResourceType=instance,Tags=[{Key=Name,Value=web}]) and its JSON alternative.
// Invariant: returns a value or a message in the CLI's words; never throws.
// AWS: AWS CLI User Guide, "Using shorthand syntax with the AWS CLI".
import type { Json } from '../policy/types';

export type ValueResult = { readonly ok: true; readonly value: Json } | { readonly ok: false; readonly message: string };

/** JSON text as the CLI reads it; the error names where the text went wrong. */
export function parseJsonArgument(text: string): ValueResult {
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch (e) {
    const detail = e instanceof Error ? e.message : 'not JSON';
    return { ok: false, message: `Invalid JSON: ${detail}\nJSON received: ${text}` };
  }
}

class ShorthandError extends Error {}

class Reader {
  i = 0;
  constructor(readonly text: string) {}
  peek(): string {
    return this.text.charAt(this.i);
  }
  done(): boolean {
    return this.i >= this.text.length;
  }
  expect(c: string): void {
    if (this.peek() !== c) throw new ShorthandError(`Expected: '${c}', received: '${this.peek() || 'EOF'}' for input:\n${this.text}\n${' '.repeat(this.i)}^`);
    this.i += 1;
  }
}

function readKey(r: Reader): string {
  const start = r.i;
  while (!r.done() && /[\w.:-]/.test(r.peek())) r.i += 1;
  if (r.i === start) throw new ShorthandError(`Expected: '<key>', received: '${r.peek() || 'EOF'}' for input:\n${r.text}\n${' '.repeat(r.i)}^`);
  return r.text.slice(start, r.i);
}

function readScalar(r: Reader, stops: string): string {
  const q = r.peek();
  if (q === '"' || q === "'") {
    const end = r.text.indexOf(q, r.i + 1);
    if (end < 0) throw new ShorthandError(`Unclosed quote for input:\n${r.text}`);
    const out = r.text.slice(r.i + 1, end);
    r.i = end + 1;
    return out;
  }
  const start = r.i;
  while (!r.done() && !stops.includes(r.peek())) r.i += 1;
  return r.text.slice(start, r.i).trim();
}

function readValue(r: Reader, stops: string): Json {
  if (r.peek() === '[') {
    r.i += 1;
    const items: Json[] = [];
    if (r.peek() === ']') {
      r.i += 1;
      return items;
    }
    for (;;) {
      items.push(readValue(r, ',]'));
      if (r.peek() === ',') {
        r.i += 1;
        continue;
      }
      r.expect(']');
      return items;
    }
  }
  if (r.peek() === '{') {
    r.i += 1;
    const obj = readStruct(r, '}');
    r.expect('}');
    return obj;
  }
  return readScalar(r, stops);
}

function readStruct(r: Reader, close: string): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (;;) {
    const key = readKey(r);
    r.expect('=');
    out[key] = readValue(r, `,${close}`);
    if (r.peek() === ',') {
      r.i += 1;
      continue;
    }
    return out;
  }
}

/** Parses one shorthand structure (`A=1,B=[x,y],C={D=2}`); a leading `{` or `[` is read as JSON. */
export function parseStructure(text: string): ValueResult {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJsonArgument(trimmed);
  const r = new Reader(trimmed);
  try {
    const value = readStruct(r, '');
    if (!r.done()) throw new ShorthandError(`Expected: ',', received: '${r.peek()}' for input:\n${r.text}\n${' '.repeat(r.i)}^`);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, message: e instanceof ShorthandError ? e.message : String(e) };
  }
}
