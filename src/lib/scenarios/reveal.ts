// What a played request turned out to be, for the reveal after a prediction: the decision and the
// policy that decided it. Invariant: read from the record's own authorization checks, never recomputed.
import type { Decision, StageName } from '../domain/evaluation/types';
import type { RequestRecord } from '../domain/pipeline/types';
import type { PolicyChoice, Prediction } from './types';

export interface Reveal {
  /** null when the request never reached authorization (failed authentication). */
  readonly decision: Decision | null;
  /** Label of the policy whose statement decided, if one did. */
  readonly policyLabel?: string;
  /** The evaluation stage that settled the decision. */
  readonly stage?: StageName;
}

export function revealOf(record: RequestRecord): Reveal {
  const auth = record.authorization;
  if (!auth) return { decision: null };
  const check = auth.checks.find((c) => c.result.kind === 'decision' && c.result.decision !== 'allowed') ?? auth.checks.at(-1);
  if (!check || check.result.kind !== 'decision') return { decision: auth.decision };
  const reason = check.result.reasons[0];
  const policy = reason ? check.policies.find((p) => p.id === reason.policyId) : undefined;
  return { decision: auth.decision, ...(policy ? { policyLabel: policy.label } : {}), ...(check.result.decisiveStage ? { stage: check.result.decisiveStage } : {}) };
}

/**
 * The choice that names what decided: the policy whose statement decided, else (an implicit deny) the stage
 * that found nothing to allow, else the choice that names neither ("no policy allows it").
 */
export function decidingChoice(choices: readonly PolicyChoice[], reveal: Reveal): PolicyChoice | undefined {
  const label = reveal.policyLabel;
  if (label) return choices.find((c) => c.policyLabel !== undefined && label.includes(c.policyLabel));
  return choices.find((c) => c.stage !== undefined && c.stage === reveal.stage) ?? choices.find((c) => c.policyLabel === undefined && c.stage === undefined);
}

export interface PredictionVerdict {
  readonly decisionRight: boolean;
  /** undefined when the step asks nothing about the policy. */
  readonly policyRight?: boolean;
}

export function judgePrediction(prediction: Prediction, reveal: Reveal, choices?: readonly PolicyChoice[]): PredictionVerdict {
  const decisionRight = prediction.decision === reveal.decision;
  if (!choices?.length) return { decisionRight };
  return { decisionRight, policyRight: decidingChoice(choices, reveal)?.id === prediction.policy };
}
