// IAM quotas on policy sizes and the one-time use of MFA codes at sign-in.
// AWS: IAM User Guide "IAM and AWS STS quotas" (IAM and STS character limits: managed policy 6,144;
// inline policies per user 2,048, group 5,120, role 10,240; role trust policy 2,048; whitespace not counted);
// "Using MFA devices with your IAM sign-in page" (a code works once).
import { describe, expect, it } from 'vitest';
import { addSeconds } from '../../../src/lib/domain/world/clock';
import { bobPassword, call, defaultLab, errorOf, ok, totp, userKey } from '../pipeline/labFixture';

/** A valid identity policy whose size (without whitespace) exceeds `chars`. */
function bigPolicy(chars: number): string {
  const actions: string[] = [];
  for (let i = 0; JSON.stringify(actions).length < chars; i += 1) actions.push(`s3:GetObjectVersionForReplication${i}`);
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: actions, Resource: '*' }] }, null, 2);
}

describe('policy size quotas', () => {
  it.each([
    ['User', 'carol', 2048],
    ['Group', 'Developers', 5120],
    ['Role', 'AppServerRole', 10240],
  ] as const)('Put%sPolicy over the inline quota is LimitExceeded', async (type, name, max) => {
    const w = await defaultLab();
    const sent = await call(w, `iam:Put${type}Policy`, { [`${type}Name`]: name, PolicyName: 'Big', PolicyDocument: bigPolicy(max + 10) }, userKey(w, 'alice'));
    expect(errorOf(sent)).toEqual({ code: 'LimitExceeded', message: `Maximum policy size of ${max} bytes exceeded for ${type.toLowerCase()} ${name}` });
  });

  it('whitespace does not count: a pretty-printed document under the quota is accepted', async () => {
    const w = await defaultLab();
    const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }] }, null, 40);
    ok(await call(w, 'iam:PutUserPolicy', { UserName: 'carol', PolicyName: 'Spaced', PolicyDocument: doc }, userKey(w, 'alice')));
  });

  it('a managed policy over 6,144 characters is LimitExceeded', async () => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 'iam:CreatePolicy', { PolicyName: 'Huge', PolicyDocument: bigPolicy(6200) }, userKey(w, 'alice')))).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for PolicySize: 6144',
    });
  });

  it('a trust policy over 2,048 characters is LimitExceeded', async () => {
    const w = await defaultLab();
    const principals = Array.from({ length: 60 }, (_, i) => `arn:aws:iam::${String(100000000000 + i)}:root`);
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principals }, Action: 'sts:AssumeRole' }] };
    expect(errorOf(await call(w, 'iam:UpdateAssumeRolePolicy', { RoleName: 'AppServerRole', PolicyDocument: trust }, userKey(w, 'alice')))).toEqual({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for ACLSizePerRole: 2048',
    });
  });
});

describe('MFA codes are single-use at sign-in', () => {
  it('the same code cannot sign in twice; the next one works', async () => {
    let w = await defaultLab();
    const a = userKey(w, 'alice');
    const created = await call(w, 'iam:CreateVirtualMFADevice', { VirtualMFADeviceName: 'bob-phone' }, a);
    const d = ok(created).VirtualMFADevice as Record<string, string>;
    const secret = d.Base32StringSeed ?? '';
    w = (await call(created.world, 'iam:EnableMFADevice', { UserName: 'bob', SerialNumber: d.SerialNumber ?? '', AuthenticationCode1: await totp(secret, w.clock), AuthenticationCode2: await totp(secret, addSeconds(w.clock, 30)) }, a)).world;
    w = { ...w, clock: addSeconds(w.clock, 120) };
    const code = await totp(secret, w.clock);
    const first = await call(w, 'signin:ConsoleLogin', {}, bobPassword(code));
    ok(first);
    expect(errorOf(await call(first.world, 'signin:ConsoleLogin', {}, bobPassword(code))).code).toBe('SignInFailed');
    const later = { ...first.world, clock: addSeconds(w.clock, 30) };
    ok(await call(later, 'signin:ConsoleLogin', {}, bobPassword(await totp(secret, later.clock))));
  });
});
