// The default lab: a realistic small company account (root user, Admins and Developers groups, users
// with and without keys, an EC2 application role with an instance, federated roles, a bucket, a table,
// a KMS key) and a partner account whose role trusts the company — the learner's sandbox.
// Invariant: the same seed gives the same world, byte for byte (ids from a seeded source).
import { hashPassword } from '../authentication/passwords';
import { DEFAULT_PASSWORD_ITERATIONS } from '../authentication/passwords';
import type { CryptoPort } from '../authentication/crypto';
import { defaultKeyPolicy } from '../operations/kms';
import { defaultPublicAccessBlock } from '../operations/s3';
import {
  bucketArn,
  groupArn,
  instanceArn,
  instanceProfileArn,
  keyArn,
  oidcProviderArn,
  policyArn,
  roleArn,
  samlProviderArn,
  tableArn,
  userArn,
} from './arns';
import { awsManagedPolicyArnByName } from './awsManagedPolicies';
import { createEmptyWorld, defaultClock, newAccount } from './createEmptyWorld';
import type { Draft } from './draft';
import { newAccessKeyId, newInstanceId, newSecretAccessKey, newUniqueId, newUuid, seededIdSource } from './ids';
import type { IdSource } from './ids';
import type { Account, Group, Role, S3Object, User, World } from './types';

export const companyAccountId = '111122223333';
export const partnerAccountId = '444455556666';
export const appBucket = 'example-corp-app-data';
export const partnerBucket = 'partner-co-shared';
export const ordersTable = 'Orders';
export const oidcIssuer = 'https://auth.example.com';
export const oidcClientId = 'example-web-app';
export const samlIssuer = 'https://idp.example.com/saml';

/** The passwords of the default lab, shown to the learner on screen (never stored in clear in the world). */
export const defaultLabCredentials = {
  accountId: companyAccountId,
  accountAlias: 'example-corp',
  root: { email: 'root@example.com', password: 'Root-Example-2026!' },
  users: {
    alice: { password: 'Alice-Admin-2026!' },
    bob: { password: 'Bob-Developer-2026!' },
  },
  partner: { accountId: partnerAccountId, accountAlias: 'partner-co', root: { email: 'root@partner.example', password: 'Partner-Root-2026!' } },
} as const;

const json = (doc: object): string => JSON.stringify(doc, null, 2);

function arn(name: string): string {
  const found = awsManagedPolicyArnByName(name);
  if (!found) throw new Error(`AWS managed policy ${name} is not in the catalog`);
  return found;
}

function user(ids: IdSource, accountId: string, name: string, extra: Partial<Draft<User>>): Draft<User> {
  return {
    name,
    path: '/',
    arn: userArn(accountId, '/', name),
    id: newUniqueId(ids, 'AIDA'),
    createdAt: defaultClock,
    tags: {},
    accessKeys: [],
    mfaDevices: [],
    groups: [],
    inlinePolicies: {},
    attachedPolicies: [],
    ...extra,
  };
}

function group(ids: IdSource, accountId: string, name: string, extra: Partial<Draft<Group>>): Draft<Group> {
  return { name, path: '/', arn: groupArn(accountId, '/', name), id: newUniqueId(ids, 'AGPA'), createdAt: defaultClock, inlinePolicies: {}, attachedPolicies: [], ...extra };
}

function role(ids: IdSource, accountId: string, name: string, trust: object, extra: Partial<Draft<Role>>): Draft<Role> {
  return {
    name,
    path: '/',
    arn: roleArn(accountId, '/', name),
    id: newUniqueId(ids, 'AROA'),
    createdAt: defaultClock,
    trustPolicy: json(trust),
    maxSessionDuration: 3600,
    tags: {},
    inlinePolicies: {},
    attachedPolicies: [],
    ...extra,
  };
}

function accessKey(ids: IdSource) {
  return { accessKeyId: newAccessKeyId(ids, 'AKIA'), secretAccessKey: newSecretAccessKey(ids), status: 'Active' as const, createdAt: defaultClock };
}

function object(key: string, body: string, contentType: string): S3Object {
  return { key, body, contentType, size: body.length, lastModified: defaultClock, tags: {} };
}

export interface DefaultLabOptions {
  readonly crypto: CryptoPort;
  /** Seed of the id source (access keys, unique ids, salts). Default 2026. */
  readonly seed?: number;
  /** PBKDF2 iterations for the lab's password hashes; lower only to speed up tests. */
  readonly passwordIterations?: number;
}

/** Builds the default lab world. Async because password hashes use Web Crypto. */
export async function createDefaultLab(options: DefaultLabOptions): Promise<World> {
  const ids = seededIdSource(options.seed ?? 2026);
  const iterations = options.passwordIterations ?? DEFAULT_PASSWORD_ITERATIONS;
  const hash = (password: string) => hashPassword(options.crypto, ids, password, iterations);
  const creds = defaultLabCredentials;
  const c = companyAccountId;

  const company = newAccount({ id: c, name: 'Example Corp', alias: creds.accountAlias, rootEmail: creds.root.email, rootPasswordHash: await hash(creds.root.password) }) as Draft<Account>;
  const partner = newAccount({
    id: partnerAccountId,
    name: 'Partner Co',
    alias: creds.partner.accountAlias,
    rootEmail: creds.partner.root.email,
    rootPasswordHash: await hash(creds.partner.root.password),
  }) as Draft<Account>;

  // ---- groups: permissions are managed at the group level
  const developersPolicy = policyArn(c, '/', 'DeveloperAppAccess');
  company.policies[developersPolicy] = {
    arn: developersPolicy,
    name: 'DeveloperAppAccess',
    path: '/',
    id: newUniqueId(ids, 'ANPA'),
    description: 'Read and write the application bucket and the Orders table.',
    awsManaged: false,
    defaultVersionId: 'v1',
    versions: [
      {
        versionId: 'v1',
        createdAt: defaultClock,
        document: json({
          Version: '2012-10-17',
          Statement: [
            { Sid: 'ListAppBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: bucketArn(appBucket) },
            { Sid: 'ReadWriteAppObjects', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `${bucketArn(appBucket)}/*` },
            {
              Sid: 'UseOrdersTable',
              Effect: 'Allow',
              Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query', 'dynamodb:DescribeTable'],
              Resource: tableArn('us-east-1', c, ordersTable),
            },
          ],
        }),
      },
    ],
    createdAt: defaultClock,
    updatedAt: defaultClock,
  };
  company.groups.Admins = group(ids, c, 'Admins', { attachedPolicies: [arn('AdministratorAccess')] });
  company.groups.Developers = group(ids, c, 'Developers', {
    attachedPolicies: [developersPolicy, arn('IAMUserChangePassword'), arn('AmazonEC2ReadOnlyAccess')],
    inlinePolicies: {
      DenyProductionTermination: json({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'NoProductionTermination',
            Effect: 'Deny',
            Action: ['ec2:TerminateInstances', 'ec2:StopInstances'],
            Resource: '*',
            Condition: { StringEquals: { 'aws:ResourceTag/Environment': 'production' } },
          },
        ],
      }),
    },
  });

  // ---- users: a person with console + CLI, console only, CLI only
  company.users.alice = user(ids, c, 'alice', {
    groups: ['Admins'],
    tags: { Department: 'Platform' },
    loginProfile: { passwordHash: await hash(creds.users.alice.password), createdAt: defaultClock, passwordResetRequired: false },
    accessKeys: [accessKey(ids)],
  });
  company.users.bob = user(ids, c, 'bob', {
    groups: ['Developers'],
    tags: { Department: 'Engineering' },
    loginProfile: { passwordHash: await hash(creds.users.bob.password), createdAt: defaultClock, passwordResetRequired: false },
  });
  company.users.carol = user(ids, c, 'carol', { groups: ['Developers'], tags: { Department: 'Data' }, accessKeys: [accessKey(ids)] });

  // ---- roles: an application on EC2, break-glass with MFA, federated web and SAML users
  company.roles.AppServerRole = role(
    ids,
    c,
    'AppServerRole',
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
    {
      description: 'Lets the application on the app server read and write its bucket and table.',
      tags: { Application: 'orders' },
      inlinePolicies: {
        AppDataAccess: json({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `${bucketArn(appBucket)}/*` },
            { Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'], Resource: tableArn('us-east-1', c, ordersTable) },
          ],
        }),
      },
    },
  );
  company.roles.BreakGlassRole = role(
    ids,
    c,
    'BreakGlassRole',
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${c}:root` },
          Action: 'sts:AssumeRole',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        },
      ],
    },
    { description: 'Emergency administrator access; only with MFA.', attachedPolicies: [arn('AdministratorAccess')] },
  );
  const oidcArn = oidcProviderArn(c, oidcIssuer);
  company.identityProviders[oidcArn] = { kind: 'oidc', arn: oidcArn, url: oidcIssuer, clientIds: [oidcClientId], thumbprints: ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280'], createdAt: defaultClock, tags: {} };
  const host = oidcIssuer.replace('https://', '');
  company.roles.WebAppUserRole = role(
    ids,
    c,
    'WebAppUserRole',
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: oidcArn },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${host}:aud`]: oidcClientId } },
        },
      ],
    },
    {
      description: 'Assumed by signed-in users of the web and mobile app (OIDC).',
      inlinePolicies: {
        OwnFolder: json({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `${bucketArn(appBucket)}/users/*` }],
        }),
      },
    },
  );
  const samlArn = samlProviderArn(c, 'ExampleCorpIdP');
  company.identityProviders[samlArn] = {
    kind: 'saml',
    arn: samlArn,
    name: 'ExampleCorpIdP',
    issuer: samlIssuer,
    metadataDocument: `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${samlIssuer}"/>`,
    createdAt: defaultClock,
    tags: {},
  };
  company.roles.SamlReadOnlyRole = role(
    ids,
    c,
    'SamlReadOnlyRole',
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: samlArn },
          Action: 'sts:AssumeRoleWithSAML',
          Condition: { StringEquals: { 'saml:aud': 'https://signin.aws.amazon.com/saml' } },
        },
      ],
    },
    { description: 'Company directory users signing in through the corporate IdP (SAML).', attachedPolicies: [arn('ViewOnlyAccess')] },
  );
  const profileArn = instanceProfileArn(c, '/', 'AppServerRole');
  company.instanceProfiles.AppServerRole = { name: 'AppServerRole', path: '/', arn: profileArn, id: newUniqueId(ids, 'AIPA'), createdAt: defaultClock, roles: ['AppServerRole'] };
  const instanceId = newInstanceId(ids);
  company.ec2.instances[instanceId] = {
    id: instanceId,
    arn: instanceArn('us-east-1', c, instanceId),
    region: 'us-east-1',
    imageId: 'ami-0abcdef1234567890',
    instanceType: 't3.micro',
    state: 'running',
    launchedAt: defaultClock,
    tags: { Name: 'app-server', Environment: 'production' },
    instanceProfileArn: profileArn,
  };

  // ---- resources
  company.s3.buckets[appBucket] = {
    name: appBucket,
    arn: bucketArn(appBucket),
    region: 'us-east-1',
    createdAt: defaultClock,
    publicAccessBlock: { ...defaultPublicAccessBlock },
    versioning: 'Enabled',
    mfaDelete: 'Disabled',
    tags: { Application: 'orders' },
    policy: json({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: '*',
          Action: 's3:*',
          Resource: [bucketArn(appBucket), `${bucketArn(appBucket)}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ],
    }),
    objects: {
      'reports/2025-q4.csv': object('reports/2025-q4.csv', 'quarter,revenue\n2025-Q4,182000\n', 'text/csv'),
      'reports/2026-q1.csv': object('reports/2026-q1.csv', 'quarter,revenue\n2026-Q1,201500\n', 'text/csv'),
      'config/app.json': object('config/app.json', '{"featureFlags":{"newCheckout":true}}', 'application/json'),
      'users/web-user-1/profile.json': object('users/web-user-1/profile.json', '{"name":"Web User"}', 'application/json'),
    },
  };
  company.dynamodb.tables[ordersTable] = {
    name: ordersTable,
    arn: tableArn('us-east-1', c, ordersTable),
    region: 'us-east-1',
    createdAt: defaultClock,
    status: 'ACTIVE',
    partitionKey: 'customerId',
    sortKey: 'orderId',
    tags: { Application: 'orders' },
    items: [
      { customerId: 'c-001', orderId: 'o-1001', total: 42.5, status: 'shipped' },
      { customerId: 'c-001', orderId: 'o-1002', total: 17, status: 'pending' },
      { customerId: 'c-002', orderId: 'o-2001', total: 99.99, status: 'delivered' },
    ],
  };
  const keyId = newUuid(ids);
  const keyPolicy = JSON.parse(defaultKeyPolicy(c)) as { Version: string; Id: string; Statement: object[] };
  keyPolicy.Statement.push({
    Sid: 'AllowAppServerUse',
    Effect: 'Allow',
    Principal: { AWS: roleArn(c, '/', 'AppServerRole') },
    Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:DescribeKey'],
    Resource: '*',
  });
  company.kms.keys[keyId] = {
    keyId,
    arn: keyArn('us-east-1', c, keyId),
    region: 'us-east-1',
    description: 'Encrypts application secrets',
    createdAt: defaultClock,
    keyState: 'Enabled',
    policy: json(keyPolicy),
    tags: { Application: 'orders' },
  };

  // ---- the partner account: a role that trusts the company account, and a shared bucket
  partner.roles.PartnerAccessRole = role(
    ids,
    partnerAccountId,
    'PartnerAccessRole',
    { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${c}:root` }, Action: 'sts:AssumeRole' }] },
    {
      description: 'Lets Example Corp read the shared partner bucket.',
      inlinePolicies: {
        ReadSharedBucket: json({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3:ListBucket', Resource: bucketArn(partnerBucket) },
            { Effect: 'Allow', Action: 's3:GetObject', Resource: `${bucketArn(partnerBucket)}/*` },
          ],
        }),
      },
    },
  );
  partner.s3.buckets[partnerBucket] = {
    name: partnerBucket,
    arn: bucketArn(partnerBucket),
    region: 'us-east-1',
    createdAt: defaultClock,
    publicAccessBlock: { ...defaultPublicAccessBlock },
    versioning: 'Unversioned',
    mfaDelete: 'Disabled',
    tags: {},
    objects: { 'price-list.csv': object('price-list.csv', 'sku,price\nA-1,10\nB-2,25\n', 'text/csv') },
  };

  const world = createEmptyWorld(defaultClock);
  return { ...world, accounts: { [c]: company as Account, [partnerAccountId]: partner as Account } };
}

/** The access keys the default lab generated (they depend on the seed), for the learner's CLI. */
export function labAccessKeys(world: World): { userName: string; accessKeyId: string; secretAccessKey: string }[] {
  const account = world.accounts[companyAccountId];
  return Object.values(account?.users ?? {}).flatMap((u) => u.accessKeys.map((k) => ({ userName: u.name, accessKeyId: k.accessKeyId, secretAccessKey: k.secretAccessKey })));
}
