// Amazon S3: buckets (bucket policy, Block Public Access, versioning with MFA Delete) and objects.
// Invariant: the bucket policy is the resource-based policy of every bucket/object request; Block Public
// Access refuses public policies (BlockPublicPolicy) and ignores their public grants (RestrictPublicBuckets).
// AWS: Amazon S3 API Reference (CreateBucket, ListObjectsV2, PutBucketPolicy, PutPublicAccessBlock,
// PutBucketVersioning…); S3 User Guide "Blocking public access to your Amazon S3 storage" (The meaning of
// "public"), "Configuring MFA delete", "Amazon S3 condition key examples" (s3:prefix).
import type { RequestContext } from '../evaluation/types';
import type { Json } from '../policy/types';
import { bucketArn, objectArn } from '../world/arns';
import type { Draft } from '../world/draft';
import { newHex } from '../world/ids';
import type { Account, Bucket, PublicAccessBlock, World } from '../world/types';
import { verifyMfaCode } from './authPrimitives';
import { fail } from './operationError';
import { optionalBoolean, optionalNumber, optionalString, requireDocument, requireString } from './params';
import { checkPolicyDocument } from './policyDocuments';
import type { AuthorizationTarget, OperationSpec, PlanContext, RunContext } from './types';

/** New buckets get every Block Public Access setting on (S3's default since April 2023). */
export const defaultPublicAccessBlock: PublicAccessBlock = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};

export function findBucket(world: World | Draft<World>, name: string): { account: Account; bucket: Bucket } | undefined {
  for (const account of Object.values(world.accounts)) {
    const bucket = account.s3.buckets[name];
    if (bucket) return { account: account as Account, bucket: bucket as Bucket };
  }
  return undefined;
}

function requireDraftBucket(ctx: RunContext, name: string): Draft<Bucket> {
  for (const account of Object.values(ctx.draft.accounts)) {
    const bucket = account.s3.buckets[name];
    if (bucket) return bucket;
  }
  return fail('NoSuchBucket', 'The specified bucket does not exist', 404);
}

// ---------------------------------------------------------------- "public" as S3 defines it

/** Condition keys whose fixed values make a statement non-public (S3 User Guide, The meaning of "public"). */
const restrictingKeys = [
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:principalaccount',
  'aws:principalorgid',
  'aws:principalarn',
  'aws:userid',
  'aws:sourceip',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
];

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

function hasWildcardPrincipal(p: Json | undefined): boolean {
  if (p === '*') return true;
  if (!isObject(p)) return false;
  const aws = p.AWS;
  const list = Array.isArray(aws) ? aws : aws === undefined ? [] : [aws];
  return list.some((v) => v === '*');
}

function hasRestrictingCondition(c: Json | undefined): boolean {
  if (!isObject(c)) return false;
  for (const [operator, block] of Object.entries(c)) {
    if (!isObject(block) || /Not|IfExists/.test(operator)) continue;
    for (const [key, value] of Object.entries(block)) {
      const values = Array.isArray(value) ? value : [value];
      const fixed = values.every((v) => typeof v === 'string' && !/[*?]/.test(v) && v !== '0.0.0.0/0');
      if (restrictingKeys.includes(key.toLowerCase()) && fixed) return true;
    }
  }
  return false;
}

function statementsOf(doc: Json): Json[] {
  if (!isObject(doc)) return [];
  const s = doc.Statement;
  return Array.isArray(s) ? s : s === undefined ? [] : [s];
}

export function isPublicStatement(s: Json): boolean {
  return isObject(s) && s.Effect === 'Allow' && (hasWildcardPrincipal(s.Principal) || s.NotPrincipal !== undefined) && !hasRestrictingCondition(s.Condition);
}

/** A bucket policy is public when any Allow statement grants a wildcard principal without a fixed restricting condition. */
export function isPublicPolicy(text: string): boolean {
  try {
    return statementsOf(JSON.parse(text) as Json).some(isPublicStatement);
  } catch {
    return false;
  }
}

/** The bucket policy with public statements removed (what RestrictPublicBuckets leaves for outsiders). */
function withoutPublicStatements(text: string): string {
  const doc = JSON.parse(text) as Json;
  if (!isObject(doc)) return text;
  return JSON.stringify({ ...doc, Statement: statementsOf(doc).filter((s) => !isPublicStatement(s)) }, null, 2);
}

// ---------------------------------------------------------------- authorization targets

/**
 * The authorization target of a bucket or object request, with the bucket policy as it applies to this
 * caller (public statements dropped for outsiders under RestrictPublicBuckets). Exported for what-if checks.
 */
export function bucketTarget(
  ctx: Pick<PlanContext, 'world' | 'caller'>,
  action: string,
  bucketName: string,
  resource: string,
  context: RequestContext = {},
  ownerRootBypass = false,
): AuthorizationTarget[] {
  const found = findBucket(ctx.world, bucketName);
  const base: AuthorizationTarget = {
    action,
    resource,
    ...(found ? { resourceAccount: found.account.id } : {}),
    context: { ...context, ...(found ? tagKeys(found.bucket) : {}) },
    ...(ownerRootBypass ? { ownerRootBypass } : {}),
  };
  const policy = found?.bucket.policy;
  if (!found || !policy) return [base];
  const outsider = ctx.caller.principalType === 'Anonymous' || ctx.caller.accountId !== found.account.id;
  const restricted = found.bucket.publicAccessBlock?.restrictPublicBuckets === true && isPublicPolicy(policy) && outsider;
  const document = restricted ? withoutPublicStatements(policy) : policy;
  // With every statement public, nothing of the policy is left for this caller: no resource policy applies.
  if (restricted && statementsOf(JSON.parse(document) as Json).length === 0) return [base];
  return [
    {
      ...base,
      resourcePolicy: {
        source: { kind: 'bucketPolicy', bucket: found.bucket.name },
        label: restricted ? `bucket ${found.bucket.name} · bucket policy (public statements ignored: RestrictPublicBuckets)` : `bucket ${found.bucket.name} · bucket policy`,
        document,
      },
    },
  ];
}

function tagKeys(bucket: Bucket): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(bucket.tags)) out[`aws:ResourceTag/${k}`] = v;
  return out;
}

function bucketOp(
  name: string,
  crud: OperationSpec['crud'],
  action: string,
  run: OperationSpec['run'],
  options: { objectLevel?: boolean; anonymous?: boolean; context?: (ctx: PlanContext) => RequestContext; ownerRootBypass?: boolean; rootOnlyTask?: OperationSpec['rootOnlyTask'] } = {},
): OperationSpec {
  return {
    name: `s3:${name}`,
    crud,
    accessDeniedCode: 'AccessDenied',
    ...(options.anonymous ? { allowsAnonymous: true } : {}),
    ...(options.rootOnlyTask ? { rootOnlyTask: options.rootOnlyTask } : {}),
    plan: (ctx) => {
      const bucket = requireString(ctx.params, 'Bucket');
      const resource = options.objectLevel ? objectArn(bucket, requireString(ctx.params, 'Key')) : bucketArn(bucket);
      return bucketTarget(ctx, action, bucket, resource, options.context?.(ctx) ?? {}, options.ownerRootBypass ?? false);
    },
    run,
  };
}

/** MFA header value "SERIAL CODE" checked against the bucket owner's root MFA device. */
async function checkMfaHeader(ctx: RunContext, owner: Draft<Account> | Account): Promise<void> {
  const header = optionalString(ctx.params, 'MFA') ?? '';
  const [serial, code] = header.split(' ');
  const device = serial ? owner.mfaDevices[serial] : undefined;
  const ok = device && code && device.assignedTo?.kind === 'root' && (await verifyMfaCode(ctx.deps.crypto, device.base32Secret, code, ctx.now));
  if (!ok) fail('AccessDenied', 'Mfa Authentication must be used for this request', 403);
}

function ownerOf(ctx: RunContext, bucket: string): Draft<Account> {
  const account = Object.values(ctx.draft.accounts).find((a) => bucket in a.s3.buckets);
  if (!account) return fail('NoSuchBucket', 'The specified bucket does not exist', 404);
  return account;
}

function callerDraftAccount(ctx: RunContext): Draft<Account> {
  const account = ctx.caller.accountId ? ctx.draft.accounts[ctx.caller.accountId] : undefined;
  if (!account) return fail('AccessDenied', 'Access Denied', 403);
  return account;
}

export const s3Operations: readonly OperationSpec[] = [
  {
    name: 's3:CreateBucket',
    crud: 'Create',
    accessDeniedCode: 'AccessDenied',
    plan: (ctx) => {
      const name = requireString(ctx.params, 'Bucket');
      return [{ action: 's3:CreateBucket', resource: bucketArn(name), ...(ctx.caller.accountId ? { resourceAccount: ctx.caller.accountId } : {}) }];
    },
    run: (ctx) => {
      const name = requireString(ctx.params, 'Bucket');
      if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(name) || name.includes('..')) fail('InvalidBucketName', 'The specified bucket is not valid.', 400);
      const existing = findBucket(ctx.draft, name);
      if (existing && existing.account.id === ctx.caller.accountId) {
        fail('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409);
      }
      if (existing) {
        fail('BucketAlreadyExists', 'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.', 409);
      }
      const account = callerDraftAccount(ctx);
      account.s3.buckets[name] = {
        name,
        arn: bucketArn(name),
        region: ctx.region,
        createdAt: ctx.now,
        publicAccessBlock: { ...defaultPublicAccessBlock },
        versioning: 'Unversioned',
        mfaDelete: 'Disabled',
        objects: {},
        tags: {},
      };
      ctx.changes.push({ kind: 'created', entity: 'bucket', id: name, parent: account.id });
      return { Location: `/${name}` };
    },
  },
  bucketOp('DeleteBucket', 'Delete', 's3:DeleteBucket', (ctx) => {
    const name = requireString(ctx.params, 'Bucket');
    const bucket = requireDraftBucket(ctx, name);
    if (Object.keys(bucket.objects).length > 0) fail('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409);
    delete ownerOf(ctx, name).s3.buckets[name];
    ctx.changes.push({ kind: 'deleted', entity: 'bucket', id: name });
    return {};
  }),
  {
    name: 's3:ListBuckets',
    crud: 'List',
    accessDeniedCode: 'AccessDenied',
    plan: () => [{ action: 's3:ListAllMyBuckets', resource: '*' }],
    run: (ctx) => {
      const account = callerDraftAccount(ctx);
      return {
        Buckets: Object.values(account.s3.buckets).map((b) => ({ Name: b.name, CreationDate: b.createdAt })),
        Owner: { ID: account.id },
      };
    },
  },
  bucketOp(
    'ListObjectsV2',
    'List',
    's3:ListBucket',
    (ctx) => {
      const bucket = requireDraftBucket(ctx, requireString(ctx.params, 'Bucket'));
      const prefix = optionalString(ctx.params, 'Prefix') ?? '';
      const delimiter = optionalString(ctx.params, 'Delimiter');
      const max = optionalNumber(ctx.params, 'MaxKeys') ?? 1000;
      const keys = Object.keys(bucket.objects).filter((k) => k.startsWith(prefix)).sort();
      const contents: Json[] = [];
      const prefixes = new Set<string>();
      for (const key of keys) {
        const rest = key.slice(prefix.length);
        const cut = delimiter ? rest.indexOf(delimiter) : -1;
        if (delimiter && cut >= 0) {
          prefixes.add(prefix + rest.slice(0, cut + delimiter.length));
          continue;
        }
        const o = bucket.objects[key];
        if (o && contents.length < max) contents.push({ Key: o.key, Size: o.size, LastModified: o.lastModified });
      }
      return {
        Name: bucket.name,
        Prefix: prefix,
        KeyCount: contents.length,
        MaxKeys: max,
        IsTruncated: false,
        Contents: contents,
        CommonPrefixes: [...prefixes].map((p) => ({ Prefix: p })),
      };
    },
    {
      anonymous: true,
      context: (ctx) => {
        const out: Record<string, string> = { 's3:prefix': optionalString(ctx.params, 'Prefix') ?? '' };
        const delimiter = optionalString(ctx.params, 'Delimiter');
        if (delimiter !== undefined) out['s3:delimiter'] = delimiter;
        const max = optionalNumber(ctx.params, 'MaxKeys');
        if (max !== undefined) out['s3:max-keys'] = String(max);
        return out;
      },
    },
  ),
  bucketOp(
    'GetObject',
    'Read',
    's3:GetObject',
    (ctx) => {
      const bucket = requireDraftBucket(ctx, requireString(ctx.params, 'Bucket'));
      const key = requireString(ctx.params, 'Key');
      const o = bucket.objects[key];
      if (!o) return fail('NoSuchKey', 'The specified key does not exist.', 404);
      return { Body: o.body, ContentType: o.contentType, ContentLength: o.size, LastModified: o.lastModified, ...(o.versionId ? { VersionId: o.versionId } : {}) };
    },
    { objectLevel: true, anonymous: true },
  ),
  bucketOp(
    'PutObject',
    'Create',
    's3:PutObject',
    (ctx) => {
      const bucket = requireDraftBucket(ctx, requireString(ctx.params, 'Bucket'));
      const key = requireString(ctx.params, 'Key');
      const body = optionalString(ctx.params, 'Body') ?? '';
      const existed = key in bucket.objects;
      const versionId = bucket.versioning === 'Enabled' ? newHex(ctx.deps.ids, 32) : undefined;
      bucket.objects[key] = {
        key,
        body,
        contentType: optionalString(ctx.params, 'ContentType') ?? 'text/plain',
        size: body.length,
        lastModified: ctx.now,
        tags: {},
        ...(versionId ? { versionId } : {}),
      };
      ctx.changes.push({ kind: existed ? 'updated' : 'created', entity: 'object', id: key, parent: bucket.name });
      return { ETag: `"${newHex(ctx.deps.ids, 32)}"`, ...(versionId ? { VersionId: versionId } : {}) };
    },
    {
      objectLevel: true,
      anonymous: true,
      context: (ctx): RequestContext => {
        const sse = optionalString(ctx.params, 'ServerSideEncryption');
        return sse ? { 's3:x-amz-server-side-encryption': sse } : {};
      },
    },
  ),
  bucketOp(
    'DeleteObject',
    'Delete',
    's3:DeleteObject',
    async (ctx) => {
      const name = requireString(ctx.params, 'Bucket');
      const bucket = requireDraftBucket(ctx, name);
      const key = requireString(ctx.params, 'Key');
      // AWS: with MFA Delete enabled, permanently deleting a version needs the x-amz-mfa header.
      if (optionalString(ctx.params, 'VersionId') && bucket.mfaDelete === 'Enabled') await checkMfaHeader(ctx, ownerOf(ctx, name));
      if (key in bucket.objects) {
        delete bucket.objects[key];
        ctx.changes.push({ kind: 'deleted', entity: 'object', id: key, parent: bucket.name });
      }
      return {};
    },
    { objectLevel: true, anonymous: true },
  ),
  bucketOp(
    'PutBucketPolicy',
    'Update',
    's3:PutBucketPolicy',
    (ctx) => {
      const bucket = requireDraftBucket(ctx, requireString(ctx.params, 'Bucket'));
      const doc = requireDocument(ctx.params, 'Policy');
      checkPolicyDocument(doc, 'resource', { code: 'MalformedPolicy', world: ctx.world });
      if (bucket.publicAccessBlock?.blockPublicPolicy && isPublicPolicy(doc)) {
        const arn = 'arn' in ctx.caller.principal ? ctx.caller.principal.arn : 'anonymous';
        fail(
          'AccessDenied',
          `User: ${arn} is not authorized to perform: s3:PutBucketPolicy on resource: "${bucket.arn}" because public policies are blocked by the BlockPublicPolicy block public access setting.`,
          403,
        );
      }
      bucket.policy = doc;
      ctx.changes.push({ kind: 'updated', entity: 'bucketPolicy', id: bucket.name, fields: { policy: doc } });
      return {};
    },
    { ownerRootBypass: true },
  ),
  bucketOp(
    'GetBucketPolicy',
    'Read',
    's3:GetBucketPolicy',
    (ctx) => {
      const bucket = requireDraftBucket(ctx, requireString(ctx.params, 'Bucket'));
      if (!bucket.policy) return fail('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
      return { Policy: bucket.policy };
    },
    { ownerRootBypass: true },
  ),
  bucketOp(
    'DeleteBucketPolicy',
    'Delete',
    's3:DeleteBucketPolicy',
    (ctx) => {
      const bucket = requireDraftBucket(ctx, requireString(ctx.params, 'Bucket'));
      if (bucket.policy !== undefined) {
        delete bucket.policy;
        ctx.changes.push({ kind: 'deleted', entity: 'bucketPolicy', id: bucket.name });
      }
      return {};
    },
    { ownerRootBypass: true },
  ),
  bucketOp('PutPublicAccessBlock', 'Update', 's3:PutBucketPublicAccessBlock', (ctx) => {
    const bucket = requireDraftBucket(ctx, requireString(ctx.params, 'Bucket'));
    const cfg = ctx.params.PublicAccessBlockConfiguration;
    const read = (k: string): boolean => (isObject(cfg) && typeof cfg[k] === 'boolean' ? (cfg[k] as boolean) : optionalBoolean(ctx.params, k) ?? false);
    bucket.publicAccessBlock = {
      blockPublicAcls: read('BlockPublicAcls'),
      ignorePublicAcls: read('IgnorePublicAcls'),
      blockPublicPolicy: read('BlockPublicPolicy'),
      restrictPublicBuckets: read('RestrictPublicBuckets'),
    };
    ctx.changes.push({
      kind: 'updated',
      entity: 'publicAccessBlock',
      id: bucket.name,
      fields: Object.fromEntries(Object.entries(bucket.publicAccessBlock).map(([k, v]) => [k, String(v)])),
    });
    return {};
  }),
  bucketOp('GetPublicAccessBlock', 'Read', 's3:GetBucketPublicAccessBlock', (ctx) => {
    const bucket = requireDraftBucket(ctx, requireString(ctx.params, 'Bucket'));
    const b = bucket.publicAccessBlock;
    if (!b) return fail('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', 404);
    return {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: b.blockPublicAcls,
        IgnorePublicAcls: b.ignorePublicAcls,
        BlockPublicPolicy: b.blockPublicPolicy,
        RestrictPublicBuckets: b.restrictPublicBuckets,
      },
    };
  }),
  bucketOp(
    'PutBucketVersioning',
    'Update',
    's3:PutBucketVersioning',
    async (ctx) => {
      const name = requireString(ctx.params, 'Bucket');
      const bucket = requireDraftBucket(ctx, name);
      const status = optionalString(ctx.params, 'Status');
      const mfaDelete = optionalString(ctx.params, 'MFADelete');
      if (status !== undefined && status !== 'Enabled' && status !== 'Suspended') fail('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
      if (mfaDelete !== undefined && mfaDelete !== 'Enabled' && mfaDelete !== 'Disabled') fail('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
      // AWS: changing MFA Delete, or versioning of a bucket that has it, needs the owner's root MFA.
      if (mfaDelete !== undefined || bucket.mfaDelete === 'Enabled') await checkMfaHeader(ctx, ownerOf(ctx, name));
      if (mfaDelete === 'Enabled' && (status ?? bucket.versioning) !== 'Enabled') {
        fail('InvalidRequest', 'MFA Delete can only be enabled on a bucket with versioning enabled.', 400);
      }
      if (status !== undefined) bucket.versioning = status as 'Enabled' | 'Suspended';
      if (mfaDelete !== undefined) bucket.mfaDelete = mfaDelete as 'Enabled' | 'Disabled';
      ctx.changes.push({
        kind: 'updated',
        entity: 'bucketVersioning',
        id: bucket.name,
        fields: { versioning: bucket.versioning, mfaDelete: bucket.mfaDelete },
      });
      return {};
    },
    { rootOnlyTask: (params) => (params.MFADelete !== undefined && params.MFADelete !== null ? 'Enable or disable MFA Delete on an S3 bucket' : undefined) },
  ),
  bucketOp('GetBucketVersioning', 'Read', 's3:GetBucketVersioning', (ctx): Json => {
    const bucket = requireDraftBucket(ctx, requireString(ctx.params, 'Bucket'));
    return bucket.versioning === 'Unversioned' ? {} : { Status: bucket.versioning, MFADelete: bucket.mfaDelete };
  }),
];
