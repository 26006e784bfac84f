// Problems found in untrusted input (an imported file, a share link, a stored lab), each with the JSON
// pointer (RFC 6901) of the value at fault. Invariant: checks only read; they never throw on any input.
import { childPointer } from '../policy/jsonPointer';

export interface Problem {
  /** JSON pointer into the input ('' is the whole input). */
  readonly path: string;
  readonly message: string;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export { childPointer };

/** Collects problems while walking a value; `at` keeps messages short at the call site. */
export class ProblemList {
  readonly items: Problem[] = [];

  add(path: string, message: string): void {
    this.items.push({ path, message });
  }

  get empty(): boolean {
    return this.items.length === 0;
  }

  object(value: unknown, path: string): value is JsonObject {
    if (isObject(value)) return true;
    this.add(path, 'must be an object');
    return false;
  }

  array(value: unknown, path: string): value is readonly unknown[] {
    if (Array.isArray(value)) return true;
    this.add(path, 'must be an array');
    return false;
  }

  string(value: unknown, path: string): value is string {
    if (typeof value === 'string') return true;
    this.add(path, value === undefined ? 'is missing (text expected)' : 'must be text');
    return false;
  }

  boolean(value: unknown, path: string): value is boolean {
    if (typeof value === 'boolean') return true;
    this.add(path, value === undefined ? 'is missing (true or false expected)' : 'must be true or false');
    return false;
  }

  isoDate(value: unknown, path: string): value is string {
    if (!this.string(value, path)) return false;
    if (Number.isNaN(Date.parse(value))) {
      this.add(path, 'must be an ISO 8601 date');
      return false;
    }
    return true;
  }
}
