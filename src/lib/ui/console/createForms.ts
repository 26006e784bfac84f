// What each "create" form asks for and the one AWS request it sends (CreateUser, CreateBucket…).
// Invariant: pure — values in, request and the new entity's ref out; the form only renders this table.
import type { Json } from '../../domain/policy/types';
import type { MessageKey } from '../../i18n';
import type { EntityRef } from '../explorer/entityRef';

export type CreateKind = 'user' | 'group' | 'role' | 'policy' | 'bucket' | 'table' | 'instance' | 'key' | 'oidc' | 'saml';

export interface FieldSpec {
  readonly name: string;
  readonly label: MessageKey;
  readonly kind: 'text' | 'json';
  readonly initial?: string;
  readonly optional?: boolean;
}

export interface CreateFormSpec {
  readonly kind: CreateKind;
  readonly title: MessageKey;
  readonly operation: string;
  readonly fields: readonly FieldSpec[];
  readonly params: (values: Readonly<Record<string, string>>) => Record<string, Json>;
  /** The entity to open once created (from the values and the response). */
  readonly created: (values: Readonly<Record<string, string>>, accountId: string, result: Json) => EntityRef;
}

export const createKinds: readonly CreateKind[] = ['user', 'group', 'role', 'policy', 'bucket', 'table', 'instance', 'key', 'oidc', 'saml'];

const ec2Trust = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
  null,
  2,
);

const readOnlyS3 = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' }] },
  null,
  2,
);

function pick(result: Json, ...path: string[]): string {
  let v: Json = result;
  for (const p of path) {
    if (Array.isArray(v)) v = v[0] ?? null;
    v = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v[p] ?? null) : null;
  }
  if (Array.isArray(v)) v = v[0] ?? null;
  return typeof v === 'string' ? v : '';
}

const name = (field: string, label: MessageKey): FieldSpec => ({ name: field, label, kind: 'text' });

export const createForms: Readonly<Record<CreateKind, CreateFormSpec>> = {
  user: {
    kind: 'user',
    title: 'console.create.user',
    operation: 'iam:CreateUser',
    fields: [name('UserName', 'console.field.userName')],
    params: (v) => ({ UserName: v.UserName ?? '' }),
    created: (v, a) => ({ kind: 'user', accountId: a, id: v.UserName ?? '' }),
  },
  group: {
    kind: 'group',
    title: 'console.create.group',
    operation: 'iam:CreateGroup',
    fields: [name('GroupName', 'console.field.groupName')],
    params: (v) => ({ GroupName: v.GroupName ?? '' }),
    created: (v, a) => ({ kind: 'group', accountId: a, id: v.GroupName ?? '' }),
  },
  role: {
    kind: 'role',
    title: 'console.create.role',
    operation: 'iam:CreateRole',
    fields: [
      name('RoleName', 'console.field.roleName'),
      { name: 'AssumeRolePolicyDocument', label: 'console.field.trustPolicy', kind: 'json', initial: ec2Trust },
      { name: 'Description', label: 'console.field.description', kind: 'text', optional: true },
    ],
    params: (v) => ({
      RoleName: v.RoleName ?? '',
      AssumeRolePolicyDocument: v.AssumeRolePolicyDocument ?? '',
      ...(v.Description ? { Description: v.Description } : {}),
    }),
    created: (v, a) => ({ kind: 'role', accountId: a, id: v.RoleName ?? '' }),
  },
  policy: {
    kind: 'policy',
    title: 'console.create.policy',
    operation: 'iam:CreatePolicy',
    fields: [
      name('PolicyName', 'console.field.policyName'),
      { name: 'PolicyDocument', label: 'console.field.policyDocument', kind: 'json', initial: readOnlyS3 },
      { name: 'Description', label: 'console.field.description', kind: 'text', optional: true },
    ],
    params: (v) => ({
      PolicyName: v.PolicyName ?? '',
      PolicyDocument: v.PolicyDocument ?? '',
      ...(v.Description ? { Description: v.Description } : {}),
    }),
    created: (v, a, r) => ({ kind: 'policy', accountId: a, id: pick(r, 'Policy', 'Arn') || `arn:aws:iam::${a}:policy/${v.PolicyName ?? ''}` }),
  },
  bucket: {
    kind: 'bucket',
    title: 'console.create.bucket',
    operation: 's3:CreateBucket',
    fields: [name('Bucket', 'console.field.bucketName')],
    params: (v) => ({ Bucket: v.Bucket ?? '' }),
    created: (v, a) => ({ kind: 'bucket', accountId: a, id: v.Bucket ?? '' }),
  },
  table: {
    kind: 'table',
    title: 'console.create.table',
    operation: 'dynamodb:CreateTable',
    fields: [name('TableName', 'console.field.tableName'), { name: 'PartitionKey', label: 'console.field.partitionKey', kind: 'text', initial: 'id' }],
    params: (v) => ({
      TableName: v.TableName ?? '',
      KeySchema: [{ AttributeName: v.PartitionKey ?? 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: v.PartitionKey ?? 'id', AttributeType: 'S' }],
    }),
    created: (v, a) => ({ kind: 'table', accountId: a, id: v.TableName ?? '' }),
  },
  instance: {
    kind: 'instance',
    title: 'console.create.instance',
    operation: 'ec2:RunInstances',
    fields: [
      { name: 'Name', label: 'console.field.instanceName', kind: 'text', optional: true },
      { name: 'ImageId', label: 'console.field.imageId', kind: 'text', initial: 'ami-0abcdef1234567890' },
      { name: 'InstanceType', label: 'console.field.instanceType', kind: 'text', initial: 't3.micro' },
      { name: 'IamInstanceProfile', label: 'console.field.instanceProfile', kind: 'text', optional: true },
    ],
    params: (v) => ({
      ImageId: v.ImageId ?? '',
      InstanceType: v.InstanceType ?? '',
      MinCount: 1,
      MaxCount: 1,
      ...(v.IamInstanceProfile ? { IamInstanceProfile: { Name: v.IamInstanceProfile } } : {}),
      ...(v.Name ? { TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: v.Name }] }] } : {}),
    }),
    created: (_v, a, r) => ({ kind: 'instance', accountId: a, id: pick(r, 'Instances', 'InstanceId') }),
  },
  key: {
    kind: 'key',
    title: 'console.create.key',
    operation: 'kms:CreateKey',
    fields: [{ name: 'Description', label: 'console.field.description', kind: 'text', optional: true }],
    params: (v): Record<string, Json> => (v.Description ? { Description: v.Description } : {}),
    created: (_v, a, r) => ({ kind: 'key', accountId: a, id: pick(r, 'KeyMetadata', 'KeyId') }),
  },
  oidc: {
    kind: 'oidc',
    title: 'console.create.oidc',
    operation: 'iam:CreateOpenIDConnectProvider',
    fields: [
      { name: 'Url', label: 'console.field.oidcUrl', kind: 'text', initial: 'https://token.actions.githubusercontent.com' },
      { name: 'ClientId', label: 'console.field.clientId', kind: 'text', initial: 'sts.amazonaws.com' },
    ],
    params: (v) => ({ Url: v.Url ?? '', ClientIDList: [v.ClientId ?? ''], ThumbprintList: [] }),
    created: (_v, a, r) => ({ kind: 'idp', accountId: a, id: pick(r, 'OpenIDConnectProviderArn') }),
  },
  saml: {
    kind: 'saml',
    title: 'console.create.saml',
    operation: 'iam:CreateSAMLProvider',
    fields: [
      name('Name', 'console.field.providerName'),
      { name: 'Issuer', label: 'console.field.issuer', kind: 'text', initial: 'https://idp.example.com/saml' },
    ],
    params: (v) => ({
      Name: v.Name ?? '',
      SAMLMetadataDocument: `<EntityDescriptor entityID="${(v.Issuer ?? '').replace(/"/g, '')}"></EntityDescriptor>`,
    }),
    created: (_v, a, r) => ({ kind: 'idp', accountId: a, id: pick(r, 'SAMLProviderArn') }),
  },
};
