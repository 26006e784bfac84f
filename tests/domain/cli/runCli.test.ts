// The terminal against the real pipeline: output shapes as documented in the AWS CLI Command Reference
// (e.g. https://docs.aws.amazon.com/cli/latest/reference/iam/create-access-key.html, sts/get-caller-identity.html,
// iam/list-users.html), error lines as the CLI prints them ("An error occurred (Code) when calling the X
// operation: message"), credential precedence (AWS CLI User Guide, "Configuration settings and precedence")
// and exit statuses ("Command line return codes": 252, 253, 254, 255).
import { describe, expect, it } from 'vitest';
import { isCliRequest } from '../../../src/lib/domain/cli';
import { json, labHarness } from './harness';

describe('output shapes', () => {
  it('get-caller-identity: UserId, Account, Arn', async () => {
    const h = await labHarness();
    const r = await h.run('aws sts get-caller-identity');
    expect(r.exitCode).toBe(0);
    expect(Object.keys(json(r.stdout)).sort()).toEqual(['Account', 'Arn', 'UserId']);
    expect(json(r.stdout).Arn).toBe('arn:aws:iam::111122223333:root');
  });

  it('create-user, create-access-key, list-access-keys, list-users', async () => {
    const h = await labHarness();
    const user = json((await h.run('aws iam create-user --user-name dave')).stdout).User as Record<string, unknown>;
    expect(Object.keys(user).sort()).toEqual(['Arn', 'CreateDate', 'Path', 'UserId', 'UserName']);
    const key = json((await h.run('aws iam create-access-key --user-name dave')).stdout).AccessKey as Record<string, unknown>;
    expect(Object.keys(key).sort()).toEqual(['AccessKeyId', 'CreateDate', 'SecretAccessKey', 'Status', 'UserName']);
    expect(key.AccessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    const listed = json((await h.run('aws iam list-access-keys --user-name dave')).stdout);
    expect(listed.AccessKeyMetadata).toEqual([expect.objectContaining({ UserName: 'dave', AccessKeyId: key.AccessKeyId, Status: 'Active' })]);
    const names = await h.run("aws iam list-users --query 'Users[].UserName' --output text");
    expect(names.stdout.split('\t')).toContain('dave');
  });

  it.each([
    ['aws iam list-users', ['Users']],
    ['aws iam list-groups-for-user --user-name bob', ['Groups']],
    ['aws kms list-keys', ['Keys']],
    ['aws dynamodb list-tables', ['TableNames']],
    ['aws ec2 describe-instances', ['Reservations']],
  ])('%s: the CLI pages through and leaves out the paging members', async (line, keys) => {
    const h = await labHarness();
    expect(Object.keys(json((await h.run(line)).stdout))).toEqual(keys);
  });

  it('prints nothing for operations whose response is empty (attach-user-policy)', async () => {
    const h = await labHarness();
    await h.run('aws iam create-user --user-name dave');
    const r = await h.run('aws iam attach-user-policy --user-name dave --policy-arn arn:aws:iam::aws:policy/IAMReadOnlyAccess');
    expect(r).toMatchObject({ exitCode: 0, text: '' });
  });

  it('get-account-authorization-details lists users, groups, roles and policies', async () => {
    const h = await labHarness();
    const r = json((await h.run('aws iam get-account-authorization-details')).stdout);
    expect(Object.keys(r)).toEqual(expect.arrayContaining(['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies']));
  });

  it('s3api get-object prints the body for outfile "-" and the metadata without Body', async () => {
    const h = await labHarness();
    const r = await h.run('aws s3api get-object --bucket example-corp-app-data --key config/app.json -');
    expect(r.output[0]?.text).toBe('{"featureFlags":{"newCheckout":true}}');
    const meta = json(r.output[1]?.text ?? '{}');
    expect(meta).not.toHaveProperty('Body');
    expect(meta.ContentType).toBe('application/json');
  });

  it.each([
    ['aws s3 ls', /^2026-01-15 09:00:00 example-corp-app-data$/m],
    ['aws s3 ls s3://example-corp-app-data', /^ {27}PRE reports\/$/m],
    ['aws s3 ls s3://example-corp-app-data/reports/', /^2026-01-15 09:00:00 {9}31 2025-q4\.csv$/m],
    ['aws s3 ls s3://example-corp-app-data --recursive', /^2026-01-15 09:00:00 +\d+ reports\/2026-q1\.csv$/m],
    ['aws s3 mb s3://new-bucket-for-test', /^make_bucket: new-bucket-for-test$/],
    ['aws s3 cp s3://example-corp-app-data/reports/2025-q4.csv -', /^quarter,revenue\n2025-Q4,182000$/],
  ])('%s', async (line, pattern) => {
    const h = await labHarness();
    const r = await h.run(line);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(pattern);
  });

  it('s3 cp from echo, rm and rb', async () => {
    const h = await labHarness();
    expect((await h.run('aws s3 mb s3://scratch-bucket')).stdout).toBe('make_bucket: scratch-bucket');
    expect((await h.run("echo 'hello lab' | aws s3 cp - s3://scratch-bucket/notes/hi.txt")).stdout).toBe('upload: - to s3://scratch-bucket/notes/hi.txt');
    expect((await h.run('aws s3 cp s3://scratch-bucket/notes/hi.txt -')).stdout).toBe('hello lab');
    expect((await h.run('aws s3 rb s3://scratch-bucket --force')).stdout).toBe('delete: s3://scratch-bucket/notes/hi.txt\nremove_bucket: scratch-bucket');
  });

  it('s3api get-object refuses an outfile other than "-" before sending anything', async () => {
    const h = await labHarness();
    const r = await h.run('aws s3api get-object --bucket example-corp-app-data --key config/app.json app.json');
    expect(r).toMatchObject({ exitCode: 255, stderr: expect.stringContaining('no file system') });
    expect(h.records).toHaveLength(0);
    expect((await h.run('aws s3api put-object help')).stdout).toContain('--body takes the content itself');
  });

  it('refuses local paths: there is no file system', async () => {
    const h = await labHarness();
    const r = await h.run('aws s3 cp ./report.csv s3://example-corp-app-data/report.csv');
    expect(r.exitCode).toBe(255);
    expect(r.stderr).toContain('no file system');
    expect(h.records).toHaveLength(0);
  });
});

describe('errors as the AWS CLI prints them', () => {
  it('AccessDenied names the operation, the principal and the action', async () => {
    const h = await labHarness({ kind: 'user', userName: 'bob' });
    const r = await h.run('aws iam create-user --user-name eve');
    expect(r.exitCode).toBe(254);
    expect(r.stderr).toMatch(/^\nAn error occurred \(AccessDenied\) when calling the CreateUser operation: User: arn:aws:iam::111122223333:user\/bob is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::111122223333:user\/eve/);
  });

  it('a malformed policy document is refused by IAM, not by the CLI', async () => {
    const h = await labHarness();
    const r = await h.run("aws iam create-policy --policy-name Bad --policy-document '{bad'");
    expect(r.stderr).toBe('\nAn error occurred (MalformedPolicyDocument) when calling the CreatePolicy operation: Syntax errors in policy.');
    expect(h.records).toHaveLength(1);
  });

  it('usage errors exit 252 and send nothing', async () => {
    const h = await labHarness();
    const r = await h.run('aws iam create-user');
    expect(r.exitCode).toBe(252);
    expect(h.records).toHaveLength(0);
  });

  it('without credentials: Unable to locate credentials (253)', async () => {
    const h = await labHarness(null);
    const r = await h.run('aws sts get-caller-identity');
    expect(r).toMatchObject({ exitCode: 253, stderr: '\nUnable to locate credentials. You can configure credentials by running "aws configure".' });
  });

  it('an unknown profile (255)', async () => {
    const h = await labHarness();
    const r = await h.run('aws sts get-caller-identity --profile nope');
    expect(r).toMatchObject({ exitCode: 255, stderr: '\nThe config profile (nope) could not be found' });
  });

  it('an unknown access key: InvalidClientTokenId', async () => {
    const h = await labHarness();
    await h.run('export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    const r = await h.run('aws sts get-caller-identity');
    expect(r.stderr).toBe('\nAn error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.');
  });

  it('a bad --query', async () => {
    const h = await labHarness();
    const r = await h.run("aws iam list-users --query 'Users[.'");
    expect(r.exitCode).toBe(255);
    expect(r.stderr).toContain('Bad value for --query Users[.');
  });
});

describe('credentials and profiles', () => {
  it('signs with a configured access key (SigV4), denied then allowed', async () => {
    const h = await labHarness();
    await h.run('aws iam create-user --user-name dave');
    const key = json((await h.run('aws iam create-access-key --user-name dave')).stdout).AccessKey as { AccessKeyId: string; SecretAccessKey: string };
    await h.run('aws configure --profile dave', [key.AccessKeyId, key.SecretAccessKey, 'us-east-1', 'json']);
    const who = json((await h.run('aws sts get-caller-identity --profile dave')).stdout);
    expect(who.Arn).toBe('arn:aws:iam::111122223333:user/dave');
    expect(h.records.at(-1)?.request.credentials).toMatchObject({ kind: 'accessKey', accessKeyId: key.AccessKeyId });
    expect(h.records.at(-1)?.authentication.steps.map((s) => s.kind)).toContain('sigv4.verify');

    const denied = await h.run('aws s3 ls --profile dave');
    expect(denied.stderr).toContain('An error occurred (AccessDenied) when calling the ListBuckets operation');
    await h.run('aws iam attach-user-policy --user-name dave --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    const allowed = await h.run('aws s3 ls --profile dave');
    expect(allowed).toMatchObject({ exitCode: 0, stdout: expect.stringContaining('example-corp-app-data') });
  });

  it('environment keys win over the default profile; --profile wins over both', async () => {
    const h = await labHarness();
    const alice = h.world.accounts['111122223333']?.users.alice?.accessKeys[0];
    const carol = h.world.accounts['111122223333']?.users.carol?.accessKeys[0];
    if (!alice || !carol) throw new Error('default lab keys');
    await h.run(`aws configure set aws_access_key_id ${carol.accessKeyId}`);
    await h.run(`aws configure set aws_secret_access_key ${carol.secretAccessKey}`);
    expect(json((await h.run('aws sts get-caller-identity')).stdout).Arn).toContain('user/carol');
    await h.run(`export AWS_ACCESS_KEY_ID=${alice.accessKeyId} AWS_SECRET_ACCESS_KEY=${alice.secretAccessKey}`);
    expect(json((await h.run('aws sts get-caller-identity')).stdout).Arn).toContain('user/alice');
    expect(json((await h.run('aws sts get-caller-identity --profile default')).stdout).Arn).toContain('user/carol');
    await h.run('unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY');
    expect(json((await h.run('aws sts get-caller-identity')).stdout).Arn).toContain('user/carol');
  });

  it('assume-role credentials work in a profile with aws_session_token', async () => {
    const h = await labHarness();
    const creds = json((await h.run('aws sts assume-role --role-arn arn:aws:iam::444455556666:role/PartnerAccessRole --role-session-name audit')).stdout)
      .Credentials as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string };
    expect(creds.AccessKeyId).toMatch(/^ASIA/);
    for (const [k, v] of [['aws_access_key_id', creds.AccessKeyId], ['aws_secret_access_key', creds.SecretAccessKey], ['aws_session_token', creds.SessionToken]]) {
      await h.run(`aws configure set ${k} ${v} --profile partner`);
    }
    const who = json((await h.run('aws sts get-caller-identity --profile partner')).stdout);
    expect(who.Arn).toBe('arn:aws:sts::444455556666:assumed-role/PartnerAccessRole/audit');
    expect((await h.run('aws s3 ls s3://partner-co-shared --profile partner')).stdout).toContain('price-list.csv');
  });

  it('a role profile (role_arn + source_profile) assumes the role before each command', async () => {
    const h = await labHarness();
    const users = h.world.accounts['111122223333']?.users;
    for (const [profile, user] of [['alice', users?.alice], ['carol', users?.carol]] as const) {
      const key = user?.accessKeys[0];
      if (!key) throw new Error('default lab keys');
      await h.run(`aws configure set aws_access_key_id ${key.accessKeyId} --profile ${profile}`);
      await h.run(`aws configure set aws_secret_access_key ${key.secretAccessKey} --profile ${profile}`);
      await h.run(`aws configure set role_arn arn:aws:iam::444455556666:role/PartnerAccessRole --profile partner-${profile}`);
      await h.run(`aws configure set source_profile ${profile} --profile partner-${profile}`);
    }
    const before = h.records.length;
    const who = await h.run('aws sts get-caller-identity --profile partner-alice --query Arn --output text');
    expect(who.stdout).toBe('arn:aws:sts::444455556666:assumed-role/PartnerAccessRole/aws-cli-partner-alice');
    expect(h.records.slice(before).map((r) => r.request.operation)).toEqual(['sts:AssumeRole', 'sts:GetCallerIdentity']);
    const denied = await h.run('aws s3 ls s3://partner-co-shared --profile partner-carol');
    expect(denied).toMatchObject({ exitCode: 254, stderr: expect.stringMatching(/^\nAn error occurred \(AccessDenied\) when calling the AssumeRole operation: User: arn:aws:iam::111122223333:user\/carol/) });
    await h.run('aws configure set source_profile ghost --profile partner-carol');
    expect((await h.run('aws sts get-caller-identity --profile partner-carol')).stderr).toBe('\nThe config profile (ghost) could not be found');
  });

  it('configure list, get and list-profiles', async () => {
    const h = await labHarness();
    await h.run('aws configure set region eu-west-1 --profile dev');
    expect((await h.run('aws configure get region --profile dev')).stdout).toBe('eu-west-1');
    expect((await h.run('aws configure get profile.dev.region')).stdout).toBe('eu-west-1');
    expect((await h.run('aws configure list-profiles')).stdout).toBe('dev');
    expect((await h.run('aws configure list --profile dev')).stdout).toMatch(/region\s+eu-west-1\s+config-file/);
  });

  it('every request it sends is marked as coming from the CLI, in the region configured', async () => {
    const h = await labHarness();
    await h.run('export AWS_DEFAULT_REGION=eu-west-1');
    await h.run('aws dynamodb list-tables');
    await h.run('aws sts get-caller-identity --region us-west-2');
    expect(h.records.map((r) => [isCliRequest(r.request), r.request.region])).toEqual([
      [true, 'eu-west-1'],
      [true, 'us-west-2'],
    ]);
  });
});

describe('shell built-ins', () => {
  it.each([
    ['clear', { clear: true }],
    ['history', { history: true }],
    ['nonsense', { exitCode: 127, text: 'bash: nonsense: command not found' }],
    ["echo 'unclosed", { exitCode: 2 }],
    ['export =x', { exitCode: 1 }],
    ['ls | grep x', { exitCode: 2 }],
  ])('%s', async (line, expected) => {
    const h = await labHarness();
    expect(await h.run(line)).toMatchObject(expected);
  });

  it('echo $? prints the last exit status', async () => {
    const h = await labHarness();
    await h.run('aws iam create-user');
    expect((await h.run('echo $?')).stdout).toBe('252');
  });

  it('help lists the commands of a service and the options of a command', async () => {
    const h = await labHarness();
    expect((await h.run('aws iam help')).stdout).toContain('o create-user');
    expect((await h.run('aws iam create-user help')).stdout).toMatch(/--user-name <value>[\s\S]*\[--path <value>\]/);
  });
});
