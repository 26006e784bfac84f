// Compiles each policy document once per kind and keeps it: a WeakMap for parsed JSON (by object
// identity) and a bounded Map for text. Invariant: a cached entry is never mutated, and a document
// object must not be mutated after it was evaluated (an edit must produce a new object or new text).
import { compileWildcard, type CompiledWildcard } from '../matching/wildcard';
import { compiledResource, type CompiledResource } from '../matching/matchResource';
import { principalAccounts } from '../matching/matchPrincipal';
import { compilePolicy } from '../policy/compilePolicy';
import { compileClause, type CompiledClause } from '../conditions/evaluateCondition';
import type { ConditionClause, Diagnostic, Effect, Json, NormalizedPolicy, PolicyKind, PrincipalBlock } from '../policy/types';

/** A Resource/NotResource entry; `variable` when it holds `${...}` that the policy's Version interprets. */
export interface ResourcePattern {
  readonly text: string;
  readonly variable: boolean;
  /** The pattern compiled once; null when it holds a variable (compiled after substitution). */
  readonly compiled: CompiledResource | null;
}

/** A statement with everything the hot path needs precomputed. */
export interface CompiledStatement {
  readonly index: number;
  readonly path: string;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly version: NormalizedPolicy['version'];
  readonly actions: readonly string[] | null;
  readonly notActions: readonly string[] | null;
  /** Action/NotAction patterns compiled once, case-insensitive (AWS: action names are case-insensitive). */
  readonly actionMatchers: readonly CompiledWildcard[] | null;
  readonly notActionMatchers: readonly CompiledWildcard[] | null;
  readonly resources: readonly ResourcePattern[] | null;
  readonly notResources: readonly ResourcePattern[] | null;
  readonly principal: PrincipalBlock | null;
  /** Parallel to principal.aws: the account each entry names as a whole (see accountPrincipalOf), or null. */
  readonly principalAccounts: readonly (string | null)[];
  readonly notPrincipal: PrincipalBlock | null;
  readonly conditions: readonly ConditionClause[];
  /** Parallel to `conditions`: each clause compiled once for this policy's Version. */
  readonly clauses: readonly CompiledClause[];
}

export interface CompiledPolicy {
  readonly ok: true;
  readonly policy: NormalizedPolicy;
  readonly allows: readonly CompiledStatement[];
  readonly denies: readonly CompiledStatement[];
}

export interface RejectedPolicy {
  readonly ok: false;
  readonly diagnostics: readonly Diagnostic[];
}

export type CompiledEntry = CompiledPolicy | RejectedPolicy;

const byObject = new WeakMap<object, Map<PolicyKind, CompiledEntry>>();
const byText = new Map<string, CompiledEntry>();
/** Text entries are bounded: a long editing session produces many short-lived versions of a policy. */
const MAX_TEXT_ENTRIES = 2000;

function toPatterns(list: readonly string[] | undefined, version: NormalizedPolicy['version']): readonly ResourcePattern[] | null {
  if (!list) return null;
  return list.map((text) => {
    const variable = version === '2012-10-17' && text.includes('${');
    return { text, variable, compiled: variable ? null : compiledResource(text, false) };
  });
}

function build(input: string | Json, kind: PolicyKind): CompiledEntry {
  const result = compilePolicy(input, kind);
  if (!result.ok || result.diagnostics.some((d) => d.severity === 'error')) {
    return { ok: false, diagnostics: result.diagnostics };
  }
  const policy = result.policy;
  const allows: CompiledStatement[] = [];
  const denies: CompiledStatement[] = [];
  for (const s of policy.statements) {
    const compiled: CompiledStatement = {
      index: s.index,
      path: s.path,
      sid: s.sid,
      effect: s.effect,
      version: policy.version,
      actions: s.action ?? null,
      notActions: s.notAction ?? null,
      actionMatchers: s.action ? s.action.map((a) => compileWildcard(a, true)) : null,
      notActionMatchers: s.notAction ? s.notAction.map((a) => compileWildcard(a, true)) : null,
      resources: toPatterns(s.resource, policy.version),
      notResources: toPatterns(s.notResource, policy.version),
      principal: s.principal ?? null,
      principalAccounts: s.principal ? principalAccounts(s.principal) : [],
      notPrincipal: s.notPrincipal ?? null,
      conditions: s.conditions,
      clauses: s.conditions.map((clause) => compileClause(clause, policy.version)),
    };
    (s.effect === 'Deny' ? denies : allows).push(compiled);
  }
  return { ok: true, policy, allows, denies };
}

/** The compiled form of a document for a policy kind, from the cache when it was seen before. */
export function compiledPolicy(document: string | Json, kind: PolicyKind): CompiledEntry {
  if (typeof document === 'object' && document !== null) {
    let perKind = byObject.get(document);
    if (!perKind) {
      perKind = new Map();
      byObject.set(document, perKind);
    }
    let entry = perKind.get(kind);
    if (!entry) {
      entry = build(document, kind);
      perKind.set(kind, entry);
    }
    return entry;
  }
  const key = typeof document === 'string' ? `${kind}\n${document}` : `${kind}\n${JSON.stringify(document)}`;
  let entry = byText.get(key);
  if (!entry) {
    entry = build(document, kind);
    if (byText.size >= MAX_TEXT_ENTRIES) byText.clear();
    byText.set(key, entry);
  }
  return entry;
}
