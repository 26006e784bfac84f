// Stage 2, resource control policies: every level must allow, but RCPFullAWSAccess (Allow * on *) is
// attached at every level and cannot be detached, so only a Deny can stop a request, and the deny
// stage has already looked for one. Invariant: this stage never denies by itself.
// AWS: Resource control policies (RCPs), "RCPFullAWSAccess"; Policy evaluation logic, "AWS Organizations RCPs".
import type { EvaluationRun } from './evaluationRun';

/** `ids`: every RCP of every level; `levelCount`: how many levels the organization path has. */
export function rcpStage(run: EvaluationRun, ids: readonly string[], levelCount: number): void {
  const trace = run.trace;
  if (trace === null) return;
  const stageId = trace.enterStage('rcp', ids);
  trace.stageResult('rcp', stageId, 'allow', 'rcp.fullAccessImplicit', { levels: String(levelCount) });
}
