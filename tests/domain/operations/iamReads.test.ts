// The remaining IAM and KMS reads and clean-ups: last use of a key, MFA device lifecycle, instance
// profiles, policy version listing, key listing.
// AWS: IAM API Reference (GetAccessKeyLastUsed, ListMFADevices, DeactivateMFADevice, DeleteVirtualMFADevice,
// ListInstanceProfiles, RemoveRoleFromInstanceProfile, ListPolicyVersions); KMS API Reference (ListKeys).
import { describe, expect, it } from 'vitest';
import { addSeconds } from '../../../src/lib/domain/world/clock';
import { call, defaultLab, errorOf, ok, totp, userKey } from '../pipeline/labFixture';

const acct = '111122223333';

describe('IAM reads and clean-ups', () => {
  it('GetAccessKeyLastUsed: N/A before use, then the service and region of the last request', async () => {
    const w = await defaultLab();
    const a = userKey(w, 'alice');
    const carol = userKey(w, 'carol');
    const id = carol.kind === 'accessKey' ? carol.accessKeyId : '';
    expect(ok(await call(w, 'iam:GetAccessKeyLastUsed', { AccessKeyId: id }, a))).toEqual({ UserName: 'carol', AccessKeyLastUsed: { ServiceName: 'N/A', Region: 'N/A' } });
    const used = await call(w, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, carol, { region: 'us-east-1' });
    expect(ok(await call(used.world, 'iam:GetAccessKeyLastUsed', { AccessKeyId: id }, a)).AccessKeyLastUsed).toEqual({ LastUsedDate: w.clock, ServiceName: 's3', Region: 'us-east-1' });
    expect(errorOf(await call(w, 'iam:GetAccessKeyLastUsed', { AccessKeyId: 'AKIAAAAAAAAAAAAAAAAA' }, a)).code).toBe('NoSuchEntity');
  });

  it('MFA device lifecycle: list, deactivate, then delete; deleting an assigned device is a DeleteConflict', async () => {
    let w = await defaultLab();
    const a = userKey(w, 'alice');
    const created = await call(w, 'iam:CreateVirtualMFADevice', { VirtualMFADeviceName: 'carol-key' }, a);
    const d = ok(created).VirtualMFADevice as Record<string, string>;
    const serial = d.SerialNumber ?? '';
    const secret = d.Base32StringSeed ?? '';
    expect(errorOf(await call(created.world, 'iam:CreateVirtualMFADevice', { VirtualMFADeviceName: 'carol-key' }, a)).code).toBe('EntityAlreadyExists');
    w = (await call(created.world, 'iam:EnableMFADevice', { UserName: 'carol', SerialNumber: serial, AuthenticationCode1: await totp(secret, w.clock), AuthenticationCode2: await totp(secret, addSeconds(w.clock, 30)) }, a)).world;
    expect((ok(await call(w, 'iam:ListMFADevices', { UserName: 'carol' }, a)).MFADevices as { SerialNumber: string }[]).map((m) => m.SerialNumber)).toEqual([serial]);
    expect(errorOf(await call(w, 'iam:DeleteVirtualMFADevice', { SerialNumber: serial }, a))).toEqual({ code: 'DeleteConflict', message: 'MFA device is still in use.' });
    w = (await call(w, 'iam:DeactivateMFADevice', { UserName: 'carol', SerialNumber: serial }, a)).world;
    expect(w.accounts[acct]?.users.carol?.mfaDevices).toEqual([]);
    expect(errorOf(await call(w, 'iam:DeactivateMFADevice', { UserName: 'carol', SerialNumber: serial }, a)).code).toBe('NoSuchEntity');
    const gone = await call(w, 'iam:DeleteVirtualMFADevice', { SerialNumber: serial }, a);
    ok(gone);
    expect(gone.world.accounts[acct]?.mfaDevices[serial]).toBeUndefined();
  });

  it('ListInstanceProfiles and RemoveRoleFromInstanceProfile', async () => {
    const w = await defaultLab();
    const a = userKey(w, 'alice');
    const profiles = ok(await call(w, 'iam:ListInstanceProfiles', {}, a)).InstanceProfiles as { InstanceProfileName: string; Roles: { RoleName: string }[] }[];
    expect(profiles.map((p) => [p.InstanceProfileName, p.Roles.map((r) => r.RoleName)])).toEqual([['AppServerRole', ['AppServerRole']]]);
    const removed = await call(w, 'iam:RemoveRoleFromInstanceProfile', { InstanceProfileName: 'AppServerRole', RoleName: 'AppServerRole' }, a);
    ok(removed);
    expect(removed.world.accounts[acct]?.instanceProfiles.AppServerRole?.roles).toEqual([]);
    expect(errorOf(await call(removed.world, 'iam:RemoveRoleFromInstanceProfile', { InstanceProfileName: 'AppServerRole', RoleName: 'AppServerRole' }, a)).code).toBe('NoSuchEntity');
  });

  it('ListPolicyVersions lists newest first with the default marked', async () => {
    const w = await defaultLab();
    const a = userKey(w, 'alice');
    const arn = 'arn:aws:iam::111122223333:policy/DeveloperAppAccess';
    const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }] };
    const v2 = await call(w, 'iam:CreatePolicyVersion', { PolicyArn: arn, PolicyDocument: doc }, a);
    const versions = ok(await call(v2.world, 'iam:ListPolicyVersions', { PolicyArn: arn }, a)).Versions as { VersionId: string; IsDefaultVersion: boolean }[];
    expect(versions.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
      ['v2', false],
      ['v1', true],
    ]);
  });

  it('kms:ListKeys lists the account keys', async () => {
    const w = await defaultLab();
    const keys = ok(await call(w, 'kms:ListKeys', {}, userKey(w, 'alice'))).Keys as { KeyId: string }[];
    expect(keys.map((k) => k.KeyId)).toEqual(Object.keys(w.accounts[acct]?.kms.keys ?? {}));
  });
});
