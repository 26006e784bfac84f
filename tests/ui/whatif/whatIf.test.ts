// What if: edits to the policies of a record's deciding check re-run the real engine; the plan to apply
// them names the IAM/S3/KMS operations with AWS's parameter names, and what cannot be applied says why.
// AWS: Policy evaluation logic (explicit deny, SCP levels) —
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/lib/domain/evaluation';
import type { AuthorizationCheck, GatheredPolicy, PolicySource, RequestRecord } from '../../../src/lib/domain/pipeline/types';
import {
  applyPlan,
  editedDocument,
  kindOf,
  outcomeOfResult,
  rerun,
  statementsOf,
  whatIfCheck,
} from '../../../src/lib/ui/whatif/whatIf';
import { allowedRecord, bob, developersS3, explicitDenyRecord, objectArn, unauthenticatedRecord } from '../../machines/fixtures/records';

const off = { enabled: false, statementsOff: [] };
const run = (record: RequestRecord, edits: Parameters<typeof rerun>[2]) => {
  const target = whatIfCheck(record)!;
  const r = rerun(record, target.check, edits);
  if (r.kind !== 'result') throw new Error(r.error);
  return outcomeOfResult(r.result);
};

describe('rerun', () => {
  it('with no edit gives the recorded decision', () => {
    expect(run(explicitDenyRecord(), {})).toBe('explicitDeny');
    expect(run(allowedRecord(), {})).toBe('allowed');
  });

  it('turning the Deny policy off lets the group policy decide (implicit deny: it allows only reads)', () => {
    expect(run(explicitDenyRecord(), { 'user/bob/NoDeletes': off })).toBe('implicitDeny');
  });

  it('turning one statement off removes only that statement', () => {
    expect(run(allowedRecord(), { [developersS3.id]: { enabled: true, statementsOff: [0] } })).toBe('implicitDeny');
    expect(run(allowedRecord(), { [developersS3.id]: { enabled: true, statementsOff: [1] } })).toBe('allowed');
  });

  it('turning the boundary off removes the cap; editing it to allow nothing useful denies', () => {
    expect(run(allowedRecord(), { 'boundary/S3Only': off })).toBe('allowed');
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] });
    expect(run(allowedRecord(), { 'boundary/S3Only': { enabled: true, statementsOff: [], text } })).toBe('implicitDeny');
  });

  it('invalid JSON is reported for that policy and nothing is evaluated', () => {
    const record = allowedRecord();
    const target = whatIfCheck(record)!;
    const r = rerun(record, target.check, { [developersS3.id]: { enabled: true, statementsOff: [], text: '{ nope' } });
    expect(r).toMatchObject({ kind: 'invalid', policyId: developersS3.id });
  });

  it('a malformed edit is the engine’s MalformedPolicyDocument', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Maybe', Action: 's3:*', Resource: '*' }] });
    expect(run(allowedRecord(), { [developersS3.id]: { enabled: true, statementsOff: [], text } })).toBe('failed');
  });

  it('an SCP level keeps existing when its only SCP is switched off, so nothing is allowed there', () => {
    const scp = (id: string, targetId: string): GatheredPolicy => ({
      id,
      label: `SCP ${id}`,
      source: { kind: 'scp', targetId, policyId: id },
      document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
    });
    const policies = [developersS3, scp('p-root', 'r-root'), scp('p-ou', 'ou-dev')];
    const input = {
      request: { principal: bob, action: 's3:GetObject', resource: objectArn, context: {} },
      policies: {
        identity: [{ id: developersS3.id, document: developersS3.document }],
        scps: [
          { id: 'r-root', policies: [{ id: 'p-root', document: policies[1]!.document }] },
          { id: 'ou-dev', policies: [{ id: 'p-ou', document: policies[2]!.document }] },
        ],
      },
    };
    const check: AuthorizationCheck = { action: 's3:GetObject', resource: objectArn, context: {}, policies, result: evaluate(input) };
    const record: RequestRecord = { ...allowedRecord(), authorization: { decision: 'allowed', checks: [check] } };
    expect(run(record, {})).toBe('allowed');
    expect(run(record, { 'p-ou': off })).toBe('implicitDeny');
  });

  it('has nothing to offer for a request that failed authentication', () => {
    expect(whatIfCheck(unauthenticatedRecord())).toBeNull();
  });
});

describe('documents and statements', () => {
  it('lists statements with Sid and Effect, for a list or a single statement', () => {
    expect(statementsOf(developersS3.document)).toEqual([
      { index: 0, sid: 'AllowS3Read', effect: 'Allow' },
      { index: 1, sid: 'DenyIam', effect: 'Deny' },
    ]);
    expect(statementsOf({ Statement: { Effect: 'Deny' } })).toEqual([{ index: 0, sid: undefined, effect: 'Deny' }]);
  });

  it('an edited text replaces the document; statements off are left out of it', () => {
    const edited = editedDocument(developersS3, { enabled: true, statementsOff: [1] });
    expect(edited.ok && statementsOf(edited.document).map((s) => s.sid)).toEqual(['AllowS3Read']);
  });
});

describe('applyPlan', () => {
  const gathered = (source: PolicySource): GatheredPolicy => ({ id: 'x', label: 'x', source, document: developersS3.document });
  const planFor = (source: PolicySource, edit: Parameters<typeof applyPlan>[2][string]) => {
    const record = allowedRecord();
    const check = { ...record.authorization!.checks[0]!, policies: [gathered(source)] };
    return applyPlan(record, check, { x: edit });
  };
  const arn = 'arn:aws:iam::111122223333:policy/P';

  it.each([
    [{ kind: 'userManaged', userName: 'bob', policyArn: arn }, 'iam:DetachUserPolicy', { UserName: 'bob', PolicyArn: arn }],
    [{ kind: 'groupManaged', groupName: 'Developers', policyArn: arn }, 'iam:DetachGroupPolicy', { GroupName: 'Developers', PolicyArn: arn }],
    [{ kind: 'roleManaged', roleName: 'App', policyArn: arn }, 'iam:DetachRolePolicy', { RoleName: 'App', PolicyArn: arn }],
    [{ kind: 'userInline', userName: 'bob', policyName: 'P' }, 'iam:DeleteUserPolicy', { UserName: 'bob', PolicyName: 'P' }],
    [{ kind: 'groupInline', groupName: 'G', policyName: 'P' }, 'iam:DeleteGroupPolicy', { GroupName: 'G', PolicyName: 'P' }],
    [{ kind: 'roleInline', roleName: 'R', policyName: 'P' }, 'iam:DeleteRolePolicy', { RoleName: 'R', PolicyName: 'P' }],
    [{ kind: 'permissionsBoundary', policyArn: arn }, 'iam:DeleteUserPermissionsBoundary', { UserName: 'bob' }],
    [{ kind: 'bucketPolicy', bucket: 'b' }, 's3:DeleteBucketPolicy', { Bucket: 'b' }],
  ] as const)('switching off %o sends %s', (source, operation, params) => {
    expect(planFor(source, off)).toEqual({ requests: [{ operation, params }], unsupported: [] });
  });

  it.each([
    [{ kind: 'userInline', userName: 'bob', policyName: 'P' }, 'iam:PutUserPolicy', 'PolicyDocument'],
    [{ kind: 'groupManaged', groupName: 'G', policyArn: arn }, 'iam:CreatePolicyVersion', 'PolicyDocument'],
    [{ kind: 'bucketPolicy', bucket: 'b' }, 's3:PutBucketPolicy', 'Policy'],
    [{ kind: 'keyPolicy', keyId: 'k' }, 'kms:PutKeyPolicy', 'Policy'],
    [{ kind: 'trustPolicy', roleName: 'R' }, 'iam:UpdateAssumeRolePolicy', 'PolicyDocument'],
  ] as const)('a statement off in %o saves the rest with %s', (source, operation, param) => {
    const plan = planFor(source, { enabled: true, statementsOff: [1] });
    expect(plan.requests.map((r) => r.operation)).toEqual([operation]);
    const doc = JSON.parse(String(plan.requests[0]!.params[param]));
    expect(statementsOf(doc).map((s) => s.sid)).toEqual(['AllowS3Read']);
  });

  it('keeps the learner’s own text when they edited it', () => {
    const text = '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}';
    const plan = planFor({ kind: 'userInline', userName: 'bob', policyName: 'P' }, { enabled: true, statementsOff: [], text });
    expect(plan.requests[0]!.params['PolicyDocument']).toBe(text);
  });

  it.each([
    [{ kind: 'scp', targetId: 'r', policyId: 'p' }, 'scp'],
    [{ kind: 'rcp', targetId: 'r', policyId: 'p' }, 'rcp'],
    [{ kind: 'sessionPolicy', index: 0 }, 'session'],
    [{ kind: 'keyPolicy', keyId: 'k' }, 'keyPolicy'],
    [{ kind: 'trustPolicy', roleName: 'R' }, 'trustPolicy'],
  ] as const)('cannot switch off %o from here (%s)', (source, reason) => {
    const plan = planFor(source, off);
    expect(plan.requests).toEqual([]);
    expect(plan.unsupported.map((u) => u.reason)).toEqual([reason]);
  });

  it('names each kind of policy for its badge', () => {
    expect(kindOf({ kind: 'trustPolicy', roleName: 'R' })).toBe('trust');
    expect(kindOf({ kind: 'bucketPolicy', bucket: 'b' })).toBe('resource');
    expect(kindOf({ kind: 'groupInline', groupName: 'G', policyName: 'P' })).toBe('identity');
  });
});
