// Records made by the real pipeline (default lab): every frame has words, the machine ends where the
// record says, and What-if with no edit reproduces the engine's decision; turning a policy off and applying
// the plan through the pipeline changes the next request's decision the same way.
import { beforeAll, describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { RequestRecord } from '../../../src/lib/domain/pipeline/types';
import type { World } from '../../../src/lib/domain/world/types';
import { framesOf, outcomeOf } from '../../../src/lib/machines/frames';
import { requestMachine } from '../../../src/lib/machines/requestMachine';
import { describeFrame } from '../../../src/lib/ui/stage/describeFrame';
import { describeOutcome } from '../../../src/lib/ui/stage/describeOutcome';
import { applyPlan, outcomeOfResult, rerun, whatIfCheck } from '../../../src/lib/ui/whatif/whatIf';
import { alicePassword, bobPassword, call, defaultLab, rootPassword, userKey } from '../../domain/pipeline/labFixture';

let world: World;
const records: Record<string, RequestRecord> = {};

beforeAll(async () => {
  world = await defaultLab();
  const wrongSecret = { ...userKey(world, 'carol'), secretAccessKey: 'not-the-secret' } as const;
  records['carol lists buckets (SigV4)'] = (await call(world, 's3:ListBuckets', {}, userKey(world, 'carol'))).record;
  records['bob creates a user (denied)'] = (await call(world, 'iam:CreateUser', { UserName: 'dave' }, bobPassword())).record;
  records['alice lists users (admin)'] = (await call(world, 'iam:ListUsers', {}, alicePassword())).record;
  records['wrong secret'] = (await call(world, 's3:ListBuckets', {}, wrongSecret)).record;
  records['no user name'] = (await call(world, 'iam:CreateUser', {}, alicePassword())).record;
  records['root creates a user'] = (await call(world, 'iam:CreateUser', { UserName: 'erin' }, rootPassword)).record;
});

const names = ['carol lists buckets (SigV4)', 'bob creates a user (denied)', 'alice lists users (admin)', 'wrong secret', 'root creates a user', 'no user name'];

describe('stage over real pipeline records', () => {
  it.each(names)('%s: every frame is described in words, with no hole', (name) => {
    const record = records[name]!;
    for (const frame of framesOf(record)) {
      const view = describeFrame(record, frame);
      const text = [view.title, ...view.lines, ...view.items.map((i) => i.text), ...view.conditions.map((c) => c.text)].join('\n');
      expect(view.title.length).toBeGreaterThan(0);
      expect(text).not.toMatch(/undefined|\{\w+\}/);
    }
    const outcome = describeOutcome(record);
    expect(outcome.outcome).toBe(outcomeOf(record));
    expect([outcome.aws, ...outcome.plain].join('\n')).not.toMatch(/undefined|\{\w+\}/);
  });

  it.each(names)('%s: skip lands the machine on the record’s outcome', (name) => {
    const record = records[name]!;
    const actor = createActor(requestMachine).start();
    actor.send({ type: 'trace.load', record });
    actor.send({ type: 'trace.skip' });
    expect(actor.getSnapshot().matches({ done: outcomeOf(record) })).toBe(true);
  });

  it('the SigV4 step carries the canonical request, string to sign and signature', () => {
    const record = records['carol lists buckets (SigV4)']!;
    const verify = framesOf(record).find((f) => f.kind === 'auth.step' && record.authentication.steps[f.stepIndex]!.kind === 'sigv4.verify')!;
    const view = describeFrame(record, verify);
    expect(view.sigv4?.canonicalRequest).toMatch(/^GET\n/);
    expect(view.sigv4?.stringToSign).toMatch(/^AWS4-HMAC-SHA256\n/);
    expect(view.sigv4?.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(view.conditions.every((c) => c.ok)).toBe(true);
  });

  it('a console sign-in with a password shows each sign-in check in words', () => {
    const record = records['bob creates a user (denied)']!;
    const lines = framesOf(record).flatMap((f) => (f.kind === 'auth.step' ? describeFrame(record, f).lines : []));
    expect(lines).toContain('The request carries IAM user sign-in (account, user name, password) credentials.');
    expect(lines).toContain('The user bob exists in that account.');
    expect(lines).toContain('The password matches the stored password hash.');
  });

  it('a wrong secret fails the signature check and never reaches authorization', () => {
    const record = records['wrong secret']!;
    expect(outcomeOf(record)).toBe('unauthenticated');
    expect(framesOf(record).some((f) => f.kind.startsWith('authz') || f.kind.startsWith('trace'))).toBe(false);
    expect(describeOutcome(record).aws).toMatch(/^SignatureDoesNotMatch: /);
  });

  it('a request refused as written says no permission was checked', () => {
    const record = records['no user name']!;
    expect(outcomeOf(record)).toBe('failed');
    expect(record.authorization).toBeUndefined();
    const view = describeOutcome(record);
    expect(view.plain).toEqual(['The service refused the request as it was written, before any permission was checked.']);
    expect(view.aws).toMatch(/^ValidationError: /);
  });

  it.each(names.filter((n) => n !== 'wrong secret' && n !== 'no user name'))('%s: What-if with no edit gives the recorded decision', (name) => {
    const record = records[name]!;
    const target = whatIfCheck(record)!;
    const run = rerun(record, target.check, {});
    expect(run.kind).toBe('result');
    if (run.kind !== 'result') return;
    expect(outcomeOfResult(run.result)).toBe(outcomeOfResult(target.check.result));
  });

  it('switching off the policy that allowed alice denies her; applying the plan makes the lab agree', async () => {
    const record = records['alice lists users (admin)']!;
    const target = whatIfCheck(record)!;
    expect(outcomeOfResult(target.check.result)).toBe('allowed');
    const deciding = target.check.result.kind === 'decision' ? target.check.result.reasons.map((r) => r.policyId) : [];
    const edits = Object.fromEntries(deciding.map((id) => [id, { enabled: false, statementsOff: [] }]));
    const run = rerun(record, target.check, edits);
    expect(run.kind === 'result' && outcomeOfResult(run.result)).toBe('implicitDeny');

    const plan = applyPlan(record, target.check, edits);
    expect(plan.unsupported).toEqual([]);
    expect(plan.requests.map((r) => r.operation)).toEqual(deciding.map(() => 'iam:DetachGroupPolicy'));
    let w = world;
    for (const r of plan.requests) {
      const sent = await call(w, r.operation, { ...r.params }, rootPassword);
      expect(sent.record.response.ok).toBe(true);
      w = sent.world;
    }
    const again = await call(w, 'iam:ListUsers', {}, alicePassword());
    expect(again.record.authorization?.decision).toBe('implicitDeny');
  });
});
