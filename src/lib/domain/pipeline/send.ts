// The one entry point of the simulated world: authenticate → authorize → process, returning a
// serializable record of each step and the next world.
// Invariant: a request that fails authentication, is denied, or fails while processing returns the
// very same world object it was given; only a successful request yields a new world.
// AWS: IAM User Guide "Understanding how IAM works" (principal, request, authentication,
// authorization, actions, resources) and "Policy evaluation logic".
import { evaluate } from '../evaluation/evaluate';
import type { Decision, EvaluationResult } from '../evaluation/types';
import type { Json } from '../policy/types';
import { findOperation } from '../operations/operationTable';
import { OperationError } from '../operations/operationError';
import type { AuthorizationTarget, OperationSpec, PlanContext, RunContext } from '../operations/types';
import { draftOf, sealWorld } from '../world/draft';
import { newHex } from '../world/ids';
import type { World } from '../world/types';
import { authenticate } from './authenticate';
import { gatherPolicies } from './gatherPolicies';
import { serviceOf } from './httpRequest';
import { requestContextFor } from './requestContext';
import type {
  ApiError,
  ApiRequest,
  ApiResponse,
  AuthenticatedPrincipal,
  AuthenticationOutcome,
  AuthorizationCheck,
  AuthorizationOutcome,
  Change,
  RequestRecord,
  SendDeps,
} from './types';

export interface SendResult {
  readonly record: RequestRecord;
  readonly world: World;
}

function errorResponse(e: ApiError): ApiResponse {
  return { ok: false, code: e.code, message: e.message, httpStatus: e.httpStatus };
}

function asApiError(e: unknown): ApiError {
  if (e instanceof OperationError) return e.error;
  return { code: 'InternalFailure', message: e instanceof Error ? e.message : 'The request processing has failed because of an unknown error.', httpStatus: 500 };
}

function principalArn(caller: AuthenticatedPrincipal): string {
  const p = caller.principal;
  return 'arn' in p ? p.arn : 'anonymous';
}

/** AWS: GetSessionToken credentials without MFA cannot call IAM; with any, STS only AssumeRole/GetCallerIdentity. */
function sessionTokenRestriction(world: World, caller: AuthenticatedPrincipal, operation: string): ApiError | undefined {
  const session = caller.accessKeyId ? world.sessions[caller.accessKeyId] : undefined;
  if (!session || session.issuedBy !== 'GetSessionToken') return undefined;
  const service = serviceOf(operation);
  if (service === 'iam' && !session.mfaAuthenticatedAt) {
    return { code: 'AccessDenied', message: 'Credentials from GetSessionToken can call IAM only when MFA information was included in the GetSessionToken request.', httpStatus: 403 };
  }
  if (service === 'sts' && operation !== 'sts:AssumeRole' && operation !== 'sts:GetCallerIdentity') {
    return { code: 'AccessDenied', message: 'Credentials from GetSessionToken can call only AssumeRole and GetCallerIdentity in STS.', httpStatus: 403 };
  }
  return undefined;
}

function denialMessage(spec: OperationSpec, check: AuthorizationCheck): string {
  const base = check.result.kind === 'decision' ? (check.result.message ?? 'Access Denied') : check.result.message;
  return spec.accessDeniedCode === 'UnauthorizedOperation' ? `You are not authorized to perform this operation. ${base}` : base;
}

function combine(checks: readonly AuthorizationCheck[]): Decision {
  let decision: Decision = 'allowed';
  for (const c of checks) {
    const d: Decision = c.result.kind === 'decision' ? c.result.decision : 'implicitDeny';
    if (d === 'explicitDeny') return 'explicitDeny';
    if (d === 'implicitDeny') decision = 'implicitDeny';
  }
  return decision;
}

function authorizeTarget(world: World, request: ApiRequest, caller: AuthenticatedPrincipal, target: AuthorizationTarget): AuthorizationCheck {
  // AWS lets the resource owner's root user recover from a lock-out bucket policy (S3 bucket-policy operations).
  const ownerRoot = target.ownerRootBypass === true && caller.principalType === 'Account' && caller.accountId === target.resourceAccount;
  const { set, gathered } = gatherPolicies(world, caller, target, ownerRoot);
  const context = requestContextFor(world, request, caller, target);
  const principal = target.principalOverride ?? caller.principal;
  const result: EvaluationResult = evaluate({
    request: { principal, action: target.action, resource: target.resource, ...(target.resourceAccount ? { resourceAccount: target.resourceAccount } : {}), context },
    policies: set,
  });
  return {
    action: target.action,
    resource: target.resource,
    ...(target.resourceAccount ? { resourceAccount: target.resourceAccount } : {}),
    context,
    policies: gathered,
    result,
  };
}

/** Marks the credentials used by a successful request (IAM's "last used" information). */
function recordUsage(draft: RunContext['draft'], caller: AuthenticatedPrincipal, request: ApiRequest, now: string): void {
  const service = serviceOf(request.operation);
  const region = request.region ?? 'us-east-1';
  const account = caller.accountId ? draft.accounts[caller.accountId] : undefined;
  if (!account) return;
  const device = caller.mfaUsed ? account.mfaDevices[caller.mfaUsed.serialNumber] : undefined;
  if (device && caller.mfaUsed) device.lastUsedStep = caller.mfaUsed.timeStep;
  const id = caller.accessKeyId;
  if (!id) return;
  for (const owner of [account.root, ...Object.values(account.users)]) {
    const key = owner.accessKeys.find((k) => k.accessKeyId === id);
    if (key) key.lastUsed = { at: now, service, region };
  }
  if (caller.roleName) {
    const role = account.roles[caller.roleName];
    if (role) role.lastUsed = { at: now, region };
  }
}

/**
 * Sends `request` into `world`. Async because SigV4 and password checks use Web Crypto.
 * The returned record is plain JSON; the returned world is `world` itself unless the request succeeded.
 */
export async function send(world: World, request: ApiRequest, deps: SendDeps): Promise<SendResult> {
  const id = `req-${newHex(deps.ids, 16)}`;
  const at = world.clock;
  const spec = findOperation(request.operation);
  let authentication: AuthenticationOutcome;
  try {
    authentication = await authenticate(world, request, deps, spec);
  } catch (e) {
    // Credentials from outside (a stored lab, a share link) can be malformed: answer, never reject.
    authentication = { ok: false, steps: [], error: asApiError(e) };
  }
  const base = { id, at, request, authentication };
  const finish = (extra: Partial<RequestRecord> & { response: ApiResponse }, next: World = world): SendResult => ({
    record: { ...base, ...extra },
    world: next,
  });

  if (!authentication.ok || !authentication.principal) {
    return finish({ response: errorResponse(authentication.error ?? { code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', httpStatus: 403 }) });
  }
  const caller = authentication.principal;
  if (!spec) {
    return finish({ response: errorResponse({ code: 'InvalidAction', message: `The action ${request.operation} is not valid for this web service.`, httpStatus: 400 }) });
  }
  const crudOnly = { operation: spec.name, crud: spec.crud, changes: [] as Change[] };

  // Root-only tasks are refused before any policy is read: no policy can grant them to anyone else.
  const task = spec.rootOnlyTask?.(request.params);
  if (task && caller.principalType !== 'Account') {
    const reason = `"${task}" is a task that only the root user can do. ${principalArn(caller)} is not the root user, so no policy (not even AdministratorAccess) can allow it: sign in as the root user of the account.`;
    return finish({
      rootOnly: true,
      authorization: { decision: 'implicitDeny', checks: [], rootOnly: { task, reason } },
      processing: crudOnly,
      response: errorResponse({ code: 'AccessDenied', message: reason, httpStatus: 403 }),
    });
  }
  const rootOnly = task ? { rootOnly: true } : {};

  const restriction = sessionTokenRestriction(world, caller, spec.name);
  if (restriction) return finish({ ...rootOnly, processing: crudOnly, response: errorResponse(restriction) });

  const region = request.region ?? 'us-east-1';
  const callerAccount = caller.accountId ? world.accounts[caller.accountId] : undefined;
  const planCtx: PlanContext = { world, deps, caller, ...(callerAccount ? { callerAccount } : {}), params: request.params, request, region, now: world.clock };

  let targets: readonly AuthorizationTarget[];
  try {
    targets = await spec.plan(planCtx);
  } catch (e) {
    return finish({ ...rootOnly, processing: crudOnly, response: errorResponse(asApiError(e)) });
  }

  const checks: AuthorizationCheck[] = [];
  for (const target of targets) {
    const check = authorizeTarget(world, request, caller, target);
    checks.push(check);
    if (check.result.kind === 'malformed' || check.result.decision !== 'allowed') break;
  }
  const authorization: AuthorizationOutcome = { decision: combine(checks), checks };
  const refused = checks.find((c) => c.result.kind === 'malformed' || c.result.decision !== 'allowed');
  if (refused) {
    const response =
      refused.result.kind === 'malformed'
        ? errorResponse({ code: 'MalformedPolicyDocument', message: refused.result.message, httpStatus: 400 })
        : errorResponse({ code: spec.accessDeniedCode, message: denialMessage(spec, refused), httpStatus: spec.accessDeniedCode === 'AccessDeniedException' ? 400 : 403 });
    return finish({ ...rootOnly, authorization, processing: crudOnly, response });
  }

  const draft = draftOf(world);
  const changes: Change[] = [];
  const runCtx: RunContext = { ...planCtx, draft, changes };
  let result: Json;
  try {
    result = await spec.run(runCtx);
  } catch (e) {
    return finish({ ...rootOnly, authorization, processing: crudOnly, response: errorResponse(asApiError(e)) });
  }
  recordUsage(draft, caller, request, world.clock);
  return finish(
    { ...rootOnly, authorization, processing: { operation: spec.name, crud: spec.crud, changes }, response: { ok: true, result } },
    sealWorld(draft),
  );
}
