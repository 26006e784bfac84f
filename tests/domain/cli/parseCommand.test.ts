// The AWS CLI's command line: every command and option of the table, global options, and the usage
// errors the CLI prints. AWS: AWS CLI User Guide, "Command structure in the AWS CLI",
// "Specifying parameter values" and "Using shorthand syntax" (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-shorthand.html).
import { describe, expect, it } from 'vitest';
import { commandTable, findCommand } from '../../../src/lib/domain/cli/commandTable';
import type { CommandSpec, OptionSpec } from '../../../src/lib/domain/cli/commandTable';
import { parseAws } from '../../../src/lib/domain/cli/parseCommand';
import { tokenize } from '../../../src/lib/domain/cli/tokenize';
import { operationNames } from '../../../src/lib/domain/pipeline';
import type { Json } from '../../../src/lib/domain/policy/types';

function words(line: string): string[] {
  const r = tokenize(line);
  if (!r.ok) throw new Error(r.message);
  return [...r.words];
}

/** A sample value per option type: the words to type and the parameter value expected. */
function sample(o: OptionSpec): { words: string[]; value: Json } {
  switch (o.type) {
    case 'string':
      return { words: ['value-1'], value: 'value-1' };
    case 'document':
      return { words: ['{"Version":"2012-10-17","Statement":[]}'], value: '{"Version":"2012-10-17","Statement":[]}' };
    case 'integer':
      return { words: ['3600'], value: 3600 };
    case 'boolean':
      return { words: [], value: true };
    case 'list':
      return { words: ['a', 'b'], value: ['a', 'b'] };
    case 'structure':
      return { words: ['Name=x,Value=y'], value: { Name: 'x', Value: 'y' } };
    case 'structureList':
      return { words: ['Key=a,Value=1', 'Key=b,Value=2'], value: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] };
  }
}

function requiredWords(spec: CommandSpec, except?: OptionSpec): string[] {
  return spec.options.filter((o) => o.required && o !== except).flatMap((o) => [o.flag, ...sample(o).words]);
}

const cliService = (spec: CommandSpec) => spec.service;

describe('command table', () => {
  it('maps every command to an operation the lab simulates', () => {
    for (const spec of commandTable) expect(operationNames, spec.name).toContain(spec.operation);
  });

  it('has unique command names per service', () => {
    const keys = commandTable.map((s) => `${s.service} ${s.name}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['iam', 'create-user', 'iam:CreateUser'],
    ['iam', 'get-account-authorization-details', 'iam:GetAccountAuthorizationDetails'],
    ['iam', 'create-open-id-connect-provider', 'iam:CreateOpenIDConnectProvider'],
    ['iam', 'create-virtual-mfa-device', 'iam:CreateVirtualMFADevice'],
    ['sts', 'assume-role-with-saml', 'sts:AssumeRoleWithSAML'],
    ['s3api', 'list-objects-v2', 's3:ListObjectsV2'],
    ['s3api', 'put-bucket-policy', 's3:PutBucketPolicy'],
    ['dynamodb', 'put-item', 'dynamodb:PutItem'],
    ['ec2', 'run-instances', 'ec2:RunInstances'],
    ['kms', 'describe-key', 'kms:DescribeKey'],
  ])('aws %s %s → %s', (service, name, operation) => {
    expect(findCommand(service, name)?.operation).toBe(operation);
  });
});

describe.each(commandTable.map((spec) => [`${cliService(spec)} ${spec.name}`, spec] as const))('aws %s', (_label, spec) => {
  const positional = spec.positional?.required ? ['-'] : [];

  it('parses with its required options', () => {
    const parsed = parseAws([cliService(spec), spec.name, ...requiredWords(spec), ...positional]);
    expect(parsed.kind).toBe('api');
    if (parsed.kind !== 'api') return;
    expect(parsed.command.operation).toBe(spec.operation);
    for (const o of spec.options.filter((x) => x.required)) {
      const expected = sample(o).value;
      if (o.spread && expected !== null && typeof expected === 'object' && !Array.isArray(expected)) expect(parsed.params).toMatchObject(expected);
      else expect(parsed.params[o.param]).toEqual(expected);
    }
  });

  it.each(spec.options.map((o) => [o.flag, o] as const))('reads %s', (_flag, o) => {
    const parsed = parseAws([cliService(spec), spec.name, ...requiredWords(spec, o), o.flag, ...sample(o).words, ...positional]);
    expect(parsed.kind).toBe('api');
    if (parsed.kind !== 'api') return;
    const expected = sample(o).value;
    if (o.spread && expected !== null && typeof expected === 'object' && !Array.isArray(expected)) expect(parsed.params).toMatchObject(expected);
    else expect(parsed.params[o.param]).toEqual(expected);
  });

  const required = spec.options.filter((o) => o.required);
  if (required.length > 0) {
    it('names every missing required option, as argparse does', () => {
      const parsed = parseAws([cliService(spec), spec.name, ...positional]);
      expect(parsed.kind).toBe('usageError');
      if (parsed.kind === 'usageError') expect(parsed.text).toContain(`aws: error: the following arguments are required: ${required.map((o) => o.flag).join(', ')}`);
    });
  }
});

describe('option values', () => {
  it.each([
    ['aws iam update-login-profile --user-name bob --no-password-reset-required', { UserName: 'bob', PasswordResetRequired: false }],
    ['aws iam create-login-profile --user-name bob --password P@ss-1 --password-reset-required', { UserName: 'bob', Password: 'P@ss-1', PasswordResetRequired: true }],
    ['aws iam create-user --user-name=dave', { UserName: 'dave' }],
    ['aws iam tag-user --user-name dave --tags \'[{"Key":"team","Value":"red"}]\'', { UserName: 'dave', Tags: [{ Key: 'team', Value: 'red' }] }],
    ['aws iam untag-user --user-name dave --tag-keys team cost', { UserName: 'dave', TagKeys: ['team', 'cost'] }],
    ['aws ec2 run-instances --image-id ami-1 --count 2', { ImageId: 'ami-1', MinCount: 2, MaxCount: 2 }],
    [
      'aws ec2 run-instances --tag-specifications ResourceType=instance,Tags=[{Key=Name,Value=web}]',
      { TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }] },
    ],
    ['aws ec2 run-instances --iam-instance-profile Name=AppServerRole', { IamInstanceProfile: { Name: 'AppServerRole' } }],
    ['aws s3api put-bucket-versioning --bucket b --versioning-configuration Status=Enabled', { Bucket: 'b', Status: 'Enabled' }],
    ['aws dynamodb put-item --table-name Orders --item \'{"customerId":{"S":"c-9"}}\'', { TableName: 'Orders', Item: { customerId: { S: 'c-9' } } }],
    [
      'aws dynamodb create-table --table-name T --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH',
      { TableName: 'T', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] },
    ],
    ['aws sts assume-role --role-arn arn:aws:iam::1:role/R --role-session-name s --policy-arns arn=arn:aws:iam::aws:policy/ReadOnlyAccess', { PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }] }],
  ])('%s', (line, params) => {
    const parsed = parseAws(words(line).slice(1));
    expect(parsed.kind).toBe('api');
    if (parsed.kind === 'api') expect(parsed.params).toMatchObject(params);
  });

  it('reads --cli-input-json, with command-line options winning', () => {
    const parsed = parseAws(words(`aws iam create-user --cli-input-json '{"UserName": "dave", "Path": "/team/"}' --path /ops/`).slice(1));
    expect(parsed.kind === 'api' && parsed.params).toEqual({ UserName: 'dave', Path: '/ops/' });
  });

  it.each([
    ["aws iam create-user --cli-input-json '[1]'", "Error parsing parameter '--cli-input-json': Invalid JSON: expected an object"],
    ['aws iam create-user --cli-input-json file://input.json', "Error parsing parameter '--cli-input-json': Unable to load paramfile file://input.json"],
  ])('refuses a bad --cli-input-json: %s', (line, message) => {
    const parsed = parseAws(words(line).slice(1));
    expect(parsed.kind === 'usageError' && parsed.text).toContain(message);
  });

  it('passes a malformed policy document through: the service, not the CLI, refuses it', () => {
    const parsed = parseAws(words("aws iam create-policy --policy-name P --policy-document '{bad'").slice(1));
    expect(parsed.kind === 'api' && parsed.params.PolicyDocument).toBe('{bad');
  });
});

describe('usage errors', () => {
  const usageFor = (line: string): string => {
    const parsed = parseAws(words(line).slice(1));
    if (parsed.kind !== 'usageError') throw new Error(`expected a usage error, got ${parsed.kind}`);
    return parsed.text;
  };

  it.each([
    ['aws', 'aws: error: the following arguments are required: command'],
    ['aws iam', 'aws: error: the following arguments are required: operation'],
    ['aws lambda list-functions', 'aws: error: argument command: Invalid choice, valid choices are:'],
    ['aws iam creat-user --user-name x', 'aws: error: argument operation: Invalid choice, valid choices are:'],
    ['aws s3 sync a b', 'aws: error: argument operation: Invalid choice, valid choices are:'],
    ['aws iam create-user --user-name dave --colour blue', 'Unknown options: --colour, blue'],
    ['aws iam create-user --user-name', 'aws: error: argument --user-name: expected one argument'],
    ['aws iam list-users --output yaml', 'aws: error: argument --output: Invalid choice, valid choices are:\n\njson | text | table'],
    ['aws s3api get-object --bucket b --key k', 'aws: error: the following arguments are required: outfile'],
    ['aws s3 cp s3://b/k', 'aws: error: the following arguments are required: paths'],
    ['aws configure set region', 'aws: error: the following arguments are required: value'],
  ])('%s', (line, message) => {
    const text = usageFor(line);
    expect(text).toContain(message);
  });

  it('starts argparse errors with the usage block', () => {
    expect(usageFor('aws iam create-user')).toMatch(/^usage: aws \[options\] <command> <subcommand>/);
  });

  it.each([
    ["aws iam create-policy --policy-name P --policy-document file://policy.json", '--policy-document', 'file://policy.json'],
    ['aws s3api put-bucket-policy --bucket b --policy file:///tmp/p.json', '--policy', 'file:///tmp/p.json'],
    ['aws dynamodb put-item --table-name T --item file://item.json', '--item', 'file://item.json'],
    ['aws kms encrypt --key-id k --plaintext fileb://secret.bin', '--plaintext', 'fileb://secret.bin'],
  ])('refuses file references with a clear message: %s', (line, flag, ref) => {
    const text = usageFor(line);
    expect(text).toContain(`Error parsing parameter '${flag}': Unable to load paramfile ${ref}`);
    expect(text).toContain('no file system');
  });

  it.each([
    ['aws dynamodb put-item --table-name T --item \'{"id": }\'', "Error parsing parameter '--item': Invalid JSON:"],
    ["aws ec2 describe-instances --filters '[{\"Name\": ]'", "Error parsing parameter '--filters': Invalid JSON:"],
    ['aws sts assume-role --role-arn a --role-session-name s --duration-seconds soon', "Error parsing parameter '--duration-seconds': invalid literal for int() with base 10: 'soon'"],
    ['aws ec2 run-instances --iam-instance-profile Name', "Error parsing parameter '--iam-instance-profile': Expected: '='"],
  ])('reports a bad value: %s', (line, message) => {
    expect(usageFor(line)).toContain(message);
  });
});

describe('global options', () => {
  it('reads them anywhere on the line', () => {
    const parsed = parseAws(words("aws --profile dev iam list-users --output table --query 'Users[].UserName' --region eu-west-1").slice(1));
    expect(parsed.kind).toBe('api');
    if (parsed.kind === 'api') expect(parsed.globals).toEqual({ profile: 'dev', output: 'table', query: 'Users[].UserName', region: 'eu-west-1' });
  });

  it('reads --no-sign-request', () => {
    const parsed = parseAws(words('aws s3 ls s3://public --no-sign-request').slice(1));
    expect(parsed.kind === 's3' && parsed.globals.noSignRequest).toBe(true);
  });

  it.each([
    ['aws help', { kind: 'help' }],
    ['aws iam help', { kind: 'help', service: 'iam' }],
    ['aws iam create-user help', { kind: 'help', service: 'iam', command: 'create-user' }],
    ['aws configure', { kind: 'configure', command: 'interactive', args: [] }],
    ['aws configure --profile dev', { kind: 'configure', command: 'interactive', globals: { profile: 'dev' } }],
    ['aws configure set region eu-west-1', { kind: 'configure', command: 'set', args: ['region', 'eu-west-1'] }],
    ['aws configure list', { kind: 'configure', command: 'list' }],
    ['aws s3 rb s3://b --force', { kind: 's3', command: 'rb', args: ['s3://b'], force: true }],
    ['aws s3 rm s3://b/logs/ --recursive', { kind: 's3', command: 'rm', recursive: true }],
  ])('%s', (line, expected) => {
    expect(parseAws(words(line).slice(1))).toMatchObject(expected);
  });
});
