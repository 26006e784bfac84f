// The evaluation engine's entry: compiles the policies (cached), runs AWS's stages in AWS's order and
// returns the decision, the statements that decided it, an AWS-style message and the trace.
// Invariant: stages run only while nothing has denied (decide.ts); a stage that does not apply to this
// caller or this policy set is not entered. AWS: Policy evaluation logic, "How AWS enforcement code logic
// evaluates requests to allow or deny access" (order: deny evaluation, RCPs, SCPs, resource-based,
// identity-based, permissions boundaries, session policies), and Cross-account policy evaluation logic.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
import type { PolicyKind } from '../policy/types';
import { compiledPolicy } from './compiledPolicy';
import { combine, isDenied } from './decide';
import { denialMessage } from './denialMessage';
import { isKmsKeyRequest, isRoleTrustRequest, principalAccountOf, resourceAccountOf } from './requestKind';
import { boundaryStage } from './stages/boundaryStage';
import { denyEvaluation } from './stages/denyEvaluation';
import type { Applied, EvaluationRun, LoadedPolicy } from './stages/evaluationRun';
import { loadedPolicy, toDecisive } from './stages/evaluationRun';
import { identityStage } from './stages/identityStage';
import { rcpStage } from './stages/rcpStage';
import { resourceStage, type ResourceMode } from './stages/resourceStage';
import { scpStage } from './stages/scpStage';
import { sessionStage } from './stages/sessionStage';
import { TraceBuilder } from './trace';
import type { Decision, EvaluateOptions, EvaluationInput, EvaluationResult, PolicyInput, StageName } from './types';

type Malformed = Extract<EvaluationResult, { kind: 'malformed' }>;

interface LoadedEntry {
  readonly kind: PolicyKind;
  readonly document: PolicyInput['document'];
  readonly loaded: LoadedPolicy;
}

/**
 * Loaded policies by input object, so repeated evaluation of the same policy set allocates nothing here.
 * An entry is reused only for the same document, kind, stage and level (inputs are treated as immutable).
 */
const loadedByInput = new WeakMap<PolicyInput, LoadedEntry>();

/** Compiles one policy; a document with error diagnostics makes the whole evaluation a MalformedPolicyDocument. */
function load(input: PolicyInput, kind: PolicyKind, stage: StageName, level: string | undefined): LoadedPolicy | Malformed {
  const cached = loadedByInput.get(input);
  if (cached !== undefined && cached.kind === kind && cached.document === input.document && cached.loaded.stage === stage && cached.loaded.level === level) {
    return cached.loaded;
  }
  const entry = compiledPolicy(input.document, kind);
  if (!entry.ok) {
    const firstError = entry.diagnostics.find((d) => d.severity === 'error');
    return {
      kind: 'malformed',
      code: 'MalformedPolicyDocument',
      policyId: input.id,
      diagnostics: entry.diagnostics,
      message: firstError ? firstError.message : 'The policy document is malformed.',
    };
  }
  const loaded = loadedPolicy(input.id, input.label, level, stage, entry);
  loadedByInput.set(input, { kind, document: input.document, loaded });
  return loaded;
}

function isMalformed(x: LoadedPolicy | Malformed): x is Malformed {
  return 'kind' in x;
}

interface LoadedLevel {
  readonly id: string;
  readonly policies: LoadedPolicy[];
}

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
  const steps = trace === null ? [] : trace.steps;
  if (decision === 'allowed') return { kind: 'decision', decision, reasons, decisiveStage, trace: steps };
  const message = denialMessage(run.request, decision, messageStage, roleTrust);
  return { kind: 'decision', decision, reasons, decisiveStage, trace: steps, message };
}

/** Evaluates one request against its policies. `options.trace === false` skips building the trace. */
export function evaluate(input: EvaluationInput, options?: EvaluateOptions): EvaluationResult {
  const request = input.request;
  const policies = input.policies;
  const principal = request.principal;
  const pk = principal.kind;
  // Which policy types can apply to this caller at all (AWS: Policy types; SCPs affect only principals of
  // member accounts; callers outside any account have no identity policies, boundary or session).
  const inAccount = pk === 'root' || pk === 'user' || pk === 'assumedRole' || pk === 'federatedUser';
  const isIdentity = pk === 'user' || pk === 'assumedRole' || pk === 'federatedUser';
  const isSession = pk === 'assumedRole' || pk === 'federatedUser';
  const roleTrust = isRoleTrustRequest(request);

  // Compile everything first: AWS refuses a malformed policy before any evaluation.
  const rcpLevels: LoadedLevel[] = [];
  if (policies.rcps) {
    for (const level of policies.rcps) {
      const loaded: LoadedPolicy[] = [];
      for (const p of level.policies) {
        const l = load(p, 'rcp', 'rcp', level.id);
        if (isMalformed(l)) return l;
        loaded.push(l);
      }
      rcpLevels.push({ id: level.id, policies: loaded });
    }
  }
  const scpLevels: LoadedLevel[] = [];
  if (policies.scps) {
    for (const level of policies.scps) {
      const loaded: LoadedPolicy[] = [];
      for (const p of level.policies) {
        const l = load(p, 'scp', 'scp', level.id);
        if (isMalformed(l)) return l;
        loaded.push(l);
      }
      scpLevels.push({ id: level.id, policies: loaded });
    }
  }
  let resource: LoadedPolicy | null = null;
  if (policies.resource) {
    const l = load(policies.resource, roleTrust ? 'trust' : 'resource', 'resource', undefined);
    if (isMalformed(l)) return l;
    resource = l;
  }
  const identity: LoadedPolicy[] = [];
  for (const p of policies.identity) {
    const l = load(p, 'identity', 'identity', undefined);
    if (isMalformed(l)) return l;
    identity.push(l);
  }
  let boundary: LoadedPolicy | null = null;
  if (policies.permissionsBoundary) {
    const l = load(policies.permissionsBoundary, 'boundary', 'permissionsBoundary', undefined);
    if (isMalformed(l)) return l;
    boundary = l;
  }
  const session: LoadedPolicy[] = [];
  if (policies.session) {
    for (const p of policies.session) {
      const l = load(p, 'session', 'session', undefined);
      if (isMalformed(l)) return l;
      session.push(l);
    }
  }

  const scpApplies = inAccount && policies.scps !== undefined;
  const identityPolicies = isIdentity ? identity : [];
  const boundaryPolicy = isIdentity ? boundary : null;
  const sessionPolicies = isSession ? session : [];

  const run: EvaluationRun = { request, trace: options?.trace === false ? null : new TraceBuilder() };

  // 1. Deny evaluation over every policy that applies to this caller.
  const all: LoadedPolicy[] = [];
  for (const level of rcpLevels) for (const p of level.policies) all.push(p);
  if (scpApplies) for (const level of scpLevels) for (const p of level.policies) all.push(p);
  if (resource !== null) all.push(resource);
  for (const p of identityPolicies) all.push(p);
  if (boundaryPolicy !== null) all.push(boundaryPolicy);
  for (const p of sessionPolicies) all.push(p);
  const denies = denyEvaluation(run, all);
  if (denies.length > 0) return finish(run, 'explicitDeny', 'denyEvaluation', denies, denies[0]!.policy.stage, roleTrust);
  let decision: Decision = 'allowed';
  let last: StageName = 'denyEvaluation';

  // 2. RCPs (only a Deny can stop a request there, and none applied).
  if (policies.rcps !== undefined) {
    rcpStage(run, policies.rcps);
    last = 'rcp';
  }

  // 3. SCPs: every level must allow.
  if (scpApplies) {
    const scp = scpStage(run, scpLevels);
    decision = combine(decision, scp.outcome);
    if (isDenied(decision)) return finish(run, decision, 'scp', [], 'scp', roleTrust);
    last = 'scp';
  }

  // 4. The resource-based policy.
  const principalAccount = principalAccountOf(principal);
  const resourceAccount = resourceAccountOf(request);
  let mode: ResourceMode;
  if (!inAccount) mode = 'callerOnly';
  else if (principalAccount !== null && resourceAccount !== null && principalAccount !== resourceAccount) mode = 'crossAccount';
  else if (roleTrust || isKmsKeyRequest(request)) mode = 'required';
  else mode = 'sameAccount';
  const granted: Applied[] = [];
  let coveredByResource = false;
  if (resource !== null || mode !== 'sameAccount') {
    const res = resourceStage(run, resource, mode);
    decision = combine(decision, res.outcome);
    last = 'resource';
    if (isDenied(decision)) return finish(run, decision, 'resource', [], 'resource', roleTrust);
    for (const a of res.allows) granted.push(a);
    // The caller itself is named (or everyone is): identity policies, boundary and session policy cannot limit it.
    if (mode === 'callerOnly' || ((mode === 'sameAccount' || mode === 'required') && res.grant === 'direct')) {
      return finish(run, decision, last, granted, last, roleTrust);
    }
    coveredByResource = (mode === 'sameAccount' || mode === 'required') && res.grant === 'role';
  }

  // 5. Identity-based policies (the root user has full access in its own and, for its side, any account).
  const idr = identityStage(run, identityPolicies, pk === 'root', coveredByResource);
  decision = combine(decision, idr.outcome);
  last = 'identity';
  if (isDenied(decision)) return finish(run, decision, 'identity', [], 'identity', roleTrust);
  for (const a of idr.allows) granted.push(a);

  // 6. Permissions boundary.
  if (boundaryPolicy !== null) {
    const br = boundaryStage(run, boundaryPolicy);
    decision = combine(decision, br.outcome);
    last = 'permissionsBoundary';
    if (isDenied(decision)) return finish(run, decision, last, [], last, roleTrust);
    for (const a of br.allows) granted.push(a);
  }

  // 7. Session policies: role sessions with session policies, and every federated user session.
  if (sessionPolicies.length > 0 || pk === 'federatedUser') {
    const sr = sessionStage(run, sessionPolicies);
    decision = combine(decision, sr.outcome);
    last = 'session';
    if (isDenied(decision)) return finish(run, decision, last, [], last, roleTrust);
    for (const a of sr.allows) granted.push(a);
  }
  return finish(run, decision, last, granted, last, roleTrust);
}
