// Stage 1, deny evaluation: looks for a Deny statement that applies in every policy that applies to the
// request (RCPs, SCPs, resource-based, identity-based, boundary, session). One is enough to deny.
// AWS: Policy evaluation logic, "How AWS enforcement code logic evaluates requests": Deny evaluation.
import type { Applied, EvaluationRun } from './evaluationRun';
import { scanStatements } from './evaluationRun';

/** Returns the Deny statements that apply (empty: no explicit deny, evaluation continues). */
/** `ids`: every policy that applies to the caller; `statements`: their Deny statements, in the same order. */
export function denyEvaluation(run: EvaluationRun, ids: readonly string[], statements: readonly Applied[]): Applied[] {
  const denies: Applied[] = [];
  const trace = run.trace;
  const stageId = trace === null ? 0 : trace.enterStage('denyEvaluation', ids);
  scanStatements(run, 'denyEvaluation', stageId, statements, denies);
  if (trace !== null) {
    if (denies.length > 0) trace.stageResult('denyEvaluation', stageId, 'explicitDeny', 'deny.found', { count: String(denies.length) });
    else trace.stageResult('denyEvaluation', stageId, 'allow', 'deny.none');
  }
  return denies;
}
