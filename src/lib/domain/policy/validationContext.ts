// The collector every validation rule reports into: it turns (code, path, params) into a
// Diagnostic with line/column when the document came from text. Rules never build diagnostics by hand.
import type { Diagnostic, Json } from './types';
import type { DiagnosticCode, DiagnosticParams } from './diagnosticCodes';
import type { PositionIndex } from './parsePolicyText';
import { makeDiagnostic } from './diagnosticCodes';

export interface ValidationContext {
  /** `atKey`: point at the member's name (unknown or forbidden element) rather than its value. */
  report(code: DiagnosticCode, path: string, params?: DiagnosticParams, atKey?: boolean): void;
  readonly diagnostics: Diagnostic[];
}

export function createValidationContext(positions?: PositionIndex): ValidationContext {
  const diagnostics: Diagnostic[] = [];
  return {
    diagnostics,
    report(code, path, params = {}, atKey = false) {
      diagnostics.push(makeDiagnostic(code, path, params, positions?.locate(path, atKey)));
    },
  };
}

export type JsonObject = { readonly [key: string]: Json };

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Own members only: a document key named "constructor" must not reach Object.prototype.
 * A member set to `undefined` (documents built in code, never parsed JSON) counts as absent.
 */
export function hasMember(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key) && object[key] !== undefined;
}

/** The members that are present, in document order. */
export function memberNames(object: JsonObject): string[] {
  return Object.keys(object).filter((key) => object[key] !== undefined);
}

export function member(object: JsonObject, key: string): Json | undefined {
  return hasMember(object, key) ? object[key] : undefined;
}

/** How a value reads in a message: strings quoted, other JSON as written. */
export function describeValue(value: Json | undefined): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}
