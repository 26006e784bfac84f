// Every line of the seed's "Principals" and "Authentication" sections (../shared/seed/iam-overview.md),
// each reached through send(): one test per line, named after it.
// AWS: IAM User Guide "IAM identities", "AWS account root user", "Tasks that require root user credentials",
// "IAM roles", "Identity providers and federation", Amazon S3 User Guide "Blocking public access".
import { describe, expect, it } from 'vitest';
import { addSeconds } from '../../../src/lib/domain/world/clock';
import type { Credentials } from '../../../src/lib/domain/pipeline/types';
import type { World } from '../../../src/lib/domain/world/types';
import { bobPassword, call, credentialsFrom, defaultLab, errorOf, ok, rootPassword, totp, userKey } from './labFixture';

const acct = '111122223333';
const adminKey = (w: World) => userKey(w, 'alice');
const instanceOf = (w: World) => ({ kind: 'instanceProfile', instanceId: Object.keys(w.accounts[acct]?.ec2.instances ?? {})[0] ?? '' }) as const;
const jwt = (claims: object) => `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

async function newUser(w: World, name: string, password?: string): Promise<World> {
  let next = (await call(w, 'iam:CreateUser', { UserName: name }, adminKey(w))).world;
  if (password) next = (await call(next, 'iam:CreateLoginProfile', { UserName: name, Password: password }, adminKey(w))).world;
  return next;
}

describe('Principals', () => {
  it('Identity: Entity that can perform an action (can be a user, group or role.)', async () => {
    const w = await defaultLab();
    // A user acts; a role (through its session) acts; a group acts only through its members' requests.
    expect(ok(await call(w, 'sts:GetCallerIdentity', {}, userKey(w, 'carol'))).Arn).toBe('arn:aws:iam::111122223333:user/carol');
    expect(String(ok(await call(w, 'sts:GetCallerIdentity', {}, instanceOf(w))).Arn)).toContain(':assumed-role/AppServerRole/');
    const viaGroup = await call(w, 'iam:ListUsers', {}, adminKey(w));
    expect(viaGroup.record.authorization?.checks[0]?.policies[0]?.source).toMatchObject({ kind: 'groupManaged', groupName: 'Admins' });
  });

  it('Users: Entity created in AWS', async () => {
    const w = await defaultLab();
    const created = await call(w, 'iam:CreateUser', { UserName: 'dana' }, adminKey(w));
    expect(ok(created).User).toMatchObject({ UserName: 'dana', Arn: 'arn:aws:iam::111122223333:user/dana' });
    expect(created.world.accounts[acct]?.users.dana?.id).toMatch(/^AIDA/);
  });

  it('Person or service with permissions.', async () => {
    let w = await newUser(await defaultLab(), 'backup-service');
    w = (await call(w, 'iam:AttachUserPolicy', { UserName: 'backup-service', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }, adminKey(w))).world;
    const key = ok(await call(w, 'iam:CreateAccessKey', { UserName: 'backup-service' }, adminKey(w)));
    const k = key.AccessKey as Record<string, string>;
    const service: Credentials = { kind: 'accessKey', accessKeyId: k.AccessKeyId ?? '', secretAccessKey: k.SecretAccessKey ?? '' };
    const w2 = (await call(w, 'iam:CreateAccessKey', { UserName: 'backup-service' }, adminKey(w))).world;
    ok(await call(w2, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'reports/2025-q4.csv' }, service));
    expect(errorOf(await call(w2, 's3:PutObject', { Bucket: 'example-corp-app-data', Key: 'x', Body: 'x' }, service)).code).toBe('AccessDenied');
  });

  it('Created via AWS Management console or AWS API/CLI.', async () => {
    const w = await defaultLab();
    const signIn = await call(w, 'signin:ConsoleLogin', {}, { kind: 'password', accountIdOrAlias: 'example-corp', userName: 'alice', password: 'Alice-Admin-2026!' });
    const viaConsole = await call(signIn.world, 'iam:CreateUser', { UserName: 'from-console' }, { kind: 'console', sessionId: String(ok(signIn).SessionId) });
    const viaCli = await call(viaConsole.world, 'iam:CreateUser', { UserName: 'from-cli' }, adminKey(w));
    expect(viaConsole.record.authentication.principal?.via).toBe('console');
    expect(viaCli.record.authentication.principal?.via).toBe('accessKey');
    expect(Object.keys(viaCli.world.accounts[acct]?.users ?? {})).toEqual(expect.arrayContaining(['from-console', 'from-cli']));
  });

  it('User Credentials: Consists of a name and password and up to two access keys.', async () => {
    let w = await newUser(await defaultLab(), 'erin', 'Erin-Password-1!');
    ok(await call(w, 'signin:ConsoleLogin', {}, { kind: 'password', accountIdOrAlias: acct, userName: 'erin', password: 'Erin-Password-1!' }));
    w = (await call(w, 'iam:CreateAccessKey', { UserName: 'erin' }, adminKey(w))).world;
    w = (await call(w, 'iam:CreateAccessKey', { UserName: 'erin' }, adminKey(w))).world;
    expect(errorOf(await call(w, 'iam:CreateAccessKey', { UserName: 'erin' }, adminKey(w)))).toEqual({ code: 'LimitExceeded', message: 'Cannot exceed quota for AccessKeysPerUser: 2' });
  });

  it('Access keys are used with the API or CLI.', async () => {
    const w = await defaultLab();
    const sent = await call(w, 'dynamodb:Query', { TableName: 'Orders', KeyConditionExpression: 'customerId = :c', ExpressionAttributeValues: { ':c': { S: 'c-001' } } }, userKey(w, 'carol'));
    ok(sent);
    expect(sent.record.authentication.steps.some((s) => s.kind === 'sigv4.verify' && s.ok)).toBe(true);
  });

  it('Users can be a member of groups.', async () => {
    const w = await defaultLab();
    const added = await call(w, 'iam:AddUserToGroup', { UserName: 'carol', GroupName: 'Admins' }, adminKey(w));
    expect(added.world.accounts[acct]?.users.carol?.groups).toEqual(['Developers', 'Admins']);
    const groups = ok(await call(added.world, 'iam:ListGroupsForUser', { UserName: 'carol' }, adminKey(w))).Groups as { GroupName: string }[];
    expect(groups.map((g) => g.GroupName)).toEqual(['Developers', 'Admins']);
  });

  it('Groups: A collection of IAM users.', async () => {
    const w = await defaultLab();
    const users = ok(await call(w, 'iam:GetGroup', { GroupName: 'Developers' }, adminKey(w))).Users as { UserName: string }[];
    expect(users.map((u) => u.UserName)).toEqual(['bob', 'carol']);
  });

  it('Permissions should be managed at the group level.', async () => {
    const w = await defaultLab();
    const attached = await call(w, 'iam:AttachGroupPolicy', { GroupName: 'Developers', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }, adminKey(w));
    // One change on the group reaches every member.
    ok(await call(attached.world, 's3:ListBuckets', {}, bobPassword()));
    ok(await call(attached.world, 's3:ListBuckets', {}, userKey(w, 'carol')));
  });

  it('Users can be added or removed.', async () => {
    const w = await defaultLab();
    const removed = await call(w, 'iam:RemoveUserFromGroup', { UserName: 'bob', GroupName: 'Developers' }, adminKey(w));
    expect(errorOf(await call(removed.world, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, bobPassword())).code).toBe('AccessDenied');
    const back = await call(removed.world, 'iam:AddUserToGroup', { UserName: 'bob', GroupName: 'Developers' }, adminKey(w));
    ok(await call(back.world, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, bobPassword()));
  });

  it('Groups are not used to log in.', async () => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 'signin:ConsoleLogin', {}, { kind: 'password', accountIdOrAlias: acct, userName: 'Admins', password: 'Alice-Admin-2026!' })).code).toBe('SignInFailed');
    expect(errorOf(await call(w, 'iam:CreateAccessKey', { UserName: 'Admins' }, adminKey(w))).code).toBe('NoSuchEntity');
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:group/Admins' }, Action: 'sts:AssumeRole' }] };
    expect(errorOf(await call(w, 'iam:CreateRole', { RoleName: 'ForAdmins', AssumeRolePolicyDocument: trust }, adminKey(w))).code).toBe('MalformedPolicyDocument');
  });

  it('Roles: An identity granted permissions.', async () => {
    const w = await defaultLab();
    const app = await call(w, 'dynamodb:GetItem', { TableName: 'Orders', Key: { customerId: 'c-001', orderId: 'o-1001' } }, instanceOf(w));
    ok(app);
    expect(app.record.authorization?.checks[0]?.policies[0]?.label).toBe('role AppServerRole · inline policy AppDataAccess');
  });

  it("Roles aren't permanently assigned.", async () => {
    const w = await defaultLab();
    const assumed = await call(w, 'sts:AssumeRole', { RoleArn: 'arn:aws:iam::444455556666:role/PartnerAccessRole', RoleSessionName: 'temp' }, adminKey(w));
    const creds = credentialsFrom(ok(assumed));
    expect(creds.kind === 'accessKey' ? creds.accessKeyId : '').toMatch(/^ASIA/);
    const expired = { ...assumed.world, clock: addSeconds(w.clock, 3600) };
    expect(errorOf(await call(expired, 'sts:GetCallerIdentity', {}, creds)).code).toBe('ExpiredToken');
  });

  it('Assumed by an entity with a need for it.', async () => {
    const w = await defaultLab();
    // The trust policy names who may assume the role: the partner role trusts the company account...
    ok(await call(w, 'sts:AssumeRole', { RoleArn: 'arn:aws:iam::444455556666:role/PartnerAccessRole', RoleSessionName: 'need' }, adminKey(w)));
    // ...and the application role trusts only EC2, so even an administrator cannot assume it.
    expect(errorOf(await call(w, 'sts:AssumeRole', { RoleArn: 'arn:aws:iam::111122223333:role/AppServerRole', RoleSessionName: 'no-need' }, adminKey(w))).code).toBe('AccessDenied');
  });

  it('Can be federated.', async () => {
    const w = await defaultLab();
    const assertion = JSON.stringify({ issuer: 'https://idp.example.com/saml', subject: 'jdoe', audience: 'https://signin.aws.amazon.com/saml' });
    const fed = await call(w, 'sts:AssumeRoleWithSAML', { RoleArn: 'arn:aws:iam::111122223333:role/SamlReadOnlyRole', PrincipalArn: 'arn:aws:iam::111122223333:saml-provider/ExampleCorpIdP', SAMLAssertion: assertion }, { kind: 'anonymous' });
    expect(ok(fed).AssumedRoleUser).toMatchObject({ Arn: 'arn:aws:sts::111122223333:assumed-role/SamlReadOnlyRole/jdoe' });
  });

  it("Users vs. Roles — Create a user when: You're the only person working with the account.", async () => {
    const w = await defaultLab();
    // The only person creates one administrator user for themself with the root user, then stops using root.
    let next = (await call(w, 'iam:CreateUser', { UserName: 'me' }, rootPassword)).world;
    next = (await call(next, 'iam:CreateLoginProfile', { UserName: 'me', Password: 'Me-Myself-2026!' }, rootPassword)).world;
    next = (await call(next, 'iam:AddUserToGroup', { UserName: 'me', GroupName: 'Admins' }, rootPassword)).world;
    ok(await call(next, 'iam:ListUsers', {}, { kind: 'password', accountIdOrAlias: acct, userName: 'me', password: 'Me-Myself-2026!' }));
  });

  it('Multiple people need permanent access.', async () => {
    let w = await newUser(await defaultLab(), 'frank', 'Frank-Password-1!');
    w = await newUser(w, 'grace', 'Grace-Password-1!');
    w = (await call(w, 'iam:AddUserToGroup', { UserName: 'frank', GroupName: 'Developers' }, adminKey(w))).world;
    w = (await call(w, 'iam:AddUserToGroup', { UserName: 'grace', GroupName: 'Developers' }, adminKey(w))).world;
    // Long-term: a month later both still sign in (IAM users' passwords do not expire by themselves).
    const later = { ...w, clock: addSeconds(w.clock, 30 * 86400) };
    for (const [name, password] of [['frank', 'Frank-Password-1!'], ['grace', 'Grace-Password-1!']] as const) {
      ok(await call(later, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, { kind: 'password', accountIdOrAlias: acct, userName: name, password }));
    }
  });

  it('One or more users require CLI access.', async () => {
    const w = await defaultLab();
    const created = await call(w, 'iam:CreateAccessKey', { UserName: 'bob' }, adminKey(w));
    const k = ok(created).AccessKey as Record<string, string>;
    const cli: Credentials = { kind: 'accessKey', accessKeyId: k.AccessKeyId ?? '', secretAccessKey: k.SecretAccessKey ?? '' };
    expect(ok(await call(created.world, 'sts:GetCallerIdentity', {}, cli)).Arn).toBe('arn:aws:iam::111122223333:user/bob');
  });

  it('Create a role when: Applications need access to an AWS service.', async () => {
    const w = await defaultLab();
    const put = await call(w, 's3:PutObject', { Bucket: 'example-corp-app-data', Key: 'uploads/order-1.json', Body: '{}' }, instanceOf(w));
    ok(put);
    expect(put.record.authentication.principal?.via).toBe('instanceProfile');
  });

  it('Mobile phone apps make requests of AWS.', async () => {
    const w = await defaultLab();
    const token = jwt({ iss: 'https://auth.example.com', sub: 'web-user-1', aud: 'example-web-app' });
    const phone = await call(w, 'sts:AssumeRoleWithWebIdentity', { RoleArn: 'arn:aws:iam::111122223333:role/WebAppUserRole', RoleSessionName: 'phone-app', WebIdentityToken: token }, { kind: 'anonymous' });
    const creds = credentialsFrom(ok(phone));
    expect(ok(await call(phone.world, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'users/web-user-1/profile.json' }, creds)).Body).toBe('{"name":"Web User"}');
  });

  it('Existing company users need federated access.', async () => {
    const w = await defaultLab();
    const assertion = JSON.stringify({ issuer: 'https://idp.example.com/saml', subject: 'employee-42', audience: 'https://signin.aws.amazon.com/saml', attributes: { RoleSessionName: 'employee-42' } });
    const fed = await call(w, 'sts:AssumeRoleWithSAML', { RoleArn: 'arn:aws:iam::111122223333:role/SamlReadOnlyRole', PrincipalArn: 'arn:aws:iam::111122223333:saml-provider/ExampleCorpIdP', SAMLAssertion: assertion }, { kind: 'anonymous' });
    ok(await call(fed.world, 'ec2:DescribeInstances', {}, credentialsFrom(ok(fed))));
    expect(Object.keys(fed.world.accounts[acct]?.users ?? {})).not.toContain('employee-42');
  });

  it('Root User: Email address used to create the AWS subscription.', async () => {
    const w = await defaultLab();
    const signIn = await call(w, 'signin:ConsoleLogin', {}, { kind: 'rootPassword', email: 'root@example.com', password: 'Root-Example-2026!' });
    const who = await call(signIn.world, 'sts:GetCallerIdentity', {}, { kind: 'console', sessionId: String(ok(signIn).SessionId) });
    expect(ok(who)).toEqual({ UserId: acct, Account: acct, Arn: 'arn:aws:iam::111122223333:root' });
  });

  it('Unlimited capabilities.', async () => {
    const w = await defaultLab();
    // No identity-based policy names the root user, yet it may do anything in its account.
    for (const [op, params] of [
      ['iam:CreateUser', { UserName: 'by-root' }],
      ['s3:PutObject', { Bucket: 'example-corp-app-data', Key: 'root.txt', Body: 'r' }],
      ['dynamodb:DeleteItem', { TableName: 'Orders', Key: { customerId: 'c-001', orderId: 'o-1001' } }],
      ['ec2:DescribeInstances', {}],
    ] as const) {
      const sent = await call(w, op, params, rootPassword);
      ok(sent);
      expect(sent.record.authorization?.checks[0]?.policies.filter((p) => p.source.kind !== 'bucketPolicy')).toEqual([]);
    }
  });

  it('Not recommended for everyday access.', async () => {
    const w = await defaultLab();
    // Root access keys are possible but flagged: the account summary reports them, and root has no MFA yet.
    const key = await call(w, 'iam:CreateAccessKey', {}, rootPassword);
    ok(key);
    const summary = ok(await call(key.world, 'iam:GetAccountSummary', {}, adminKey(w))).SummaryMap as Record<string, number>;
    expect(summary.AccountAccessKeysPresent).toBe(1);
    expect(summary.AccountMFAEnabled).toBe(0);
  });

  it('Create an IAM admin user and safely store the root user account.', async () => {
    let w = await defaultLab();
    w = (await call(w, 'iam:CreateUser', { UserName: 'admin' }, rootPassword)).world;
    w = (await call(w, 'iam:CreateLoginProfile', { UserName: 'admin', Password: 'Admin-Password-1!' }, rootPassword)).world;
    w = (await call(w, 'iam:AttachUserPolicy', { UserName: 'admin', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, rootPassword)).world;
    const dev = await call(w, 'iam:CreateVirtualMFADevice', { VirtualMFADeviceName: 'root-vault' }, rootPassword);
    const d = ok(dev).VirtualMFADevice as Record<string, string>;
    const secret = d.Base32StringSeed ?? '';
    const locked = await call(dev.world, 'account:EnableRootMFADevice', { SerialNumber: d.SerialNumber ?? '', AuthenticationCode1: await totp(secret, w.clock), AuthenticationCode2: await totp(secret, addSeconds(w.clock, 30)) }, rootPassword);
    ok(locked);
    const later = { ...locked.world, clock: addSeconds(w.clock, 120) };
    expect(errorOf(await call(later, 'signin:ConsoleLogin', {}, rootPassword)).code).toBe('MfaRequired');
    ok(await call(later, 'iam:CreateGroup', { GroupName: 'Ops' }, { kind: 'password', accountIdOrAlias: acct, userName: 'admin', password: 'Admin-Password-1!' }));
  });

  it('Root-Only Tasks: 1. Modifying the root user.', async () => {
    const w = await defaultLab();
    const byAdmin = await call(w, 'account:UpdateRootEmail', { NewEmail: 'new@example.com' }, adminKey(w));
    expect(byAdmin.record.rootOnly).toBe(true);
    expect(errorOf(byAdmin).code).toBe('AccessDenied');
    const byRoot = await call(w, 'account:UpdateRootEmail', { NewEmail: 'new@example.com' }, rootPassword);
    expect(byRoot.world.accounts[acct]?.root.email).toBe('new@example.com');
  });

  it('2. Changing the AWS support plan (or closing it).', async () => {
    const w = await defaultLab();
    expect((await call(w, 'supportplans:UpdateSupportPlan', { SupportPlan: 'developer' }, adminKey(w))).record.rootOnly).toBe(true);
    expect((await call(w, 'supportplans:UpdateSupportPlan', { SupportPlan: 'developer' }, rootPassword)).world.accounts[acct]?.supportPlan).toBe('developer');
    expect(errorOf(await call(w, 'account:CloseAccount', {}, adminKey(w))).code).toBe('AccessDenied');
    expect((await call(w, 'account:CloseAccount', {}, rootPassword)).world.accounts[acct]?.status).toBe('closed');
  });

  it('3. Generating a CloudFront key-pair.', async () => {
    const w = await defaultLab();
    expect((await call(w, 'cloudfront:CreateCloudFrontKeyPair', {}, adminKey(w))).record.rootOnly).toBe(true);
    expect(String(ok(await call(w, 'cloudfront:CreateCloudFrontKeyPair', {}, rootPassword)).KeyPairId)).toMatch(/^APKA/);
  });

  it('4. Enabling MFA on an S3 bucket.', async () => {
    const w = await defaultLab();
    const byAdmin = await call(w, 's3:PutBucketVersioning', { Bucket: 'example-corp-app-data', Status: 'Enabled', MFADelete: 'Enabled' }, adminKey(w));
    expect(byAdmin.record.rootOnly).toBe(true);
    const dev = await call(w, 'iam:CreateVirtualMFADevice', { VirtualMFADeviceName: 'root' }, rootPassword);
    const d = ok(dev).VirtualMFADevice as Record<string, string>;
    const secret = d.Base32StringSeed ?? '';
    const on = await call(dev.world, 'account:EnableRootMFADevice', { SerialNumber: d.SerialNumber ?? '', AuthenticationCode1: await totp(secret, w.clock), AuthenticationCode2: await totp(secret, addSeconds(w.clock, 30)) }, rootPassword);
    const t = { ...on.world, clock: addSeconds(w.clock, 120) };
    const code = await totp(secret, t.clock);
    const root = { kind: 'rootPassword', email: 'root@example.com', password: 'Root-Example-2026!', mfaCode: code } as const;
    const enabled = await call(t, 's3:PutBucketVersioning', { Bucket: 'example-corp-app-data', Status: 'Enabled', MFADelete: 'Enabled', MFA: `${d.SerialNumber} ${code}` }, root);
    ok(enabled);
    expect(enabled.world.accounts[acct]?.s3.buckets['example-corp-app-data']?.mfaDelete).toBe('Enabled');
  });
});

describe('Authentication', () => {
  it('S3 allows anonymous access (world-write access).', async () => {
    let w = await defaultLab();
    const a = adminKey(w);
    w = (await call(w, 's3:CreateBucket', { Bucket: 'public-dropbox' }, a)).world;
    w = (await call(w, 's3:PutPublicAccessBlock', { Bucket: 'public-dropbox', PublicAccessBlockConfiguration: { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false } }, a)).world;
    const worldWrite = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: ['s3:PutObject', 's3:GetObject'], Resource: 'arn:aws:s3:::public-dropbox/*' }] };
    w = (await call(w, 's3:PutBucketPolicy', { Bucket: 'public-dropbox', Policy: worldWrite }, a)).world;
    const put = await call(w, 's3:PutObject', { Bucket: 'public-dropbox', Key: 'hello.txt', Body: 'from anyone' }, { kind: 'anonymous' });
    ok(put);
    expect(put.record.authentication.principal?.principalType).toBe('Anonymous');
    expect(ok(await call(put.world, 's3:GetObject', { Bucket: 'public-dropbox', Key: 'hello.txt' }, { kind: 'anonymous' })).Body).toBe('from anyone');
  });

  it('Leverage username and password for console access.', async () => {
    const w = await defaultLab();
    const signIn = await call(w, 'signin:ConsoleLogin', {}, bobPassword());
    expect(ok(signIn).ConsoleLogin).toBe('Success');
    expect(signIn.record.authentication.steps.map((s) => s.signInCheck).filter(Boolean)).toEqual(expect.arrayContaining(['account.resolve', 'user.lookup', 'password.verify']));
    expect(errorOf(await call(w, 'signin:ConsoleLogin', {}, { kind: 'password', accountIdOrAlias: acct, userName: 'bob', password: 'guess' })).code).toBe('SignInFailed');
  });

  it('Use keys for API/CLI access.', async () => {
    const w = await defaultLab();
    const sent = await call(w, 'iam:GetUser', {}, adminKey(w));
    expect((ok(sent).User as { UserName: string }).UserName).toBe('alice');
    const sign = sent.record.authentication.steps.find((s) => s.kind === 'sigv4.sign');
    expect(sign?.sigv4?.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIA[A-Z2-7]{16}\/20260115\/us-east-1\/iam\/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/);
    // Keys do not open the console: the console takes a user name and password.
    expect(errorOf(await call(w, 'signin:ConsoleLogin', {}, adminKey(w))).code).toBe('InvalidRequest');
  });
});
