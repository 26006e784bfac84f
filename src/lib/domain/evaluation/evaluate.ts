// The evaluation engine's entry: prepares the policies (compiled once, cached), runs AWS's stages in
// AWS's order and returns the decision, the statements that decided it, an AWS-style message and the trace.
// Invariant: stages run only while nothing has denied (decide.ts); a stage that does not apply to this
// caller or this policy set is not entered. AWS: Policy evaluation logic, "How AWS enforcement code logic
// evaluates requests to allow or deny access" (order: deny evaluation, RCPs, SCPs, resource-based,
// identity-based, permissions boundaries, session policies), and Cross-account policy evaluation logic.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
import { combine, isDenied } from './decide';
import { callerOf } from '../matching/caller';
import { denialMessageFor } from './denialMessage';
import { denyIdsFor, denyStatementsFor, preparedPolicies } from './preparedPolicies';
import { isKmsKeyRequest, isRoleTrustRequest, resourceAccountOf } from './requestKind';
import { boundaryStage } from './stages/boundaryStage';
import { denyEvaluation } from './stages/denyEvaluation';
import type { Applied, EvaluationRun } from './stages/evaluationRun';
import { toDecisive } from './stages/evaluationRun';
import { identityStage } from './stages/identityStage';
import { rcpStage } from './stages/rcpStage';
import { resourceStage, type ResourceMode } from './stages/resourceStage';
import { scpStage } from './stages/scpStage';
import { sessionStage } from './stages/sessionStage';
import { TraceBuilder } from './trace';
import type { Decision, EvaluateOptions, EvaluationInput, EvaluationResult, StageName } from './types';

// Shared by every result without a trace and every stage without policies, so frozen: nobody can fill it.
const noPolicies: readonly never[] = Object.freeze([]);

/** Builds the result and, with trace on, the final decision step. */
function finish(
  run: EvaluationRun,
  decision: Decision,
  decisiveStage: StageName | null,
  decisive: readonly Applied[],
  messageStage: StageName,
  roleTrust: boolean,
): EvaluationResult {
  const reasons = decisive.map(toDecisive);
  const trace = run.trace;
  trace?.decision(decision, reasons);
  const steps = trace === null ? noPolicies : trace.steps;
  if (decision === 'allowed') return { kind: 'decision', decision, reasons, decisiveStage, trace: steps };
  const message = denialMessageFor(run.caller.label, run.request, decision, messageStage, roleTrust);
  return { kind: 'decision', decision, reasons, decisiveStage, trace: steps, message };
}

/** Evaluates one request against its policies. `options.trace === false` skips building the trace. */
export function evaluate(input: EvaluationInput, options?: EvaluateOptions): EvaluationResult {
  const request = input.request;
  const action = request.action;
  const actionLower = action.toLowerCase();
  const roleTrust = isRoleTrustRequest(request, actionLower);
  // AWS refuses a malformed policy before any evaluation.
  const prepared = preparedPolicies(input.policies, roleTrust);
  if (prepared.kind === 'malformed') return prepared;

  const who = callerOf(request.principal);
  const caller = who.callerClass;
  const hasIdentity = caller === 'user' || caller === 'session';
  const run: EvaluationRun = {
    request,
    caller: who,
    action,
    actionLower,
    resource: request.resource,
    context: request.context,
    trace: options?.trace === false ? null : new TraceBuilder(),
    boundary: hasIdentity && prepared.boundary !== null,
  };

  // 1. Deny evaluation over every policy that applies to this caller.
  const denies = denyEvaluation(run, denyIdsFor(prepared, caller), denyStatementsFor(prepared, caller));
  if (denies.length > 0) return finish(run, 'explicitDeny', 'denyEvaluation', denies, denies[0]!.policy.stage, roleTrust);
  let decision: Decision = 'allowed';
  let last: StageName = 'denyEvaluation';

  // 2. RCPs (only a Deny can stop a request there, and none applied).
  if (prepared.rcpLevels !== null) {
    rcpStage(run, prepared.rcpIds, prepared.rcpLevels.length);
    last = 'rcp';
  }

  // 3. SCPs: every level must allow. They bind principals of member accounts only.
  if (prepared.scpLevels !== null && caller !== 'outside') {
    const scp = scpStage(run, prepared.scpLevels, prepared.scpIds);
    decision = combine(decision, scp.outcome);
    if (isDenied(decision)) return finish(run, decision, 'scp', noPolicies, 'scp', roleTrust);
    last = 'scp';
  }

  // 4. The resource-based policy.
  let mode: ResourceMode;
  if (caller === 'outside') mode = 'callerOnly';
  else {
    const principalAccount = who.accountId;
    const resourceAccount = resourceAccountOf(request);
    if (principalAccount !== null && resourceAccount !== null && principalAccount !== resourceAccount) mode = 'crossAccount';
    else if (roleTrust || isKmsKeyRequest(request, actionLower)) mode = 'required';
    else mode = 'sameAccount';
  }
  const granted: Applied[] = [];
  let coveredByResource = false;
  if (prepared.resource !== null || mode !== 'sameAccount') {
    const res = resourceStage(run, prepared.resource, mode);
    decision = combine(decision, res.outcome);
    last = 'resource';
    if (isDenied(decision)) return finish(run, decision, 'resource', noPolicies, 'resource', roleTrust);
    for (const a of res.allows) granted.push(a);
    // The caller itself is named (or everyone is): identity policies, boundary and session policy cannot limit it.
    if (mode === 'callerOnly' || ((mode === 'sameAccount' || mode === 'required') && res.grant === 'direct')) {
      return finish(run, decision, last, granted, last, roleTrust);
    }
    coveredByResource = (mode === 'sameAccount' || mode === 'required') && res.grant === 'role';
  }

  // 5. Identity-based policies (the root user has full access on its own side).
  const idr = identityStage(
    run,
    hasIdentity ? prepared.identity : noPolicies,
    hasIdentity ? prepared.identityIds : noPolicies,
    caller === 'root',
    coveredByResource,
  );
  decision = combine(decision, idr.outcome);
  last = 'identity';
  if (isDenied(decision)) return finish(run, decision, 'identity', noPolicies, 'identity', roleTrust);
  for (const a of idr.allows) granted.push(a);

  // 6. Permissions boundary.
  if (hasIdentity && prepared.boundary !== null) {
    const br = boundaryStage(run, prepared.boundary);
    decision = combine(decision, br.outcome);
    last = 'permissionsBoundary';
    if (isDenied(decision)) return finish(run, decision, last, noPolicies, last, roleTrust);
    for (const a of br.allows) granted.push(a);
  }

  // 7. Session policies: role sessions with session policies, and every federated user session.
  if (caller === 'session' && (prepared.session.length > 0 || who.kind === 'federatedUser')) {
    const sr = sessionStage(run, prepared.session, prepared.sessionIds);
    decision = combine(decision, sr.outcome);
    last = 'session';
    if (isDenied(decision)) return finish(run, decision, last, noPolicies, last, roleTrust);
    for (const a of sr.allows) granted.push(a);
  }
  return finish(run, decision, last, granted, last, roleTrust);
}
