// The request context AWS fills in, per-request overrides, and policy gathering with labels,
// including SCPs/RCPs along the organization path.
// AWS: IAM User Guide "AWS global condition context keys"; "Policy evaluation logic";
// AWS Organizations User Guide "SCP evaluation" (inheritance root → OU → account).
import { describe, expect, it } from 'vitest';
import { gatherPolicies } from '../../../src/lib/domain/pipeline/gatherPolicies';
import type { World } from '../../../src/lib/domain/world/types';
import { call, credentialsFrom, defaultLab, errorOf, ok, rootPassword, userKey } from './labFixture';

const acct = '111122223333';

describe('request context', () => {
  it('for an IAM user with a long-term key', async () => {
    const w = await defaultLab();
    const sent = await call(w, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, userKey(w, 'alice'), { sourceIp: '198.51.100.7', region: 'eu-west-1' });
    const ctx = sent.record.authorization?.checks[0]?.context ?? {};
    expect(ctx).toMatchObject({
      'aws:username': 'alice',
      'aws:userid': w.accounts[acct]?.users.alice?.id,
      'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/alice',
      'aws:PrincipalAccount': acct,
      'aws:PrincipalType': 'User',
      'aws:PrincipalTag/Department': 'Platform',
      'aws:CurrentTime': '2026-01-15T09:00:00Z',
      'aws:EpochTime': String(Date.parse('2026-01-15T09:00:00Z') / 1000),
      'aws:SecureTransport': 'true',
      'aws:SourceIp': '198.51.100.7',
      'aws:RequestedRegion': 'eu-west-1',
      'aws:ResourceAccount': acct,
      'aws:ResourceTag/Application': 'orders',
    });
    expect(ctx['aws:MultiFactorAuthPresent']).toBeUndefined();
    expect(ctx['aws:PrincipalOrgID']).toBeUndefined();
  });

  it('for a role session: PrincipalArn is the role, userid is ROLEID:session, no username', async () => {
    const w = await defaultLab();
    const assumed = await call(w, 'sts:AssumeRole', { RoleArn: 'arn:aws:iam::444455556666:role/PartnerAccessRole', RoleSessionName: 'audit', SourceIdentity: 'alice' }, userKey(w, 'alice'));
    expect(errorOf(assumed).code).toBe('AccessDenied');
    const plain = await call(w, 'sts:AssumeRole', { RoleArn: 'arn:aws:iam::444455556666:role/PartnerAccessRole', RoleSessionName: 'audit' }, userKey(w, 'alice'));
    const sent = await call(plain.world, 's3:GetObject', { Bucket: 'partner-co-shared', Key: 'price-list.csv' }, credentialsFrom(ok(plain)));
    const ctx = sent.record.authorization?.checks[0]?.context ?? {};
    const role = w.accounts['444455556666']?.roles.PartnerAccessRole;
    expect(ctx).toMatchObject({
      'aws:PrincipalArn': role?.arn,
      'aws:userid': `${role?.id}:audit`,
      'aws:PrincipalType': 'AssumedRole',
      'aws:MultiFactorAuthPresent': 'false',
      'aws:TokenIssueTime': w.clock,
    });
    expect(ctx['aws:username']).toBeUndefined();
  });

  it('for root and for anonymous callers', async () => {
    const w = await defaultLab();
    const root = await call(w, 's3:ListBuckets', {}, rootPassword);
    expect(root.record.authorization?.checks[0]?.context).toMatchObject({ 'aws:PrincipalType': 'Account', 'aws:userid': acct, 'aws:PrincipalArn': 'arn:aws:iam::111122223333:root' });
    const anon = await call(w, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, { kind: 'anonymous' });
    const ctx = anon.record.authorization?.checks[0]?.context ?? {};
    expect(ctx['aws:PrincipalType']).toBe('Anonymous');
    expect(ctx['aws:PrincipalArn']).toBeUndefined();
  });

  it('IAM is a global service: aws:RequestedRegion is us-east-1 whatever the client region', async () => {
    const w = await defaultLab();
    const sent = await call(w, 'iam:ListUsers', {}, userKey(w, 'alice'), { region: 'eu-west-1' });
    expect(sent.record.authorization?.checks[0]?.context['aws:RequestedRegion']).toBe('us-east-1');
  });

  it('the learner overrides win over filled-in values', async () => {
    const w = await defaultLab();
    const sent = await call(w, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, userKey(w, 'alice'), { contextOverrides: { 'aws:SecureTransport': 'false', 'aws:CurrentTime': '2030-01-01T00:00:00Z' } });
    const ctx = sent.record.authorization?.checks[0]?.context ?? {};
    expect(ctx['aws:SecureTransport']).toBe('false');
    expect(ctx['aws:CurrentTime']).toBe('2030-01-01T00:00:00Z');
    expect(errorOf(sent).message).toContain('explicit deny');
  });

  it('aws:RequestTag and aws:TagKeys for operations that create tagged things', async () => {
    const w = await defaultLab();
    const sent = await call(w, 'iam:CreateUser', { UserName: 'tagged', Tags: [{ Key: 'team', Value: 'blue' }] }, userKey(w, 'alice'));
    expect(sent.record.authorization?.checks[0]?.context).toMatchObject({ 'aws:RequestTag/team': 'blue', 'aws:TagKeys': ['team'], 'aws:ResourceAccount': acct });
  });
});

function withOrganization(w: World): World {
  const scpDenyRegions = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Action: '*', Resource: '*', Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1'] } } }],
  });
  const full = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  const rcp = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*', Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }],
  });
  return {
    ...w,
    organization: {
      id: 'o-a1b2c3d4e5',
      arn: 'arn:aws:organizations::999988887777:organization/o-a1b2c3d4e5',
      managementAccountId: '999988887777',
      rootId: 'r-ab12',
      organizationalUnits: { 'ou-ab12-workload': { id: 'ou-ab12-workload', name: 'Workloads', parentId: 'r-ab12' } },
      accountParents: { [acct]: 'ou-ab12-workload' },
      policies: {
        'p-FullAWSAccess': { id: 'p-FullAWSAccess', name: 'FullAWSAccess', kind: 'scp', document: full, awsManaged: true },
        'p-regions': { id: 'p-regions', name: 'UsEast1Only', kind: 'scp', document: scpDenyRegions, awsManaged: false },
        'p-rcp': { id: 'p-rcp', name: 'OrgOnlyS3', kind: 'rcp', document: rcp, awsManaged: false },
      },
      attachments: { 'r-ab12': ['p-FullAWSAccess', 'p-rcp'], 'ou-ab12-workload': ['p-FullAWSAccess', 'p-regions'], [acct]: ['p-FullAWSAccess'] },
    },
  };
}

describe('policy gathering', () => {
  it('labels every policy with where it came from', async () => {
    const w = await defaultLab();
    const sent = await call(w, 'iam:ListUsers', {}, userKey(w, 'alice'));
    expect(sent.record.authorization?.checks[0]?.policies.map((p) => [p.id, p.label])).toEqual([
      ['group:Admins:managed:arn:aws:iam::aws:policy/AdministratorAccess', 'group Admins · managed policy AdministratorAccess'],
    ]);
    expect(sent.record.authorization?.checks[0]?.policies[0]?.source).toEqual({ kind: 'groupManaged', groupName: 'Admins', policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' });
    expect(typeof sent.record.authorization?.checks[0]?.policies[0]?.document).toBe('object');
  });

  it('SCP levels run root → OU → account, and an SCP deny stops even the account admin and root', async () => {
    const w = withOrganization(await defaultLab());
    const sent = await call(w, 's3:ListBuckets', {}, userKey(w, 'alice'), { region: 'eu-west-1' });
    expect(errorOf(sent).message).toContain('service control policy');
    const set = gatherPolicies(w, sent.record.authentication.principal!, { action: 's3:ListAllMyBuckets', resource: '*' });
    expect(set.set.scps?.map((l) => [l.id, l.policies.map((p) => p.label)])).toEqual([
      ['r-ab12', ['SCP FullAWSAccess · Root']],
      ['ou-ab12-workload', ['SCP FullAWSAccess · OU Workloads', 'SCP UsEast1Only · OU Workloads']],
      [acct, [`SCP FullAWSAccess · account ${acct}`]],
    ]);
    expect(errorOf(await call(w, 's3:ListBuckets', {}, rootPassword, { region: 'eu-west-1' })).message).toContain('service control policy');
    ok(await call(w, 's3:ListBuckets', {}, userKey(w, 'alice'), { region: 'us-east-1' }));
    const orgId = (await call(w, 's3:ListBuckets', {}, userKey(w, 'alice'))).record.authorization?.checks[0]?.context['aws:PrincipalOrgID'];
    expect(orgId).toBe('o-a1b2c3d4e5');
  });

  it("RCPs apply to the member account's resources: the partner (outside the org) is denied", async () => {
    let w = withOrganization(await defaultLab());
    const grant = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-corp-app-data/*' }] };
    w = (await call(w, 's3:PutBucketPolicy', { Bucket: 'example-corp-app-data', Policy: grant }, userKey(w, 'alice'))).world;
    const partnerRoot = { kind: 'rootPassword', email: 'root@partner.example', password: 'Partner-Root-2026!' } as const;
    const sent = await call(w, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, partnerRoot);
    expect(errorOf(sent).code).toBe('AccessDenied');
    expect(sent.record.authorization?.checks[0]?.policies.some((p) => p.source.kind === 'rcp')).toBe(true);
  });
});
