// Combines stage outcomes into the decision. Invariant: the decision only moves one way,
// allowed → implicitDeny → explicitDeny; nothing after a deny can bring an allow back.
// AWS: Policy evaluation logic, "The difference between explicit and implicit denies" and
// "How AWS enforcement code logic evaluates requests to allow or deny access"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html).
import type { Decision, StageOutcome } from './types';


/** What a stage's outcome does to the decision so far: a pass or "not applicable" leaves it as it is. */
export function outcomeDecision(outcome: StageOutcome): Decision {
  if (outcome === 'explicitDeny') return 'explicitDeny';
  if (outcome === 'implicitDeny') return 'implicitDeny';
  return 'allowed';
}

/**
 * The decision after one more stage. "allowed" here means "not denied so far": every stage
 * runs only while no deny was reached, and the stage that must grant (identity or resource)
 * reports implicitDeny when nothing grants, so a request nothing allows never ends as allowed.
 */
export function combine(current: Decision, outcome: StageOutcome): Decision {
  if (current === 'explicitDeny' || outcome === 'explicitDeny') return 'explicitDeny';
  if (current === 'implicitDeny' || outcome === 'implicitDeny') return 'implicitDeny';
  return 'allowed';
}

/** True once the decision can no longer change to allowed: evaluation may stop. */
export function isDenied(decision: Decision): boolean {
  return decision !== 'allowed';
}
