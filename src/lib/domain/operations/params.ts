// Reading operation parameters with AWS's validation errors (missing or ill-formed values).
// Invariant: a helper either returns a well-typed value or throws an OperationError.
import type { Json } from '../policy/types';
import { fail } from './operationError';
import type { Params } from './types';

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** AWS's wording for a missing required member (Query/JSON protocol validation). */
export function requireString(params: Params, name: string): string {
  const v = params[name];
  if (typeof v === 'string' && v.length > 0) return v;
  if (typeof v === 'number') return String(v);
  return fail(
    'ValidationError',
    `1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`,
  );
}

export function optionalString(params: Params, name: string): string | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return fail('ValidationError', `Value for '${lowerFirst(name)}' must be a string`);
}

export function optionalNumber(params: Params, name: string): number | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : Number.NaN;
  if (!Number.isFinite(n)) return fail('ValidationError', `Value for '${lowerFirst(name)}' must be a number`);
  return n;
}

export function optionalBoolean(params: Params, name: string): boolean | undefined {
  const v = params[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  return fail('ValidationError', `Value for '${lowerFirst(name)}' must be a boolean`);
}

/** A policy document parameter: JSON text, or a JSON object that is stored as text. */
export function requireDocument(params: Params, name: string): string {
  const v = params[name];
  if (typeof v === 'string' && v.length > 0) return v;
  if (v !== null && typeof v === 'object') return JSON.stringify(v, null, 2);
  return requireString(params, name);
}

export function optionalDocument(params: Params, name: string): string | undefined {
  return params[name] === undefined || params[name] === null ? undefined : requireDocument(params, name);
}

/** Tags as AWS takes them: [{ Key, Value }] (a plain { key: value } object is accepted too). */
export function readTags(params: Params, name = 'Tags'): Record<string, string> {
  const v = params[name];
  const out: Record<string, string> = {};
  if (v === undefined || v === null) return out;
  if (Array.isArray(v)) {
    for (const t of v) {
      if (t === null || typeof t !== 'object' || Array.isArray(t) || typeof t.Key !== 'string') {
        return fail('ValidationError', `1 validation error detected: Value at '${lowerFirst(name)}' failed to satisfy constraint: each tag needs a Key`);
      }
      out[t.Key] = typeof t.Value === 'string' ? t.Value : '';
    }
    return out;
  }
  if (typeof v === 'object') {
    for (const [k, val] of Object.entries(v)) out[k] = typeof val === 'string' ? val : String(val);
    return out;
  }
  return fail('ValidationError', `Value for '${lowerFirst(name)}' must be a list of tags`);
}

export function readStringList(params: Params, name: string): string[] {
  const v: Json | undefined = params[name];
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  return fail('ValidationError', `Value for '${lowerFirst(name)}' must be a list of strings`);
}

/** IAM names: AWS's pattern [\w+=,.@-]+ and a length limit. */
export function validateIamName(value: string, member: string, max: number): string {
  if (value.length > max) {
    fail(
      'ValidationError',
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
    );
  }
  if (!/^[\w+=,.@-]+$/.test(value)) {
    fail(
      'ValidationError',
      `1 validation error detected: Value '${value}' at '${member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+`,
    );
  }
  return value;
}

/** IAM paths: '/' or '/a/b/' (AWS's pattern (\u002F)|(\u002F[\u0021-\u007E]+\u002F)). */
export function validatePath(value: string | undefined): string {
  const path = value ?? '/';
  if (path === '/' || /^\/[\u0021-\u007E]+\/$/.test(path)) return path;
  return fail(
    'ValidationError',
    `1 validation error detected: Value '${path}' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)`,
  );
}
