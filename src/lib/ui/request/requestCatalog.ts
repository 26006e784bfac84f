// What the request builder offers: every simulated operation grouped by service with its CRUD kind, a
// parameter template per operation, and the lab's resources with the parameters that name them.
// Invariant: pure functions of the operation table and the world; templates use AWS's parameter names.
import { crudTable, operationNames } from '../../domain/operations/operationTable';
import type { Crud } from '../../domain/pipeline/types';
import type { Json } from '../../domain/policy/types';
import type { World } from '../../domain/world/types';

export interface OperationChoice {
  readonly name: string;
  readonly crud: Crud;
}

export interface ServiceGroup {
  readonly service: string;
  readonly operations: readonly OperationChoice[];
}

/** Operations whose name contains `query` (case-insensitive), grouped by service in table order. */
export function operationGroups(query: string): ServiceGroup[] {
  const q = query.trim().toLowerCase();
  const groups = new Map<string, OperationChoice[]>();
  for (const name of operationNames) {
    if (q && !name.toLowerCase().includes(q)) continue;
    const service = name.split(':')[0] ?? name;
    const list = groups.get(service) ?? [];
    list.push({ name, crud: crudTable[name] ?? 'Read' });
    groups.set(service, list);
  }
  return [...groups].map(([service, operations]) => ({ service, operations }));
}

const policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';

/** The parameters each operation needs, by the names AWS's API uses (empty strings to fill in). */
const templates: Readonly<Record<string, Record<string, Json>>> = {
  'iam:CreateUser': { UserName: '' },
  'iam:DeleteUser': { UserName: '' },
  'iam:GetUser': { UserName: '' },
  'iam:CreateLoginProfile': { UserName: '', Password: '' },
  'iam:CreateAccessKey': { UserName: '' },
  'iam:ListAccessKeys': { UserName: '' },
  'iam:CreateGroup': { GroupName: '' },
  'iam:DeleteGroup': { GroupName: '' },
  'iam:GetGroup': { GroupName: '' },
  'iam:AddUserToGroup': { GroupName: '', UserName: '' },
  'iam:RemoveUserFromGroup': { GroupName: '', UserName: '' },
  'iam:CreateRole': { RoleName: '', AssumeRolePolicyDocument: '' },
  'iam:GetRole': { RoleName: '' },
  'iam:DeleteRole': { RoleName: '' },
  'iam:CreatePolicy': { PolicyName: '', PolicyDocument: policy },
  'iam:GetPolicy': { PolicyArn: '' },
  'iam:AttachUserPolicy': { UserName: '', PolicyArn: '' },
  'iam:AttachGroupPolicy': { GroupName: '', PolicyArn: '' },
  'iam:AttachRolePolicy': { RoleName: '', PolicyArn: '' },
  'iam:PutUserPolicy': { UserName: '', PolicyName: '', PolicyDocument: policy },
  'iam:PutRolePolicy': { RoleName: '', PolicyName: '', PolicyDocument: policy },
  'sts:AssumeRole': { RoleArn: '', RoleSessionName: 'lab-session' },
  's3:CreateBucket': { Bucket: '' },
  's3:DeleteBucket': { Bucket: '' },
  's3:ListObjectsV2': { Bucket: '' },
  's3:GetObject': { Bucket: '', Key: '' },
  's3:PutObject': { Bucket: '', Key: '', Body: 'hello' },
  's3:DeleteObject': { Bucket: '', Key: '' },
  's3:GetBucketPolicy': { Bucket: '' },
  's3:PutBucketPolicy': { Bucket: '', Policy: '' },
  'dynamodb:DescribeTable': { TableName: '' },
  'dynamodb:GetItem': { TableName: '', Key: { id: { S: '' } } },
  'dynamodb:PutItem': { TableName: '', Item: { id: { S: '' } } },
  'dynamodb:DeleteItem': { TableName: '', Key: { id: { S: '' } } },
  'dynamodb:Scan': { TableName: '' },
  'ec2:StartInstances': { InstanceIds: [] },
  'ec2:StopInstances': { InstanceIds: [] },
  'ec2:TerminateInstances': { InstanceIds: [] },
  'ec2:RunInstances': { ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 },
  'kms:DescribeKey': { KeyId: '' },
  'kms:Encrypt': { KeyId: '', Plaintext: 'hello' },
  'kms:GetKeyPolicy': { KeyId: '', PolicyName: 'default' },
};

/** Operations that take no parameters, or whose parameters are all optional filters. */
const noParams = new Set(['iam:ListUsers', 'iam:ListGroups', 'iam:ListRoles', 'iam:ListPolicies', 'iam:GetAccountSummary', 'iam:GetAccountAuthorizationDetails', 'iam:ListSAMLProviders', 'iam:ListOpenIDConnectProviders', 'iam:ListInstanceProfiles', 'sts:GetCallerIdentity', 'sts:GetSessionToken', 's3:ListBuckets', 'dynamodb:ListTables', 'ec2:DescribeInstances', 'kms:ListKeys', 'kms:CreateKey']);

/** The identifying parameters an operation without a written template most likely takes, from its name. */
function guessTemplate(operation: string): Record<string, Json> {
  if (noParams.has(operation)) return {};
  const [service, action = ''] = operation.split(':');
  switch (service) {
    case 's3':
      return { Bucket: '' };
    case 'dynamodb':
      return { TableName: '' };
    case 'kms':
      return { KeyId: '' };
    case 'ec2':
      return { InstanceIds: [] };
    case 'iam': {
      const out: Record<string, Json> = {};
      if (/User|LoginProfile|AccessKey|MFADevice/.test(action) && !/Group$/.test(action)) out.UserName = '';
      if (/Group/.test(action)) out.GroupName = '';
      if (/Role/.test(action)) out.RoleName = '';
      const inline = /^(Put|Get|Delete)(User|Group|Role)Policy$/.test(action);
      if (inline) out.PolicyName = '';
      else if (/^(Attach|Detach)|^(Get|Delete)Policy$|PolicyVersions?$/.test(action)) out.PolicyArn = '';
      return out;
    }
    default:
      return {};
  }
}

export function paramTemplate(operation: string): Record<string, Json> {
  return { ...(templates[operation] ?? guessTemplate(operation)) };
}

export interface ResourceChoice {
  readonly label: string;
  readonly arn: string;
  /** What the resource fills in for an operation's parameters (only keys the template already has win). */
  readonly params: Readonly<Record<string, Json>>;
}

/** Every resource of the lab a request can name, with the parameters that identify it. */
export function labResources(world: World): ResourceChoice[] {
  const out: ResourceChoice[] = [];
  for (const a of Object.values(world.accounts)) {
    for (const u of Object.values(a.users)) out.push({ label: `user ${u.name}`, arn: u.arn, params: { UserName: u.name } });
    for (const g of Object.values(a.groups)) out.push({ label: `group ${g.name}`, arn: g.arn, params: { GroupName: g.name } });
    for (const r of Object.values(a.roles)) out.push({ label: `role ${r.name}`, arn: r.arn, params: { RoleName: r.name, RoleArn: r.arn } });
    for (const p of Object.values(a.policies)) out.push({ label: `policy ${p.name}`, arn: p.arn, params: { PolicyArn: p.arn } });
    for (const b of Object.values(a.s3.buckets)) {
      out.push({ label: `bucket ${b.name}`, arn: b.arn, params: { Bucket: b.name } });
      for (const o of Object.values(b.objects)) out.push({ label: `object ${b.name}/${o.key}`, arn: `${b.arn}/${o.key}`, params: { Bucket: b.name, Key: o.key } });
    }
    for (const t of Object.values(a.dynamodb.tables)) out.push({ label: `table ${t.name}`, arn: t.arn, params: { TableName: t.name } });
    for (const i of Object.values(a.ec2.instances)) out.push({ label: `instance ${i.tags.Name ?? i.id}`, arn: i.arn, params: { InstanceIds: [i.id] } });
    for (const k of Object.values(a.kms.keys)) out.push({ label: `key ${k.description || k.keyId}`, arn: k.arn, params: { KeyId: k.keyId } });
  }
  return out;
}

/** Reads the names a typed ARN carries (bucket and key of an S3 ARN, a role/user name of an IAM ARN). */
export function paramsFromArn(arn: string): Record<string, Json> {
  const s3 = /^arn:aws:s3:::([^/]+)(?:\/(.+))?$/.exec(arn);
  if (s3) return s3[2] ? { Bucket: s3[1] ?? '', Key: s3[2] } : { Bucket: s3[1] ?? '' };
  const iam = /^arn:aws:iam::\d{12}:(user|group|role|policy)\/(?:.*\/)?([^/]+)$/.exec(arn);
  if (iam) {
    const [, kind, name = ''] = iam;
    if (kind === 'user') return { UserName: name };
    if (kind === 'group') return { GroupName: name };
    if (kind === 'role') return { RoleName: name, RoleArn: arn };
    return { PolicyArn: arn };
  }
  const table = /^arn:aws:dynamodb:[^:]*:\d{12}:table\/([^/]+)$/.exec(arn);
  if (table) return { TableName: table[1] ?? '' };
  const key = /^arn:aws:kms:[^:]*:\d{12}:key\/(.+)$/.exec(arn);
  if (key) return { KeyId: key[1] ?? '' };
  const instance = /^arn:aws:ec2:[^:]*:\d{12}:instance\/(.+)$/.exec(arn);
  if (instance) return { InstanceIds: [instance[1] ?? ''] };
  return {};
}

/** The template with the resource's parameters filled in where the operation takes them. */
export function fillParams(template: Readonly<Record<string, Json>>, resource: Readonly<Record<string, Json>>): Record<string, Json> {
  const out: Record<string, Json> = { ...template };
  for (const [k, v] of Object.entries(resource)) if (k in out) out[k] = v;
  return out;
}
