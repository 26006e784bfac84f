// AWS account import: the output of `aws iam get-account-authorization-details` becomes a lab.
// AWS: IAM API Reference, GetAccountAuthorizationDetails
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
// (policy documents are URL-encoded in the API's response; the CLI prints them decoded).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAuthorizationDetails, readPolicyDocument } from '../../../src/lib/domain/sharing/importAuthorizationDetails';
import { checkWorld } from '../../../src/lib/domain/sharing/checkLab';
import { ProblemList } from '../../../src/lib/domain/sharing/problems';

const sample: unknown = JSON.parse(readFileSync(new URL('./fixtures/authorization-details.json', import.meta.url), 'utf8'));
const now = '2026-01-15T09:00:00Z';

function imported() {
  const result = importAuthorizationDetails(sample, { now });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('importAuthorizationDetails', () => {
  it('builds one account from the ARNs with every user, group, role and local policy', () => {
    const { world, accountId, counts } = imported();
    expect(accountId).toBe('123456789012');
    expect(counts).toEqual({ users: 2, groups: 2, roles: 2, policies: 3 });
    const account = world.accounts['123456789012']!;
    expect(Object.keys(account.users)).toEqual(['alice', 'bob']);
    expect(world.clock).toBe(now);
    expect(checkWorld(world, '', new ProblemList())).toBe(true);
  });

  it('decodes URL-encoded documents and keeps plain ones', () => {
    const account = imported().world.accounts['123456789012']!;
    expect(JSON.parse(account.users.alice!.inlinePolicies.SelfManageKeys!).Statement[0].Resource).toBe('arn:aws:iam::*:user/${aws:username}');
    expect(JSON.parse(account.roles['app-server']!.trustPolicy).Statement[0].Principal).toEqual({ Service: 'ec2.amazonaws.com' });
    expect(JSON.parse(account.roles.PartnerAudit!.trustPolicy).Statement[0].Condition).toEqual({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } });
    expect(JSON.parse(account.groups.Developers!.inlinePolicies.DevTables!).Statement[0].Action).toBe('dynamodb:*');
  });

  it('keeps paths, permissions boundaries, tags, role details and instance profiles', () => {
    const account = imported().world.accounts['123456789012']!;
    const bob = account.users.bob!;
    expect(bob.path).toBe('/engineering/');
    expect(bob.permissionsBoundary).toBe('arn:aws:iam::123456789012:policy/DeveloperBoundary');
    expect(account.users.alice!.tags).toEqual({ team: 'platform' });
    const role = account.roles['app-server']!;
    expect(role.path).toBe('/service-role/');
    expect(role.permissionsBoundary).toBe('arn:aws:iam::123456789012:policy/DeveloperBoundary');
    expect(role.lastUsed).toEqual({ at: '2024-11-02T16:45:10Z', region: 'eu-west-1' });
    expect(account.roles.PartnerAudit!.maxSessionDuration).toBe(7200);
    expect(account.roles.PartnerAudit!.description).toBe('Read-only access for the audit partner');
    expect(account.instanceProfiles['app-server-profile']).toMatchObject({ roles: ['app-server'], arn: 'arn:aws:iam::123456789012:instance-profile/app-server-profile' });
  });

  it('orders policy versions oldest first and keeps the default version', () => {
    const policy = imported().world.accounts['123456789012']!.policies['arn:aws:iam::123456789012:policy/DeveloperBoundary']!;
    expect(policy.versions.map((v) => v.versionId)).toEqual(['v1', 'v2']);
    expect(policy.defaultVersionId).toBe('v2');
    expect(JSON.parse(policy.versions[1]!.document).Statement[1].Effect).toBe('Deny');
    expect(policy.createdAt).toBe('2024-04-10T00:00:00Z');
  });

  it('uses the built-in AWS managed policies and adds unknown ones from the export', () => {
    const account = imported().world.accounts['123456789012']!;
    expect(account.policies['arn:aws:iam::aws:policy/AdministratorAccess']).toBeUndefined();
    expect(account.groups.Admins!.attachedPolicies).toEqual(['arn:aws:iam::aws:policy/AdministratorAccess']);
    expect(account.policies['arn:aws:iam::aws:policy/AWSSupportAccess']).toMatchObject({ awsManaged: true, defaultVersionId: 'v1' });
    expect(account.roles.PartnerAudit!.attachedPolicies).toEqual(['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess']);
  });

  it('reports what could not be mapped, with paths', () => {
    const { notes, world } = imported();
    expect(world.accounts['123456789012']!.users.bob!.groups).toEqual(['Developers']);
    expect(notes).toContainEqual({ path: 'user bob', message: expect.stringContaining('group Contractors is not in the export') });
    expect(notes).toContainEqual({ path: '', message: expect.stringContaining('no credentials') });
  });

  it.each([
    ['a user without a name', { UserDetailList: [{ Arn: 'arn:aws:iam::123456789012:user/x' }, { UserName: 'y', Arn: 'arn:aws:iam::123456789012:user/y' }] }, '/UserDetailList/0'],
    ['an unreadable inline policy', { UserDetailList: [{ UserName: 'y', Arn: 'arn:aws:iam::123456789012:user/y', UserPolicyList: [{ PolicyName: 'p', PolicyDocument: '%7Bnot json' }] }] }, '/UserDetailList/0/UserPolicyList/0'],
    ['a missing attached policy', { UserDetailList: [{ UserName: 'y', Arn: 'arn:aws:iam::123456789012:user/y', AttachedManagedPolicies: [{ PolicyArn: 'arn:aws:iam::123456789012:policy/Gone' }] }] }, 'user y'],
    ['an unknown top-level key', { UserDetailList: [{ UserName: 'y', Arn: 'arn:aws:iam::123456789012:user/y' }], Buckets: [] }, '/Buckets'],
    ['a role without a trust policy', { RoleDetailList: [{ RoleName: 'r', Arn: 'arn:aws:iam::123456789012:role/r' }] }, '/RoleDetailList/0/AssumeRolePolicyDocument'],
  ])('notes %s and imports the rest', (_name, input, path) => {
    const result = importAuthorizationDetails(input, { now });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.notes.map((n) => n.path)).toContain(path);
  });

  it.each([
    ['not an object', [], ''],
    ['no known list', { Users: [] }, ''],
    ['a list that is not an array', { UserDetailList: {} }, '/UserDetailList'],
    ['no ARN with an account id', { UserDetailList: [{ UserName: 'x' }] }, ''],
  ])('rejects %s', (_name, input, path) => {
    const result = importAuthorizationDetails(input, { now });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.path).toBe(path);
  });
});

describe('readPolicyDocument', () => {
  it.each([
    ['an object', { Version: '2012-10-17', Statement: [] }],
    ['JSON text', '{"Version":"2012-10-17","Statement":[]}'],
    ['URL-encoded JSON', '%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%5D%7D'],
  ])('reads %s', (_name, value) => {
    expect(JSON.parse(readPolicyDocument(value)!)).toEqual({ Version: '2012-10-17', Statement: [] });
  });

  it.each([[42], ['not json'], ['%E0%A4%A'], [['array']]])('refuses %j', (value) => {
    expect(readPolicyDocument(value)).toBeNull();
  });
});
