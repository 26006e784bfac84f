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
import type { OperatorFamily, PolicyOperand } from './comparison';
import { stringOperators } from './stringOperators';
import { numericOperators } from './numericOperators';
import { dateOperators } from './dateOperators';
import { boolOperator } from './boolOperator';
import { binaryOperator } from './binaryOperator';
import { ipOperators } from './ipOperators';
import { arnOperators } from './arnOperators';
import { nullHolds } from './nullOperator';
import { lookupContextKey } from '../matching/contextLookup';
import { substituteVariables, type PolicyVersion } from '../matching/policyVariables';
import { globToEscaped } from '../matching/wildcard';

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

const parsedOperators = new Map<string, ParsedOperator | null>();

function parseCached(operator: string): ParsedOperator | null {
  let parsed = parsedOperators.get(operator);
  if (parsed === undefined) {
    parsed = parseOperator(operator);
    if (parsedOperators.size >= 1000) parsedOperators.clear();
    parsedOperators.set(operator, parsed);
  }
  return parsed;
}

interface PreparedValues {
  readonly version: PolicyVersion;
  readonly operands: readonly PolicyOperand[];
  readonly policyValues: readonly string[];
}

/** Operands of clauses whose values hold no variable depend on nothing else: prepare them once per clause. */
const prepared = new WeakMap<ConditionClause, PreparedValues>();

function operandsFor(
  clause: ConditionClause,
  family: OperatorFamily,
  context: RequestContext,
  version: PolicyVersion,
): PreparedValues {
  const cached = prepared.get(clause);
  if (cached && cached.version === version) return cached;
  let dependsOnContext = false;
  const operands = clause.values.map((raw): PolicyOperand => {
    if (!family.variables) return { raw, value: raw, pattern: globToEscaped(raw), unresolved: false };
    const s = substituteVariables(raw, context, version);
    if (s.substituted) dependsOnContext = true;
    return { raw, value: s.value, pattern: s.pattern, unresolved: s.unresolved.length > 0 };
  });
  const values: PreparedValues = {
    version,
    operands,
    policyValues: family.variables ? operands.map((o) => o.value) : clause.values,
  };
  if (!dependsOnContext) prepared.set(clause, values);
  return values;
}

function result(
  matched: boolean,
  policyValues: readonly string[],
  requestValues: readonly string[] | null,
  reason?: MismatchReason,
): ConditionResult {
  return matched || reason === undefined
    ? { matched, policyValues, requestValues }
    : { matched, policyValues, requestValues, reason };
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
  const parsed = parseCached(clause.operator);
  const raw = lookupContextKey(context, clause.key);
  const requestValues: readonly string[] | null = raw === undefined ? null : typeof raw === 'string' ? [raw] : raw;
  if (!parsed) return result(false, clause.values, requestValues, 'conditionTypeMismatch');
  const present = requestValues !== null && requestValues.length > 0;

  const family = families[parsed.base];
  if (family === null) {
    let typeError = false;
    for (const value of clause.values) {
      const holds = nullHolds(value, present);
      if (holds === true) return result(true, clause.values, requestValues);
      if (holds === null) typeError = true;
    }
    return result(false, clause.values, requestValues, typeError ? 'conditionTypeMismatch' : 'conditionValueMismatch');
  }

  const { operands, policyValues } = operandsFor(clause, family, context, version);

  if (!present) {
    if (parsed.ifExists || parsed.set === 'ForAllValues') return result(true, policyValues, requestValues);
    if (parsed.set === null && parsed.negated) return result(true, policyValues, requestValues);
    return result(false, policyValues, requestValues, 'conditionKeyMissing');
  }

  // A multivalued key (a list in the context) compared without ForAnyValue/ForAllValues: AWS says such keys
  // "require a condition set operator"; the comparison has no single value to compare, so the clause fails
  // whether the operator is negated or not (two independent IAM engines agree; see the tests).
  if (parsed.set === null && typeof raw !== 'string') {
    return result(false, policyValues, requestValues, 'conditionTypeMismatch');
  }

  // An unreadable request value (a non-number for Numeric*...) voids the clause, negated or not.
  const readable = family.readsRequest;
  if (readable && !requestValues.every(readable)) {
    return result(false, policyValues, requestValues, 'conditionTypeMismatch');
  }

  /** Does this request value match at least one policy value (positive sense)? */
  const matchesAny = (request: string): boolean => {
    for (const operand of operands) if (family.compare(parsed.base, operand, request) === 'match') return true;
    return false;
  };

  let matched: boolean;
  if (parsed.set === null) {
    const single = requestValues[0] as string;
    matched = parsed.negated ? !matchesAny(single) : matchesAny(single);
  } else {
    const passes = (request: string): boolean => (parsed.negated ? !matchesAny(request) : matchesAny(request));
    matched = parsed.set === 'ForAnyValue' ? requestValues.some(passes) : requestValues.every(passes);
  }
  if (matched) return result(true, policyValues, requestValues);
  if (operands.length > 0 && operands.every((o) => o.unresolved)) {
    return result(false, policyValues, requestValues, 'variableUnresolved');
  }
  const probe = requestValues[0] as string;
  if (operands.length > 0 && operands.every((o) => family.compare(parsed.base, o, probe) === 'policyTypeError')) {
    return result(false, policyValues, requestValues, 'conditionTypeMismatch');
  }
  return result(false, policyValues, requestValues, 'conditionValueMismatch');
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
