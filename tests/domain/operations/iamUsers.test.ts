// IAM users and credentials through send(): AWS operation names, error codes and messages.
// AWS: IAM API Reference — CreateUser, DeleteUser, CreateLoginProfile, UpdateLoginProfile, DeleteLoginProfile,
// CreateAccessKey, UpdateAccessKey, DeleteAccessKey, ListAccessKeys, CreateVirtualMFADevice, EnableMFADevice,
// TagUser; "IAM and AWS STS quotas" (two access keys per user).
import { describe, expect, it } from 'vitest';
import type { World } from '../../../src/lib/domain/world/types';
import { alicePassword, bobPassword, call, defaultLab, errorOf, ok, totp, userKey } from '../pipeline/labFixture';
import { addSeconds } from '../../../src/lib/domain/world/clock';

const acct = '111122223333';

async function admin(world: World) {
  return userKey(world, 'alice');
}

describe('CreateUser / GetUser / ListUsers / DeleteUser', () => {
  it('creates a user with an AIDA id, the ARN with its path, and tags', async () => {
    const w = await defaultLab();
    const sent = await call(w, 'iam:CreateUser', { UserName: 'dave', Path: '/ops/', Tags: [{ Key: 'Team', Value: 'SRE' }] }, await admin(w));
    const user = ok(sent).User as Record<string, unknown>;
    expect(user.Arn).toBe('arn:aws:iam::111122223333:user/ops/dave');
    expect(String(user.UserId)).toMatch(/^AIDA[A-Z2-7]{17}$/);
    expect(sent.world.accounts[acct]?.users.dave?.tags).toEqual({ Team: 'SRE' });
    expect(sent.record.processing).toEqual({ operation: 'iam:CreateUser', crud: 'Create', changes: [{ kind: 'created', entity: 'user', id: 'dave', parent: acct }] });
    const list = ok(await call(sent.world, 'iam:ListUsers', { PathPrefix: '/ops/' }, await admin(w)));
    expect((list.Users as { UserName: string }[]).map((u) => u.UserName)).toEqual(['dave']);
    expect((ok(await call(sent.world, 'iam:GetUser', { UserName: 'dave' }, await admin(w))).User as { Path: string }).Path).toBe('/ops/');
  });

  it.each([
    ['an existing name (any case)', { UserName: 'BOB' }, 'EntityAlreadyExists', 'User with name BOB already exists.'],
    ['a name with a space', { UserName: 'bad name' }, 'ValidationError', "1 validation error detected: Value 'bad name' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"],
    ['no name', {}, 'ValidationError', "1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null"],
    ['a bad path', { UserName: 'x', Path: 'nope' }, 'ValidationError', "1 validation error detected: Value 'nope' at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)"],
  ])('refuses %s', async (_n, params, code, message) => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 'iam:CreateUser', params, await admin(w)))).toEqual({ code, message });
  });

  it('GetUser without a name returns the caller (and needs iam:GetUser on itself)', async () => {
    const w = await defaultLab();
    expect((ok(await call(w, 'iam:GetUser', {}, userKey(w, 'alice'))).User as { UserName: string }).UserName).toBe('alice');
    expect(errorOf(await call(w, 'iam:GetUser', {}, userKey(w, 'carol'))).message).toContain('iam:GetUser on resource: arn:aws:iam::111122223333:user/carol');
  });

  it('GetUser on an unknown user is NoSuchEntity', async () => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 'iam:GetUser', { UserName: 'zoe' }, await admin(w)))).toEqual({ code: 'NoSuchEntity', message: 'The user with name zoe cannot be found.' });
  });

  it.each([
    ['carol', 'Cannot delete entity, must delete access keys first.'],
    ['bob', 'Cannot delete entity, must delete login profile first.'],
  ])('DeleteUser %s is a DeleteConflict while credentials remain', async (user, message) => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 'iam:DeleteUser', { UserName: user }, await admin(w)))).toEqual({ code: 'DeleteConflict', message });
  });

  it('DeleteUser conflicts on groups, then policies, and succeeds once the user is bare', async () => {
    let w = await defaultLab();
    const a = await admin(w);
    w = (await call(w, 'iam:CreateUser', { UserName: 'erin' }, a)).world;
    w = (await call(w, 'iam:AddUserToGroup', { UserName: 'erin', GroupName: 'Developers' }, a)).world;
    w = (await call(w, 'iam:AttachUserPolicy', { UserName: 'erin', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }, a)).world;
    expect(errorOf(await call(w, 'iam:DeleteUser', { UserName: 'erin' }, a)).message).toBe('Cannot delete entity, must remove users from group first.');
    w = (await call(w, 'iam:RemoveUserFromGroup', { UserName: 'erin', GroupName: 'Developers' }, a)).world;
    expect(errorOf(await call(w, 'iam:DeleteUser', { UserName: 'erin' }, a)).message).toBe('Cannot delete entity, must detach all policies first.');
    w = (await call(w, 'iam:DetachUserPolicy', { UserName: 'erin', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }, a)).world;
    w = (await call(w, 'iam:PutUserPolicy', { UserName: 'erin', PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }] } }, a)).world;
    expect(errorOf(await call(w, 'iam:DeleteUser', { UserName: 'erin' }, a)).message).toBe('Cannot delete entity, must delete policies first.');
    w = (await call(w, 'iam:DeleteUserPolicy', { UserName: 'erin', PolicyName: 'p' }, a)).world;
    const done = await call(w, 'iam:DeleteUser', { UserName: 'erin' }, a);
    ok(done);
    expect(done.world.accounts[acct]?.users.erin).toBeUndefined();
    expect(done.record.processing?.crud).toBe('Delete');
  });

  it('TagUser merges tags and UntagUser removes them', async () => {
    let w = await defaultLab();
    const a = await admin(w);
    w = (await call(w, 'iam:TagUser', { UserName: 'bob', Tags: [{ Key: 'CostCenter', Value: '42' }] }, a)).world;
    expect(w.accounts[acct]?.users.bob?.tags).toEqual({ Department: 'Engineering', CostCenter: '42' });
    w = (await call(w, 'iam:UntagUser', { UserName: 'bob', TagKeys: ['Department'] }, a)).world;
    expect(w.accounts[acct]?.users.bob?.tags).toEqual({ CostCenter: '42' });
  });
});

describe('login profiles (console passwords)', () => {
  it('CreateLoginProfile gives carol console access; a second one is EntityAlreadyExists', async () => {
    const w = await defaultLab();
    const a = await admin(w);
    const created = await call(w, 'iam:CreateLoginProfile', { UserName: 'carol', Password: 'Carol-Console-1!', PasswordResetRequired: true }, a);
    expect((ok(created).LoginProfile as { PasswordResetRequired: boolean }).PasswordResetRequired).toBe(true);
    expect(created.world.accounts[acct]?.users.carol?.loginProfile?.passwordHash).not.toContain('Carol-Console-1!');
    const signIn = await call(created.world, 'signin:ConsoleLogin', {}, { kind: 'password', accountIdOrAlias: acct, userName: 'carol', password: 'Carol-Console-1!' });
    expect(ok(signIn).ConsoleLogin).toBe('Success');
    expect(errorOf(await call(created.world, 'iam:CreateLoginProfile', { UserName: 'carol', Password: 'Another-1!' }, a))).toEqual({
      code: 'EntityAlreadyExists',
      message: 'Login Profile for user carol already exists.',
    });
  });

  it('refuses a password that breaks the password policy', async () => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 'iam:CreateLoginProfile', { UserName: 'carol', Password: 'short' }, await admin(w))).code).toBe('PasswordPolicyViolation');
  });

  it('UpdateLoginProfile changes the password; the old one stops working', async () => {
    const w = await defaultLab();
    const next = await call(w, 'iam:UpdateLoginProfile', { UserName: 'bob', Password: 'Bob-New-Password-1' }, await admin(w));
    ok(next);
    expect(errorOf(await call(next.world, 'signin:ConsoleLogin', {}, bobPassword())).code).toBe('SignInFailed');
    ok(await call(next.world, 'signin:ConsoleLogin', {}, { kind: 'password', accountIdOrAlias: acct, userName: 'bob', password: 'Bob-New-Password-1' }));
  });

  it.each([
    ['iam:UpdateLoginProfile', { UserName: 'carol', Password: 'Whatever-123' }],
    ['iam:DeleteLoginProfile', { UserName: 'carol' }],
    ['iam:GetLoginProfile', { UserName: 'carol' }],
  ])('%s on a user without a password is NoSuchEntity', async (op, params) => {
    const w = await defaultLab();
    expect(errorOf(await call(w, op, params, await admin(w)))).toEqual({ code: 'NoSuchEntity', message: 'Login Profile for User carol cannot be found.' });
  });

  it('DeleteLoginProfile removes console access', async () => {
    const w = await defaultLab();
    const next = await call(w, 'iam:DeleteLoginProfile', { UserName: 'bob' }, await admin(w));
    ok(next);
    expect(errorOf(await call(next.world, 'signin:ConsoleLogin', {}, bobPassword())).code).toBe('SignInFailed');
  });

  it('ChangePassword lets bob change his own password (IAMUserChangePassword)', async () => {
    const w = await defaultLab();
    const changed = await call(w, 'iam:ChangePassword', { OldPassword: 'Bob-Developer-2026!', NewPassword: 'Bob-Changed-2026!' }, bobPassword());
    ok(changed);
    ok(await call(changed.world, 'signin:ConsoleLogin', {}, { kind: 'password', accountIdOrAlias: acct, userName: 'bob', password: 'Bob-Changed-2026!' }));
    expect(errorOf(await call(w, 'iam:ChangePassword', { OldPassword: 'wrong-password', NewPassword: 'Bob-Changed-2026!' }, bobPassword())).code).toBe('AccessDenied');
  });
});

describe('access keys (at most two)', () => {
  it('a third access key is LimitExceeded with AWS message', async () => {
    let w = await defaultLab();
    const a = await admin(w);
    const second = await call(w, 'iam:CreateAccessKey', { UserName: 'carol' }, a);
    const key = ok(second).AccessKey as Record<string, string>;
    expect(key.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(key.SecretAccessKey).toHaveLength(40);
    expect(key.Status).toBe('Active');
    w = second.world;
    expect(errorOf(await call(w, 'iam:CreateAccessKey', { UserName: 'carol' }, a))).toEqual({ code: 'LimitExceeded', message: 'Cannot exceed quota for AccessKeysPerUser: 2' });
  });

  it('ListAccessKeys shows metadata without secrets; UpdateAccessKey deactivates; a deactivated key is refused', async () => {
    const w = await defaultLab();
    const a = await admin(w);
    const carol = userKey(w, 'carol');
    const id = carol.kind === 'accessKey' ? carol.accessKeyId : '';
    const listed = ok(await call(w, 'iam:ListAccessKeys', { UserName: 'carol' }, a)).AccessKeyMetadata as Record<string, string>[];
    expect(listed).toEqual([{ UserName: 'carol', AccessKeyId: id, Status: 'Active', CreateDate: '2026-01-15T09:00:00Z' }]);
    const off = await call(w, 'iam:UpdateAccessKey', { UserName: 'carol', AccessKeyId: id, Status: 'Inactive' }, a);
    ok(off);
    expect(errorOf(await call(off.world, 'sts:GetCallerIdentity', {}, carol))).toEqual({ code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' });
    expect(errorOf(await call(w, 'iam:UpdateAccessKey', { UserName: 'carol', AccessKeyId: id, Status: 'Paused' }, a)).code).toBe('ValidationError');
  });

  it('DeleteAccessKey removes the key; deleting again is NoSuchEntity', async () => {
    const w = await defaultLab();
    const a = await admin(w);
    const carol = userKey(w, 'carol');
    const id = carol.kind === 'accessKey' ? carol.accessKeyId : '';
    const gone = await call(w, 'iam:DeleteAccessKey', { UserName: 'carol', AccessKeyId: id }, a);
    ok(gone);
    expect(errorOf(await call(gone.world, 'iam:DeleteAccessKey', { UserName: 'carol', AccessKeyId: id }, a))).toEqual({ code: 'NoSuchEntity', message: `The Access Key with id ${id} cannot be found.` });
    expect(errorOf(await call(gone.world, 'sts:GetCallerIdentity', {}, carol)).code).toBe('InvalidClientTokenId');
  });

  it('records the last use of a key on success', async () => {
    const w = await defaultLab();
    const sent = await call(w, 'sts:GetCallerIdentity', {}, userKey(w, 'carol'));
    expect(sent.world.accounts[acct]?.users.carol?.accessKeys[0]?.lastUsed).toEqual({ at: w.clock, service: 'sts', region: 'us-east-1' });
  });
});

describe('virtual MFA devices', () => {
  it('CreateVirtualMFADevice + EnableMFADevice with two consecutive codes; then sign-in needs the code', async () => {
    let w = await defaultLab();
    const a = await admin(w);
    const created = await call(w, 'iam:CreateVirtualMFADevice', { VirtualMFADeviceName: 'bob-phone' }, a);
    const device = ok(created).VirtualMFADevice as Record<string, string>;
    expect(device.SerialNumber).toBe('arn:aws:iam::111122223333:mfa/bob-phone');
    expect(device.Base32StringSeed).toMatch(/^[A-Z2-7]+$/);
    w = created.world;
    const seed = device.Base32StringSeed ?? '';
    const bad = await call(w, 'iam:EnableMFADevice', { UserName: 'bob', SerialNumber: device.SerialNumber ?? '', AuthenticationCode1: '000000', AuthenticationCode2: '111111' }, a);
    expect(errorOf(bad)).toEqual({ code: 'InvalidAuthenticationCode', message: 'Authentication code for device is not valid.' });
    const code1 = await totp(seed, w.clock);
    const code2 = await totp(seed, addSeconds(w.clock, 30));
    const enabled = await call(w, 'iam:EnableMFADevice', { UserName: 'bob', SerialNumber: device.SerialNumber ?? '', AuthenticationCode1: code1, AuthenticationCode2: code2 }, a);
    ok(enabled);
    w = enabled.world;
    expect(w.accounts[acct]?.users.bob?.mfaDevices).toEqual(['arn:aws:iam::111122223333:mfa/bob-phone']);
    expect(errorOf(await call(w, 'signin:ConsoleLogin', {}, bobPassword())).code).toBe('MfaRequired');
    const later = { ...w, clock: addSeconds(w.clock, 90) };
    const signed = await call(later, 'signin:ConsoleLogin', {}, bobPassword(await totp(seed, later.clock)));
    expect(ok(signed).ConsoleLogin).toBe('Success');
    expect(errorOf(await call(w, 'iam:DeleteUser', { UserName: 'bob' }, a)).message).toBe('Cannot delete entity, must delete login profile first.');
  });

  it('EnableMFADevice on an unknown device is NoSuchEntity', async () => {
    const w = await defaultLab();
    const e = errorOf(await call(w, 'iam:EnableMFADevice', { UserName: 'bob', SerialNumber: 'arn:aws:iam::111122223333:mfa/none', AuthenticationCode1: '1', AuthenticationCode2: '2' }, await admin(w)));
    expect(e.code).toBe('NoSuchEntity');
  });
});

describe('IAM operations are authorized by the engine', () => {
  it.each([
    ['iam:CreateUser', { UserName: 'x' }],
    ['iam:CreateAccessKey', { UserName: 'alice' }],
    ['iam:AttachUserPolicy', { UserName: 'bob', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
    ['iam:CreateRole', { RoleName: 'r', AssumeRolePolicyDocument: '{}' }],
  ])('%s is AccessDenied for bob (Developers)', async (op, params) => {
    const w = await defaultLab();
    const e = errorOf(await call(w, op, params, bobPassword()));
    expect(e.code).toBe('AccessDenied');
    expect(e.message).toContain(`User: arn:aws:iam::111122223333:user/bob is not authorized to perform: ${op}`);
  });

  it('alice signs in by account alias', async () => {
    const w = await defaultLab();
    expect(ok(await call(w, 'signin:ConsoleLogin', {}, alicePassword())).ConsoleLogin).toBe('Success');
  });
});
