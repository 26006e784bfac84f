// fast-check arbitraries for realistic, valid IAM authorization requests and the policies around them.
// Invariant: every case is something AWS would accept (valid policies, a concrete resource of the right
// type for the action, context keys that apply to the action) over a vocabulary small enough that matches happen.
import fc from 'fast-check';
import type { Json } from '../../src/lib/domain/policy/types';
import type {
  EvaluationInput,
  OrgLevel,
  PolicyInput,
  PolicySet,
  RequestPrincipal,
} from '../../src/lib/domain/evaluation/types';

export const accountA = '111122223333';
export const accountB = '444455556666';

type JsonObject = { [key: string]: Json };

/** A principal plus the request-context facts AWS would know about it. */
interface PrincipalFixture {
  readonly principal: RequestPrincipal;
  /** aws:username exists only for IAM users. */
  readonly username?: string;
  /** aws:PrincipalArn: for a role session it is the role's ARN, not the session's. */
  readonly principalArn?: string;
  readonly accountId?: string;
}

const keyA = `arn:aws:kms:us-east-1:${accountA}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const keyB = `arn:aws:kms:us-east-1:${accountB}:key/0987dcba-09fe-87dc-65ba-ab0987654321`;

const principals: readonly PrincipalFixture[] = [
  {
    principal: { kind: 'user', arn: `arn:aws:iam::${accountA}:user/alice`, accountId: accountA },
    username: 'alice',
    principalArn: `arn:aws:iam::${accountA}:user/alice`,
    accountId: accountA,
  },
  {
    principal: { kind: 'user', arn: `arn:aws:iam::${accountA}:user/engineering/carol`, accountId: accountA },
    username: 'carol',
    principalArn: `arn:aws:iam::${accountA}:user/engineering/carol`,
    accountId: accountA,
  },
  {
    principal: { kind: 'user', arn: `arn:aws:iam::${accountB}:user/bob`, accountId: accountB },
    username: 'bob',
    principalArn: `arn:aws:iam::${accountB}:user/bob`,
    accountId: accountB,
  },
  {
    principal: {
      kind: 'assumedRole',
      arn: `arn:aws:sts::${accountA}:assumed-role/Dev/alice-session`,
      roleArn: `arn:aws:iam::${accountA}:role/Dev`,
      accountId: accountA,
    },
    principalArn: `arn:aws:iam::${accountA}:role/Dev`,
    accountId: accountA,
  },
  {
    principal: {
      kind: 'assumedRole',
      arn: `arn:aws:sts::${accountB}:assumed-role/Auditor/audit-1`,
      roleArn: `arn:aws:iam::${accountB}:role/Auditor`,
      accountId: accountB,
    },
    principalArn: `arn:aws:iam::${accountB}:role/Auditor`,
    accountId: accountB,
  },
  {
    principal: { kind: 'federatedUser', arn: `arn:aws:sts::${accountA}:federated-user/fed-alice`, accountId: accountA },
    principalArn: `arn:aws:sts::${accountA}:federated-user/fed-alice`,
    accountId: accountA,
  },
  {
    principal: { kind: 'root', arn: `arn:aws:iam::${accountA}:root`, accountId: accountA },
    principalArn: `arn:aws:iam::${accountA}:root`,
    accountId: accountA,
  },
  {
    principal: { kind: 'root', arn: `arn:aws:iam::${accountB}:root`, accountId: accountB },
    principalArn: `arn:aws:iam::${accountB}:root`,
    accountId: accountB,
  },
  { principal: { kind: 'anonymous' } },
  // An AWS service assuming a role (an EC2 instance profile): judged by the role's trust policy alone.
  { principal: { kind: 'service', service: 'ec2.amazonaws.com' } },
];

/** Which resource-based policy a resource carries: a bucket or table policy (optional), a role's trust policy or a key policy (always there). */
type ResourcePolicyKind = 's3' | 'dynamodb' | 'trust' | 'kms';

/** An action with a concrete resource of a type that action takes. `account` null: the caller's own account. */
interface Target {
  readonly action: string;
  readonly resource: string;
  readonly account: string | null;
  /** Which service's resource-based policy can sit on this resource, if any. */
  readonly resourcePolicy: ResourcePolicyKind | null;
}

const targets: readonly Target[] = [
  { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket-a/reports/q1.csv', account: accountA, resourcePolicy: 's3' },
  { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket-a/home/alice/notes.txt', account: accountA, resourcePolicy: 's3' },
  { action: 's3:PutObject', resource: 'arn:aws:s3:::bucket-a/home/carol/draft.txt', account: accountA, resourcePolicy: 's3' },
  { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket-b/data.json', account: accountB, resourcePolicy: 's3' },
  { action: 's3:PutObject', resource: 'arn:aws:s3:::bucket-b/data.json', account: accountB, resourcePolicy: 's3' },
  { action: 's3:ListBucket', resource: 'arn:aws:s3:::bucket-a', account: accountA, resourcePolicy: 's3' },
  { action: 's3:ListBucket', resource: 'arn:aws:s3:::bucket-b', account: accountB, resourcePolicy: 's3' },
  {
    action: 'dynamodb:GetItem',
    resource: `arn:aws:dynamodb:us-east-1:${accountA}:table/Orders`,
    account: accountA,
    resourcePolicy: 'dynamodb',
  },
  {
    action: 'dynamodb:GetItem',
    resource: `arn:aws:dynamodb:us-east-1:${accountB}:table/Orders`,
    account: accountB,
    resourcePolicy: 'dynamodb',
  },
  { action: 'iam:CreateUser', resource: `arn:aws:iam::${accountA}:user/new-user`, account: accountA, resourcePolicy: null },
  { action: 'ec2:DescribeInstances', resource: '*', account: null, resourcePolicy: null },
  { action: 'sts:GetCallerIdentity', resource: '*', account: null, resourcePolicy: null },
  { action: 'sts:AssumeRole', resource: `arn:aws:iam::${accountA}:role/Dev`, account: accountA, resourcePolicy: 'trust' },
  { action: 'sts:AssumeRole', resource: `arn:aws:iam::${accountB}:role/Auditor`, account: accountB, resourcePolicy: 'trust' },
  { action: 'kms:Decrypt', resource: keyA, account: accountA, resourcePolicy: 'kms' },
  { action: 'kms:Decrypt', resource: keyB, account: accountB, resourcePolicy: 'kms' },
];

const actionPatterns = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  's3:*',
  's3:Get*',
  's3:*Object',
  'S3:getobject',
  's3:List?ucket',
  'dynamodb:GetItem',
  'dynamodb:*',
  'dynamodb:Get?tem',
  'iam:CreateUser',
  'iam:*User',
  'ec2:DescribeInstances',
  'ec2:Describe*',
  'sts:GetCallerIdentity',
  'sts:AssumeRole',
  'kms:Decrypt',
  'kms:*',
  '*',
] as const;

const resourcePatterns = [
  '*',
  'arn:aws:s3:::bucket-a',
  'arn:aws:s3:::bucket-a/*',
  'arn:aws:s3:::bucket-*',
  'arn:aws:s3:::bucket-?/*',
  'arn:aws:s3:::*/reports/*',
  'arn:aws:s3:::Bucket-A/*',
  'arn:aws:s3:::bucket-a/home/${aws:username}/*',
  'arn:aws:s3:::bucket-b/*',
  `arn:aws:dynamodb:us-east-1:${accountA}:table/Orders`,
  'arn:aws:dynamodb:*:*:table/*',
  `arn:aws:dynamodb:us-east-1:${accountB}:table/*`,
  `arn:aws:iam::${accountA}:user/*`,
  'arn:aws:iam::*:user/new-*',
  `arn:aws:iam::${accountA}:role/*`,
  'arn:aws:iam::*:role/Dev',
  `arn:aws:kms:*:${accountA}:key/*`,
  'arn:aws:kms:us-east-1:*:key/*',
] as const;

const s3ResourcePatterns = [
  'arn:aws:s3:::bucket-a',
  'arn:aws:s3:::bucket-a/*',
  'arn:aws:s3:::bucket-b',
  'arn:aws:s3:::bucket-b/*',
  'arn:aws:s3:::bucket-?/*',
  'arn:aws:s3:::bucket-a/home/${aws:username}/*',
  '*',
] as const;

const dynamodbResourcePatterns = [
  `arn:aws:dynamodb:us-east-1:${accountA}:table/Orders`,
  `arn:aws:dynamodb:us-east-1:${accountB}:table/Orders`,
  'arn:aws:dynamodb:us-east-1:*:table/Orders',
  '*',
] as const;

const resourcePolicyPrincipals: readonly Json[] = [
  '*',
  { AWS: '*' },
  { AWS: accountA },
  { AWS: `arn:aws:iam::${accountA}:root` },
  { AWS: `arn:aws:iam::${accountB}:root` },
  { AWS: `arn:aws:iam::${accountA}:user/alice` },
  { AWS: `arn:aws:iam::${accountA}:user/engineering/carol` },
  { AWS: `arn:aws:iam::${accountB}:user/bob` },
  { AWS: `arn:aws:iam::${accountA}:role/Dev` },
  { AWS: `arn:aws:sts::${accountA}:assumed-role/Dev/alice-session` },
  { AWS: `arn:aws:sts::${accountA}:federated-user/fed-alice` },
  { AWS: `arn:aws:iam::${accountB}:role/Auditor` },
  { AWS: [accountB, `arn:aws:iam::${accountA}:user/alice`] },
  { Service: 'ec2.amazonaws.com' },
];

const notPrincipals: readonly Json[] = [
  { AWS: [`arn:aws:iam::${accountA}:user/alice`, `arn:aws:iam::${accountA}:root`] },
  { AWS: [`arn:aws:iam::${accountA}:user/engineering/carol`, `arn:aws:iam::${accountA}:root`] },
  { AWS: [`arn:aws:iam::${accountB}:user/bob`, `arn:aws:iam::${accountB}:root`] },
  {
    AWS: [
      `arn:aws:sts::${accountA}:assumed-role/Dev/alice-session`,
      `arn:aws:iam::${accountA}:role/Dev`,
      `arn:aws:iam::${accountA}:root`,
    ],
  },
  { AWS: accountA },
];

const stringOperators = [
  'StringEquals',
  'StringNotEquals',
  'StringLike',
  'StringNotLike',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
] as const;
const numericOperators = [
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
] as const;
const dateOperators = [
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
] as const;
const arnOperators = ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'] as const;

/** One condition key, the operators that make sense for its type, and values to compare with. */
interface ConditionTemplate {
  readonly keys: readonly string[];
  readonly operators: readonly string[];
  readonly values: readonly Json[];
  /** Multi-valued keys are the ones that take ForAnyValue / ForAllValues. */
  readonly multiValued?: boolean;
  readonly ifExists?: boolean;
}

const conditionTemplates: readonly ConditionTemplate[] = [
  {
    keys: ['aws:SourceIp', 'aws:sourceip'],
    operators: ['IpAddress', 'NotIpAddress'],
    values: ['10.0.0.0/8', '203.0.113.0/24', '192.0.2.7/32', '192.0.2.7', '2001:db8::/32'],
    ifExists: true,
  },
  {
    keys: ['aws:username'],
    operators: stringOperators,
    values: ['alice', 'bob', 'carol', 'Alice', 'a*', 'c?rol', '*'],
    ifExists: true,
  },
  {
    keys: ['aws:PrincipalTag/team', 'aws:principaltag/team'],
    operators: stringOperators,
    values: ['red', 'blue', 'Red', 'r?d', '${aws:username}'],
    ifExists: true,
  },
  {
    keys: ['aws:MultiFactorAuthPresent'],
    operators: ['Bool'],
    values: ['true', 'false', true, false],
    ifExists: true,
  },
  {
    keys: ['aws:MultiFactorAuthAge'],
    operators: numericOperators,
    values: ['3600', '300', 0, 86400],
    ifExists: true,
  },
  {
    keys: ['aws:CurrentTime'],
    operators: dateOperators,
    values: ['2020-01-01T00:00:00Z', '2026-11-29T12:00:00Z', '2030-01-01T00:00:00Z', '2026-11-29T19:00:00Z'],
    ifExists: true,
  },
  {
    keys: ['s3:prefix'],
    operators: ['StringEquals', 'StringLike', 'StringNotLike'],
    values: ['home/', 'home/*', 'reports/*', 'home/${aws:username}/*'],
    ifExists: true,
  },
  {
    keys: ['aws:PrincipalArn'],
    operators: arnOperators,
    values: [
      `arn:aws:iam::${accountA}:*`,
      `arn:aws:iam::${accountA}:role/Dev`,
      'arn:aws:iam::*:user/alice',
      `arn:aws:iam::${accountB}:root`,
    ],
    ifExists: true,
  },
  {
    keys: ['aws:PrincipalAccount'],
    operators: ['StringEquals', 'StringNotEquals'],
    values: [accountA, accountB],
    ifExists: true,
  },
  {
    keys: ['sts:ExternalId'],
    operators: ['StringEquals', 'StringNotEquals'],
    values: ['Unicorn-42', 'other-id'],
    ifExists: true,
  },
  {
    keys: ['aws:TagKeys'],
    operators: ['StringEquals', 'StringLike', 'StringNotEquals'],
    values: ['team', 'env', 'cost-*'],
    multiValued: true,
  },
];

const nullKeys = ['aws:SourceIp', 'aws:username', 'aws:PrincipalTag/team', 'aws:MultiFactorAuthPresent', 'aws:TagKeys'];

/** `arbitrary` with the given probability (in percent), otherwise undefined. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | undefined> {
  if (percent >= 100) return arbitrary;
  return fc.oneof(
    { weight: percent, arbitrary },
    { weight: 100 - percent, arbitrary: fc.constant(undefined) },
  );
}

function oneOrMany<T extends Json>(values: readonly T[]): fc.Arbitrary<Json> {
  return fc
    .subarray([...values], { minLength: 1, maxLength: Math.min(3, values.length) })
    .chain((picked) => (picked.length === 1 ? fc.constantFrom<Json>(picked[0] as Json, picked) : fc.constant<Json>(picked)));
}

/** One operator/key/values triple, always type-correct for the key. */
const conditionClause: fc.Arbitrary<{ operator: string; key: string; values: Json }> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.constantFrom(...conditionTemplates).chain((template) =>
      fc.record({
        operator: fc
          .tuple(
            fc.constantFrom(...template.operators),
            // Set qualifiers belong on multivalued keys; people also put them on single-valued ones
            // (IAM Access Analyzer warns about it, AWS still evaluates it), so that shape is drawn now and then.
            template.multiValued
              ? fc.constantFrom('ForAnyValue:', 'ForAllValues:', 'ForAnyValue:', 'ForAllValues:', '')
              : fc.constantFrom('', '', '', '', '', '', '', '', '', '', '', '', '', 'ForAnyValue:', 'ForAllValues:'),
            template.ifExists ? fc.boolean() : fc.constant(false),
          )
          // A set qualifier with ...IfExists on an absent key is not settled by AWS's documentation, so the two are not combined.
          .map(([op, set, ifExists]) => `${set}${op}${ifExists && set === '' ? 'IfExists' : ''}`),
        key: fc.constantFrom(...template.keys),
        values: oneOrMany(template.values),
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      operator: fc.constant('Null'),
      key: fc.constantFrom(...nullKeys),
      values: fc.constantFrom<Json>('true', 'false', true),
    }),
  },
);

/** A Condition block; clauses that share an operator are merged under it, as people write them. */
const conditionBlock: fc.Arbitrary<JsonObject> = fc
  .uniqueArray(conditionClause, { minLength: 1, maxLength: 2, selector: (c) => `${c.operator}|${c.key.toLowerCase()}` })
  .map((clauses) => {
    const block: { [op: string]: JsonObject } = {};
    for (const clause of clauses) {
      const forOperator = (block[clause.operator] ??= {});
      forOperator[clause.key] = clause.values;
    }
    return block;
  });

function listOrSingle(values: readonly string[]): fc.Arbitrary<Json> {
  return oneOrMany(values);
}

interface StatementShape {
  readonly principal: 'none' | 'resourcePolicy' | 'everyone';
  /** For resource-based policies: the Principal values to pick from. */
  readonly principals?: readonly Json[];
  /** For resource-based policies: whether Deny statements may use NotPrincipal. */
  readonly notPrincipal?: boolean;
  readonly actions: readonly string[];
  /** null: the policy type has no Resource element (a role's trust policy). */
  readonly resources: readonly string[] | null;
  readonly allowNot: boolean;
  readonly effects: readonly ('Allow' | 'Deny')[];
  readonly conditions: boolean;
}

function statement(shape: StatementShape): fc.Arbitrary<JsonObject> {
  return fc
    .record({
      sid: sometimes(fc.constantFrom('Main', 'Extra', 'Guard'), 30),
      effect: fc.constantFrom(...shape.effects),
      notAction: shape.allowNot ? fc.boolean() : fc.constant(false),
      actions: listOrSingle(shape.actions),
      notResource: shape.allowNot ? fc.boolean() : fc.constant(false),
      resources: shape.resources ? listOrSingle(shape.resources) : fc.constant<Json>(null),
      principal:
        shape.principal === 'resourcePolicy' ? fc.constantFrom(...(shape.principals ?? resourcePolicyPrincipals)) : fc.constant<Json>('*'),
      notPrincipal: fc.constantFrom(...notPrincipals),
      condition: shape.conditions ? sometimes(conditionBlock, 35) : fc.constant(undefined),
      actionBias: fc.integer({ min: 0, max: 6 }),
      resourceBias: fc.integer({ min: 0, max: 6 }),
    })
    .map((s) => {
      const out: JsonObject = {};
      if (s.sid !== undefined) out.Sid = s.sid;
      out.Effect = s.effect;
      // NotPrincipal only with Deny and in the form AWS asks for: the excepted principal together with its
      // account's ARN (and, for a role session, the role's), since "AWS might validate the account first"
      // (AWS JSON policy elements: NotPrincipal, key points). Trust policies cannot hold NotPrincipal.
      const notPrincipal = shape.principal === 'resourcePolicy' && shape.notPrincipal && s.effect === 'Deny' && s.actionBias === 1;
      if (shape.principal !== 'none') {
        if (notPrincipal) out.NotPrincipal = s.notPrincipal;
        else out.Principal = s.principal;
      }
      // Not* elements are rarer than the plain ones in real policies; keep them to about one in seven.
      out[s.notAction && s.actionBias === 0 ? 'NotAction' : 'Action'] = s.actions;
      if (shape.resources) out[s.notResource && s.resourceBias === 0 ? 'NotResource' : 'Resource'] = s.resources;
      if (s.condition !== undefined) out.Condition = s.condition;
      return out;
    });
}

/** IAM requires a statement's Sid to be unique within its policy; a repeated Sid is dropped. */
function withUniqueSids(statements: readonly JsonObject[]): JsonObject[] {
  const seen = new Set<Json>();
  return statements.map((s) => {
    if (s.Sid === undefined) return s;
    if (!seen.has(s.Sid)) {
      seen.add(s.Sid);
      return s;
    }
    const { Sid: _repeated, ...rest } = s;
    return rest;
  });
}

/**
 * A policy document. `olderVersions`: now and then '2008-10-17' or no Version at all (still valid, and
 * common in old bucket policies), where `${...}` is literal text rather than a policy variable.
 */
function policyDocument(shape: StatementShape, maxStatements: number, olderVersions = false): fc.Arbitrary<JsonObject> {
  const version: fc.Arbitrary<string | null> = olderVersions
    ? fc.oneof({ weight: 17, arbitrary: fc.constant('2012-10-17') }, { weight: 2, arbitrary: fc.constant('2008-10-17') }, { weight: 1, arbitrary: fc.constant(null) })
    : fc.constant('2012-10-17');
  return fc
    .tuple(fc.array(statement(shape), { minLength: 1, maxLength: maxStatements }).map(withUniqueSids), version, fc.boolean())
    .map(([statements, v, single]) => {
      const document: JsonObject = {};
      if (v !== null) document.Version = v;
      document.Statement = single && statements.length === 1 ? (statements[0] as Json) : statements;
      return document;
    });
}

const identityShape: StatementShape = {
  principal: 'none',
  actions: actionPatterns,
  resources: resourcePatterns,
  allowNot: true,
  effects: ['Allow', 'Allow', 'Allow', 'Allow', 'Allow', 'Deny'],
  conditions: true,
};

/** Leans a shape toward the request, so that statements match it often enough to be interesting. */
function focused(shape: StatementShape, target: Target): StatementShape {
  const service = target.action.split(':')[0] ?? '';
  const resources = shape.resources;
  return {
    ...shape,
    actions: [...shape.actions, target.action, target.action, `${service}:*`],
    resources: resources === null || target.resource === '*' ? resources : [...resources, target.resource, target.resource],
  };
}

const fullAccess: JsonObject = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'FullAWSAccess', Effect: 'Allow', Action: '*', Resource: '*' }],
};

/** An SCP level: usually FullAWSAccess stays attached (as in real organizations), plus 0–1 own policies. */
const scpLevel: fc.Arbitrary<readonly JsonObject[]> = fc
  .tuple(fc.integer({ min: 0, max: 9 }), sometimes(policyDocument(identityShape, 2), 50))
  .map(([keepFull, own]) => {
    const docs: JsonObject[] = [];
    if (keepFull < 7) docs.push(fullAccess);
    if (own) docs.push(own);
    return docs.length > 0 ? docs : [fullAccess];
  });

// RCPs name services that support them and never a bare "*" action (AWS: Resource control policies, syntax).
const rcpShape: StatementShape = {
  principal: 'everyone',
  actions: ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:*', 's3:Get*', 'S3:getobject', 'sts:*', 'sts:AssumeRole', 'kms:*', 'kms:Decrypt'],
  resources: ['*', 'arn:aws:s3:::bucket-a/*', 'arn:aws:s3:::bucket-b', 'arn:aws:s3:::bucket-*', `arn:aws:iam::${accountA}:role/*`, 'arn:aws:kms:*:*:key/*'],
  allowNot: false,
  effects: ['Deny'],
  conditions: true,
};

const resourcePolicyActions: Readonly<Record<ResourcePolicyKind, readonly string[]>> = {
  s3: ['s3:GetObject', 's3:PutObject', 's3:ListBucket', 's3:*', 's3:Get*', '*'],
  dynamodb: ['dynamodb:GetItem', 'dynamodb:*', '*'],
  trust: ['sts:AssumeRole', 'sts:AssumeRole', 'sts:*', 'sts:TagSession'],
  kms: ['kms:Decrypt', 'kms:*', 'kms:Encrypt', '*'],
};

// Key policies name their key as "*" (AWS KMS, "Key policies": the policy is attached to one key);
// a role's trust policy has no Resource element at all.
const resourcePolicyResources: Readonly<Record<ResourcePolicyKind, readonly string[] | null>> = {
  s3: s3ResourcePatterns,
  dynamodb: dynamodbResourcePatterns,
  trust: null,
  kms: ['*', '*', `arn:aws:kms:us-east-1:${accountA}:key/*`],
};

/** Resource-based policy statements; the caller's own ARN and the public forms are drawn more often, so grants apply. */
function resourceShape(kind: ResourcePolicyKind, fixture: PrincipalFixture): StatementShape {
  const own = 'arn' in fixture.principal ? [{ AWS: fixture.principal.arn }] : [];
  return {
    principal: 'resourcePolicy',
    principals: [...resourcePolicyPrincipals, ...own, '*', { AWS: '*' }],
    notPrincipal: kind !== 'trust',
    actions: resourcePolicyActions[kind],
    resources: resourcePolicyResources[kind],
    allowNot: false,
    effects: ['Allow', 'Allow', 'Allow', 'Deny'],
    conditions: true,
  };
}

const sourceIps = ['10.1.2.3', '203.0.113.7', '198.51.100.1', '192.0.2.7', '2001:db8::1'];
const currentTimes = ['2026-11-29T19:00:00Z', '2019-06-01T08:30:00Z', '2031-02-03T04:05:06Z'];

/** The request context: what AWS would know about this caller and request, each fact present or not. */
function requestContext(fixture: PrincipalFixture, target: Target): fc.Arbitrary<Record<string, string | string[]>> {
  // Principal facts (tags, MFA) exist only for callers signed in to an account.
  const authenticated = fixture.accountId !== undefined;
  return fc
    .record({
      username: sometimes(fc.constant(fixture.username), 85),
      arn: sometimes(fc.constant(fixture.principalArn), 85),
      account: sometimes(fc.constant(fixture.accountId), 85),
      team: sometimes(fc.constantFrom('red', 'blue', 'Red', 'alice'), 50),
      sourceIp: sometimes(fc.constantFrom(...sourceIps), 85),
      mfa: sometimes(fc.constantFrom('true', 'false'), 50),
      mfaAge: sometimes(fc.constantFrom('120', '7200', '0'), 50),
      time: sometimes(fc.constantFrom(...currentTimes), 85),
      // A request with no tags carries no aws:TagKeys at all, so the key is either absent or non-empty.
      tagKeys: sometimes(fc.subarray(['team', 'env', 'cost-center', 'owner'], { minLength: 1, maxLength: 3 }), 50),
      externalId: sometimes(fc.constantFrom('Unicorn-42', 'wrong-id'), 50),
      prefix: sometimes(fc.constantFrom('home/', 'home/alice/', 'reports/', 'home/carol/x'), 70),
    })
    .map((c) => {
      const context: Record<string, string | string[]> = {};
      if (c.sourceIp !== undefined) context['aws:SourceIp'] = c.sourceIp;
      if (c.time !== undefined) context['aws:CurrentTime'] = c.time;
      if (c.tagKeys !== undefined) context['aws:TagKeys'] = c.tagKeys;
      if (target.action === 's3:ListBucket' && c.prefix !== undefined) context['s3:prefix'] = c.prefix;
      if (target.action === 'sts:AssumeRole' && c.externalId !== undefined) context['sts:ExternalId'] = c.externalId;
      if (!authenticated) return context;
      if (c.username !== undefined && fixture.username !== undefined) context['aws:username'] = c.username;
      if (c.arn !== undefined && fixture.principalArn !== undefined) context['aws:PrincipalArn'] = c.arn;
      if (c.account !== undefined && fixture.accountId !== undefined) context['aws:PrincipalAccount'] = c.account;
      if (c.team !== undefined && fixture.principal.kind !== 'root') context['aws:PrincipalTag/team'] = c.team;
      if (c.mfa !== undefined) {
        context['aws:MultiFactorAuthPresent'] = c.mfa;
        if (c.mfa === 'true' && c.mfaAge !== undefined) context['aws:MultiFactorAuthAge'] = c.mfaAge;
      }
      return context;
    });
}

function orgLevels(prefix: string, levels: readonly (readonly JsonObject[])[]): OrgLevel[] {
  return levels.map((docs, level) => ({
    id: `${prefix}[${level}]`,
    policies: docs.map((document, i): PolicyInput => ({ id: `${prefix}[${level}][${i}]`, document })),
  }));
}

/** A full case: a caller, an action on a resource, its context, and the policies that apply. */
export const evaluationInput: fc.Arbitrary<EvaluationInput> = fc
  .record({ fixture: fc.constantFrom(...principals), target: fc.constantFrom(...targets) })
  // Only S3 serves unsigned requests among these services; GetFederationToken credentials cannot call
  // IAM or STS (other than GetCallerIdentity) at all (IAM User Guide, "Permissions for GetFederationToken").
  .filter(({ fixture, target }) => {
    if (fixture.principal.kind === 'anonymous') return target.action.startsWith('s3:');
    if (fixture.principal.kind === 'service') return target.resourcePolicy === 'trust';
    if (fixture.principal.kind === 'federatedUser') return !/^iam:|^sts:AssumeRole/.test(target.action);
    return true;
  })
  .chain(({ fixture, target }) => {
    const kind = fixture.principal.kind;
    // Callers outside any account carry no identity-side policies; SCPs and RCPs are left out for them too.
    const outsideAccount = kind === 'anonymous' || kind === 'service';
    const root = kind === 'root';
    // RCPs apply to the services that support them: S3, STS and KMS here (AWS Organizations, "Resource control policies").
    const rcpService = /^(s3|sts|kms):/.test(target.action) && target.action !== 'sts:GetCallerIdentity';
    // A role always has a trust policy and a key always has a key policy; buckets and tables may have none.
    const alwaysResourcePolicy = target.resourcePolicy === 'trust' || target.resourcePolicy === 'kms';
    return fc
      .record({
        context: requestContext(fixture, target),
        identity: outsideAccount || root ? fc.constant<JsonObject[]>([]) : fc.array(policyDocument(focused(identityShape, target), 3, true), { minLength: 0, maxLength: 3 }),
        boundary: outsideAccount || root ? fc.constant(undefined) : sometimes(policyDocument(focused(identityShape, target), 2, true), 25),
        scps: outsideAccount ? fc.constant(undefined) : sometimes(fc.array(scpLevel, { minLength: 1, maxLength: 3 }), 30),
        rcps: rcpService && kind !== 'service'
          ? sometimes(fc.array(fc.array(policyDocument(rcpShape, 2), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 2 }), 25)
          : fc.constant(undefined),
        resource: target.resourcePolicy
          ? sometimes(policyDocument(focused(resourceShape(target.resourcePolicy, fixture), target), 3, true), alwaysResourcePolicy ? 100 : 50)
          : fc.constant(undefined),
        // GetFederationToken sessions nearly always carry a session policy (without one they have no permissions).
        session:
          kind === 'assumedRole' || kind === 'federatedUser'
            ? sometimes(policyDocument(focused(identityShape, target), 2, true), kind === 'federatedUser' ? 85 : 30)
            : fc.constant(undefined),
      })
      .map((drawn): EvaluationInput => {
        const resourceAccount = target.account ?? (fixture.accountId ?? accountA);
        const policies: PolicySet = {
          identity: drawn.identity.map((document, i) => ({ id: `identity[${i}]`, document })),
          ...(drawn.boundary ? { permissionsBoundary: { id: 'permissionsBoundary', document: drawn.boundary } } : {}),
          ...(drawn.scps ? { scps: orgLevels('scps', drawn.scps) } : {}),
          ...(drawn.rcps ? { rcps: orgLevels('rcps', drawn.rcps) } : {}),
          ...(drawn.resource ? { resource: { id: 'resource', document: drawn.resource } } : {}),
          ...(drawn.session ? { session: [{ id: 'session[0]', document: drawn.session }] } : {}),
        };
        return {
          request: {
            principal: fixture.principal,
            action: target.action,
            resource: target.resource,
            resourceAccount,
            context: drawn.context,
          },
          policies,
        };
      });
  });
