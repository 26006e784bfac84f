// S3 buckets and objects, bucket policies, Block Public Access and MFA Delete through send().
// AWS: Amazon S3 API Reference (CreateBucket, DeleteBucket, ListBuckets, ListObjectsV2, GetObject, PutObject,
// DeleteObject, Put/Get/DeleteBucketPolicy, PutPublicAccessBlock, PutBucketVersioning);
// S3 User Guide "Blocking public access to your Amazon S3 storage", "Configuring MFA delete".
import { describe, expect, it } from 'vitest';
import { isPublicPolicy } from '../../../src/lib/domain/operations/s3';
import { addSeconds } from '../../../src/lib/domain/world/clock';
import type { World } from '../../../src/lib/domain/world/types';
import { bobPassword, call, defaultLab, errorOf, ok, rootPassword, totp, userKey } from '../pipeline/labFixture';

const bucket = 'example-corp-app-data';
const acct = '111122223333';
const publicRead = (b: string) => ({ Version: '2012-10-17', Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${b}/*` }] });
const publicWrite = (b: string) => ({ Version: '2012-10-17', Statement: [{ Sid: 'WorldWrite', Effect: 'Allow', Principal: '*', Action: 's3:PutObject', Resource: `arn:aws:s3:::${b}/*` }] });

async function withPublicBucket(policy = publicRead): Promise<World> {
  let w = await defaultLab();
  const a = userKey(w, 'alice');
  w = (await call(w, 's3:CreateBucket', { Bucket: 'open-site' }, a)).world;
  w = (await call(w, 's3:PutObject', { Bucket: 'open-site', Key: 'index.html', Body: '<h1>hi</h1>', ContentType: 'text/html' }, a)).world;
  w = (await call(w, 's3:PutPublicAccessBlock', { Bucket: 'open-site', PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false } }, a)).world;
  const put = await call(w, 's3:PutBucketPolicy', { Bucket: 'open-site', Policy: policy('open-site') }, a);
  ok(put);
  return put.world;
}

describe('buckets', () => {
  it('CreateBucket turns on every Block Public Access setting; ListBuckets lists own buckets', async () => {
    const w = await defaultLab();
    const c = await call(w, 's3:CreateBucket', { Bucket: 'new-bucket-1' }, userKey(w, 'alice'));
    expect(ok(c)).toEqual({ Location: '/new-bucket-1' });
    expect(c.world.accounts[acct]?.s3.buckets['new-bucket-1']?.publicAccessBlock).toEqual({ blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true });
    const names = (ok(await call(c.world, 's3:ListBuckets', {}, userKey(w, 'alice'))).Buckets as { Name: string }[]).map((b) => b.Name);
    expect(names).toEqual([bucket, 'new-bucket-1']);
  });

  it.each([
    [bucket, 'BucketAlreadyOwnedByYou'],
    ['partner-co-shared', 'BucketAlreadyExists'],
    ['Bad_Name', 'InvalidBucketName'],
  ])('CreateBucket %s → %s', async (name, code) => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 's3:CreateBucket', { Bucket: name }, userKey(w, 'alice'))).code).toBe(code);
  });

  it('DeleteBucket refuses a bucket with objects (BucketNotEmpty) and deletes an empty one', async () => {
    const w = await defaultLab();
    const a = userKey(w, 'alice');
    expect(errorOf(await call(w, 's3:DeleteBucket', { Bucket: bucket }, a))).toEqual({ code: 'BucketNotEmpty', message: 'The bucket you tried to delete is not empty' });
    const c = await call(w, 's3:CreateBucket', { Bucket: 'empty-one' }, a);
    const d = await call(c.world, 's3:DeleteBucket', { Bucket: 'empty-one' }, a);
    ok(d);
    expect(d.world.accounts[acct]?.s3.buckets['empty-one']).toBeUndefined();
    expect(errorOf(await call(d.world, 's3:DeleteBucket', { Bucket: 'empty-one' }, a)).code).toBe('NoSuchBucket');
  });
});

describe('objects', () => {
  it('PutObject / GetObject / DeleteObject; versioned buckets return a VersionId', async () => {
    const w = await defaultLab();
    const a = userKey(w, 'alice');
    const put = await call(w, 's3:PutObject', { Bucket: bucket, Key: 'notes/a.txt', Body: 'hello' }, a);
    expect(String(ok(put).VersionId)).toMatch(/^[0-9a-f]{32}$/);
    expect(put.record.processing).toEqual({ operation: 's3:PutObject', crud: 'Create', changes: [{ kind: 'created', entity: 'object', id: 'notes/a.txt', parent: bucket }] });
    expect(ok(await call(put.world, 's3:GetObject', { Bucket: bucket, Key: 'notes/a.txt' }, a)).Body).toBe('hello');
    const del = await call(put.world, 's3:DeleteObject', { Bucket: bucket, Key: 'notes/a.txt' }, a);
    ok(del);
    expect(errorOf(await call(del.world, 's3:GetObject', { Bucket: bucket, Key: 'notes/a.txt' }, a))).toEqual({ code: 'NoSuchKey', message: 'The specified key does not exist.' });
  });

  it('ListObjectsV2 filters by Prefix and passes s3:prefix to the engine', async () => {
    let w = await defaultLab();
    const a = userKey(w, 'alice');
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${bucket}`, Condition: { StringLike: { 's3:prefix': 'reports/*' } } }],
    };
    w = (await call(w, 'iam:PutUserPolicy', { UserName: 'carol', PolicyName: 'ReportsOnly', PolicyDocument: policy }, a)).world;
    w = (await call(w, 'iam:RemoveUserFromGroup', { UserName: 'carol', GroupName: 'Developers' }, a)).world;
    const carol = userKey(w, 'carol');
    const listed = await call(w, 's3:ListObjectsV2', { Bucket: bucket, Prefix: 'reports/' }, carol);
    expect((ok(listed).Contents as { Key: string }[]).map((o) => o.Key)).toEqual(['reports/2025-q4.csv', 'reports/2026-q1.csv']);
    expect(listed.record.authorization?.checks[0]?.context['s3:prefix']).toBe('reports/');
    expect(errorOf(await call(w, 's3:ListObjectsV2', { Bucket: bucket, Prefix: 'config/' }, carol)).code).toBe('AccessDenied');
    const top = ok(await call(w, 's3:ListObjectsV2', { Bucket: bucket, Delimiter: '/' }, a));
    expect((top.CommonPrefixes as { Prefix: string }[]).map((p) => p.Prefix)).toEqual(['config/', 'reports/', 'users/']);
  });

  it('the bucket policy denies plain HTTP (aws:SecureTransport)', async () => {
    const w = await defaultLab();
    const sent = await call(w, 's3:GetObject', { Bucket: bucket, Key: 'config/app.json' }, userKey(w, 'alice'), { transport: 'http' });
    expect(errorOf(sent).message).toContain('explicit deny in a resource-based policy');
    expect(sent.record.authorization?.checks[0]?.context['aws:SecureTransport']).toBe('false');
  });
});

describe('anonymous access (seed: "S3 allows anonymous access (world-write access)")', () => {
  it('anonymous GetObject is denied without a public policy', async () => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 's3:GetObject', { Bucket: bucket, Key: 'config/app.json' }, { kind: 'anonymous' })).code).toBe('AccessDenied');
  });

  it('a public bucket policy allows anonymous reads', async () => {
    const w = await withPublicBucket();
    expect(ok(await call(w, 's3:GetObject', { Bucket: 'open-site', Key: 'index.html' }, { kind: 'anonymous' })).Body).toBe('<h1>hi</h1>');
    expect(errorOf(await call(w, 's3:PutObject', { Bucket: 'open-site', Key: 'x', Body: 'x' }, { kind: 'anonymous' })).code).toBe('AccessDenied');
  });

  it('a world-write policy lets anonymous callers put objects', async () => {
    const w = await withPublicBucket(publicWrite);
    const put = await call(w, 's3:PutObject', { Bucket: 'open-site', Key: 'graffiti.txt', Body: 'anyone can write' }, { kind: 'anonymous' });
    ok(put);
    expect(put.world.accounts[acct]?.s3.buckets['open-site']?.objects['graffiti.txt']?.body).toBe('anyone can write');
  });

  it('anonymous callers cannot reach other services (MissingAuthenticationToken)', async () => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 'iam:ListUsers', {}, { kind: 'anonymous' }))).toEqual({ code: 'MissingAuthenticationToken', message: 'Request is missing Authentication Token' });
  });
});

describe('Block Public Access', () => {
  it('BlockPublicPolicy refuses a public bucket policy with S3 message', async () => {
    const w = await defaultLab();
    const sent = await call(w, 's3:PutBucketPolicy', { Bucket: bucket, Policy: publicRead(bucket) }, userKey(w, 'alice'));
    expect(errorOf(sent)).toEqual({
      code: 'AccessDenied',
      message: `User: arn:aws:iam::111122223333:user/alice is not authorized to perform: s3:PutBucketPolicy on resource: "arn:aws:s3:::${bucket}" because public policies are blocked by the BlockPublicPolicy block public access setting.`,
    });
    expect(sent.world).toBe(w);
  });

  it('RestrictPublicBuckets ignores public grants for anonymous callers', async () => {
    let w = await withPublicBucket();
    const a = userKey(w, 'alice');
    w = (await call(w, 's3:PutPublicAccessBlock', { Bucket: 'open-site', PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: true } }, a)).world;
    const sent = await call(w, 's3:GetObject', { Bucket: 'open-site', Key: 'index.html' }, { kind: 'anonymous' });
    expect(errorOf(sent).code).toBe('AccessDenied');
    expect(sent.record.authorization?.checks[0]?.policies).toEqual([]);
    ok(await call(w, 's3:GetObject', { Bucket: 'open-site', Key: 'index.html' }, a));
    const conf = ok(await call(w, 's3:GetPublicAccessBlock', { Bucket: 'open-site' }, a)).PublicAccessBlockConfiguration;
    expect(conf).toEqual({ BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: true });
  });

  it.each([
    [publicRead('b'), true],
    [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc1234567' } } }] }, false],
    [{ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] }, false],
    [{ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }] }, false],
  ])('isPublicPolicy(%j) is %s', (doc, expected) => {
    expect(isPublicPolicy(JSON.stringify(doc))).toBe(expected);
  });
});

describe('bucket policies', () => {
  it('Put/Get/DeleteBucketPolicy; NoSuchBucketPolicy once deleted; a malformed policy is MalformedPolicy', async () => {
    const w = await defaultLab();
    const a = userKey(w, 'alice');
    expect(JSON.parse(String(ok(await call(w, 's3:GetBucketPolicy', { Bucket: bucket }, a)).Policy)).Statement[0].Sid).toBe('DenyInsecureTransport');
    const del = await call(w, 's3:DeleteBucketPolicy', { Bucket: bucket }, a);
    expect(errorOf(await call(del.world, 's3:GetBucketPolicy', { Bucket: bucket }, a))).toEqual({ code: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist' });
    expect(errorOf(await call(w, 's3:PutBucketPolicy', { Bucket: bucket, Policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] } }, a)).code).toBe('MalformedPolicy');
  });

  it('cross-account access needs the bucket policy: the partner role is denied until the bucket grants it', async () => {
    let w = await defaultLab();
    const a = userKey(w, 'alice');
    const partnerRoot = { kind: 'rootPassword', email: 'root@partner.example', password: 'Partner-Root-2026!' } as const;
    expect(errorOf(await call(w, 's3:GetObject', { Bucket: bucket, Key: 'reports/2025-q4.csv' }, partnerRoot)).message).toContain('no resource-based policy allows');
    const grant = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'PartnerReads', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/reports/*` }],
    };
    w = (await call(w, 's3:PutBucketPolicy', { Bucket: bucket, Policy: grant }, a)).world;
    ok(await call(w, 's3:GetObject', { Bucket: bucket, Key: 'reports/2025-q4.csv' }, partnerRoot));
  });

  it("the bucket owner's root can delete a policy that denies everyone (root-only recovery)", async () => {
    let w = await defaultLab();
    const a = userKey(w, 'alice');
    const lockout = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] }] };
    w = (await call(w, 's3:PutBucketPolicy', { Bucket: bucket, Policy: lockout }, a)).world;
    expect(errorOf(await call(w, 's3:DeleteBucketPolicy', { Bucket: bucket }, a)).code).toBe('AccessDenied');
    const unlocked = await call(w, 's3:DeleteBucketPolicy', { Bucket: bucket }, rootPassword);
    ok(unlocked);
    ok(await call(unlocked.world, 's3:GetObject', { Bucket: bucket, Key: 'config/app.json' }, a));
  });
});

describe('versioning and MFA Delete (root only)', () => {
  async function withRootMfa(): Promise<{ world: World; secret: string; serial: string }> {
    let w = await defaultLab();
    const dev = await call(w, 'iam:CreateVirtualMFADevice', { VirtualMFADeviceName: 'root-mfa' }, rootPassword);
    const d = ok(dev).VirtualMFADevice as Record<string, string>;
    w = dev.world;
    const secret = d.Base32StringSeed ?? '';
    const serial = d.SerialNumber ?? '';
    const enabled = await call(w, 'account:EnableRootMFADevice', { SerialNumber: serial, AuthenticationCode1: await totp(secret, w.clock), AuthenticationCode2: await totp(secret, addSeconds(w.clock, 30)) }, rootPassword);
    ok(enabled);
    return { world: { ...enabled.world, clock: addSeconds(w.clock, 120) }, secret, serial };
  }

  it('alice (AdministratorAccess) cannot enable MFA Delete: root-only task', async () => {
    const w = await defaultLab();
    const sent = await call(w, 's3:PutBucketVersioning', { Bucket: bucket, Status: 'Enabled', MFADelete: 'Enabled' }, userKey(w, 'alice'));
    expect(sent.record.rootOnly).toBe(true);
    expect(sent.record.authorization?.rootOnly?.task).toBe('Enable or disable MFA Delete on an S3 bucket');
    expect(errorOf(sent).code).toBe('AccessDenied');
    expect(sent.world).toBe(w);
  });

  it('root enables MFA Delete with its MFA code; then deleting a version needs the MFA', async () => {
    const { world, secret, serial } = await withRootMfa();
    const mfa = `${serial} ${await totp(secret, world.clock)}`;
    const rootWithMfa = { kind: 'rootPassword', email: 'root@example.com', password: 'Root-Example-2026!', mfaCode: await totp(secret, world.clock) } as const;
    expect(errorOf(await call(world, 's3:PutBucketVersioning', { Bucket: bucket, Status: 'Enabled', MFADelete: 'Enabled' }, rootWithMfa))).toEqual({ code: 'AccessDenied', message: 'Mfa Authentication must be used for this request' });
    const on = await call(world, 's3:PutBucketVersioning', { Bucket: bucket, Status: 'Enabled', MFADelete: 'Enabled', MFA: mfa }, rootWithMfa);
    ok(on);
    expect(on.record.rootOnly).toBe(true);
    expect(ok(await call(on.world, 's3:GetBucketVersioning', { Bucket: bucket }, userKey(world, 'alice')))).toEqual({ Status: 'Enabled', MFADelete: 'Enabled' });
    const a = userKey(world, 'alice');
    expect(errorOf(await call(on.world, 's3:DeleteObject', { Bucket: bucket, Key: 'config/app.json', VersionId: 'abc' }, a)).message).toBe('Mfa Authentication must be used for this request');
  });

  it('PutBucketVersioning without MFADelete is an ordinary operation', async () => {
    const w = await defaultLab();
    const sent = await call(w, 's3:PutBucketVersioning', { Bucket: 'example-corp-app-data', Status: 'Suspended' }, userKey(w, 'alice'));
    ok(sent);
    expect(sent.record.rootOnly).toBeUndefined();
    expect(errorOf(await call(w, 's3:PutBucketVersioning', { Bucket: bucket, Status: 'On' }, userKey(w, 'alice'))).code).toBe('MalformedXML');
  });
});

describe('developers', () => {
  it('bob can read the app bucket through his group policy and the trace labels it', async () => {
    const w = await defaultLab();
    const sent = await call(w, 's3:GetObject', { Bucket: bucket, Key: 'config/app.json' }, bobPassword());
    ok(sent);
    const reasons = sent.record.authorization?.checks[0]?.result;
    expect(reasons?.kind === 'decision' ? reasons.reasons.map((r) => r.policyId) : []).toEqual(['group:Developers:managed:arn:aws:iam::111122223333:policy/DeveloperAppAccess']);
  });
});
