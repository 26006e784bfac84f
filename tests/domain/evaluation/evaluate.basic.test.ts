// Basic decisions: default deny, allow, explicit deny beats allow.
// AWS: Policy evaluation logic, "How AWS enforcement code logic evaluates requests to allow or deny access"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic_policy-eval-denyallow.html
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/lib/domain/evaluation/evaluate';
import { ALICE, enteredStages, input, policy, statement } from './support';

describe('evaluate: basics', () => {
  it('denies by default when no policy allows', () => {
    const r = evaluate(input(ALICE, {}));
    expect(r.kind).toBe('decision');
    if (r.kind !== 'decision') return;
    expect(r.decision).toBe('implicitDeny');
    expect(r.decisiveStage).toBe('identity');
    expect(r.reasons).toEqual([]);
    expect(r.message).toBe(
      'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k because no identity-based policy allows the s3:GetObject action',
    );
  });

  it('allows with an identity-based Allow and names the statement', () => {
    const r = evaluate(input(ALICE, { identity: [policy('p1', statement('Allow', 's3:Get*', 'arn:aws:s3:::b/*', { Sid: 'Read' }))] }));
    if (r.kind !== 'decision') throw new Error('malformed');
    expect(r.decision).toBe('allowed');
    expect(r.message).toBeUndefined();
    expect(r.reasons).toEqual([{ stage: 'identity', policyId: 'p1', statementIndex: 0, sid: 'Read', effect: 'Allow' }]);
    expect(enteredStages(r.trace)).toEqual(['denyEvaluation', 'identity']);
  });

  it('an explicit deny beats an allow', () => {
    const r = evaluate(input(ALICE, { identity: [policy('p1', statement('Allow', '*')), policy('p2', statement('Deny', 's3:GetObject'))] }));
    if (r.kind !== 'decision') throw new Error('malformed');
    expect(r.decision).toBe('explicitDeny');
    expect(r.decisiveStage).toBe('denyEvaluation');
    expect(r.reasons).toEqual([{ stage: 'identity', policyId: 'p2', statementIndex: 0, effect: 'Deny' }]);
    expect(r.message).toMatch(/with an explicit deny in an identity-based policy$/);
    expect(enteredStages(r.trace)).toEqual(['denyEvaluation']);
  });
});
