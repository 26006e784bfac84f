// The AWS CLI commands the lab understands: `aws <service> <command>` → a pipeline operation, with each
// option's AWS name, type and the lab names it completes. Invariant: every command maps to an
// operation in operations/operationTable.ts, and option flags are the AWS CLI's own (AWS CLI Command Reference).
import type { Json } from '../policy/types';

/** How an option's words become a parameter value (AWS CLI Command Reference, "Options" of each command). */
export type OptionType =
  /** One word. */
  | 'string'
  /** One word, a whole number. */
  | 'integer'
  /** A flag: `--x` is true, `--no-x` is false. */
  | 'boolean'
  /** One or more words (`--tag-keys a b`), or a JSON array. */
  | 'list'
  /** Shorthand (`Name=x`) or JSON. */
  | 'structure'
  /** One or more shorthand structures, or a JSON array. */
  | 'structureList'
  /** A JSON document passed through as text (policies): the service, not the CLI, checks it. */
  | 'document';

/** What kind of lab name an option's value can be completed with. */
export type Completion =
  | 'user'
  | 'group'
  | 'role'
  | 'roleArn'
  | 'policyArn'
  | 'userInlinePolicy'
  | 'bucket'
  | 'table'
  | 'instanceId'
  | 'keyId'
  | 'accessKeyId'
  | 'instanceProfile';

export interface OptionSpec {
  /** '--user-name' */
  readonly flag: string;
  /** The operation's parameter: 'UserName'. */
  readonly param: string;
  readonly type: OptionType;
  readonly required?: boolean;
  readonly complete?: Completion;
  readonly choices?: readonly string[];
  /** Structure members go to the top level of the parameters (the lab's S3 versioning operation reads them there). */
  readonly spread?: boolean;
}

export interface CommandSpec {
  /** 'iam' */
  readonly service: string;
  /** 'create-user' */
  readonly name: string;
  /** 'iam:CreateUser' */
  readonly operation: string;
  readonly options: readonly OptionSpec[];
  /** Where the lab differs from the AWS CLI for this command (shown by `help`). */
  readonly note?: string;
  /** A positional argument the AWS CLI requires (s3api get-object's outfile). */
  readonly positional?: { readonly name: string; readonly required: boolean };
  /**
   * Paginated in the CLI: it fetches every page and leaves out the paging members (IsTruncated, Marker…)
   * of the merged result (AWS CLI User Guide, "Using the AWS CLI pagination options").
   */
  readonly pagingKeys?: readonly string[];
  /** Parameters derived from others (run-instances' --count sets MinCount and MaxCount). */
  readonly derive?: (params: Readonly<Record<string, Json>>) => Readonly<Record<string, Json>>;
}

/** '--user-name' → 'UserName' (the CLI's rule, with AWS's acronyms where it differs). */
export function paramOf(flag: string): string {
  return flag
    .replace(/^--/, '')
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** 'CreateUser' → 'create-user'; acronyms stay one word (ListObjectsV2 → list-objects-v2). */
export function commandNameOf(operationName: string): string {
  const fixed: Record<string, string> = {
    CreateSAMLProvider: 'create-saml-provider',
    ListSAMLProviders: 'list-saml-providers',
    CreateOpenIDConnectProvider: 'create-open-id-connect-provider',
    ListOpenIDConnectProviders: 'list-open-id-connect-providers',
    CreateVirtualMFADevice: 'create-virtual-mfa-device',
    EnableMFADevice: 'enable-mfa-device',
    DeactivateMFADevice: 'deactivate-mfa-device',
    DeleteVirtualMFADevice: 'delete-virtual-mfa-device',
    ListMFADevices: 'list-mfa-devices',
    AssumeRoleWithSAML: 'assume-role-with-saml',
    ListObjectsV2: 'list-objects-v2',
  };
  return fixed[operationName] ?? operationName.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

type Opt = OptionSpec;
const o = (flag: string, type: OptionType = 'string', extra: Partial<OptionSpec> = {}): Opt => ({ flag: `--${flag}`, param: paramOf(`--${flag}`), type, ...extra });
const r = (flag: string, complete?: Completion, type: OptionType = 'string'): Opt => o(flag, type, { required: true, ...(complete ? { complete } : {}) });
const c = (flag: string, complete: Completion): Opt => o(flag, 'string', { complete });

const userName = r('user-name', 'user');
const groupName = r('group-name', 'group');
const roleName = r('role-name', 'role');
const policyArn = r('policy-arn', 'policyArn');
const policyName = r('policy-name');
const policyDocument = r('policy-document', undefined, 'document');
const path = o('path');
const pathPrefix = o('path-prefix');
const tags = o('tags', 'structureList');
const tagKeys = r('tag-keys', undefined, 'list');
const boundary = c('permissions-boundary', 'policyArn');
const bucket = r('bucket', 'bucket');
const key = r('key');
const tableName = r('table-name', 'table');
const keyId = r('key-id', 'keyId');
const instanceIds = (required: boolean): Opt => o('instance-ids', 'list', { required, complete: 'instanceId' });
const sessionOptions = [o('policy-arns', 'structureList'), o('policy', 'document'), o('duration-seconds', 'integer')];

function cmd(service: string, op: string, options: readonly Opt[], extra: Partial<CommandSpec> = {}): CommandSpec {
  return { service, name: commandNameOf(op), operation: `${service}:${op}`, options, ...extra };
}

const iam: readonly CommandSpec[] = [
  cmd('iam', 'CreateUser', [userName, path, boundary, tags]),
  cmd('iam', 'DeleteUser', [userName]),
  cmd('iam', 'GetUser', [c('user-name', 'user')]),
  cmd('iam', 'ListUsers', [pathPrefix]),
  cmd('iam', 'TagUser', [userName, { ...tags, required: true }]),
  cmd('iam', 'UntagUser', [userName, tagKeys]),
  cmd('iam', 'CreateLoginProfile', [userName, r('password'), o('password-reset-required', 'boolean')]),
  cmd('iam', 'UpdateLoginProfile', [userName, o('password'), o('password-reset-required', 'boolean')]),
  cmd('iam', 'DeleteLoginProfile', [userName]),
  cmd('iam', 'GetLoginProfile', [userName]),
  cmd('iam', 'ChangePassword', [r('old-password'), r('new-password')]),
  cmd('iam', 'CreateAccessKey', [c('user-name', 'user')]),
  cmd('iam', 'UpdateAccessKey', [c('user-name', 'user'), r('access-key-id', 'accessKeyId'), o('status', 'string', { required: true, choices: ['Active', 'Inactive'] })]),
  cmd('iam', 'DeleteAccessKey', [c('user-name', 'user'), r('access-key-id', 'accessKeyId')]),
  cmd('iam', 'ListAccessKeys', [c('user-name', 'user')]),
  cmd('iam', 'GetAccessKeyLastUsed', [r('access-key-id', 'accessKeyId')]),
  cmd('iam', 'CreateVirtualMFADevice', [o('virtual-mfa-device-name', 'string', { required: true, param: 'VirtualMFADeviceName' }), path]),
  cmd('iam', 'EnableMFADevice', [userName, r('serial-number'), r('authentication-code1'), r('authentication-code2')]),
  cmd('iam', 'DeactivateMFADevice', [c('user-name', 'user'), r('serial-number')]),
  cmd('iam', 'DeleteVirtualMFADevice', [r('serial-number')]),
  cmd('iam', 'ListMFADevices', [c('user-name', 'user')]),
  cmd('iam', 'CreateGroup', [r('group-name'), path]),
  cmd('iam', 'DeleteGroup', [groupName]),
  cmd('iam', 'GetGroup', [groupName]),
  cmd('iam', 'ListGroups', [pathPrefix]),
  cmd('iam', 'ListGroupsForUser', [userName]),
  cmd('iam', 'AddUserToGroup', [groupName, userName]),
  cmd('iam', 'RemoveUserFromGroup', [groupName, userName]),
  cmd('iam', 'CreateRole', [r('role-name'), r('assume-role-policy-document', undefined, 'document'), path, o('description'), o('max-session-duration', 'integer'), boundary, tags]),
  cmd('iam', 'DeleteRole', [roleName]),
  cmd('iam', 'GetRole', [roleName]),
  cmd('iam', 'ListRoles', [pathPrefix]),
  cmd('iam', 'UpdateAssumeRolePolicy', [roleName, policyDocument]),
  cmd('iam', 'UpdateRole', [roleName, o('description'), o('max-session-duration', 'integer')]),
  cmd('iam', 'TagRole', [roleName, { ...tags, required: true }]),
  cmd('iam', 'UntagRole', [roleName, tagKeys]),
  cmd('iam', 'CreateInstanceProfile', [r('instance-profile-name'), path]),
  cmd('iam', 'AddRoleToInstanceProfile', [r('instance-profile-name', 'instanceProfile'), roleName]),
  cmd('iam', 'RemoveRoleFromInstanceProfile', [r('instance-profile-name', 'instanceProfile'), roleName]),
  cmd('iam', 'ListInstanceProfiles', [pathPrefix]),
  cmd('iam', 'CreatePolicy', [policyName, policyDocument, path, o('description'), tags]),
  cmd('iam', 'GetPolicy', [policyArn]),
  cmd('iam', 'DeletePolicy', [policyArn]),
  cmd('iam', 'CreatePolicyVersion', [policyArn, policyDocument, o('set-as-default', 'boolean')]),
  cmd('iam', 'GetPolicyVersion', [policyArn, r('version-id')]),
  cmd('iam', 'ListPolicyVersions', [policyArn]),
  cmd('iam', 'SetDefaultPolicyVersion', [policyArn, r('version-id')]),
  cmd('iam', 'DeletePolicyVersion', [policyArn, r('version-id')]),
  cmd('iam', 'ListPolicies', [o('scope', 'string', { choices: ['All', 'AWS', 'Local'] }), o('only-attached', 'boolean'), pathPrefix]),
  cmd('iam', 'AttachUserPolicy', [userName, policyArn]),
  cmd('iam', 'DetachUserPolicy', [userName, policyArn]),
  cmd('iam', 'ListAttachedUserPolicies', [userName, pathPrefix]),
  cmd('iam', 'PutUserPolicy', [userName, policyName, policyDocument]),
  cmd('iam', 'GetUserPolicy', [userName, policyName]),
  cmd('iam', 'DeleteUserPolicy', [userName, policyName]),
  cmd('iam', 'ListUserPolicies', [userName]),
  cmd('iam', 'AttachGroupPolicy', [groupName, policyArn]),
  cmd('iam', 'DetachGroupPolicy', [groupName, policyArn]),
  cmd('iam', 'ListAttachedGroupPolicies', [groupName, pathPrefix]),
  cmd('iam', 'PutGroupPolicy', [groupName, policyName, policyDocument]),
  cmd('iam', 'GetGroupPolicy', [groupName, policyName]),
  cmd('iam', 'DeleteGroupPolicy', [groupName, policyName]),
  cmd('iam', 'ListGroupPolicies', [groupName]),
  cmd('iam', 'AttachRolePolicy', [roleName, policyArn]),
  cmd('iam', 'DetachRolePolicy', [roleName, policyArn]),
  cmd('iam', 'ListAttachedRolePolicies', [roleName, pathPrefix]),
  cmd('iam', 'PutRolePolicy', [roleName, policyName, policyDocument]),
  cmd('iam', 'GetRolePolicy', [roleName, policyName]),
  cmd('iam', 'DeleteRolePolicy', [roleName, policyName]),
  cmd('iam', 'ListRolePolicies', [roleName]),
  cmd('iam', 'PutUserPermissionsBoundary', [userName, r('permissions-boundary', 'policyArn')]),
  cmd('iam', 'DeleteUserPermissionsBoundary', [userName]),
  cmd('iam', 'PutRolePermissionsBoundary', [roleName, r('permissions-boundary', 'policyArn')]),
  cmd('iam', 'DeleteRolePermissionsBoundary', [roleName]),
  cmd('iam', 'GetAccountAuthorizationDetails', [o('filter', 'list', { choices: ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] })]),
  cmd('iam', 'GetAccountSummary', []),
  cmd('iam', 'CreateSAMLProvider', [o('saml-metadata-document', 'string', { required: true, param: 'SAMLMetadataDocument' }), r('name'), tags]),
  cmd('iam', 'CreateOpenIDConnectProvider', [r('url'), o('client-id-list', 'list', { param: 'ClientIDList' }), o('thumbprint-list', 'list'), tags]),
  cmd('iam', 'ListOpenIDConnectProviders', []),
  cmd('iam', 'ListSAMLProviders', []),
  cmd('iam', 'SimulateCustomPolicy', [
    r('policy-input-list', undefined, 'list'),
    o('permissions-boundary-policy-input-list', 'list'),
    r('action-names', undefined, 'list'),
    o('resource-arns', 'list'),
    o('resource-policy', 'document'),
    o('caller-arn'),
    o('context-entries', 'structureList'),
  ]),
  cmd('iam', 'SimulatePrincipalPolicy', [
    r('policy-source-arn'),
    r('action-names', undefined, 'list'),
    o('policy-input-list', 'list'),
    o('resource-arns', 'list'),
    o('resource-policy', 'document'),
    o('caller-arn'),
    o('context-entries', 'structureList'),
  ]),
];

const sts: readonly CommandSpec[] = [
  cmd('sts', 'GetCallerIdentity', []),
  cmd('sts', 'AssumeRole', [r('role-arn', 'roleArn'), r('role-session-name'), ...sessionOptions, o('external-id'), o('serial-number'), o('token-code'), o('source-identity'), tags]),
  cmd('sts', 'AssumeRoleWithWebIdentity', [r('role-arn', 'roleArn'), r('role-session-name'), r('web-identity-token'), ...sessionOptions]),
  cmd('sts', 'AssumeRoleWithSAML', [r('role-arn', 'roleArn'), r('principal-arn'), o('saml-assertion', 'string', { required: true, param: 'SAMLAssertion' }), ...sessionOptions]),
  cmd('sts', 'GetSessionToken', [o('duration-seconds', 'integer'), o('serial-number'), o('token-code')]),
];

const s3api: readonly CommandSpec[] = [
  cmd('s3', 'CreateBucket', [r('bucket'), o('create-bucket-configuration', 'structure')]),
  cmd('s3', 'DeleteBucket', [bucket]),
  cmd('s3', 'ListBuckets', []),
  cmd('s3', 'ListObjectsV2', [bucket, o('prefix'), o('delimiter'), o('max-keys', 'integer')]),
  cmd('s3', 'GetObject', [bucket, key, o('version-id')], {
    positional: { name: 'outfile', required: true },
    note: 'The lab has no file system: give "-" as outfile and the object is printed before its metadata.',
  }),
  cmd('s3', 'PutObject', [bucket, key, o('body'), o('content-type'), o('server-side-encryption')], {
    note: 'The lab has no file system: --body takes the content itself, not a file name.',
  }),
  cmd('s3', 'DeleteObject', [bucket, key, o('version-id'), o('mfa', 'string', { param: 'MFA' })]),
  cmd('s3', 'PutBucketPolicy', [bucket, r('policy', undefined, 'document')]),
  cmd('s3', 'GetBucketPolicy', [bucket]),
  cmd('s3', 'DeleteBucketPolicy', [bucket]),
  cmd('s3', 'PutPublicAccessBlock', [bucket, r('public-access-block-configuration', undefined, 'structure')]),
  cmd('s3', 'GetPublicAccessBlock', [bucket]),
  cmd('s3', 'PutBucketVersioning', [bucket, o('versioning-configuration', 'structure', { required: true, spread: true }), o('mfa', 'string', { param: 'MFA' })]),
  cmd('s3', 'GetBucketVersioning', [bucket]),
].map((s) => ({ ...s, service: 's3api' }));

const dynamodb: readonly CommandSpec[] = [
  cmd('dynamodb', 'CreateTable', [r('table-name'), r('attribute-definitions', undefined, 'structureList'), r('key-schema', undefined, 'structureList'), o('billing-mode', 'string', { choices: ['PROVISIONED', 'PAY_PER_REQUEST'] }), o('provisioned-throughput', 'structure'), tags]),
  cmd('dynamodb', 'DeleteTable', [tableName]),
  cmd('dynamodb', 'DescribeTable', [tableName]),
  cmd('dynamodb', 'ListTables', []),
  cmd('dynamodb', 'GetItem', [tableName, r('key', undefined, 'structure')]),
  cmd('dynamodb', 'PutItem', [tableName, r('item', undefined, 'structure')]),
  cmd('dynamodb', 'UpdateItem', [tableName, r('key', undefined, 'structure'), o('update-expression'), o('expression-attribute-values', 'structure')]),
  cmd('dynamodb', 'DeleteItem', [tableName, r('key', undefined, 'structure')]),
  cmd('dynamodb', 'Query', [tableName, o('key-condition-expression'), o('expression-attribute-values', 'structure')]),
  cmd('dynamodb', 'Scan', [tableName]),
];

const ec2: readonly CommandSpec[] = [
  cmd(
    'ec2',
    'RunInstances',
    [o('image-id'), o('instance-type'), o('count', 'integer', { param: 'MinCount' }), o('iam-instance-profile', 'structure'), o('tag-specifications', 'structureList')],
    { derive: (p) => (p.MinCount !== undefined ? { ...p, MaxCount: p.MinCount } : p) },
  ),
  cmd('ec2', 'DescribeInstances', [instanceIds(false), o('filters', 'structureList')]),
  cmd('ec2', 'StartInstances', [instanceIds(true)]),
  cmd('ec2', 'StopInstances', [instanceIds(true)]),
  cmd('ec2', 'TerminateInstances', [instanceIds(true)]),
  cmd('ec2', 'CreateTags', [o('resources', 'list', { required: true, complete: 'instanceId' }), { ...tags, required: true }]),
];

const kms: readonly CommandSpec[] = [
  cmd('kms', 'CreateKey', [o('description'), o('policy', 'document'), tags]),
  cmd('kms', 'DescribeKey', [keyId]),
  cmd('kms', 'ListKeys', []),
  cmd('kms', 'Encrypt', [keyId, r('plaintext')]),
  cmd('kms', 'Decrypt', [r('ciphertext-blob'), c('key-id', 'keyId')]),
  cmd('kms', 'GetKeyPolicy', [keyId, o('policy-name')]),
  cmd('kms', 'PutKeyPolicy', [keyId, o('policy-name'), r('policy', undefined, 'document')]),
  cmd('kms', 'ScheduleKeyDeletion', [keyId, o('pending-window-in-days', 'integer')]),
  cmd('kms', 'CancelKeyDeletion', [keyId]),
];

const iamPaginated = new Set([
  'ListUsers', 'ListGroups', 'ListGroupsForUser', 'GetGroup', 'ListRoles', 'ListAccessKeys', 'ListMFADevices', 'ListInstanceProfiles',
  'ListPolicies', 'ListPolicyVersions', 'ListAttachedUserPolicies', 'ListAttachedGroupPolicies', 'ListAttachedRolePolicies',
  'ListUserPolicies', 'ListGroupPolicies', 'ListRolePolicies', 'GetAccountAuthorizationDetails', 'SimulateCustomPolicy', 'SimulatePrincipalPolicy',
]);

/** The paging members each paginated operation's merged output leaves out (botocore's paginator definitions). */
const pagingKeysOf: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries([...iamPaginated].map((op) => [`iam:${op}`, ['IsTruncated', 'Marker']])),
  's3:ListObjectsV2': ['IsTruncated', 'NextContinuationToken'],
  'kms:ListKeys': ['Truncated', 'NextMarker'],
  'dynamodb:ListTables': ['LastEvaluatedTableName'],
  'dynamodb:Scan': ['LastEvaluatedKey'],
  'dynamodb:Query': ['LastEvaluatedKey'],
  'ec2:DescribeInstances': ['NextToken'],
};

/** Every API command, in the order `help` lists them. */
export const commandTable: readonly CommandSpec[] = [...iam, ...sts, ...s3api, ...dynamodb, ...ec2, ...kms].map((s) =>
  pagingKeysOf[s.operation] ? { ...s, pagingKeys: pagingKeysOf[s.operation] } : s,
);

/** The services `aws <service>` accepts: API services plus the high-level `s3` commands and `configure`. */
export const services: readonly string[] = ['configure', 'dynamodb', 'ec2', 'iam', 'kms', 's3', 's3api', 'sts'];

/** High-level S3 commands (AWS CLI Command Reference, "s3"): they call the S3 API themselves. */
export const s3Commands: readonly string[] = ['cp', 'ls', 'mb', 'rb', 'rm'];

export const configureCommands: readonly string[] = ['get', 'list', 'list-profiles', 'set'];

export function findCommand(service: string, name: string): CommandSpec | undefined {
  return commandTable.find((s) => s.service === service && s.name === name);
}

export function commandsOf(service: string): readonly string[] {
  if (service === 's3') return s3Commands;
  if (service === 'configure') return configureCommands;
  return commandTable.filter((s) => s.service === service).map((s) => s.name);
}
