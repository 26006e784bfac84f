// IAM groups, roles, managed and inline policies, attachments, boundaries, providers and account reads.
// AWS: IAM API Reference — CreateGroup, DeleteGroup, AddUserToGroup, RemoveUserFromGroup, CreateRole, DeleteRole,
// UpdateAssumeRolePolicy, Attach/Detach*Policy, Put/Delete*Policy, Put/Delete*PermissionsBoundary, CreatePolicy,
// CreatePolicyVersion, SetDefaultPolicyVersion, DeletePolicy, GetPolicyVersion, GetAccountAuthorizationDetails,
// CreateSAMLProvider, CreateOpenIDConnectProvider; IAM User Guide "AWS JSON policy elements: Principal".
import { describe, expect, it } from 'vitest';
import type { World } from '../../../src/lib/domain/world/types';
import { call, defaultLab, errorOf, ok, userKey } from '../pipeline/labFixture';

const acct = '111122223333';
const allowList = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }] };
const trustEc2 = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };

async function as(): Promise<{ w: World; a: ReturnType<typeof userKey> }> {
  const w = await defaultLab();
  return { w, a: userKey(w, 'alice') };
}

describe('groups', () => {
  it('creates a group, adds and removes a member, deletes it', async () => {
    const { w, a } = await as();
    const g = await call(w, 'iam:CreateGroup', { GroupName: 'Auditors' }, a);
    expect((ok(g).Group as { Arn: string }).Arn).toBe('arn:aws:iam::111122223333:group/Auditors');
    const added = await call(g.world, 'iam:AddUserToGroup', { GroupName: 'Auditors', UserName: 'carol' }, a);
    expect(added.world.accounts[acct]?.users.carol?.groups).toEqual(['Developers', 'Auditors']);
    const members = ok(await call(added.world, 'iam:GetGroup', { GroupName: 'Auditors' }, a)).Users as { UserName: string }[];
    expect(members.map((u) => u.UserName)).toEqual(['carol']);
    expect(errorOf(await call(added.world, 'iam:DeleteGroup', { GroupName: 'Auditors' }, a))).toEqual({ code: 'DeleteConflict', message: 'Cannot delete entity, must remove users from group first.' });
    const removed = await call(added.world, 'iam:RemoveUserFromGroup', { GroupName: 'Auditors', UserName: 'carol' }, a);
    ok(await call(removed.world, 'iam:DeleteGroup', { GroupName: 'Auditors' }, a));
  });

  it.each([
    ['iam:CreateGroup', { GroupName: 'admins' }, 'EntityAlreadyExists', 'Group with name admins already exists.'],
    ['iam:AddUserToGroup', { GroupName: 'Nobody', UserName: 'bob' }, 'NoSuchEntity', 'The group with name Nobody cannot be found.'],
    ['iam:AddUserToGroup', { GroupName: 'Admins', UserName: 'zed' }, 'NoSuchEntity', 'The user with name zed cannot be found.'],
    ['iam:RemoveUserFromGroup', { GroupName: 'Admins', UserName: 'bob' }, 'NoSuchEntity', 'The user with name bob cannot be found in group Admins.'],
    ['iam:DeleteGroup', { GroupName: 'Admins' }, 'DeleteConflict', 'Cannot delete entity, must remove users from group first.'],
  ])('%s %j → %s', async (op, params, code, message) => {
    const { w, a } = await as();
    expect(errorOf(await call(w, op, params, a))).toEqual({ code, message });
  });

  it('group permissions reach the members: adding bob to Admins lets him create users', async () => {
    const { w, a } = await as();
    const bob = { kind: 'password', accountIdOrAlias: acct, userName: 'bob', password: 'Bob-Developer-2026!' } as const;
    expect(errorOf(await call(w, 'iam:CreateUser', { UserName: 'x1' }, bob)).code).toBe('AccessDenied');
    const joined = await call(w, 'iam:AddUserToGroup', { GroupName: 'Admins', UserName: 'bob' }, a);
    ok(await call(joined.world, 'iam:CreateUser', { UserName: 'x1' }, bob));
  });

  it('a group cannot be a principal: MalformedPolicyDocument "Invalid principal in policy"', async () => {
    const { w, a } = await as();
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:group/Developers' }, Action: 'sts:AssumeRole' }] };
    const e = errorOf(await call(w, 'iam:CreateRole', { RoleName: 'GroupTrust', AssumeRolePolicyDocument: trust }, a));
    expect(e.code).toBe('MalformedPolicyDocument');
    expect(e.message).toContain('Invalid principal in policy');
  });
});

describe('roles', () => {
  it('CreateRole stores the trust policy and MaxSessionDuration; GetRole/ListRoles read it', async () => {
    const { w, a } = await as();
    const r = await call(w, 'iam:CreateRole', { RoleName: 'BatchRole', AssumeRolePolicyDocument: trustEc2, MaxSessionDuration: 7200, Tags: [{ Key: 'team', Value: 'data' }] }, a);
    const role = ok(r).Role as Record<string, unknown>;
    expect(role.Arn).toBe('arn:aws:iam::111122223333:role/BatchRole');
    expect(String(role.RoleId)).toMatch(/^AROA/);
    expect(role.MaxSessionDuration).toBe(7200);
    expect((ok(await call(r.world, 'iam:GetRole', { RoleName: 'BatchRole' }, a)).Role as { RoleName: string }).RoleName).toBe('BatchRole');
    expect((ok(await call(r.world, 'iam:ListRoles', {}, a)).Roles as unknown[]).length).toBe(Object.keys(r.world.accounts[acct]?.roles ?? {}).length);
  });

  it.each([
    ['a duration over 12 hours', { RoleName: 'R1', AssumeRolePolicyDocument: trustEc2, MaxSessionDuration: 50000 }, 'ValidationError'],
    ['an existing role name', { RoleName: 'AppServerRole', AssumeRolePolicyDocument: trustEc2 }, 'EntityAlreadyExists'],
    ['a trust policy without Principal', { RoleName: 'R2', AssumeRolePolicyDocument: allowList }, 'MalformedPolicyDocument'],
    ['a trust policy that is not JSON', { RoleName: 'R3', AssumeRolePolicyDocument: '{"Version":' }, 'MalformedPolicyDocument'],
    ['a principal user that does not exist', { RoleName: 'R4', AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/ghost' }, Action: 'sts:AssumeRole' }] } }, 'MalformedPolicyDocument'],
  ])('CreateRole refuses %s', async (_n, params, code) => {
    const { w, a } = await as();
    expect(errorOf(await call(w, 'iam:CreateRole', params, a)).code).toBe(code);
  });

  it('UpdateAssumeRolePolicy replaces the trust policy; DeleteRole conflicts while policies or profiles remain', async () => {
    const { w, a } = await as();
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' }] };
    const up = await call(w, 'iam:UpdateAssumeRolePolicy', { RoleName: 'AppServerRole', PolicyDocument: trust }, a);
    ok(up);
    expect(JSON.parse(up.world.accounts[acct]?.roles.AppServerRole?.trustPolicy ?? '{}')).toEqual(trust);
    expect(errorOf(await call(w, 'iam:DeleteRole', { RoleName: 'AppServerRole' }, a)).message).toBe('Cannot delete entity, must remove roles from instance profile first.');
    expect(errorOf(await call(w, 'iam:DeleteRole', { RoleName: 'BreakGlassRole' }, a)).message).toBe('Cannot delete entity, must detach all policies first.');
    expect(errorOf(await call(w, 'iam:DeleteRole', { RoleName: 'WebAppUserRole' }, a)).message).toBe('Cannot delete entity, must delete policies first.');
    const detached = await call(w, 'iam:DetachRolePolicy', { RoleName: 'BreakGlassRole', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, a);
    ok(await call(detached.world, 'iam:DeleteRole', { RoleName: 'BreakGlassRole' }, a));
    expect(errorOf(await call(w, 'iam:DeleteRole', { RoleName: 'Nope' }, a))).toEqual({ code: 'NoSuchEntity', message: 'The role with name Nope cannot be found.' });
  });

  it('TagRole and UntagRole', async () => {
    const { w, a } = await as();
    const t = await call(w, 'iam:TagRole', { RoleName: 'AppServerRole', Tags: [{ Key: 'env', Value: 'prod' }] }, a);
    expect(t.world.accounts[acct]?.roles.AppServerRole?.tags).toEqual({ Application: 'orders', env: 'prod' });
    const u = await call(t.world, 'iam:UntagRole', { RoleName: 'AppServerRole', TagKeys: ['Application'] }, a);
    expect(u.world.accounts[acct]?.roles.AppServerRole?.tags).toEqual({ env: 'prod' });
  });

  it('instance profiles: create, add a role (needs iam:PassRole), at most one role', async () => {
    const { w, a } = await as();
    const p = await call(w, 'iam:CreateInstanceProfile', { InstanceProfileName: 'Batch' }, a);
    const added = await call(p.world, 'iam:AddRoleToInstanceProfile', { InstanceProfileName: 'Batch', RoleName: 'AppServerRole' }, a);
    expect(added.record.authorization?.checks.map((c) => c.action)).toEqual(['iam:AddRoleToInstanceProfile', 'iam:PassRole']);
    expect(added.world.accounts[acct]?.instanceProfiles.Batch?.roles).toEqual(['AppServerRole']);
    expect(errorOf(await call(added.world, 'iam:AddRoleToInstanceProfile', { InstanceProfileName: 'Batch', RoleName: 'BreakGlassRole' }, a)).code).toBe('LimitExceeded');
  });
});

describe('managed policies and versions', () => {
  it('CreatePolicy → v1 default; CreatePolicyVersion up to five; the sixth is LimitExceeded', async () => {
    const { w, a } = await as();
    let cur = await call(w, 'iam:CreatePolicy', { PolicyName: 'ListBuckets', PolicyDocument: allowList, Description: 'list' }, a);
    const policy = ok(cur).Policy as Record<string, unknown>;
    expect(policy).toMatchObject({ Arn: 'arn:aws:iam::111122223333:policy/ListBuckets', DefaultVersionId: 'v1', AttachmentCount: 0 });
    const arn = String(policy.Arn);
    for (let i = 2; i <= 5; i += 1) {
      cur = await call(cur.world, 'iam:CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: allowList, SetAsDefault: i === 5 }, a);
      expect((ok(cur).PolicyVersion as { VersionId: string }).VersionId).toBe(`v${i}`);
    }
    expect(cur.world.accounts[acct]?.policies[arn]?.defaultVersionId).toBe('v5');
    expect(errorOf(await call(cur.world, 'iam:CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: allowList }, a))).toEqual({
      code: 'LimitExceeded',
      message: 'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    });
    const v3 = ok(await call(cur.world, 'iam:GetPolicyVersion', { PolicyArn: arn, VersionId: 'v3' }, a)).PolicyVersion as Record<string, unknown>;
    expect(v3.IsDefaultVersion).toBe(false);
    const set = await call(cur.world, 'iam:SetDefaultPolicyVersion', { PolicyArn: arn, VersionId: 'v2' }, a);
    expect(set.world.accounts[acct]?.policies[arn]?.defaultVersionId).toBe('v2');
    expect(errorOf(await call(set.world, 'iam:SetDefaultPolicyVersion', { PolicyArn: arn, VersionId: 'v9' }, a)).code).toBe('NoSuchEntity');
    expect(errorOf(await call(set.world, 'iam:DeletePolicyVersion', { PolicyArn: arn, VersionId: 'v2' }, a)).code).toBe('DeleteConflict');
    expect(errorOf(await call(set.world, 'iam:DeletePolicy', { PolicyArn: arn }, a)).code).toBe('DeleteConflict');
  });

  it('DeletePolicy refuses an attached policy, then succeeds once detached', async () => {
    const { w, a } = await as();
    const created = await call(w, 'iam:CreatePolicy', { PolicyName: 'Tmp', PolicyDocument: allowList }, a);
    const arn = 'arn:aws:iam::111122223333:policy/Tmp';
    const attached = await call(created.world, 'iam:AttachUserPolicy', { UserName: 'carol', PolicyArn: arn }, a);
    expect(errorOf(await call(attached.world, 'iam:DeletePolicy', { PolicyArn: arn }, a))).toEqual({ code: 'DeleteConflict', message: 'Cannot delete a policy attached to entities.' });
    const detached = await call(attached.world, 'iam:DetachUserPolicy', { UserName: 'carol', PolicyArn: arn }, a);
    const gone = await call(detached.world, 'iam:DeletePolicy', { PolicyArn: arn }, a);
    ok(gone);
    expect(gone.world.accounts[acct]?.policies[arn]).toBeUndefined();
  });

  it.each([
    ['a Principal in an identity policy', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*', Resource: '*' }] }],
    ['a bad Effect', { Version: '2012-10-17', Statement: [{ Effect: 'Maybe', Action: 's3:*', Resource: '*' }] }],
    ['broken JSON text', '{"Version": "2012-10-17", "Statement": ['],
  ])('CreatePolicy with %s is MalformedPolicyDocument and stores nothing', async (_n, doc) => {
    const { w, a } = await as();
    const sent = await call(w, 'iam:CreatePolicy', { PolicyName: 'Bad', PolicyDocument: doc }, a);
    expect(errorOf(sent).code).toBe('MalformedPolicyDocument');
    expect(sent.world).toBe(w);
  });

  it('AWS managed policies cannot be changed or deleted', async () => {
    const { w, a } = await as();
    expect(errorOf(await call(w, 'iam:CreatePolicyVersion', { PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', PolicyDocument: allowList }, a)).code).toBe('InvalidInput');
    expect(errorOf(await call(w, 'iam:DeletePolicy', { PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, a)).code).toBe('InvalidInput');
  });

  it('ListPolicies lists AWS and local policies with attachment counts; GetPolicy reads one', async () => {
    const { w, a } = await as();
    const all = ok(await call(w, 'iam:ListPolicies', {}, a)).Policies as { PolicyName: string; AttachmentCount: number }[];
    expect(all.find((p) => p.PolicyName === 'AdministratorAccess')?.AttachmentCount).toBe(2);
    const local = ok(await call(w, 'iam:ListPolicies', { Scope: 'Local' }, a)).Policies as { PolicyName: string }[];
    expect(local.map((p) => p.PolicyName)).toEqual(['DeveloperAppAccess']);
    expect((ok(await call(w, 'iam:GetPolicy', { PolicyArn: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess' }, a)).Policy as { PolicyName: string }).PolicyName).toBe('ViewOnlyAccess');
  });
});

describe('attachments and inline policies', () => {
  it.each(['User', 'Group', 'Role'] as const)('Attach/ListAttached/Detach %sPolicy', async (type) => {
    const { w, a } = await as();
    const name = type === 'User' ? 'carol' : type === 'Group' ? 'Developers' : 'AppServerRole';
    const arn = 'arn:aws:iam::aws:policy/IAMReadOnlyAccess';
    const att = await call(w, `iam:Attach${type}Policy`, { [`${type}Name`]: name, PolicyArn: arn }, a);
    ok(att);
    expect(att.record.authorization?.checks[0]?.context['iam:PolicyARN']).toBe(arn);
    const listed = ok(await call(att.world, `iam:ListAttached${type}Policies`, { [`${type}Name`]: name }, a)).AttachedPolicies as { PolicyArn: string }[];
    expect(listed.map((p) => p.PolicyArn)).toContain(arn);
    const det = await call(att.world, `iam:Detach${type}Policy`, { [`${type}Name`]: name, PolicyArn: arn }, a);
    ok(det);
    expect(errorOf(await call(det.world, `iam:Detach${type}Policy`, { [`${type}Name`]: name, PolicyArn: arn }, a)).code).toBe('NoSuchEntity');
    expect(errorOf(await call(w, `iam:Attach${type}Policy`, { [`${type}Name`]: name, PolicyArn: 'arn:aws:iam::aws:policy/NoSuchPolicy' }, a))).toEqual({
      code: 'NoSuchEntity',
      message: 'Policy arn:aws:iam::aws:policy/NoSuchPolicy does not exist or is not attachable.',
    });
  });

  it.each(['User', 'Group', 'Role'] as const)('Put/Get/List/Delete %sPolicy', async (type) => {
    const { w, a } = await as();
    const name = type === 'User' ? 'carol' : type === 'Group' ? 'Developers' : 'AppServerRole';
    const put = await call(w, `iam:Put${type}Policy`, { [`${type}Name`]: name, PolicyName: 'ListAll', PolicyDocument: allowList }, a);
    ok(put);
    expect(JSON.parse(String(ok(await call(put.world, `iam:Get${type}Policy`, { [`${type}Name`]: name, PolicyName: 'ListAll' }, a)).PolicyDocument))).toEqual(allowList);
    expect(ok(await call(put.world, `iam:List${type}Policies`, { [`${type}Name`]: name }, a)).PolicyNames).toContain('ListAll');
    const del = await call(put.world, `iam:Delete${type}Policy`, { [`${type}Name`]: name, PolicyName: 'ListAll' }, a);
    ok(del);
    expect(errorOf(await call(del.world, `iam:Get${type}Policy`, { [`${type}Name`]: name, PolicyName: 'ListAll' }, a))).toEqual({
      code: 'NoSuchEntity',
      message: `The ${type.toLowerCase()} policy with name ListAll cannot be found.`,
    });
  });

  it('an inline policy applies at once: carol may list buckets after PutUserPolicy', async () => {
    const { w, a } = await as();
    const carol = userKey(w, 'carol');
    expect(errorOf(await call(w, 's3:ListBuckets', {}, carol)).code).toBe('AccessDenied');
    const put = await call(w, 'iam:PutUserPolicy', { UserName: 'carol', PolicyName: 'ListAll', PolicyDocument: allowList }, a);
    ok(await call(put.world, 's3:ListBuckets', {}, carol));
  });

  it('more than ten managed policies on one entity is LimitExceeded', async () => {
    const { w, a } = await as();
    let cur = w;
    for (let i = 0; i < 10; i += 1) {
      cur = (await call(cur, 'iam:CreatePolicy', { PolicyName: `P${i}`, PolicyDocument: allowList }, a)).world;
      cur = (await call(cur, 'iam:AttachUserPolicy', { UserName: 'carol', PolicyArn: `arn:aws:iam::111122223333:policy/P${i}` }, a)).world;
    }
    expect(errorOf(await call(cur, 'iam:AttachUserPolicy', { UserName: 'carol', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }, a))).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for PoliciesPerUser: 10',
    });
  });
});

describe('permissions boundaries', () => {
  it('PutUserPermissionsBoundary limits alice even with AdministratorAccess; deleting it restores her', async () => {
    const { w, a } = await as();
    const bounded = await call(w, 'iam:PutUserPermissionsBoundary', { UserName: 'alice', PermissionsBoundary: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }, a);
    ok(bounded);
    expect(bounded.world.accounts[acct]?.users.alice?.permissionsBoundary).toBe('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    const denied = await call(bounded.world, 'iam:CreateUser', { UserName: 'x' }, a);
    expect(errorOf(denied).message).toContain('permissions boundary');
    expect(denied.record.authorization?.checks[0]?.policies.some((p) => p.source.kind === 'permissionsBoundary')).toBe(true);
    ok(await call(bounded.world, 's3:ListBuckets', {}, a));
    const root = { kind: 'rootPassword', email: 'root@example.com', password: 'Root-Example-2026!' } as const;
    const freed = await call(bounded.world, 'iam:DeleteUserPermissionsBoundary', { UserName: 'alice' }, root);
    ok(freed);
    ok(await call(freed.world, 'iam:CreateUser', { UserName: 'x' }, a));
    expect(errorOf(await call(freed.world, 'iam:DeleteUserPermissionsBoundary', { UserName: 'alice' }, a)).code).toBe('NoSuchEntity');
  });

  it('PutRolePermissionsBoundary / DeleteRolePermissionsBoundary; an unknown policy is refused', async () => {
    const { w, a } = await as();
    const put = await call(w, 'iam:PutRolePermissionsBoundary', { RoleName: 'AppServerRole', PermissionsBoundary: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }, a);
    expect(put.world.accounts[acct]?.roles.AppServerRole?.permissionsBoundary).toBe('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    ok(await call(put.world, 'iam:DeleteRolePermissionsBoundary', { RoleName: 'AppServerRole' }, a));
    expect(errorOf(await call(w, 'iam:PutRolePermissionsBoundary', { RoleName: 'AppServerRole', PermissionsBoundary: 'arn:aws:iam::aws:policy/Nope' }, a)).code).toBe('InvalidInput');
  });
});

describe('account reads and identity providers', () => {
  it('GetAccountAuthorizationDetails lists users with groups, roles, and policies in use', async () => {
    const { w, a } = await as();
    const d = ok(await call(w, 'iam:GetAccountAuthorizationDetails', {}, a));
    const users = d.UserDetailList as { UserName: string; GroupList: string[] }[];
    expect(users.find((u) => u.UserName === 'bob')?.GroupList).toEqual(['Developers']);
    expect((d.RoleDetailList as { RoleName: string }[]).map((r) => r.RoleName)).toContain('AppServerRole');
    expect((d.Policies as { PolicyName: string }[]).map((p) => p.PolicyName)).toContain('AdministratorAccess');
  });

  it('ListGroups / ListGroupsForUser / GetAccountSummary', async () => {
    const { w, a } = await as();
    expect((ok(await call(w, 'iam:ListGroups', {}, a)).Groups as { GroupName: string }[]).map((g) => g.GroupName)).toEqual(['Admins', 'Developers']);
    expect((ok(await call(w, 'iam:ListGroupsForUser', { UserName: 'alice' }, a)).Groups as { GroupName: string }[]).map((g) => g.GroupName)).toEqual(['Admins']);
    expect((ok(await call(w, 'iam:GetAccountSummary', {}, a)).SummaryMap as Record<string, number>).Users).toBe(3);
  });

  it('CreateSAMLProvider and CreateOpenIDConnectProvider', async () => {
    const { w, a } = await as();
    const saml = await call(w, 'iam:CreateSAMLProvider', { Name: 'Okta', SAMLMetadataDocument: '<EntityDescriptor entityID="http://www.okta.com/abc"/>' }, a);
    expect(ok(saml).SAMLProviderArn).toBe('arn:aws:iam::111122223333:saml-provider/Okta');
    expect(saml.world.accounts[acct]?.identityProviders['arn:aws:iam::111122223333:saml-provider/Okta']).toMatchObject({ kind: 'saml', issuer: 'http://www.okta.com/abc' });
    const oidc = await call(w, 'iam:CreateOpenIDConnectProvider', { Url: 'https://token.actions.githubusercontent.com', ClientIDList: ['sts.amazonaws.com'], ThumbprintList: ['abc'] }, a);
    expect(ok(oidc).OpenIDConnectProviderArn).toBe('arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com');
    expect(errorOf(await call(w, 'iam:CreateOpenIDConnectProvider', { Url: 'https://auth.example.com', ClientIDList: ['x'] }, a)).code).toBe('EntityAlreadyExists');
    expect(errorOf(await call(w, 'iam:CreateOpenIDConnectProvider', { Url: 'http://insecure.example.com' }, a)).code).toBe('ValidationError');
    expect((ok(await call(oidc.world, 'iam:ListOpenIDConnectProviders', {}, a)).OpenIDConnectProviderList as unknown[]).length).toBe(2);
    expect((ok(await call(saml.world, 'iam:ListSAMLProviders', {}, a)).SAMLProviderList as unknown[]).length).toBe(2);
  });
});
