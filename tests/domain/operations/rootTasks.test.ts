// Root-only tasks: refused for every other principal, even with AdministratorAccess; allowed for root.
// AWS: IAM User Guide "Tasks that require root user credentials",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#root-user-tasks
import { describe, expect, it } from 'vitest';
import { rootOnlyTasks } from '../../../src/lib/domain/operations/rootTasks';
import { addSeconds } from '../../../src/lib/domain/world/clock';
import type { Json } from '../../../src/lib/domain/policy/types';
import { call, defaultLab, errorOf, ok, rootPassword, totp, userKey } from '../pipeline/labFixture';

const acct = '111122223333';

const tasks: [string, Record<string, Json>, (w: Awaited<ReturnType<typeof defaultLab>>) => unknown, unknown][] = [
  ['account:UpdateRootEmail', { NewEmail: 'owner@example.com' }, (w) => w.accounts[acct]?.root.email, 'owner@example.com'],
  ['supportplans:UpdateSupportPlan', { SupportPlan: 'business' }, (w) => w.accounts[acct]?.supportPlan, 'business'],
  ['account:CloseAccount', {}, (w) => w.accounts[acct]?.status, 'closed'],
  ['cloudfront:CreateCloudFrontKeyPair', {}, (w) => Object.keys(w.accounts[acct]?.cloudFrontKeyPairs ?? {}).length, 1],
];

describe('root-only tasks', () => {
  it.each(tasks)('%s is refused for alice (AdministratorAccess) with rootOnly and no change', async (op, params) => {
    const w = await defaultLab();
    const sent = await call(w, op, params, userKey(w, 'alice'));
    expect(sent.record.rootOnly).toBe(true);
    expect(sent.record.authorization?.rootOnly?.reason).toContain('only the root user can do');
    expect(sent.record.authorization?.checks).toEqual([]);
    expect(errorOf(sent).code).toBe('AccessDenied');
    expect(sent.world).toBe(w);
  });

  it.each(tasks)('%s succeeds for the root user', async (op, params, read, expected) => {
    const w = await defaultLab();
    const sent = await call(w, op, params, rootPassword);
    ok(sent);
    expect(sent.record.rootOnly).toBe(true);
    expect(read(sent.world)).toEqual(expected);
  });

  it('changing the root password: the new one signs in, the old one no longer does', async () => {
    const w = await defaultLab();
    const changed = await call(w, 'account:UpdateRootPassword', { NewPassword: 'A-New-Root-Password-1' }, rootPassword);
    ok(changed);
    expect(errorOf(await call(changed.world, 'signin:ConsoleLogin', {}, rootPassword)).code).toBe('SignInFailed');
    ok(await call(changed.world, 'signin:ConsoleLogin', {}, { kind: 'rootPassword', email: 'root@example.com', password: 'A-New-Root-Password-1' }));
  });

  it('root MFA: enabling it makes root sign-in ask for a code; deactivating removes it', async () => {
    let w = await defaultLab();
    const dev = await call(w, 'iam:CreateVirtualMFADevice', { VirtualMFADeviceName: 'root' }, rootPassword);
    const d = ok(dev).VirtualMFADevice as Record<string, string>;
    w = dev.world;
    const secret = d.Base32StringSeed ?? '';
    const refused = await call(w, 'account:EnableRootMFADevice', { SerialNumber: d.SerialNumber ?? '', AuthenticationCode1: '1', AuthenticationCode2: '2' }, userKey(w, 'alice'));
    expect(refused.record.rootOnly).toBe(true);
    const on = await call(w, 'account:EnableRootMFADevice', { SerialNumber: d.SerialNumber ?? '', AuthenticationCode1: await totp(secret, w.clock), AuthenticationCode2: await totp(secret, addSeconds(w.clock, 30)) }, rootPassword);
    ok(on);
    const later = { ...on.world, clock: addSeconds(w.clock, 120) };
    expect(errorOf(await call(later, 'signin:ConsoleLogin', {}, rootPassword)).code).toBe('MfaRequired');
    const withCode = { kind: 'rootPassword', email: 'root@example.com', password: 'Root-Example-2026!', mfaCode: await totp(secret, later.clock) } as const;
    const off = await call(later, 'account:DeactivateRootMFADevice', {}, withCode);
    ok(off);
    expect(off.world.accounts[acct]?.root.mfaSerial).toBeUndefined();
  });

  it('a closed account refuses every request', async () => {
    const w = await defaultLab();
    const closed = await call(w, 'account:CloseAccount', {}, rootPassword);
    expect(errorOf(await call(closed.world, 'sts:GetCallerIdentity', {}, userKey(w, 'alice'))).code).toBe('InvalidClientTokenId');
  });

  it('restoring IAM permissions: after alice detaches the only admin policy, root gives it back', async () => {
    let w = await defaultLab();
    const a = userKey(w, 'alice');
    w = (await call(w, 'iam:DetachGroupPolicy', { GroupName: 'Admins', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, a)).world;
    expect(errorOf(await call(w, 'iam:AttachGroupPolicy', { GroupName: 'Admins', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, a)).code).toBe('AccessDenied');
    const restored = await call(w, 'iam:AttachGroupPolicy', { GroupName: 'Admins', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, rootPassword);
    ok(restored);
    ok(await call(restored.world, 'iam:ListUsers', {}, a));
  });

  it('RestoreAdminPermissions and UnlockBucketPolicy: root-only, and they recover a locked-out account', async () => {
    let w = await defaultLab();
    const a = userKey(w, 'alice');
    const lockout = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['arn:aws:s3:::example-corp-app-data', 'arn:aws:s3:::example-corp-app-data/*'] }] };
    w = (await call(w, 's3:PutBucketPolicy', { Bucket: 'example-corp-app-data', Policy: lockout }, a)).world;
    w = (await call(w, 'iam:RemoveUserFromGroup', { UserName: 'alice', GroupName: 'Admins' }, a)).world;
    const refused = await call(w, 'account:UnlockBucketPolicy', { Bucket: 'example-corp-app-data' }, a);
    expect(refused.record.rootOnly).toBe(true);
    expect((await call(w, 'account:RestoreAdminPermissions', { UserName: 'alice' }, a)).record.rootOnly).toBe(true);
    w = (await call(w, 'account:RestoreAdminPermissions', { UserName: 'alice' }, rootPassword)).world;
    ok(await call(w, 'iam:ListUsers', {}, a));
    expect(errorOf(await call(w, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, a)).code).toBe('AccessDenied');
    const unlocked = await call(w, 'account:UnlockBucketPolicy', { Bucket: 'example-corp-app-data' }, rootPassword);
    ok(unlocked);
    ok(await call(unlocked.world, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, a));
    expect(errorOf(await call(unlocked.world, 'account:UnlockBucketPolicy', { Bucket: 'example-corp-app-data' }, rootPassword)).code).toBe('NoSuchBucketPolicy');
  });

  it('the table lists every AWS root-only task with the operation that performs it', () => {
    expect(rootOnlyTasks.map((t) => t.operation)).toEqual(
      expect.arrayContaining(['account:UpdateRootEmail', 'account:UpdateRootPassword', 'account:EnableRootMFADevice', 'supportplans:UpdateSupportPlan', 'account:CloseAccount', 'cloudfront:CreateCloudFrontKeyPair', 's3:PutBucketVersioning (with MFADelete)', 'account:RestoreAdminPermissions', 'account:UnlockBucketPolicy']),
    );
  });
});
