// Decides whether one statement applies to a request: Action/NotAction, Resource/NotResource,
// Principal/NotPrincipal, then every condition (AND). Invariant: the fast check and the traced check
// reach the same answer; the traced one also records each element's match and each condition.
// AWS: Policy evaluation logic, "Determining whether a request is allowed or denied within an account";
// IAM JSON policy elements: Action, NotAction, Resource, NotResource, Principal, NotPrincipal, Condition.
import { matchCompiled, type CompiledWildcard } from '../matching/wildcard';
import { matchResourceCompiled, matchResourceEscaped } from '../matching/matchResource';
import { principalMatchPattern } from '../matching/matchPrincipal';
import { substituteVariables } from '../matching/policyVariables';
import { runClause, type ClauseDetails } from '../conditions/evaluateCondition';
import { notPrincipalExcludes } from './notPrincipalExcludes';
import type { CompiledStatement, ResourcePattern } from './compiledPolicy';
import type { TraceBuilder } from './trace';
import type { EvaluationRun } from './stages/evaluationRun';
import type { ElementMatch, MismatchReason, RequestContext, StageName, TraceRef } from './types';

/**
 * The first pattern that covers the action, or null. `actionLower` is the request's action lower-cased
 * once per evaluation; the matchers were compiled case-insensitively (the same rule as matchAction).
 */
function firstActionMatch(patterns: readonly string[], matchers: readonly CompiledWildcard[], actionLower: string): string | null {
  for (let i = 0; i < matchers.length; i++) {
    if (matchCompiled(matchers[i]!, actionLower)) return patterns[i]!;
  }
  return null;
}

/** Result of scanning Resource patterns: the pattern that matched (after substitution), or why none did. */
interface ResourceScan {
  matched: string | null;
  sawUnresolved: boolean;
}

const scratch: ResourceScan = { matched: null, sawUnresolved: false };

/**
 * Scans patterns for one that covers the ARN. A pattern whose variable has no value matches nothing,
 * so in NotResource it excludes nothing, the way AWS says inverted operators "do match against a null
 * value" (AWS: Policy variables, "Policy variables with no value"). Writes into a shared scratch object
 * so the hot path allocates nothing; callers read it before the next scan.
 */
function scanResources(patterns: readonly ResourcePattern[], arn: string, context: RequestContext, version: CompiledStatement['version']): ResourceScan {
  scratch.matched = null;
  scratch.sawUnresolved = false;
  for (let i = 0; i < patterns.length; i++) {
    const p = patterns[i] as ResourcePattern;
    if (p.compiled !== null) {
      if (matchResourceCompiled(p.compiled, arn)) {
        scratch.matched = p.text;
        return scratch;
      }
      continue;
    }
    const sub = substituteVariables(p.text, context, version);
    if (sub.unresolved.length > 0) {
      scratch.sawUnresolved = true;
      continue;
    }
    if (matchResourceEscaped(sub.pattern, arn)) {
      scratch.matched = sub.value;
      return scratch;
    }
  }
  return scratch;
}

/**
 * Fast check: does the statement apply? No trace, stops at the first element that does not match.
 * `run.boundary`: the caller has a permissions boundary, and AWS then applies a NotPrincipal Deny to it whatever
 * the NotPrincipal lists (AWS: Permissions boundaries for IAM entities, the "Important" note on NotPrincipal).
 */
export function statementApplies(st: CompiledStatement, run: EvaluationRun): boolean {
  const actionLower = run.actionLower;
  if (st.actions !== null) {
    if (firstActionMatch(st.actions, st.actionMatchers!, actionLower) === null) return false;
  } else if (st.notActions !== null && firstActionMatch(st.notActions, st.notActionMatchers!, actionLower) !== null) return false;
  if (st.resources !== null) {
    if (scanResources(st.resources, run.resource, run.context, st.version).matched === null) return false;
  } else if (st.notResources !== null && scanResources(st.notResources, run.resource, run.context, st.version).matched !== null) {
    return false;
  }
  if (st.principal !== null) {
    if (principalMatchPattern(st.principal, st.principalAccounts, run.caller) === null) return false;
  } else if (st.notPrincipal !== null && notPrincipalExcludes(st.notPrincipal, run.caller) !== null && !(run.boundary && st.effect === 'Deny')) {
    return false;
  }
  const clauses = st.clauses;
  for (let i = 0; i < clauses.length; i++) {
    if (!runClause(clauses[i]!, run.context, null)) return false;
  }
  return true;
}

/**
 * Reused between traced checks: one details record per clause position, filled by runClause and read back
 * right after, so a traced check allocates nothing per clause beyond what goes into the trace.
 */
const detailsPool: ClauseDetails[] = [];
const matchedPool: boolean[] = [];

function detailsAt(i: number): ClauseDetails {
  let details = detailsPool[i];
  if (details === undefined) {
    details = { policyValues: [], requestValues: null, reason: undefined };
    detailsPool[i] = details;
  }
  return details;
}

/** The element matches in order, without the groups the statement does not have. */
function packMatches(a: ElementMatch | undefined, b: ElementMatch | undefined, c: ElementMatch | undefined): ElementMatch[] {
  if (a !== undefined) {
    if (b !== undefined) return c !== undefined ? [a, b, c] : [a, b];
    return c !== undefined ? [a, c] : [a];
  }
  if (b !== undefined) return c !== undefined ? [b, c] : [b];
  return c !== undefined ? [c] : [];
}

/**
 * Traced check: evaluates every element and every condition (so the trace shows all of them),
 * pushes a statement.check and its condition.checks, and returns whether the statement applies.
 */
export function traceStatement(
  st: CompiledStatement,
  run: EvaluationRun,
  trace: TraceBuilder,
  stage: StageName,
  parentId: number,
  ref: TraceRef,
  conditionRefs: readonly TraceRef[],
): boolean {
  const actionLower = run.actionLower;
  // At most one match per element group; the array is built at its exact length once all are known.
  let actionMatch: ElementMatch | undefined;
  let resourceMatch: ElementMatch | undefined;
  let principalMatch: ElementMatch | undefined;
  let elementsMatch = true;
  const action = run.action;
  if (st.actions !== null) {
    const hit = firstActionMatch(st.actions, st.actionMatchers!, actionLower);
    if (hit === null) {
      elementsMatch = false;
      actionMatch = { element: 'Action', matched: false, value: action, reason: 'actionNotListed' };
    } else actionMatch = { element: 'Action', matched: true, value: action, pattern: hit };
  } else if (st.notActions !== null) {
    const hit = firstActionMatch(st.notActions, st.notActionMatchers!, actionLower);
    if (hit === null) actionMatch = { element: 'NotAction', matched: true, value: action };
    else {
      elementsMatch = false;
      actionMatch = { element: 'NotAction', matched: false, value: action, pattern: hit, reason: 'actionExcluded' };
    }
  }
  const arn = run.resource;
  if (st.resources !== null) {
    const scan = scanResources(st.resources, arn, run.context, st.version);
    if (scan.matched === null) {
      elementsMatch = false;
      const reason: MismatchReason = scan.sawUnresolved ? 'variableUnresolved' : 'resourceNotListed';
      resourceMatch = { element: 'Resource', matched: false, value: arn, reason };
    } else resourceMatch = { element: 'Resource', matched: true, value: arn, pattern: scan.matched };
  } else if (st.notResources !== null) {
    const scan = scanResources(st.notResources, arn, run.context, st.version);
    if (scan.matched === null) resourceMatch = { element: 'NotResource', matched: true, value: arn };
    else {
      elementsMatch = false;
      resourceMatch = { element: 'NotResource', matched: false, value: arn, pattern: scan.matched, reason: 'resourceExcluded' };
    }
  }
  if (st.principal !== null) {
    const hit = principalMatchPattern(st.principal, st.principalAccounts, run.caller);
    const value = run.caller.label;
    if (hit !== null) principalMatch = { element: 'Principal', matched: true, value, pattern: hit };
    else {
      elementsMatch = false;
      principalMatch = { element: 'Principal', matched: false, value, reason: 'principalNotListed' };
    }
  } else if (st.notPrincipal !== null) {
    const excludedBy = notPrincipalExcludes(st.notPrincipal, run.caller);
    const value = run.caller.label;
    if (excludedBy === null || (run.boundary && st.effect === 'Deny')) principalMatch = { element: 'NotPrincipal', matched: true, value };
    else {
      elementsMatch = false;
      principalMatch = { element: 'NotPrincipal', matched: false, value, pattern: excludedBy, reason: 'principalExcluded' };
    }
  }
  const matches = packMatches(actionMatch, resourceMatch, principalMatch);
  const clauses = st.clauses;
  const context = run.context;
  let conditionsMatch = true;
  for (let i = 0; i < clauses.length; i++) {
    const matched = runClause(clauses[i]!, context, detailsAt(i));
    matchedPool[i] = matched;
    if (!matched) conditionsMatch = false;
  }
  const applies = elementsMatch && conditionsMatch;
  const id = trace.statement(stage, parentId, ref, st.sid, st.effect, matches, clauses.length === 0 ? 'none' : conditionsMatch ? 'matched' : 'notMatched', applies);
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i]!.clause;
    const details = detailsPool[i]!;
    const matched = matchedPool[i]!;
    trace.condition(stage, id, conditionRefs[i]!, clause.operator, clause.key, details.policyValues, details.requestValues, matched, matched ? undefined : details.reason);
  }
  return applies;
}
