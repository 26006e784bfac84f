// Decides whether one statement applies to a request: Action/NotAction, Resource/NotResource,
// Principal/NotPrincipal, then every condition (AND). Invariant: the fast check and the traced check
// reach the same answer; the traced one also records each element's match and each condition.
// AWS: Policy evaluation logic, "Determining whether a request is allowed or denied within an account";
// IAM JSON policy elements: Action, NotAction, Resource, NotResource, Principal, NotPrincipal, Condition.
import { matchCompiled } from '../matching/wildcard';
import { matchResourceCompiled, matchResourceEscaped } from '../matching/matchResource';
import { principalMatchPattern } from '../matching/matchPrincipal';
import { substituteVariables } from '../matching/policyVariables';
import { runClause, type ClauseDetails } from '../conditions/evaluateCondition';
import { notPrincipalExcludes } from './notPrincipalExcludes';
import type { ResourcePattern } from './compiledPolicy';
import type { TraceBuilder } from './trace';
import { ELEMENT_NONE, ELEMENT_POSITIVE } from './elementUse';
import type { Applied, EvaluationRun } from './stages/evaluationRun';
import type { ElementMatch, MismatchReason, RequestContext, StageName } from './types';

/**
 * The first Action/NotAction pattern that covers the action, or null. `actionLower` is the request's action
 * lower-cased once per evaluation; the matchers were compiled case-insensitively (the same rule as matchAction).
 */
function firstActionMatch(st: Applied, actionLower: string): string | null {
  if (matchCompiled(st.action0!, actionLower)) return st.action0Pattern;
  const matchers = st.actionMatchers;
  for (let i = 1; i < matchers.length; i++) {
    if (matchCompiled(matchers[i]!, actionLower)) return st.actionPatterns[i]!;
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
 * Scans Resource/NotResource patterns for one that covers the ARN. A pattern whose variable has no value
 * matches nothing, so in NotResource it excludes nothing, the way AWS says inverted operators "do match
 * against a null value" (AWS: Policy variables, "Policy variables with no value"). Writes into a shared
 * scratch object so the hot path allocates nothing; callers read it before the next scan.
 */
function scanResources(st: Applied, arn: string, context: RequestContext): ResourceScan {
  scratch.matched = null;
  scratch.sawUnresolved = false;
  let from = 0;
  const first = st.resource0;
  if (first !== null) {
    if (matchResourceCompiled(first, arn)) {
      scratch.matched = st.resource0Text;
      return scratch;
    }
    from = 1;
  }
  const patterns = st.resourcePatterns;
  for (let i = from; i < patterns.length; i++) {
    const p = patterns[i] as ResourcePattern;
    if (p.compiled !== null) {
      if (matchResourceCompiled(p.compiled, arn)) {
        scratch.matched = p.text;
        return scratch;
      }
      continue;
    }
    const sub = substituteVariables(p.text, context, st.version);
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
export function statementApplies(st: Applied, run: EvaluationRun): boolean {
  const actionUse = st.actionUse;
  if (actionUse !== ELEMENT_NONE && (firstActionMatch(st, run.actionLower) === null) === (actionUse === ELEMENT_POSITIVE)) return false;
  const resourceUse = st.resourceUse;
  if (resourceUse !== ELEMENT_NONE && (scanResources(st, run.resource, run.context).matched === null) === (resourceUse === ELEMENT_POSITIVE)) {
    return false;
  }
  if (st.principal !== null) {
    if (principalMatchPattern(st.principal, st.principalAccounts, run.caller) === null) return false;
  } else if (st.notPrincipal !== null && notPrincipalExcludes(st.notPrincipal, run.caller) !== null && !(run.boundary && st.effect === 'Deny')) {
    return false;
  }
  const count = st.clauseCount;
  if (count === 0) return true;
  if (!runClause(st.clause0!, run.context, null)) return false;
  for (let i = 1; i < count; i++) {
    if (!runClause(st.clauses[i]!, run.context, null)) return false;
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

/** The Action/NotAction match of a traced check (undefined when the statement has neither). */
function actionElement(st: Applied, run: EvaluationRun): ElementMatch | undefined {
  const actionUse = st.actionUse;
  if (actionUse === ELEMENT_NONE) return undefined;
  const action = run.action;
  if (st.memoAction === action) return st.memoActionMatch;
  const hit = firstActionMatch(st, run.actionLower);
  let match: ElementMatch;
  if (actionUse === ELEMENT_POSITIVE) {
    match = hit === null ? { element: 'Action', matched: false, value: action, reason: 'actionNotListed' } : { element: 'Action', matched: true, value: action, pattern: hit };
  } else {
    match = hit === null ? { element: 'NotAction', matched: true, value: action } : { element: 'NotAction', matched: false, value: action, pattern: hit, reason: 'actionExcluded' };
  }
  st.memoAction = action;
  st.memoActionMatch = match;
  st.memoActionOk = match.matched;
  st.memoStale = true;
  return match;
}

/** The Resource/NotResource match of a traced check (undefined when the statement has neither). */
function resourceElement(st: Applied, run: EvaluationRun): ElementMatch | undefined {
  const resourceUse = st.resourceUse;
  if (resourceUse === ELEMENT_NONE) return undefined;
  const arn = run.resource;
  // Patterns with policy variables depend on the request context too: those matches are not remembered.
  if (st.resourceFixed && st.memoArn === arn) return st.memoResourceMatch;
  const scan = scanResources(st, arn, run.context);
  let match: ElementMatch;
  if (resourceUse === ELEMENT_POSITIVE) {
    if (scan.matched === null) {
      const reason: MismatchReason = scan.sawUnresolved ? 'variableUnresolved' : 'resourceNotListed';
      match = { element: 'Resource', matched: false, value: arn, reason };
    } else match = { element: 'Resource', matched: true, value: arn, pattern: scan.matched };
  } else {
    match = scan.matched === null ? { element: 'NotResource', matched: true, value: arn } : { element: 'NotResource', matched: false, value: arn, pattern: scan.matched, reason: 'resourceExcluded' };
  }
  if (st.resourceFixed) {
    st.memoArn = arn;
    st.memoResourceMatch = match;
  }
  st.memoResourceOk = match.matched;
  st.memoStale = true;
  return match;
}

/** The Principal/NotPrincipal match of a traced check (undefined when the statement has neither). */
function principalElement(st: Applied, run: EvaluationRun): ElementMatch | undefined {
  if (st.principal === null && st.notPrincipal === null) return undefined;
  const principal = run.request.principal;
  if (st.memoPrincipal === principal && st.memoBoundary === run.boundary) return st.memoPrincipalMatch;
  const value = run.caller.label;
  let match: ElementMatch;
  if (st.principal !== null) {
    const hit = principalMatchPattern(st.principal, st.principalAccounts, run.caller);
    match = hit !== null ? { element: 'Principal', matched: true, value, pattern: hit } : { element: 'Principal', matched: false, value, reason: 'principalNotListed' };
  } else {
    const excludedBy = notPrincipalExcludes(st.notPrincipal!, run.caller);
    match =
      excludedBy === null || (run.boundary && st.effect === 'Deny')
        ? { element: 'NotPrincipal', matched: true, value }
        : { element: 'NotPrincipal', matched: false, value, pattern: excludedBy, reason: 'principalExcluded' };
  }
  st.memoPrincipal = principal;
  st.memoBoundary = run.boundary;
  st.memoPrincipalMatch = match;
  st.memoPrincipalOk = match.matched;
  st.memoStale = true;
  return match;
}

/**
 * Traced check: evaluates every element and every condition (so the trace shows all of them),
 * pushes a statement.check and its condition.checks, and returns whether the statement applies.
 */
export function traceStatement(st: Applied, run: EvaluationRun, trace: TraceBuilder, stage: StageName, parentId: number): boolean {
  const actionMatch = actionElement(st, run);
  const resourceMatch = resourceElement(st, run);
  const principalMatch = principalElement(st, run);
  // Each element's `matched`, read from the statement (memo*Ok) rather than from the match objects.
  const elementsMatch =
    (actionMatch === undefined || st.memoActionOk) && (resourceMatch === undefined || st.memoResourceOk) && (principalMatch === undefined || st.memoPrincipalOk);
  // No part built anew (the usual case when a request is evaluated again): the same array as last time.
  let matches = st.memoMatches;
  if (matches === null || st.memoStale) {
    matches = packMatches(actionMatch, resourceMatch, principalMatch);
    st.memoMatches = matches;
    st.memoStale = false;
  }
  const count = st.clauseCount;
  const context = run.context;
  let conditionsMatch = true;
  for (let i = 0; i < count; i++) {
    const matched = runClause(i === 0 ? st.clause0! : st.clauses[i]!, context, detailsAt(i));
    matchedPool[i] = matched;
    if (!matched) conditionsMatch = false;
  }
  const applies = elementsMatch && conditionsMatch;
  const id = trace.statement(stage, parentId, st.ref, st.sid, st.effect, matches, count === 0 ? 'none' : conditionsMatch ? 'matched' : 'notMatched', applies);
  for (let i = 0; i < count; i++) {
    const cc = i === 0 ? st.clause0! : st.clauses[i]!;
    const details = detailsPool[i]!;
    const matched = matchedPool[i]!;
    const ref = i === 0 ? st.conditionRef0! : st.conditionRefs[i]!;
    trace.condition(stage, id, ref, cc.operator, cc.key, details.policyValues, details.requestValues, matched, matched ? undefined : details.reason);
  }
  return applies;
}
