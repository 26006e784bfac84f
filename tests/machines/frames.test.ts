import { describe, expect, it } from 'vitest';
import { framesOf, outcomeOf, stagesOf, stateOfFrame } from '../../src/lib/machines/frames';
import type { RequestRecord } from '../../src/lib/domain/pipeline/types';
import {
  allowedRecord,
  createdRecord,
  explicitDenyRecord,
  failedRecord,
  implicitDenyRecord,
  unauthenticatedRecord,
} from './fixtures/records';

const kinds = (r: RequestRecord) => framesOf(r).map((f) => ('stage' in f ? `${f.kind}:${f.stage}` : f.kind));

describe('outcomeOf', () => {
  it.each([
    ['allowed', allowedRecord(), 'allowed'],
    ['explicit deny', explicitDenyRecord(), 'explicitDeny'],
    ['implicit deny', implicitDenyRecord(), 'implicitDeny'],
    ['failed authentication', unauthenticatedRecord(), 'unauthenticated'],
    ['allowed but the service failed', failedRecord(), 'failed'],
  ] as const)('%s → %s', (_, record, outcome) => {
    expect(outcomeOf(record)).toBe(outcome);
  });

  it('a malformed policy makes the request fail, whatever the decision field says', () => {
    const r = allowedRecord();
    const check = r.authorization!.checks[0]!;
    const malformed: RequestRecord = {
      ...r,
      authorization: {
        decision: 'implicitDeny',
        checks: [{ ...check, result: { kind: 'malformed', code: 'MalformedPolicyDocument', policyId: 'p', diagnostics: [], message: 'bad' } }],
      },
    };
    expect(outcomeOf(malformed)).toBe('failed');
    expect(kinds(malformed)).toEqual(['auth.step', 'auth.step', 'auth.step', 'authz.check', 'authz.malformed', 'processing', 'outcome']);
  });
});

describe('framesOf', () => {
  it('walks authentication, every trace stage / policy / statement, processing and the outcome, in order', () => {
    const record = allowedRecord();
    const trace = record.authorization!.checks[0]!.result;
    if (trace.kind !== 'decision') throw new Error('fixture must evaluate');
    const shown = trace.trace.filter((s) => s.kind !== 'condition.check' && s.kind !== 'decision');
    const frames = framesOf(record);
    expect(kinds(record)).toEqual([
      'auth.step',
      'auth.step',
      'auth.step',
      'authz.check',
      ...shown.map((s) => `${{ 'stage.enter': 'trace.stage', 'policy.enter': 'trace.policy', 'statement.check': 'trace.statement', 'stage.result': 'trace.result' }[s.kind as 'stage.enter']}:${'stage' in s ? s.stage : ''}`),
      'processing',
      'outcome',
    ]);
    // Frames carry the engine's own steps, in the engine's order.
    const ids = frames.flatMap((f) => ('step' in f ? [f.step.id] : []));
    expect(ids).toEqual(shown.map((s) => s.id));
  });

  it('stops at the deny evaluation when a Deny applies, with no processing', () => {
    const frames = framesOf(explicitDenyRecord());
    expect(frames.at(-1)).toEqual({ kind: 'outcome', outcome: 'explicitDeny' });
    expect(frames.some((f) => f.kind === 'processing')).toBe(false);
    expect(stagesOf(explicitDenyRecord())).toEqual(['denyEvaluation']);
  });

  it('folds condition checks into their statement frame', () => {
    const statement = framesOf(explicitDenyRecord()).find(
      (f) => f.kind === 'trace.statement' && f.step.sid === 'NoDeletesFromOffice',
    );
    expect(statement?.kind).toBe('trace.statement');
    if (statement?.kind !== 'trace.statement') return;
    expect(statement.step.applies).toBe(true);
    expect(statement.conditions.map((c) => [c.operator, c.key, c.matched])).toEqual([['IpAddress', 'aws:SourceIp', true]]);
  });

  it('a failed authentication never reaches authorization', () => {
    expect(kinds(unauthenticatedRecord())).toEqual(['auth.step', 'auth.step', 'auth.step', 'outcome']);
    // Even if a record carried an authorization part, it is not played after a failed authentication.
    const odd: RequestRecord = { ...unauthenticatedRecord(), authorization: allowedRecord().authorization! };
    expect(kinds(odd)).toEqual(['auth.step', 'auth.step', 'auth.step', 'outcome']);
  });

  it('a root-only refusal shows before any check', () => {
    const r: RequestRecord = {
      ...implicitDenyRecord(),
      authorization: { decision: 'implicitDeny', checks: [], rootOnly: { task: 'Close your account', reason: 'root only' } },
    };
    expect(kinds(r)).toEqual(['auth.step', 'auth.step', 'auth.step', 'authz.rootOnly', 'outcome']);
  });

  it('the stages of the trace follow AWS order and map to the authorizing sub-states', () => {
    const frames = framesOf(createdRecord());
    const states = frames.map(stateOfFrame);
    expect(states[0]).toBe('authenticating');
    expect(states.at(-2)).toBe('processing');
    expect(states.at(-1)).toBe('done.allowed');
    expect(stagesOf(allowedRecord())).toEqual(['denyEvaluation', 'identity', 'permissionsBoundary']);
  });
});
