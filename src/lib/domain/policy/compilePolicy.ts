// The one entry the engine calls: text or JSON in, a normalized policy or diagnostics out.
// Invariant: `ok` is false exactly when some diagnostic has severity 'error'; never throws.
import type { CompileResult, Diagnostic, Json, PolicyKind } from './types';
import type { PositionIndex } from './parsePolicyText';
import type { ValidateOptions } from './validatePolicy';
import { parsePolicyText } from './parsePolicyText';
import { validatePolicy } from './validatePolicy';
import { normalizePolicy } from './normalizePolicy';

export type CompileOptions = Pick<ValidateOptions, 'limit' | 'principalExists'>;

export function compilePolicy(input: string | Json, kind: PolicyKind, options: CompileOptions = {}): CompileResult {
  let doc: Json;
  let positions: PositionIndex | undefined;
  let parseWarnings: Diagnostic[] = [];
  let text: string | undefined;
  if (typeof input === 'string') {
    const parsed = parsePolicyText(input);
    if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics };
    doc = parsed.value;
    positions = parsed.positions;
    text = input;
    parseWarnings = parsed.diagnostics;
  } else {
    doc = input;
  }
  // concat, not push(...): a huge document can yield more findings than a call takes arguments.
  const diagnostics = parseWarnings.concat(validatePolicy(doc, kind, positions, { ...options, text }));
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  return { ok: true, policy: normalizePolicy(doc), diagnostics };
}
