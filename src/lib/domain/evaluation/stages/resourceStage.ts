// Stage 4, the resource-based policy (bucket policy, key policy, role trust policy...). Within one account
// its Allow can stand on its own, depending on whom it names: the user or the session itself (or everyone)
// → the grant stands even if identity policies, boundary and session policy allow nothing; the role ARN →
// still limited by the boundary and session policy; the account → the account's identity policies must
// allow too. Trust and KMS key policies must allow even within the account; across accounts, and for
// anonymous callers, services and identity providers, this stage must allow.
// AWS: Policy evaluation logic, "How AWS enforcement code logic evaluates requests" (Resource-based
// policies: IAM role / role session / IAM user / federated user); Cross-account policy evaluation logic;
// IAM JSON policy elements: Principal ("AWS account principals" delegate to the account's IAM policies).
import { principalMatchPattern } from '../../matching/matchPrincipal';
import type { Caller } from '../../matching/caller';
import type { StageOutcome } from '../types';
import type { StageBecause } from '../trace';
import type { Applied, EvaluationRun, LoadedPolicy } from './evaluationRun';
import { scanPolicies } from './evaluationRun';

/**
 * How the resource policy has to behave for this request.
 * - callerOnly: anonymous, service, web-identity or SAML caller: this policy alone decides.
 * - crossAccount: the resource is in another account: this policy must allow, and so must the identity side.
 * - required: a trust or KMS key policy in the caller's account: must allow; what it names decides the rest.
 * - sameAccount: any other resource policy in the caller's account: an allow here is one way in.
 */
export type ResourceMode = 'callerOnly' | 'crossAccount' | 'required' | 'sameAccount';

/** What the strongest applying Allow names: the caller itself, the caller's role, or the caller's account. */
export type GrantKind = 'direct' | 'role' | 'account';

export interface ResourceReport {
  readonly outcome: StageOutcome;
  readonly grant: GrantKind | null;
  readonly allows: readonly Applied[];
}

function grantKind(applied: Applied, caller: Caller): GrantKind {
  const block = applied.principal;
  // NotPrincipal in an Allow names everyone but the listed: as broad as "*".
  if (block === null) return 'direct';
  const pattern = principalMatchPattern(block, applied.principalAccounts, caller) ?? '';
  if (pattern === '*') return 'direct';
  // The account each entry names as a whole was worked out when the policy was compiled.
  const index = block.aws.indexOf(pattern);
  if (index >= 0 && applied.principalAccounts[index] !== null) return 'account';
  if (caller.kind === 'assumedRole' && pattern !== caller.arn) return 'role';
  return 'direct';
}

/** The stronger of two grants: naming the caller itself beats naming its role, which beats naming its account. */
function stronger(a: GrantKind | null, b: GrantKind): GrantKind {
  if (a === 'direct' || b === 'direct') return 'direct';
  if (a === 'role' || b === 'role') return 'role';
  return 'account';
}

export function resourceStage(run: EvaluationRun, policy: LoadedPolicy | null, mode: ResourceMode): ResourceReport {
  const trace = run.trace;
  const stageId = trace === null ? 0 : trace.enterStage('resource', policy === null ? [] : policy.ids);
  const allows: Applied[] = [];
  if (policy !== null) scanPolicies(run, 'resource', stageId, policy.self, allows);
  let grant: GrantKind | null = null;
  for (let i = 0; i < allows.length; i++) grant = stronger(grant, grantKind(allows[i]!, run.caller));
  let outcome: StageOutcome;
  let because: StageBecause;
  if (grant === null) {
    if (mode === 'sameAccount') {
      outcome = 'notApplicable';
      because = 'resource.noAllow';
    } else {
      outcome = 'implicitDeny';
      because = mode === 'callerOnly' ? 'resource.requiredForCaller' : mode === 'crossAccount' ? 'resource.crossAccountRequired' : 'resource.required';
    }
  } else {
    outcome = 'allow';
    if (mode === 'callerOnly' || mode === 'crossAccount') because = 'resource.allows';
    else because = grant === 'direct' ? 'resource.grantsDirectly' : grant === 'role' ? 'resource.grantsRole' : 'resource.grantsAccount';
  }
  if (trace !== null) trace.stageResult('resource', stageId, outcome, because, grant === null ? { mode } : { mode, grant });
  return { outcome, grant, allows };
}
