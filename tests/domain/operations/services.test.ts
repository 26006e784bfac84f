// DynamoDB, EC2 and KMS through send(): CRUD on tables/items, instances and keys, with AWS errors.
// AWS: DynamoDB API Reference (CreateTable, GetItem, PutItem, UpdateItem, DeleteItem, Query, Scan);
// EC2 API Reference (RunInstances, DescribeInstances, Start/Stop/TerminateInstances, CreateTags);
// KMS API Reference (CreateKey, DescribeKey, Encrypt, Decrypt, PutKeyPolicy, ScheduleKeyDeletion);
// IAM User Guide "Use an IAM role to grant permissions to applications running on Amazon EC2 instances".
import { describe, expect, it } from 'vitest';
import { bobPassword, call, defaultLab, errorOf, ok, rootPassword, userKey } from '../pipeline/labFixture';

const acct = '111122223333';
const orders = 'Orders';

describe('DynamoDB', () => {
  it('CreateTable, DescribeTable, ListTables, DeleteTable', async () => {
    const w = await defaultLab();
    const a = userKey(w, 'alice');
    const c = await call(w, 'dynamodb:CreateTable', { TableName: 'Sessions', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] }, a);
    expect(ok(c).TableDescription).toMatchObject({ TableName: 'Sessions', TableArn: 'arn:aws:dynamodb:us-east-1:111122223333:table/Sessions', TableStatus: 'ACTIVE' });
    expect(ok(await call(c.world, 'dynamodb:ListTables', {}, a)).TableNames).toEqual(['Orders', 'Sessions']);
    expect((ok(await call(c.world, 'dynamodb:DescribeTable', { TableName: 'Sessions' }, a)).Table as { ItemCount: number }).ItemCount).toBe(0);
    expect(errorOf(await call(c.world, 'dynamodb:CreateTable', { TableName: 'Sessions', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] }, a))).toEqual({ code: 'ResourceInUseException', message: 'Table already exists: Sessions' });
    const d = await call(c.world, 'dynamodb:DeleteTable', { TableName: 'Sessions' }, a);
    ok(d);
    expect(errorOf(await call(d.world, 'dynamodb:DescribeTable', { TableName: 'Sessions' }, a))).toEqual({ code: 'ResourceNotFoundException', message: 'Requested resource not found' });
  });

  it('items: PutItem, GetItem (typed values), UpdateItem SET, DeleteItem', async () => {
    const w = await defaultLab();
    const bob = bobPassword();
    const put = await call(w, 'dynamodb:PutItem', { TableName: orders, Item: { customerId: { S: 'c-003' }, orderId: { S: 'o-3001' }, total: { N: '12.5' } } }, bob);
    ok(put);
    expect(put.record.processing?.changes).toEqual([{ kind: 'created', entity: 'item', id: 'c-003/o-3001', parent: orders }]);
    const got = ok(await call(put.world, 'dynamodb:GetItem', { TableName: orders, Key: { customerId: { S: 'c-003' }, orderId: { S: 'o-3001' } } }, bob));
    expect(got.Item).toEqual({ customerId: { S: 'c-003' }, orderId: { S: 'o-3001' }, total: { N: '12.5' } });
    const upd = await call(put.world, 'dynamodb:UpdateItem', { TableName: orders, Key: { customerId: 'c-003', orderId: 'o-3001' }, UpdateExpression: 'SET status = :s', ExpressionAttributeValues: { ':s': { S: 'paid' } } }, bob);
    expect((ok(upd).Attributes as Record<string, unknown>).status).toEqual({ S: 'paid' });
    const a = userKey(w, 'alice');
    const del = await call(upd.world, 'dynamodb:DeleteItem', { TableName: orders, Key: { customerId: 'c-003', orderId: 'o-3001' } }, a);
    ok(del);
    expect(ok(await call(del.world, 'dynamodb:GetItem', { TableName: orders, Key: { customerId: 'c-003', orderId: 'o-3001' } }, a))).toEqual({});
    expect(errorOf(await call(w, 'dynamodb:DeleteItem', { TableName: orders, Key: { customerId: 'c-003', orderId: 'o-3001' } }, bob)).code).toBe('AccessDeniedException');
  });

  it.each([
    ['a key with a missing attribute', { TableName: orders, Key: { customerId: 'c-001' } }, 'ValidationException', 'The provided key element does not match the schema'],
    ['an unknown table', { TableName: 'Nope', Key: { id: 'x' } }, 'ResourceNotFoundException', 'Requested resource not found'],
  ])('GetItem with %s', async (_n, params, code, message) => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 'dynamodb:GetItem', params, userKey(w, 'alice')))).toEqual({ code, message });
  });

  it('Query by partition key (+ begins_with) fills dynamodb:LeadingKeys; Scan returns everything', async () => {
    const w = await defaultLab();
    const a = userKey(w, 'alice');
    const q = await call(w, 'dynamodb:Query', { TableName: orders, KeyConditionExpression: 'customerId = :c AND begins_with(orderId, :p)', ExpressionAttributeValues: { ':c': { S: 'c-001' }, ':p': { S: 'o-100' } } }, a);
    expect(ok(q).Count).toBe(2);
    expect(q.record.authorization?.checks[0]?.context['dynamodb:LeadingKeys']).toEqual(['c-001']);
    expect(ok(await call(w, 'dynamodb:Scan', { TableName: orders }, a)).Count).toBe(3);
    expect(errorOf(await call(w, 'dynamodb:Scan', { TableName: orders }, bobPassword())).code).toBe('AccessDeniedException');
  });

  it('fine-grained access: a policy on dynamodb:LeadingKeys limits carol to her own partition', async () => {
    let w = await defaultLab();
    const a = userKey(w, 'alice');
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: `arn:aws:dynamodb:us-east-1:${acct}:table/Orders`, Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['c-002'] } } }],
    };
    w = (await call(w, 'iam:RemoveUserFromGroup', { UserName: 'carol', GroupName: 'Developers' }, a)).world;
    w = (await call(w, 'iam:PutUserPolicy', { UserName: 'carol', PolicyName: 'Own', PolicyDocument: policy }, a)).world;
    const carol = userKey(w, 'carol');
    ok(await call(w, 'dynamodb:GetItem', { TableName: orders, Key: { customerId: 'c-002', orderId: 'o-2001' } }, carol));
    expect(errorOf(await call(w, 'dynamodb:GetItem', { TableName: orders, Key: { customerId: 'c-001', orderId: 'o-1001' } }, carol)).code).toBe('AccessDeniedException');
  });
});

describe('EC2', () => {
  it('RunInstances with an instance profile also checks iam:PassRole; the app then acts as the role', async () => {
    const w = await defaultLab();
    const a = userKey(w, 'alice');
    const run = await call(w, 'ec2:RunInstances', { ImageId: 'ami-1', InstanceType: 't3.small', IamInstanceProfile: { Name: 'AppServerRole' }, TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'worker' }] }] }, a);
    const inst = (ok(run).Instances as { InstanceId: string; State: { Name: string } }[])[0];
    expect(inst?.State.Name).toBe('running');
    expect(run.record.authorization?.checks.map((c) => [c.action, c.context['iam:PassedToService'] ?? ''])).toEqual([
      ['ec2:RunInstances', ''],
      ['iam:PassRole', 'ec2.amazonaws.com'],
    ]);
    const id = inst?.InstanceId ?? '';
    const app = await call(run.world, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, { kind: 'instanceProfile', instanceId: id });
    ok(app);
    expect(app.record.authentication.principal?.principal).toMatchObject({ kind: 'assumedRole', arn: `arn:aws:sts::${acct}:assumed-role/AppServerRole/${id}` });
    expect(app.record.authorization?.checks[0]?.context['ec2:SourceInstanceARN']).toBe(`arn:aws:ec2:us-east-1:${acct}:instance/${id}`);
  });

  it('Describe, Stop, Start, CreateTags, Terminate; wrong states and unknown ids', async () => {
    const w = await defaultLab();
    const a = userKey(w, 'alice');
    const id = Object.keys(w.accounts[acct]?.ec2.instances ?? {})[0] ?? '';
    expect((ok(await call(w, 'ec2:DescribeInstances', {}, bobPassword())).Reservations as unknown[]).length).toBe(1);
    const stopped = await call(w, 'ec2:StopInstances', { InstanceIds: [id] }, a);
    expect(stopped.world.accounts[acct]?.ec2.instances[id]?.state).toBe('stopped');
    expect(errorOf(await call(stopped.world, 'ec2:StopInstances', { InstanceIds: [id] }, a))).toEqual({ code: 'IncorrectInstanceState', message: `The instance '${id}' is not in a state from which it can be stopped.` });
    const started = await call(stopped.world, 'ec2:StartInstances', { InstanceIds: [id] }, a);
    expect(started.world.accounts[acct]?.ec2.instances[id]?.state).toBe('running');
    const tagged = await call(started.world, 'ec2:CreateTags', { Resources: [id], Tags: [{ Key: 'Owner', Value: 'alice' }] }, a);
    expect(tagged.world.accounts[acct]?.ec2.instances[id]?.tags.Owner).toBe('alice');
    const gone = await call(tagged.world, 'ec2:TerminateInstances', { InstanceIds: [id] }, a);
    expect(gone.record.processing?.crud).toBe('Delete');
    expect(errorOf(await call(w, 'ec2:TerminateInstances', { InstanceIds: ['i-0000000000000000'] }, a))).toEqual({ code: 'InvalidInstanceID.NotFound', message: "The instance ID 'i-0000000000000000' does not exist" });
  });

  it('a Deny on the production tag stops developers: UnauthorizedOperation', async () => {
    let w = await defaultLab();
    w = (await call(w, 'iam:AttachGroupPolicy', { GroupName: 'Developers', PolicyArn: 'arn:aws:iam::aws:policy/PowerUserAccess' }, userKey(w, 'alice'))).world;
    const id = Object.keys(w.accounts[acct]?.ec2.instances ?? {})[0] ?? '';
    const e = errorOf(await call(w, 'ec2:TerminateInstances', { InstanceIds: [id] }, bobPassword()));
    expect(e.code).toBe('UnauthorizedOperation');
    expect(e.message).toMatch(/^You are not authorized to perform this operation\. .*explicit deny in an identity-based policy/);
  });

  it('an application on a stopped instance gets no credentials', async () => {
    const w = await defaultLab();
    const id = Object.keys(w.accounts[acct]?.ec2.instances ?? {})[0] ?? '';
    const stopped = await call(w, 'ec2:StopInstances', { InstanceIds: [id] }, userKey(w, 'alice'));
    expect(errorOf(await call(stopped.world, 'sts:GetCallerIdentity', {}, { kind: 'instanceProfile', instanceId: id })).code).toBe('MissingAuthenticationToken');
  });
});

describe('KMS', () => {
  it('CreateKey with the default key policy, DescribeKey, Encrypt/Decrypt round trip', async () => {
    const w = await defaultLab();
    const a = userKey(w, 'alice');
    const created = await call(w, 'kms:CreateKey', { Description: 'test key' }, a);
    const meta = ok(created).KeyMetadata as Record<string, string>;
    expect(meta.KeyState).toBe('Enabled');
    expect(JSON.parse(created.world.accounts[acct]?.kms.keys[meta.KeyId ?? '']?.policy ?? '{}').Statement[0].Sid).toBe('Enable IAM User Permissions');
    const enc = ok(await call(created.world, 'kms:Encrypt', { KeyId: meta.KeyId ?? '', Plaintext: 'secret' }, a));
    const dec = ok(await call(created.world, 'kms:Decrypt', { CiphertextBlob: String(enc.CiphertextBlob) }, a));
    expect(dec.Plaintext).toBe('secret');
    expect((ok(await call(created.world, 'kms:DescribeKey', { KeyId: meta.Arn ?? '' }, a)).KeyMetadata as { Description: string }).Description).toBe('test key');
  });

  it('the key policy feeds the evaluation: AppServerRole may decrypt, bob may not', async () => {
    const w = await defaultLab();
    const keyId = Object.keys(w.accounts[acct]?.kms.keys ?? {})[0] ?? '';
    const instance = Object.keys(w.accounts[acct]?.ec2.instances ?? {})[0] ?? '';
    const app = { kind: 'instanceProfile', instanceId: instance } as const;
    const enc = await call(w, 'kms:Encrypt', { KeyId: keyId, Plaintext: 'db-password' }, app);
    expect(enc.record.authorization?.checks[0]?.policies.map((p) => p.label)).toContain(`KMS key ${keyId} · key policy`);
    const blob = String(ok(enc).CiphertextBlob);
    expect(ok(await call(w, 'kms:Decrypt', { CiphertextBlob: blob }, app)).Plaintext).toBe('db-password');
    expect(errorOf(await call(w, 'kms:Decrypt', { CiphertextBlob: blob }, bobPassword())).code).toBe('AccessDeniedException');
    expect(errorOf(await call(w, 'kms:Decrypt', { CiphertextBlob: 'not-a-ciphertext' }, app)).code).toBe('InvalidCiphertextException');
  });

  it('PutKeyPolicy replaces the key policy; a malformed one is MalformedPolicyDocumentException', async () => {
    const w = await defaultLab();
    const keyId = Object.keys(w.accounts[acct]?.kms.keys ?? {})[0] ?? '';
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:root` }, Action: 'kms:*', Resource: '*' }] };
    const put = await call(w, 'kms:PutKeyPolicy', { KeyId: keyId, Policy: policy, PolicyName: 'default' }, rootPassword);
    ok(put);
    expect(JSON.parse(String(ok(await call(put.world, 'kms:GetKeyPolicy', { KeyId: keyId }, rootPassword)).Policy))).toEqual(policy);
    expect(errorOf(await call(w, 'kms:PutKeyPolicy', { KeyId: keyId, Policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] } }, rootPassword)).code).toBe('MalformedPolicyDocumentException');
  });

  it('ScheduleKeyDeletion: 7–30 days; a key pending deletion cannot encrypt; CancelKeyDeletion', async () => {
    const w = await defaultLab();
    const a = userKey(w, 'alice');
    const keyId = Object.keys(w.accounts[acct]?.kms.keys ?? {})[0] ?? '';
    expect(errorOf(await call(w, 'kms:ScheduleKeyDeletion', { KeyId: keyId, PendingWindowInDays: 3 }, a)).code).toBe('ValidationException');
    const sched = await call(w, 'kms:ScheduleKeyDeletion', { KeyId: keyId, PendingWindowInDays: 7 }, a);
    expect(ok(sched).DeletionDate).toBe('2026-01-22T09:00:00Z');
    const key = sched.world.accounts[acct]?.kms.keys[keyId];
    expect(errorOf(await call(sched.world, 'kms:Encrypt', { KeyId: keyId, Plaintext: 'x' }, a))).toEqual({ code: 'KMSInvalidStateException', message: `${key?.arn} is pending deletion.` });
    const cancelled = await call(sched.world, 'kms:CancelKeyDeletion', { KeyId: keyId }, a);
    expect(cancelled.world.accounts[acct]?.kms.keys[keyId]?.keyState).toBe('Disabled');
    expect(errorOf(await call(w, 'kms:DescribeKey', { KeyId: '00000000-0000-4000-a000-000000000000' }, a)).code).toBe('NotFoundException');
  });
});
