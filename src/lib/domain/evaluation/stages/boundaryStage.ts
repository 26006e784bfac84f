// Stage 6, the permissions boundary: the most an identity may do. It grants nothing; when it does not
// allow the action, the request is implicitly denied. AWS: Permissions boundaries for IAM entities,
// "Evaluating effective permissions with boundaries"; Policy evaluation logic, "IAM permissions boundaries".
import type { StageOutcome } from '../types';
import type { Applied, EvaluationRun, LoadedPolicy } from './evaluationRun';
import { scanPolicies } from './evaluationRun';

export interface BoundaryReport {
  readonly outcome: Extract<StageOutcome, 'allow' | 'implicitDeny'>;
  readonly allows: readonly Applied[];
}

export function boundaryStage(run: EvaluationRun, boundary: LoadedPolicy): BoundaryReport {
  const trace = run.trace;
  const stageId = trace === null ? 0 : trace.enterStage('permissionsBoundary', boundary.ids);
  const allows: Applied[] = [];
  scanPolicies(run, 'permissionsBoundary', stageId, boundary.self, allows);
  const outcome = allows.length > 0 ? 'allow' : 'implicitDeny';
  trace?.stageResult('permissionsBoundary', stageId, outcome, outcome === 'allow' ? 'boundary.allows' : 'boundary.noAllow');
  return { outcome, allows };
}
