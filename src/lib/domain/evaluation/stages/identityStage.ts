// Stage 5, identity-based policies: the user's own and its groups' policies, or the role's. Without an
// applying Allow the request is implicitly denied, unless a resource-based grant to the role already
// covers it. The root user needs none in its own account (full access by default).
// AWS: Policy evaluation logic, "Identity-based policies"; "AWS account root user" ("complete access to
// all AWS services and resources in the account").
import type { StageOutcome } from '../types';
import type { Applied, EvaluationRun, LoadedPolicy } from './evaluationRun';
import { scanPolicies } from './evaluationRun';

export interface IdentityReport {
  readonly outcome: StageOutcome;
  readonly allows: readonly Applied[];
}

/**
 * `root`: the caller is the account's root user. `coveredByResource`: a resource-based policy in the same
 * account granted the role ARN, so the identity side need not allow.
 */
export function identityStage(
  run: EvaluationRun,
  policies: readonly LoadedPolicy[],
  ids: readonly string[],
  root: boolean,
  coveredByResource: boolean,
): IdentityReport {
  const trace = run.trace;
  const stageId = trace === null ? 0 : trace.enterStage('identity', ids);
  if (root) {
    trace?.stageResult('identity', stageId, 'allow', 'identity.rootFullAccess');
    return { outcome: 'allow', allows: [] };
  }
  const allows: Applied[] = [];
  scanPolicies(run, 'identity', stageId, policies, allows);
  if (allows.length > 0) {
    trace?.stageResult('identity', stageId, 'allow', 'identity.allows');
    return { outcome: 'allow', allows };
  }
  if (coveredByResource) {
    trace?.stageResult('identity', stageId, 'notApplicable', 'identity.notNeeded');
    return { outcome: 'notApplicable', allows };
  }
  trace?.stageResult('identity', stageId, 'implicitDeny', 'identity.noAllow');
  return { outcome: 'implicitDeny', allows };
}
