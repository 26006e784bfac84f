// STS: temporary credentials that expire on the simulated clock.
// AWS: STS API Reference — AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML, GetSessionToken,
// GetCallerIdentity; IAM User Guide "Role chaining", "Configuring MFA-protected API access",
// "How to use an external ID", "Available keys for AWS web identity federation".
import { describe, expect, it } from 'vitest';
import { addSeconds } from '../../../src/lib/domain/world/clock';
import type { World } from '../../../src/lib/domain/world/types';
import { call, credentialsFrom, defaultLab, errorOf, ok, rootPassword, totp, userKey, bobPassword } from '../pipeline/labFixture';

const acct = '111122223333';
const partnerRole = 'arn:aws:iam::444455556666:role/PartnerAccessRole';

function unsignedJwt(claims: Record<string, unknown>): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}.signature`;
}

async function withBobMfa(): Promise<{ world: World; secret: string; serial: string }> {
  let w = await defaultLab();
  const a = userKey(w, 'alice');
  const created = await call(w, 'iam:CreateVirtualMFADevice', { VirtualMFADeviceName: 'bob' }, a);
  const d = ok(created).VirtualMFADevice as Record<string, string>;
  w = created.world;
  const secret = d.Base32StringSeed ?? '';
  const serial = d.SerialNumber ?? '';
  w = (await call(w, 'iam:EnableMFADevice', { UserName: 'bob', SerialNumber: serial, AuthenticationCode1: await totp(secret, w.clock), AuthenticationCode2: await totp(secret, addSeconds(w.clock, 30)) }, a)).world;
  return { world: { ...w, clock: addSeconds(w.clock, 120) }, secret, serial };
}

describe('AssumeRole', () => {
  it('cross account: alice assumes the partner role and reads the partner bucket with ASIA credentials', async () => {
    const w = await defaultLab();
    const assumed = await call(w, 'sts:AssumeRole', { RoleArn: partnerRole, RoleSessionName: 'alice-reads' }, userKey(w, 'alice'));
    const result = ok(assumed);
    const creds = result.Credentials as Record<string, string>;
    expect(creds.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(creds.Expiration).toBe(addSeconds(w.clock, 3600));
    expect(result.AssumedRoleUser).toMatchObject({ Arn: 'arn:aws:sts::444455556666:assumed-role/PartnerAccessRole/alice-reads' });
    const trust = assumed.record.authorization?.checks[0];
    expect(trust?.policies.map((p) => p.label)).toContain('role PartnerAccessRole · trust policy');
    expect(trust?.resourceAccount).toBe('444455556666');
    const role = credentialsFrom(result);
    const who = ok(await call(assumed.world, 'sts:GetCallerIdentity', {}, role));
    expect(who).toEqual({ UserId: expect.stringMatching(/^AROA[A-Z2-7]{17}:alice-reads$/), Account: '444455556666', Arn: 'arn:aws:sts::444455556666:assumed-role/PartnerAccessRole/alice-reads' });
    ok(await call(assumed.world, 's3:GetObject', { Bucket: 'partner-co-shared', Key: 'price-list.csv' }, role));
    expect(errorOf(await call(assumed.world, 's3:PutObject', { Bucket: 'partner-co-shared', Key: 'x', Body: 'x' }, role)).code).toBe('AccessDenied');
  });

  it('temporary credentials expire on the simulated clock: ExpiredToken', async () => {
    const w = await defaultLab();
    const assumed = await call(w, 'sts:AssumeRole', { RoleArn: partnerRole, RoleSessionName: 'session', DurationSeconds: 900 }, userKey(w, 'alice'));
    const creds = credentialsFrom(ok(assumed));
    const justBefore = { ...assumed.world, clock: addSeconds(w.clock, 899) };
    ok(await call(justBefore, 'sts:GetCallerIdentity', {}, creds));
    const after = { ...assumed.world, clock: addSeconds(w.clock, 900) };
    expect(errorOf(await call(after, 'sts:GetCallerIdentity', {}, creds))).toEqual({ code: 'ExpiredToken', message: 'The security token included in the request is expired' });
  });

  it('a wrong session token is refused', async () => {
    const w = await defaultLab();
    const assumed = await call(w, 'sts:AssumeRole', { RoleArn: partnerRole, RoleSessionName: 'session' }, userKey(w, 'alice'));
    const creds = credentialsFrom(ok(assumed));
    const tampered = { ...creds, sessionToken: 'forged' } as typeof creds;
    expect(errorOf(await call(assumed.world, 'sts:GetCallerIdentity', {}, tampered))).toEqual({ code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.' });
    expect(errorOf(await call(assumed.world, 's3:ListObjectsV2', { Bucket: 'partner-co-shared' }, tampered))).toEqual({ code: 'InvalidToken', message: 'The provided token is malformed or otherwise invalid.' });
  });

  it('the caller needs permission too: carol (no sts:AssumeRole) is denied even though the trust policy allows her account', async () => {
    const w = await defaultLab();
    const e = errorOf(await call(w, 'sts:AssumeRole', { RoleArn: partnerRole, RoleSessionName: 'session' }, userKey(w, 'carol')));
    expect(e.code).toBe('AccessDenied');
    expect(e.message).toContain('sts:AssumeRole');
  });

  it('the trust policy decides: nobody outside it may assume AppServerRole (only ec2.amazonaws.com)', async () => {
    const w = await defaultLab();
    const sent = await call(w, 'sts:AssumeRole', { RoleArn: 'arn:aws:iam::111122223333:role/AppServerRole', RoleSessionName: 'session' }, userKey(w, 'alice'));
    expect(errorOf(sent).code).toBe('AccessDenied');
    expect(sent.world).toBe(w);
  });

  it('sts:ExternalId: a trust condition on the external id must be met', async () => {
    let w = await defaultLab();
    const a = userKey(w, 'alice');
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:root` }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'sts:ExternalId': 'Unique-1234' } } }] };
    w = (await call(w, 'iam:CreateRole', { RoleName: 'VendorRole', AssumeRolePolicyDocument: trust }, a)).world;
    const arn = `arn:aws:iam::${acct}:role/VendorRole`;
    expect(errorOf(await call(w, 'sts:AssumeRole', { RoleArn: arn, RoleSessionName: 'session' }, a)).code).toBe('AccessDenied');
    expect(errorOf(await call(w, 'sts:AssumeRole', { RoleArn: arn, RoleSessionName: 'session', ExternalId: 'wrong' }, a)).code).toBe('AccessDenied');
    const good = await call(w, 'sts:AssumeRole', { RoleArn: arn, RoleSessionName: 'session', ExternalId: 'Unique-1234' }, a);
    ok(good);
    expect(good.record.authorization?.checks[0]?.context['sts:ExternalId']).toBe('Unique-1234');
  });

  it('MFA conditions: BreakGlassRole needs aws:MultiFactorAuthPresent; SerialNumber + TokenCode satisfy it', async () => {
    const { world, secret, serial } = await withBobMfa();
    const a = userKey(world, 'alice');
    const w = (await call(world, 'iam:AddUserToGroup', { UserName: 'bob', GroupName: 'Admins' }, a)).world;
    const arn = `arn:aws:iam::${acct}:role/BreakGlassRole`;
    const noMfa = await call(w, 'sts:AssumeRole', { RoleArn: arn, RoleSessionName: 'bg' }, bobPassword(await totp(secret, w.clock)));
    // Bob signed in with MFA in the console: the request carries MFA, so the trust policy is satisfied.
    ok(noMfa);
    const viaKey = await call(w, 'iam:CreateAccessKey', { UserName: 'bob' }, a);
    const k = ok(viaKey).AccessKey as Record<string, string>;
    const bobKey = { kind: 'accessKey', accessKeyId: k.AccessKeyId ?? '', secretAccessKey: k.SecretAccessKey ?? '' } as const;
    const denied = await call(viaKey.world, 'sts:AssumeRole', { RoleArn: arn, RoleSessionName: 'bg' }, bobKey);
    expect(errorOf(denied).code).toBe('AccessDenied');
    expect(denied.record.authorization?.checks[0]?.context['aws:MultiFactorAuthPresent']).toBeUndefined();
    const withCode = await call(viaKey.world, 'sts:AssumeRole', { RoleArn: arn, RoleSessionName: 'bg', SerialNumber: serial, TokenCode: await totp(secret, viaKey.world.clock) }, bobKey);
    ok(withCode);
    expect(Object.values(withCode.world.sessions).at(-1)?.mfaAuthenticatedAt).toBe(viaKey.world.clock);
    expect(errorOf(await call(viaKey.world, 'sts:AssumeRole', { RoleArn: arn, RoleSessionName: 'bg', SerialNumber: serial, TokenCode: '000000' }, bobKey))).toEqual({
      code: 'AccessDenied',
      message: 'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    });
  });

  it.each([
    ['over the role maximum', { DurationSeconds: 7200 }, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'],
    ['under 15 minutes', { DurationSeconds: 600 }, "1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900"],
  ])('DurationSeconds %s is a ValidationError', async (_n, extra, message) => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 'sts:AssumeRole', { RoleArn: partnerRole, RoleSessionName: 'session', ...extra }, userKey(w, 'alice')))).toEqual({ code: 'ValidationError', message });
  });

  it('role chaining is capped at one hour', async () => {
    let w = await defaultLab();
    const a = userKey(w, 'alice');
    w = (await call(w, 'iam:UpdateRole', { RoleName: 'BreakGlassRole', MaxSessionDuration: 43200 }, a)).world;
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:root` }, Action: 'sts:AssumeRole' }] };
    w = (await call(w, 'iam:CreateRole', { RoleName: 'Hop', AssumeRolePolicyDocument: trust, MaxSessionDuration: 43200 }, a)).world;
    w = (await call(w, 'iam:AttachRolePolicy', { RoleName: 'Hop', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, a)).world;
    const first = await call(w, 'sts:AssumeRole', { RoleArn: `arn:aws:iam::${acct}:role/Hop`, RoleSessionName: 'one' }, a);
    const chained = await call(first.world, 'sts:AssumeRole', { RoleArn: `arn:aws:iam::${acct}:role/Hop`, RoleSessionName: 'two', DurationSeconds: 7200 }, credentialsFrom(ok(first)));
    expect(errorOf(chained)).toEqual({ code: 'ValidationError', message: 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.' });
  });

  it('session policies narrow the role: the session may do only what both allow', async () => {
    const w = await defaultLab();
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] };
    const assumed = await call(w, 'sts:AssumeRole', { RoleArn: partnerRole, RoleSessionName: 'narrow', Policy: policy }, userKey(w, 'alice'));
    const creds = credentialsFrom(ok(assumed));
    ok(await call(assumed.world, 's3:ListObjectsV2', { Bucket: 'partner-co-shared' }, creds));
    const read = await call(assumed.world, 's3:GetObject', { Bucket: 'partner-co-shared', Key: 'price-list.csv' }, creds);
    expect(errorOf(read).code).toBe('AccessDenied');
    expect(read.record.authorization?.checks[0]?.policies.some((p) => p.source.kind === 'sessionPolicy')).toBe(true);
    expect(errorOf(await call(w, 'sts:AssumeRole', { RoleArn: partnerRole, RoleSessionName: 'xx', Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}' }, userKey(w, 'alice'))).code).toBe('MalformedPolicyDocument');
  });

  it('an unknown role is AccessDenied (the caller cannot learn whether it exists)', async () => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 'sts:AssumeRole', { RoleArn: 'arn:aws:iam::444455556666:role/Ghost', RoleSessionName: 'session' }, userKey(w, 'alice'))).code).toBe('AccessDenied');
  });
});

describe('federation', () => {
  const role = 'arn:aws:iam::111122223333:role/WebAppUserRole';

  it('AssumeRoleWithWebIdentity: an OIDC token with the right aud gets credentials; sub/aud are context keys', async () => {
    const w = await defaultLab();
    const token = unsignedJwt({ iss: 'https://auth.example.com', sub: 'web-user-1', aud: 'example-web-app', exp: Date.parse(w.clock) / 1000 + 600 });
    const sent = await call(w, 'sts:AssumeRoleWithWebIdentity', { RoleArn: role, RoleSessionName: 'web-user-1', WebIdentityToken: token }, { kind: 'anonymous' });
    const result = ok(sent);
    expect(result.SubjectFromWebIdentityToken).toBe('web-user-1');
    expect(result.Audience).toBe('example-web-app');
    const ctx = sent.record.authorization?.checks[0]?.context ?? {};
    expect(ctx['auth.example.com:sub']).toBe('web-user-1');
    expect(ctx['auth.example.com:aud']).toBe('example-web-app');
    ok(await call(sent.world, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'users/web-user-1/profile.json' }, credentialsFrom(result)));
  });

  it.each([
    ['a wrong audience', { aud: 'other-app' }, 'InvalidIdentityToken', 'Incorrect token audience'],
    ['an unknown issuer', { iss: 'https://evil.example.net' }, 'InvalidIdentityToken', 'No OpenIDConnect provider found in your account for https://evil.example.net'],
    ['an expired token', { exp: 1 }, 'ExpiredTokenException', 'Token expired: current date/time must be before the expiration date/time.'],
  ])('AssumeRoleWithWebIdentity refuses %s', async (_n, claims, code, message) => {
    const w = await defaultLab();
    const token = unsignedJwt({ iss: 'https://auth.example.com', sub: 'u', aud: 'example-web-app', ...claims });
    expect(errorOf(await call(w, 'sts:AssumeRoleWithWebIdentity', { RoleArn: role, RoleSessionName: 'user-u', WebIdentityToken: token }, { kind: 'anonymous' }))).toEqual({ code, message });
  });

  it('AssumeRoleWithSAML: an assertion from the registered IdP gets ViewOnly credentials', async () => {
    const w = await defaultLab();
    const assertion = JSON.stringify({ issuer: 'https://idp.example.com/saml', subject: 'jdoe@example.com', audience: 'https://signin.aws.amazon.com/saml', attributes: { RoleSessionName: 'jdoe' } });
    const sent = await call(w, 'sts:AssumeRoleWithSAML', { RoleArn: 'arn:aws:iam::111122223333:role/SamlReadOnlyRole', PrincipalArn: 'arn:aws:iam::111122223333:saml-provider/ExampleCorpIdP', SAMLAssertion: assertion }, { kind: 'anonymous' });
    const result = ok(sent);
    expect(result.AssumedRoleUser).toMatchObject({ Arn: 'arn:aws:sts::111122223333:assumed-role/SamlReadOnlyRole/jdoe' });
    expect(sent.record.authorization?.checks[0]?.context['saml:sub']).toBe('jdoe@example.com');
    const creds = credentialsFrom(result);
    ok(await call(sent.world, 's3:ListBuckets', {}, creds));
    expect(errorOf(await call(sent.world, 's3:PutObject', { Bucket: 'example-corp-app-data', Key: 'k', Body: 'b' }, creds)).code).toBe('AccessDenied');
    const wrongIssuer = JSON.stringify({ issuer: 'https://other-idp', subject: 'x' });
    expect(errorOf(await call(w, 'sts:AssumeRoleWithSAML', { RoleArn: 'arn:aws:iam::111122223333:role/SamlReadOnlyRole', PrincipalArn: 'arn:aws:iam::111122223333:saml-provider/ExampleCorpIdP', SAMLAssertion: wrongIssuer }, { kind: 'anonymous' })).code).toBe('InvalidIdentityToken');
  });
});

describe('GetSessionToken and GetCallerIdentity', () => {
  it('GetCallerIdentity needs no permission (carol has none for it)', async () => {
    const w = await defaultLab();
    const sent = await call(w, 'sts:GetCallerIdentity', {}, userKey(w, 'carol'));
    expect(ok(sent)).toMatchObject({ Account: acct, Arn: 'arn:aws:iam::111122223333:user/carol' });
    expect(sent.record.authorization?.checks).toEqual([]);
  });

  it('GetSessionToken with MFA gives a user session that counts as MFA-authenticated', async () => {
    const { world, secret, serial } = await withBobMfa();
    const a = userKey(world, 'alice');
    const k = await call(world, 'iam:CreateAccessKey', { UserName: 'bob' }, a);
    const key = ok(k).AccessKey as Record<string, string>;
    const bobKey = { kind: 'accessKey', accessKeyId: key.AccessKeyId ?? '', secretAccessKey: key.SecretAccessKey ?? '' } as const;
    const st = await call(k.world, 'sts:GetSessionToken', { SerialNumber: serial, TokenCode: await totp(secret, k.world.clock), DurationSeconds: 3600 }, bobKey);
    const creds = credentialsFrom(ok(st));
    const who = await call(st.world, 'sts:GetCallerIdentity', {}, creds);
    expect(ok(who).Arn).toBe('arn:aws:iam::111122223333:user/bob');
    const read = await call(st.world, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, creds);
    ok(read);
    expect(read.record.authorization?.checks[0]?.context['aws:MultiFactorAuthPresent']).toBe('true');
    expect(errorOf(await call(st.world, 'sts:GetSessionToken', {}, creds)).message).toBe('Credentials from GetSessionToken can call only AssumeRole and GetCallerIdentity in STS.');
  });

  it('GetSessionToken without MFA cannot call IAM', async () => {
    const w = await defaultLab();
    const st = await call(w, 'sts:GetSessionToken', {}, userKey(w, 'alice'));
    const creds = credentialsFrom(ok(st));
    expect(errorOf(await call(st.world, 'iam:ListUsers', {}, creds)).code).toBe('AccessDenied');
    expect(errorOf(await call(w, 'sts:GetSessionToken', { DurationSeconds: 200000 }, userKey(w, 'alice'))).code).toBe('ValidationError');
  });

  it('root sessions from GetSessionToken last at most one hour', async () => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 'sts:GetSessionToken', { DurationSeconds: 7200 }, rootPassword)).code).toBe('ValidationError');
    const st = await call(w, 'sts:GetSessionToken', {}, rootPassword);
    expect((ok(st).Credentials as { Expiration: string }).Expiration).toBe(addSeconds(w.clock, 3600));
  });
});
