// The trace is flat, ordered data: numeric ids in order, parent ids pointing back (stage → policy →
// statement → condition), every statement examined with each element's match, every condition with its
// values, and a stage.result for every stage entered. Design: "The trace is data" (OPA-style events).
// AWS semantics cited: IAM JSON policy elements (Action, NotAction, Resource, NotResource, Principal,
// Condition) and Policy variables ("Policy variables with no value").
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/lib/domain/evaluation/evaluate';
import type { TraceStep } from '../../../src/lib/domain/evaluation/types';
import { ALICE, SESSION, allowAll, grant, input, policy, statement, resourcePolicy } from './support';

function traceOf(...args: Parameters<typeof input>): readonly TraceStep[] {
  const r = evaluate(input(...args));
  if (r.kind !== 'decision') throw new Error(r.message);
  return r.trace;
}

function checks(trace: readonly TraceStep[]) {
  return trace.filter((s): s is Extract<TraceStep, { kind: 'statement.check' }> => s.kind === 'statement.check');
}

describe('trace structure', () => {
  const trace = traceOf(ALICE, {
    identity: [
      policy('p1', statement('Allow', 's3:GetObject', 'arn:aws:s3:::b/*', { Condition: { StringEquals: { 'aws:username': 'alice' } } })),
      policy('p2', statement('Deny', 'ec2:*')),
    ],
    resource: resourcePolicy('bucket', grant('Allow', { AWS: 'arn:aws:iam::111122223333:user/bob' }, 's3:*')),
  }, { context: { 'aws:username': 'alice' } });

  it('numbers steps 1, 2, 3... in order and ends with the decision', () => {
    expect(trace.map((s) => s.id)).toEqual(trace.map((_, i) => i + 1));
    expect(trace[trace.length - 1]).toMatchObject({ kind: 'decision', decision: 'allowed' });
  });

  it('points every step but stage.enter and decision at an earlier parent of the right kind', () => {
    const byId = new Map(trace.map((s) => [s.id, s]));
    const parentKind: Record<string, string> = {
      'policy.enter': 'stage.enter',
      'statement.check': 'policy.enter',
      'condition.check': 'statement.check',
      'stage.result': 'stage.enter',
    };
    for (const step of trace) {
      if (step.kind === 'stage.enter' || step.kind === 'decision') {
        expect(step.parentId).toBeUndefined();
        continue;
      }
      const parent = byId.get(step.parentId ?? -1);
      expect(parent?.kind, `${step.kind} #${step.id}`).toBe(parentKind[step.kind]);
      expect(parent!.id).toBeLessThan(step.id);
    }
  });

  it('closes every stage it enters with one stage.result', () => {
    const entered = trace.filter((s) => s.kind === 'stage.enter').map((s) => s.id);
    const closed = trace.filter((s) => s.kind === 'stage.result').map((s) => s.parentId);
    expect(closed).toEqual(entered);
  });

  it('checks Deny statements in the deny stage and Allow statements in their own stage, each once', () => {
    expect(checks(trace).map((s) => [s.stage, s.ref.policyId, s.effect])).toEqual([
      ['denyEvaluation', 'p2', 'Deny'],
      ['resource', 'bucket', 'Allow'],
      ['identity', 'p1', 'Allow'],
    ]);
  });

  it('records each element: value compared, pattern matched, reason for a mismatch', () => {
    const [deny, bucket, allow] = checks(trace);
    expect(deny!.matches).toEqual([
      { element: 'Action', matched: false, value: 's3:GetObject', reason: 'actionNotListed' },
      { element: 'Resource', matched: true, value: 'arn:aws:s3:::b/k', pattern: '*' },
    ]);
    expect(deny!.applies).toBe(false);
    expect(bucket!.matches).toContainEqual({ element: 'Principal', matched: false, value: ALICE, reason: 'principalNotListed' });
    expect(allow).toMatchObject({ applies: true, conditions: 'matched', ref: { policyId: 'p1', statementIndex: 0, path: '/Statement/0' } });
  });

  it('records each condition with policy and request values and a JSON pointer', () => {
    const cond = trace.find((s) => s.kind === 'condition.check');
    expect(cond).toMatchObject({
      kind: 'condition.check',
      stage: 'identity',
      operator: 'StringEquals',
      key: 'aws:username',
      policyValues: ['alice'],
      requestValues: ['alice'],
      matched: true,
      ref: { policyId: 'p1', statementIndex: 0, path: '/Statement/0/Condition/StringEquals/aws:username' },
    });
  });
});

describe('element matches', () => {
  const one = (st: Parameters<typeof policy>[1], request: Parameters<typeof input>[2] = {}) => {
    const found = checks(traceOf(ALICE, { identity: [policy('p', st)] }, request));
    expect(found).toHaveLength(1);
    return found[0]!;
  };

  it.each([
    ['Action that lists the action', statement('Allow', 's3:Get*', '*', {}), 'Action', true, 's3:Get*', undefined],
    ['NotAction that excludes the action', { Effect: 'Allow', NotAction: 's3:Get*', Resource: '*' }, 'NotAction', false, 's3:Get*', 'actionExcluded'],
    ['NotAction that does not list it', { Effect: 'Allow', NotAction: 'ec2:*', Resource: '*' }, 'NotAction', true, undefined, undefined],
    ['NotResource that excludes the object', { Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::b/*' }, 'NotResource', false, 'arn:aws:s3:::b/*', 'resourceExcluded'],
    ['Resource with a variable', statement('Allow', '*', 'arn:aws:s3:::b/${aws:username}'), 'Resource', false, undefined, 'resourceNotListed'],
  ] as const)('%s', (_name, st, element, matched, pattern, reason) => {
    const check = one(st, { context: { 'aws:username': 'alice' } });
    const match = check.matches.find((m) => m.element === element);
    expect(match).toMatchObject({ matched });
    expect(match?.pattern).toBe(pattern);
    expect(match?.reason).toBe(reason);
  });

  it('shows a Resource pattern after variable substitution', () => {
    const check = one(statement('Allow', '*', 'arn:aws:s3:::${aws:username}/*'), { resource: 'arn:aws:s3:::alice/k', resourceAccount: '111122223333', context: { 'aws:username': 'alice' } });
    expect(check.matches[1]).toEqual({ element: 'Resource', matched: true, value: 'arn:aws:s3:::alice/k', pattern: 'arn:aws:s3:::alice/*' });
  });

  it('a Resource variable without value matches nothing, with its own reason', () => {
    const check = one(statement('Allow', '*', 'arn:aws:s3:::${aws:username}/*'), { resource: 'arn:aws:s3:::alice/k', resourceAccount: '111122223333' });
    expect(check.matches[1]).toMatchObject({ element: 'Resource', matched: false, reason: 'variableUnresolved' });
    expect(check.applies).toBe(false);
  });

  it('shows a failing condition with the request value absent', () => {
    const trace = traceOf(SESSION, { identity: [policy('p', statement('Allow', '*', '*', { Condition: { StringEquals: { 'aws:PrincipalTag/team': 'red' } } }))] });
    expect(checks(trace)[0]).toMatchObject({ conditions: 'notMatched', applies: false });
    expect(trace.find((s) => s.kind === 'condition.check')).toMatchObject({ matched: false, requestValues: null, reason: 'conditionKeyMissing' });
  });

  it('checks every element of every statement it looks at, even after one failed', () => {
    const check = one(statement('Allow', 'ec2:*', 'arn:aws:s3:::other/*', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }));
    expect(check.matches.map((m) => [m.element, m.matched])).toEqual([
      ['Action', false],
      ['Resource', false],
    ]);
    expect(check.conditions).toBe('notMatched');
  });
});

describe('trace off', () => {
  it('returns no steps but the same decision, reasons and message', () => {
    const i = input(ALICE, { identity: [allowAll(), policy('d', statement('Deny', 's3:Get*'))] });
    const on = evaluate(i);
    const off = evaluate(i, { trace: false });
    if (on.kind !== 'decision' || off.kind !== 'decision') throw new Error('malformed');
    expect(off.trace).toEqual([]);
    expect({ ...off, trace: on.trace }).toEqual(on);
  });
});
