// Stage 7, session policies: passed when a role session or a federated user session was created. They
// grant nothing; an action none of them allows is implicitly denied. A federated user session
// (GetFederationToken) created without any session policy has no permissions on the identity side.
// AWS: Policy types, "Session policies"; Policy evaluation logic, "Session policies"; AWS STS API
// reference, GetFederationToken ("if you do not pass any session policies, then the resulting federated
// user session has no permissions").
import type { StageOutcome } from '../types';
import type { Applied, EvaluationRun, LoadedPolicy } from './evaluationRun';
import { scanPolicies } from './evaluationRun';

export interface SessionReport {
  readonly outcome: Extract<StageOutcome, 'allow' | 'implicitDeny'>;
  readonly allows: readonly Applied[];
}

export function sessionStage(run: EvaluationRun, policies: readonly LoadedPolicy[], ids: readonly string[]): SessionReport {
  const trace = run.trace;
  const stageId = trace === null ? 0 : trace.enterStage('session', ids);
  const allows: Applied[] = [];
  if (policies.length === 0) {
    trace?.stageResult('session', stageId, 'implicitDeny', 'session.federatedWithoutPolicy');
    return { outcome: 'implicitDeny', allows };
  }
  scanPolicies(run, 'session', stageId, policies, allows);
  const outcome = allows.length > 0 ? 'allow' : 'implicitDeny';
  trace?.stageResult('session', stageId, outcome, outcome === 'allow' ? 'session.allows' : 'session.noAllow');
  return { outcome, allows };
}
