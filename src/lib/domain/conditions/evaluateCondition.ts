// Evaluates Condition blocks: one clause is one operator + one key with its policy values.
// Invariants: clauses are ANDed; a clause's policy values are ORed; a negated operator holds when the
// request value matches NONE of the policy values; key names are case-insensitive, values are not.
// AWS: IAM JSON policy elements: Condition operators ("If the key ... is not present ... the condition is
// false ... StringNotLike or ArnNotLike ... the condition is true"), "...IfExists condition operators",
// "Condition to check existence of condition keys"; Creating a condition with multiple keys or values;
// Single-valued vs. multivalued context keys; Set operators for multivalued context keys (ForAnyValue / ForAllValues);
// IAM policy elements: Variables and tags, "Policy variables with no value".
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
import type { ConditionClause } from '../policy/types';
import type { MismatchReason, RequestContext } from '../evaluation/types';
import { parseOperator, type BaseOperator, type ParsedOperator } from './operators';
import type { OperatorFamily, PolicyOperand, TypedReader } from './comparison';
import { stringOperators } from './stringOperators';
import { numericOperators } from './numericOperators';
import { dateOperators } from './dateOperators';
import { boolOperator } from './boolOperator';
import { binaryOperator } from './binaryOperator';
import { ipOperators } from './ipOperators';
import { arnOperators } from './arnOperators';
import { nullHolds } from './nullOperator';
import { canonicalKey, lookupLowerKey } from '../matching/contextLookup';
import { substituteVariables, type PolicyVersion } from '../matching/policyVariables';
import { compileWildcard, globToEscaped } from '../matching/wildcard';
import { compiledResource } from '../matching/matchResource';

export interface ConditionResult {
  readonly matched: boolean;
  /** Policy values after policy variables were substituted (unresolved ones stay as written). */
  readonly policyValues: readonly string[];
  /** The request's values for the key; null when the key is absent. */
  readonly requestValues: readonly string[] | null;
  readonly reason?: MismatchReason;
}

export interface ClauseResult extends ConditionResult {
  readonly clause: ConditionClause;
}

export interface ConditionsResult {
  /** True when every clause holds (an empty Condition block holds). */
  readonly matched: boolean;
  /** One entry per clause evaluated, in order. */
  readonly clauses: readonly ClauseResult[];
}

export interface EvaluateConditionsOptions {
  /** Stop at the first clause that does not hold (faster; `clauses` is then a prefix). Default false. */
  readonly stopAtFirstMismatch?: boolean;
}

const families: Readonly<Record<BaseOperator, OperatorFamily | null>> = {
  StringEquals: stringOperators,
  StringNotEquals: stringOperators,
  StringEqualsIgnoreCase: stringOperators,
  StringNotEqualsIgnoreCase: stringOperators,
  StringLike: stringOperators,
  StringNotLike: stringOperators,
  NumericEquals: numericOperators,
  NumericNotEquals: numericOperators,
  NumericLessThan: numericOperators,
  NumericLessThanEquals: numericOperators,
  NumericGreaterThan: numericOperators,
  NumericGreaterThanEquals: numericOperators,
  DateEquals: dateOperators,
  DateNotEquals: dateOperators,
  DateLessThan: dateOperators,
  DateLessThanEquals: dateOperators,
  DateGreaterThan: dateOperators,
  DateGreaterThanEquals: dateOperators,
  Bool: boolOperator,
  BinaryEquals: binaryOperator,
  IpAddress: ipOperators,
  NotIpAddress: ipOperators,
  ArnEquals: arnOperators,
  ArnLike: arnOperators,
  ArnNotEquals: arnOperators,
  ArnNotLike: arnOperators,
  Null: null,
};

/**
 * A clause with everything that does not depend on the request worked out once, when the policy is
 * compiled: the parsed operator, its family, the lower-cased key, and (when no value holds a policy variable
 * the version interprets) the operands with typed values already read.
 */
export interface CompiledClause {
  readonly clause: ConditionClause;
  /** The clause's operator and key as written (what the trace shows), kept here so the trace need not read `clause`. */
  readonly operator: string;
  readonly key: string;
  readonly version: PolicyVersion;
  readonly parsed: ParsedOperator | null;
  readonly family: OperatorFamily | null;
  /** Context keys are case-insensitive: looked up by this. */
  readonly keyLower: string;
  /** Operands that depend on nothing in the request; null when policy variables must be substituted per request. */
  readonly fixed: PreparedValues | null;
  /** Null operator: some value holds when the key is absent (`true`), when present (`false`), some is neither. */
  readonly nullTrue: boolean;
  readonly nullFalse: boolean;
  readonly nullInvalid: boolean;
  /** The last single request value a traced check saw, and the one-value list shown for it (reused while it repeats). */
  memoRaw: string | null;
  memoValues: readonly string[] | null;
  /** The last single request value read for a typed family (dates, numbers, IPs...) and what it read as. */
  memoReadRaw: string | null;
  memoRead: unknown;
}

interface PreparedValues {
  readonly operands: readonly PolicyOperand[];
  readonly policyValues: readonly string[];
  /** Typed families: each operand's value as read (null: not of the operator's type). */
  readonly reads: readonly unknown[] | null;
}

/**
 * The same values in an array of V8's generic element kind. Read values are numbers, dates, booleans or
 * address blocks; arrays of each would get their own internal kind, and one code path reading all of them
 * would fall back to slow generic reads. An array that starts with a non-number keeps the generic kind.
 */
function genericList<T>(values: readonly T[], read: (value: T) => unknown): readonly unknown[] {
  const list: unknown[] = [undefined];
  list.length = 0;
  for (let i = 0; i < values.length; i++) list.push(read(values[i]!));
  return list;
}

function prepareValues(clause: ConditionClause, family: OperatorFamily, context: RequestContext | null, version: PolicyVersion): PreparedValues {
  const operands = clause.values.map((raw): PolicyOperand => {
    if (!family.variables) return { raw, value: raw, pattern: globToEscaped(raw), unresolved: false };
    if (context === null) {
      const pattern = globToEscaped(raw);
      if (family === arnOperators) return { raw, value: raw, pattern, unresolved: false, arn: compiledResource(pattern, true) };
      return { raw, value: raw, pattern, unresolved: false, like: compileWildcard(pattern, false, true) };
    }
    const s = substituteVariables(raw, context, version);
    return { raw, value: s.value, pattern: s.pattern, unresolved: s.unresolved.length > 0 };
  });
  const typed = family.typed;
  return {
    operands,
    policyValues: family.variables ? operands.map((o) => o.value) : clause.values,
    reads: typed === undefined ? null : genericList(operands, (o) => typed.readPolicy(o.value)),
  };
}

/** Compiles one clause for a policy of this version. */
export function compileClause(clause: ConditionClause, version: PolicyVersion): CompiledClause {
  const parsed = parseOperator(clause.operator);
  const family = parsed === null ? null : families[parsed.base];
  const hasVariables = version === '2012-10-17' && clause.values.some((v) => v.includes('${'));
  let nullTrue = false;
  let nullFalse = false;
  let nullInvalid = false;
  for (const value of clause.values) {
    const whenPresent = nullHolds(value, true);
    if (whenPresent === null) nullInvalid = true;
    else if (whenPresent) nullFalse = true;
    else nullTrue = true;
  }
  // In the order runClause reads them.
  return {
    keyLower: canonicalKey(clause.key),
    memoRaw: null,
    memoValues: null,
    parsed,
    family,
    nullTrue,
    nullFalse,
    nullInvalid,
    fixed: family === null || (family.variables && hasVariables) ? null : prepareValues(clause, family, null, version),
    memoReadRaw: null,
    memoRead: null,
    operator: clause.operator,
    key: clause.key,
    clause,
    version,
  };
}

/** What a traced clause check reports besides `matched`; filled in place by runClause. */
export interface ClauseDetails {
  policyValues: readonly string[];
  requestValues: readonly string[] | null;
  reason: MismatchReason | undefined;
}

function fail(details: ClauseDetails | null, policyValues: readonly string[], reason: MismatchReason): false {
  if (details !== null) {
    details.policyValues = policyValues;
    details.reason = reason;
  }
  return false;
}

function pass(details: ClauseDetails | null, policyValues: readonly string[]): true {
  if (details !== null) {
    details.policyValues = policyValues;
    details.reason = undefined;
  }
  return true;
}

/** Does this request value match at least one policy value (positive sense)? */
function matchesAny(cc: CompiledClause, prep: PreparedValues, request: string): boolean {
  const base = (cc.parsed as ParsedOperator).base;
  const family = cc.family as OperatorFamily;
  const operands = prep.operands;
  for (let i = 0; i < operands.length; i++) if (family.compare(base, operands[i]!, request) === 'match') return true;
  return false;
}

/** Same for a typed family, on the request value already read. */
function matchesAnyRead(cc: CompiledClause, reads: readonly unknown[], have: unknown): boolean {
  const base = (cc.parsed as ParsedOperator).base;
  const typed = (cc.family as OperatorFamily).typed as TypedReader;
  for (let i = 0; i < reads.length; i++) {
    const want = reads[i];
    if (want !== null && typed.holds(base, want, have)) return true;
  }
  return false;
}

/** Does one request value pass the clause's operator (negation applied)? */
function passes(cc: CompiledClause, prep: PreparedValues, request: string): boolean {
  const typed = (cc.family as OperatorFamily).typed;
  const hit = typed === undefined ? matchesAny(cc, prep, request) : matchesAnyRead(cc, prep.reads!, typed.readRequest(request));
  return (cc.parsed as ParsedOperator).negated ? !hit : hit;
}

/** `[raw]`, the same list as last time when the value repeats (lists in the trace are never changed). */
function oneValue(cc: CompiledClause, raw: string): readonly string[] {
  if (cc.memoRaw === raw && cc.memoValues !== null) return cc.memoValues;
  const values = [raw];
  cc.memoRaw = raw;
  cc.memoValues = values;
  return values;
}

/**
 * Evaluates one compiled clause against the request context. `details`, when given, receives the policy
 * values, request values and mismatch reason for the trace; without it nothing is allocated for them.
 * The semantics are those documented on evaluateCondition.
 */
export function runClause(cc: CompiledClause, context: RequestContext, details: ClauseDetails | null): boolean {
  const raw = lookupLowerKey(context, cc.keyLower);
  if (details !== null) details.requestValues = raw === undefined ? null : typeof raw === 'string' ? oneValue(cc, raw) : raw;
  const parsed = cc.parsed;
  const family = cc.family;
  if (parsed === null) return fail(details, cc.clause.values, 'conditionTypeMismatch');
  const present = raw !== undefined && (typeof raw === 'string' || raw.length > 0);

  if (family === null) {
    if (present ? cc.nullFalse : cc.nullTrue) return pass(details, cc.clause.values);
    return fail(details, cc.clause.values, cc.nullInvalid ? 'conditionTypeMismatch' : 'conditionValueMismatch');
  }

  const prep = cc.fixed ?? prepareValues(cc.clause, family, context, cc.version);
  const policyValues = prep.policyValues;

  if (!present) {
    if (parsed.ifExists || parsed.set === 'ForAllValues') return pass(details, policyValues);
    if (parsed.set === null && parsed.negated) return pass(details, policyValues);
    return fail(details, policyValues, 'conditionKeyMissing');
  }

  // A multivalued key (a list in the context) compared without ForAnyValue/ForAllValues: AWS says such keys
  // "require a condition set operator"; the comparison has no single value to compare, so the clause fails
  // whether the operator is negated or not (two independent IAM engines agree; see the tests).
  if (parsed.set === null && typeof raw !== 'string') return fail(details, policyValues, 'conditionTypeMismatch');

  // An unreadable request value (a non-number for Numeric*...) voids the clause, negated or not.
  const typed = family.typed;
  let matched: boolean;
  if (typeof raw === 'string') {
    if (typed !== undefined) {
      let have: unknown;
      if (cc.memoReadRaw === raw) have = cc.memoRead;
      else {
        have = typed.readRequest(raw);
        cc.memoReadRaw = raw;
        cc.memoRead = have;
      }
      if (have === null) return fail(details, policyValues, 'conditionTypeMismatch');
      const hit = matchesAnyRead(cc, prep.reads!, have);
      matched = parsed.negated ? !hit : hit;
    } else {
      const hit = matchesAny(cc, prep, raw);
      matched = parsed.negated ? !hit : hit;
    }
    // One value: with or without a set operator, the clause is this value's comparison.
    if (matched) return pass(details, policyValues);
  } else {
    if (typed !== undefined) {
      for (let i = 0; i < raw.length; i++) if (typed.readRequest(raw[i]!) === null) return fail(details, policyValues, 'conditionTypeMismatch');
    }
    if (parsed.set === 'ForAnyValue') {
      matched = false;
      for (let i = 0; i < raw.length; i++) {
        if (passes(cc, prep, raw[i]!)) {
          matched = true;
          break;
        }
      }
    } else {
      matched = true;
      for (let i = 0; i < raw.length; i++) {
        if (!passes(cc, prep, raw[i]!)) {
          matched = false;
          break;
        }
      }
    }
    if (matched) return pass(details, policyValues);
  }
  if (details === null) return false;
  const operands = prep.operands;
  if (operands.length > 0 && operands.every((o) => o.unresolved)) return fail(details, policyValues, 'variableUnresolved');
  const probe = typeof raw === 'string' ? raw : (raw[0] as string);
  const allPolicyTypeErrors =
    operands.length > 0 &&
    (typed !== undefined ? prep.reads!.every((want) => want === null) : operands.every((o) => family.compare(parsed.base, o, probe) === 'policyTypeError'));
  return fail(details, policyValues, allPolicyTypeErrors ? 'conditionTypeMismatch' : 'conditionValueMismatch');
}

const compiledClauses = new WeakMap<ConditionClause, CompiledClause>();

function compiledFor(clause: ConditionClause, version: PolicyVersion): CompiledClause {
  const cached = compiledClauses.get(clause);
  if (cached !== undefined && cached.version === version) return cached;
  const compiled = compileClause(clause, version);
  compiledClauses.set(clause, compiled);
  return compiled;
}

/**
 * Evaluates one clause against the request context.
 *
 * Semantics, each from the AWS pages cited in the header:
 * - key absent (or an empty list): `...IfExists` → holds; ForAllValues → holds; ForAnyValue → fails;
 *   a negated operator (StringNotEquals, NotIpAddress, ArnNotLike...) → holds; any other → fails.
 * - Null: `true` holds when the key is absent, `false` when present.
 * - No set qualifier: the operator compares the request value with each policy value (OR). A multivalued
 *   key (a list in the context, even of one value) without a set qualifier makes the clause fail, negated or not.
 * - ForAnyValue: some request value passes; ForAllValues: every request value passes, where a value passes
 *   a negated operator when it matches none of the policy values.
 * - A policy variable without value makes that policy value equal to / like nothing: a positive operator
 *   cannot match it, a negated operator finds it "not equal".
 * - A request value the operator cannot read (a non-number for Numeric*...) makes the clause fail, negated or not.
 */
export function evaluateCondition(
  clause: ConditionClause,
  context: RequestContext,
  version: PolicyVersion,
): ConditionResult {
  const details: ClauseDetails = { policyValues: clause.values, requestValues: null, reason: undefined };
  const matched = runClause(compiledFor(clause, version), context, details);
  return matched || details.reason === undefined
    ? { matched, policyValues: details.policyValues, requestValues: details.requestValues }
    : { matched, policyValues: details.policyValues, requestValues: details.requestValues, reason: details.reason };
}

/** Evaluates a statement's clauses: the block holds when every clause holds. */
export function evaluateConditions(
  clauses: readonly ConditionClause[],
  context: RequestContext,
  version: PolicyVersion,
  options: EvaluateConditionsOptions = {},
): ConditionsResult {
  const results: ClauseResult[] = [];
  let matched = true;
  for (const clause of clauses) {
    const one = evaluateCondition(clause, context, version);
    results.push({ clause, ...one });
    if (!one.matched) {
      matched = false;
      if (options.stopAtFirstMismatch) break;
    }
  }
  return { matched, clauses: results };
}
