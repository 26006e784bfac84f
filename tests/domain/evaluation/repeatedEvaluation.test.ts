// Evaluating one policy set again and again, for different requests, gives exactly the traces that a fresh
// copy of the set gives. The engine keeps per-statement state between calls (compiled statements, and the
// element matches of the last request values seen, handed on when they repeat): none of it may leak from one
// request into the trace or decision of another. Also: the shared match objects are never the only thing
// that differs, so a request that differs in action, resource, principal or context gets its own matches.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/lib/domain/evaluation/evaluate';
import type { EvaluationInput, PolicySet } from '../../../src/lib/domain/evaluation/types';
import { evaluationInput } from '../../support/generators';

const accepted = evaluationInput.filter((input) => evaluate(input, { trace: false }).kind === 'decision');

/** A deep copy: new document objects, so the engine compiles and loads them afresh (no state carried over). */
function fresh(policies: PolicySet): PolicySet {
  return structuredClone(policies);
}

describe('repeated evaluation of one policy set', () => {
  it('gives every request the trace a fresh copy of the policies gives it', () => {
    fc.assert(
      fc.property(accepted, fc.array(accepted, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(6), { minLength: 4, maxLength: 16 }), (base, others, order) => {
        // Several requests (from other generated cases) against the base case's policies, in a random order with repeats.
        const requests = [base.request, ...others.map((o) => o.request)];
        for (const pick of order) {
          const request = requests[pick % requests.length]!;
          const shared: EvaluationInput = { request, policies: base.policies };
          const reused = evaluate(shared);
          const baseline = evaluate({ request, policies: fresh(base.policies) });
          expect(JSON.stringify(reused)).toBe(JSON.stringify(baseline));
          const lean = evaluate(shared, { trace: false });
          expect(lean.kind === 'decision' ? lean.decision : lean.kind).toBe(reused.kind === 'decision' ? reused.decision : reused.kind);
        }
      }),
      { numRuns: 150, seed: 20261206 },
    );
  });

  it('rebuilds a statement\'s element matches when only the request\'s action, resource or principal changes', () => {
    const policies: PolicySet = {
      identity: [
        {
          id: 'p',
          document: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } } }],
          },
        },
      ],
    };
    const alice = { kind: 'user' as const, arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333' };
    const bob = { kind: 'user' as const, arn: 'arn:aws:iam::111122223333:user/bob', accountId: '111122223333' };
    const run = (action: string, resource: string, principal = alice, team = 'blue') =>
      evaluate({ request: { principal, action, resource, context: { 'aws:PrincipalTag/team': team } }, policies });
    const first = run('s3:GetObject', 'arn:aws:s3:::reports/q1.csv');
    expect(first.kind === 'decision' && first.decision).toBe('allowed');
    const otherAction = run('s3:PutObject', 'arn:aws:s3:::reports/q1.csv');
    expect(otherAction.kind === 'decision' && otherAction.decision).toBe('implicitDeny');
    const otherResource = run('s3:GetObject', 'arn:aws:s3:::private/q1.csv');
    expect(otherResource.kind === 'decision' && otherResource.decision).toBe('implicitDeny');
    const otherTeam = run('s3:GetObject', 'arn:aws:s3:::reports/q1.csv', bob, 'red');
    expect(otherTeam.kind === 'decision' && otherTeam.decision).toBe('implicitDeny');
    const again = run('s3:GetObject', 'arn:aws:s3:::reports/q1.csv');
    expect(again).toEqual(first);
    const checks = [first, otherAction, otherResource, again].map((r) => (r.kind === 'decision' ? r.trace.find((s) => s.kind === 'statement.check') : undefined));
    const matchesOf = (i: number) => (checks[i]?.kind === 'statement.check' ? checks[i].matches : []);
    expect(matchesOf(1)[0]).toMatchObject({ element: 'Action', matched: false, value: 's3:PutObject' });
    expect(matchesOf(2)[1]).toMatchObject({ element: 'Resource', matched: false, value: 'arn:aws:s3:::private/q1.csv' });
    expect(matchesOf(3)).toEqual(matchesOf(0));
  });
});
