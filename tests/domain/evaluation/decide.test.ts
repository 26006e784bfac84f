// The monotone combination of stage outcomes: allowed → implicitDeny → explicitDeny, never back.
// AWS: Policy evaluation logic, "The difference between explicit and implicit denies"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combine, isDenied, outcomeDecision } from '../../../src/lib/domain/evaluation/decide';
import type { Decision, StageOutcome } from '../../../src/lib/domain/evaluation/types';

const outcomes: StageOutcome[] = ['allow', 'implicitDeny', 'explicitDeny', 'notApplicable'];
const rank: Record<Decision, number> = { allowed: 0, implicitDeny: 1, explicitDeny: 2 };

describe('combine', () => {
  it.each([
    ['allowed', 'allow', 'allowed'],
    ['allowed', 'notApplicable', 'allowed'],
    ['allowed', 'implicitDeny', 'implicitDeny'],
    ['allowed', 'explicitDeny', 'explicitDeny'],
    ['implicitDeny', 'allow', 'implicitDeny'],
    ['implicitDeny', 'explicitDeny', 'explicitDeny'],
    ['explicitDeny', 'allow', 'explicitDeny'],
    ['explicitDeny', 'implicitDeny', 'explicitDeny'],
  ] as const)('%s + %s → %s', (current, outcome, expected) => {
    expect(combine(current, outcome)).toBe(expected);
  });

  it('never moves back toward allowed, whatever the sequence', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...outcomes), { maxLength: 12 }), (sequence) => {
        let decision: Decision = 'allowed';
        for (const outcome of sequence) {
          const next = combine(decision, outcome);
          expect(rank[next]).toBeGreaterThanOrEqual(rank[decision]);
          expect(rank[next]).toBeGreaterThanOrEqual(rank[outcomeDecision(outcome)]);
          decision = next;
        }
        expect(isDenied(decision)).toBe(sequence.some((o) => o === 'implicitDeny' || o === 'explicitDeny'));
      }),
    );
  });
});
