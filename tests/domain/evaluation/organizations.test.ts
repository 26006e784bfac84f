// SCPs and RCPs: every SCP level must allow (an SCP allow grants nothing by itself); RCPFullAWSAccess is
// implicit at every RCP level, so only an RCP Deny stops a request. Stages in AWS's documented order.
// AWS: Policy evaluation logic, "How AWS enforcement code logic evaluates requests" (AWS Organizations RCPs,
// AWS Organizations SCPs); Service control policies, "SCP evaluation"
// (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_evaluation.html);
// Resource control policies (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_rcps.html);
// Troubleshooting access denied error messages ("the error message always includes the phrase ... explicit deny
// in a Service Control Policy, even if the denial is implicit").
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/lib/domain/evaluation/evaluate';
import type { OrgLevel, PolicySet } from '../../../src/lib/domain/evaluation/types';
import { ALICE, allowAll, enteredStages, grant, input, policy, statement, resourcePolicy } from './support';

const full = (id: string) => allowAll(id);
const level = (id: string, ...policies: OrgLevel['policies'][number][]): OrgLevel => ({ id, policies });
const onlyEc2 = (id: string) => policy(id, statement('Allow', 'ec2:*'));

function run(policies: Partial<PolicySet>) {
  const r = evaluate(input(ALICE, policies));
  if (r.kind !== 'decision') throw new Error(r.message);
  return r;
}

describe('service control policies', () => {
  it.each([
    ['every level allows', [level('root', full('r')), level('ou', full('o')), level('acct', full('a'))], 'allowed', 'identity'],
    ['the OU level allows only ec2', [level('root', full('r')), level('ou', onlyEc2('o')), level('acct', full('a'))], 'implicitDeny', 'scp'],
    ['a level with no policies', [level('root', full('r')), level('ou')], 'implicitDeny', 'scp'],
    ['one of two policies at a level allows', [level('root', full('r')), level('ou', onlyEc2('o1'), policy('o2', statement('Allow', 's3:Get*')))], 'allowed', 'identity'],
    ['a deny at the root', [level('root', policy('r', statement('Allow', '*'), statement('Deny', 's3:GetObject')))], 'explicitDeny', 'denyEvaluation'],
  ] as const)('%s → %s at %s', (_name, scps, decision, stage) => {
    const r = run({ identity: [allowAll()], scps });
    expect([r.decision, r.decisiveStage]).toEqual([decision, stage]);
  });

  it('an SCP allow grants nothing by itself', () => {
    expect(run({ scps: [level('root', full('r'))] }).decision).toBe('implicitDeny');
  });

  it('names the first level without an allow, and how many levels it did not look at', () => {
    const r = run({ identity: [allowAll()], scps: [level('root', full('r')), level('ou', onlyEc2('o')), level('acct', full('a'))] });
    expect(r.trace.find((s) => s.kind === 'stage.result' && s.stage === 'scp')).toMatchObject({
      outcome: 'implicitDeny',
      because: 'scp.levelWithoutAllow',
      params: { level: 'ou', skippedLevels: '1' },
    });
    expect(r.trace.filter((s) => s.kind === 'policy.enter' && s.stage === 'scp').map((s) => (s.kind === 'policy.enter' ? s.level : ''))).toEqual(['root', 'ou']);
    expect(r.message).toBe(
      'User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k with an explicit deny in a service control policy',
    );
  });

  it('limits the root user too', () => {
    const r = evaluate(input('arn:aws:iam::111122223333:root', { scps: [level('root', onlyEc2('r'))] }));
    expect(r).toMatchObject({ decision: 'implicitDeny', decisiveStage: 'scp' });
  });

  it('does not bind callers outside the organization (anonymous)', () => {
    const r = evaluate(input('*', { scps: [level('root', onlyEc2('r'))], resource: resourcePolicy('bucket', grant('Allow', '*', 's3:GetObject')) }));
    expect(r).toMatchObject({ decision: 'allowed', decisiveStage: 'resource' });
  });
});

describe('resource control policies', () => {
  const rcpDeny = (id: string) =>
    policy(id, { Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalAccount': '111122223333' } } });

  it('RCPFullAWSAccess is implicit: an RCP without any Allow does not deny', () => {
    const r = run({ identity: [allowAll()], rcps: [level('root', policy('r', { Effect: 'Deny', Principal: '*', Action: 'ec2:*', Resource: '*' }))] });
    expect(r.decision).toBe('allowed');
    expect(r.trace.find((s) => s.kind === 'stage.result' && s.stage === 'rcp')).toMatchObject({ outcome: 'allow', because: 'rcp.fullAccessImplicit' });
  });

  it('an RCP Deny that applies is an explicit deny, worded as a resource control policy', () => {
    const r = evaluate(input('arn:aws:iam::444455556666:user/carol', { identity: [allowAll()], rcps: [level('root', rcpDeny('perimeter'))] }));
    expect(r).toMatchObject({ decision: 'explicitDeny', reasons: [{ stage: 'rcp', policyId: 'perimeter', statementIndex: 0, effect: 'Deny' }] });
    if (r.kind === 'decision') expect(r.message).toMatch(/with an explicit deny in a resource control policy$/);
  });

  it('binds anonymous callers as well', () => {
    const r = evaluate(input('*', { rcps: [level('root', rcpDeny('perimeter'))], resource: resourcePolicy('bucket', grant('Allow', '*', 's3:GetObject')) }));
    expect(r).toMatchObject({ decision: 'explicitDeny' });
  });
});

describe('stage order', () => {
  it('enters the stages in AWS order and only those that apply', () => {
    const r = evaluate(
      input('arn:aws:sts::111122223333:assumed-role/Reader/s1', {
        identity: [allowAll()],
        permissionsBoundary: allowAll('b'),
        session: [allowAll('s')],
        scps: [level('root', full('scp'))],
        rcps: [level('root', policy('rcp', { Effect: 'Deny', Principal: '*', Action: 'ec2:*', Resource: '*' }))],
        resource: resourcePolicy('bucket', grant('Allow', { AWS: '111122223333' }, 's3:GetObject')),
      }),
    );
    if (r.kind !== 'decision') throw new Error('malformed');
    expect(r.decision).toBe('allowed');
    expect(enteredStages(r.trace)).toEqual(['denyEvaluation', 'rcp', 'scp', 'resource', 'identity', 'permissionsBoundary', 'session']);
    expect(r.decisiveStage).toBe('session');
  });

  it('enters no SCP, RCP, resource, boundary or session stage when none is given', () => {
    const r = run({ identity: [allowAll()] });
    expect(enteredStages(r.trace)).toEqual(['denyEvaluation', 'identity']);
  });
});
