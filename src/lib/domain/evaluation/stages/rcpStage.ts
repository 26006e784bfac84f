// Stage 2, resource control policies: every level must allow, but RCPFullAWSAccess (Allow * on *) is
// attached at every level and cannot be detached, so only a Deny can stop a request, and the deny
// stage has already looked for one. Invariant: this stage never denies by itself.
// AWS: Resource control policies (RCPs), "RCPFullAWSAccess"; Policy evaluation logic, "AWS Organizations RCPs".
import type { OrgLevel } from '../types';
import type { EvaluationRun } from './evaluationRun';

export function rcpStage(run: EvaluationRun, levels: readonly OrgLevel[]): void {
  const trace = run.trace;
  if (trace === null) return;
  const ids: string[] = [];
  for (const level of levels) for (const p of level.policies) ids.push(p.id);
  const stageId = trace.enterStage('rcp', ids);
  trace.stageResult('rcp', stageId, 'allow', 'rcp.fullAccessImplicit', { levels: String(levels.length) });
}
