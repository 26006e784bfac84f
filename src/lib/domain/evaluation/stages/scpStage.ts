// Stage 3, service control policies: at every level of the organization (root, each OU, the account)
// some SCP must allow the action; a level without one denies implicitly. An SCP allow grants nothing
// by itself. AWS: Service control policies (SCPs), "SCP evaluation" / inheritance; Policy evaluation
// logic, "AWS Organizations SCPs".
import type { StageOutcome } from '../types';
import type { Applied, EvaluationRun, LoadedPolicy } from './evaluationRun';
import { scanPolicies } from './evaluationRun';

export interface ScpReport {
  readonly outcome: Extract<StageOutcome, 'allow' | 'implicitDeny'>;
  /** The first level without an allow. */
  readonly level?: string;
}

/** `levels`: the compiled SCPs of each level, root first, account last; `ids`: all of them, in that order. */
export function scpStage(run: EvaluationRun, levels: readonly { readonly id: string; readonly policies: readonly LoadedPolicy[] }[], ids: readonly string[]): ScpReport {
  const trace = run.trace;
  const stageId = trace === null ? 0 : trace.enterStage('scp', ids);
  const allows: Applied[] = [];
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    const before = allows.length;
    scanPolicies(run, 'scp', stageId, level.policies, allows);
    if (allows.length === before) {
      // Levels below one without an allow are not looked at: the request is already denied there.
      trace?.stageResult('scp', stageId, 'implicitDeny', 'scp.levelWithoutAllow', {
        level: level.id,
        skippedLevels: String(levels.length - i - 1),
      });
      return { outcome: 'implicitDeny', level: level.id };
    }
  }
  trace?.stageResult('scp', stageId, 'allow', 'scp.everyLevelAllows', { levels: String(levels.length) });
  return { outcome: 'allow' };
}
