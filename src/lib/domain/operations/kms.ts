// AWS KMS: keys with key policies; encrypt/decrypt are simulated (reversible encoding, clearly not crypto).
// Invariant: every key has exactly one key policy, and it is the resource policy of every request on the key.
// AWS: AWS KMS API Reference (CreateKey, DescribeKey, Encrypt, Decrypt, PutKeyPolicy, ScheduleKeyDeletion);
// KMS Developer Guide "Default key policy" (the statement "Enable IAM User Permissions").
import { base64Decode, base64Encode } from '../authentication/passwords';
import { decodeUtf8, utf8 } from '../authentication/crypto';
import type { Json } from '../policy/types';
import { keyArn, rootArn, splitArn } from '../world/arns';
import type { Draft } from '../world/draft';
import { newUuid } from '../world/ids';
import type { KmsKey, World } from '../world/types';
import { fail } from './operationError';
import { optionalNumber, optionalString, optionalDocument, readTags, requireDocument, requireString } from './params';
import { checkPolicyDocument } from './policyDocuments';
import type { AuthorizationTarget, OperationSpec, PlanContext, RunContext } from './types';

/** AWS's default key policy: delegates access to the account's IAM policies. */
export function defaultKeyPolicy(accountId: string): string {
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Id: 'key-default-1',
      Statement: [
        { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: rootArn(accountId) }, Action: 'kms:*', Resource: '*' },
      ],
    },
    null,
    2,
  );
}

const ciphertextPrefix = 'lab-kms:';

function locate(world: World | Draft<World>, ctx: PlanContext, keyIdOrArn: string): { accountId: string; keyId: string; arn: string; key?: KmsKey | Draft<KmsKey> } {
  const parts = keyIdOrArn.startsWith('arn:') ? splitArn(keyIdOrArn) : null;
  const accountId = parts ? parts.account : (ctx.caller.accountId ?? '');
  const keyId = parts ? parts.resource.replace(/^key\//, '') : keyIdOrArn;
  const key = world.accounts[accountId]?.kms.keys[keyId];
  return { accountId, keyId, arn: key?.arn ?? keyArn(parts?.region || ctx.region, accountId, keyId), ...(key ? { key } : {}) };
}

function keyParam(ctx: PlanContext): string {
  if (ctx.request.operation === 'kms:Decrypt' && optionalString(ctx.params, 'KeyId') === undefined) {
    const blob = requireString(ctx.params, 'CiphertextBlob');
    return readCiphertext(blob)?.keyArn ?? fail('InvalidCiphertextException', '', 400);
  }
  return requireString(ctx.params, 'KeyId');
}

function keyTarget(action: string) {
  return (ctx: PlanContext): AuthorizationTarget[] => {
    const loc = locate(ctx.world, ctx, keyParam(ctx));
    // Without the key there is no key policy to evaluate; KMS answers NotFoundException.
    if (!loc.key) return fail('NotFoundException', `Key '${loc.arn}' does not exist`, 400);
    const tags: Record<string, string> = {};
    for (const [k, v] of Object.entries(loc.key?.tags ?? {})) tags[`aws:ResourceTag/${k}`] = v;
    return [
      {
        action: `kms:${action}`,
        resource: loc.arn,
        resourceAccount: loc.accountId,
        context: tags,
        ...(loc.key ? { resourcePolicy: { source: { kind: 'keyPolicy' as const, keyId: loc.keyId }, label: `KMS key ${loc.keyId} · key policy`, document: loc.key.policy } } : {}),
      },
    ];
  };
}

function requireKey(ctx: RunContext, usable = false): Draft<KmsKey> {
  const id = keyParam(ctx);
  const loc = locate(ctx.draft, ctx, id);
  const key = loc.key as Draft<KmsKey> | undefined;
  if (!key) return fail('NotFoundException', `Key '${loc.arn}' does not exist`, 400);
  if (usable && key.keyState === 'PendingDeletion') fail('KMSInvalidStateException', `${key.arn} is pending deletion.`, 400);
  if (usable && key.keyState === 'Disabled') fail('DisabledException', `${key.arn} is disabled.`, 400);
  return key;
}

function metadata(k: KmsKey | Draft<KmsKey>): Json {
  return {
    KeyId: k.keyId,
    Arn: k.arn,
    Description: k.description,
    KeyState: k.keyState,
    Enabled: k.keyState === 'Enabled',
    CreationDate: k.createdAt,
    KeyUsage: 'ENCRYPT_DECRYPT',
    KeySpec: 'SYMMETRIC_DEFAULT',
    KeyManager: 'CUSTOMER',
    ...(k.deletionDate ? { DeletionDate: k.deletionDate } : {}),
  };
}

function readCiphertext(blob: string): { keyArn: string; plaintext: string } | undefined {
  const decoded = base64Decode(blob);
  const text = decoded ? decodeUtf8(decoded) : undefined;
  if (!text?.startsWith(ciphertextPrefix)) return undefined;
  const rest = text.slice(ciphertextPrefix.length);
  const cut = rest.indexOf('|');
  if (cut < 0) return undefined;
  return { keyArn: rest.slice(0, cut), plaintext: rest.slice(cut + 1) };
}

function op(name: string, crud: OperationSpec['crud'], plan: OperationSpec['plan'], run: OperationSpec['run']): OperationSpec {
  return { name: `kms:${name}`, crud, accessDeniedCode: 'AccessDeniedException', plan, run };
}

export const kmsOperations: readonly OperationSpec[] = [
  op(
    'CreateKey',
    'Create',
    () => [{ action: 'kms:CreateKey', resource: '*' }],
    (ctx) => {
      const account = ctx.caller.accountId ? ctx.draft.accounts[ctx.caller.accountId] : undefined;
      if (!account) return fail('AccessDeniedException', 'Keys are created in the caller\'s account.', 400);
      const policy = optionalDocument(ctx.params, 'Policy') ?? defaultKeyPolicy(account.id);
      checkPolicyDocument(policy, 'resource', { code: 'MalformedPolicyDocumentException', world: ctx.world });
      const keyId = newUuid(ctx.deps.ids);
      const key: Draft<KmsKey> = {
        keyId,
        arn: keyArn(ctx.region, account.id, keyId),
        region: ctx.region,
        description: optionalString(ctx.params, 'Description') ?? '',
        createdAt: ctx.now,
        keyState: 'Enabled',
        policy,
        tags: readTags(ctx.params, 'Tags'),
      };
      account.kms.keys[keyId] = key;
      ctx.changes.push({ kind: 'created', entity: 'kmsKey', id: keyId, parent: account.id });
      return { KeyMetadata: metadata(key) };
    },
  ),
  op('DescribeKey', 'Read', keyTarget('DescribeKey'), (ctx) => ({ KeyMetadata: metadata(requireKey(ctx)) })),
  op(
    'ListKeys',
    'List',
    () => [{ action: 'kms:ListKeys', resource: '*' }],
    (ctx) => {
      const account = ctx.caller.accountId ? ctx.draft.accounts[ctx.caller.accountId] : undefined;
      return { Keys: Object.values(account?.kms.keys ?? {}).map((k) => ({ KeyId: k.keyId, KeyArn: k.arn })), Truncated: false };
    },
  ),
  op('Encrypt', 'Create', keyTarget('Encrypt'), (ctx) => {
    const key = requireKey(ctx, true);
    const plaintext = requireString(ctx.params, 'Plaintext');
    return { CiphertextBlob: base64Encode(utf8(`${ciphertextPrefix}${key.arn}|${plaintext}`)), KeyId: key.arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
  }),
  op('Decrypt', 'Read', keyTarget('Decrypt'), (ctx) => {
    const parsed = readCiphertext(requireString(ctx.params, 'CiphertextBlob'));
    if (!parsed) return fail('InvalidCiphertextException', '', 400);
    const key = requireKey(ctx, true);
    if (key.arn !== parsed.keyArn) return fail('IncorrectKeyException', 'The key ID in the request does not identify a CMK that can perform this operation.', 400);
    return { Plaintext: parsed.plaintext, KeyId: key.arn, EncryptionAlgorithm: 'SYMMETRIC_DEFAULT' };
  }),
  op('GetKeyPolicy', 'Read', keyTarget('GetKeyPolicy'), (ctx) => ({ Policy: requireKey(ctx).policy, PolicyName: 'default' })),
  op('PutKeyPolicy', 'Update', keyTarget('PutKeyPolicy'), (ctx) => {
    const key = requireKey(ctx);
    const doc = requireDocument(ctx.params, 'Policy');
    checkPolicyDocument(doc, 'resource', { code: 'MalformedPolicyDocumentException', world: ctx.world });
    key.policy = doc;
    ctx.changes.push({ kind: 'updated', entity: 'keyPolicy', id: key.keyId, fields: { policy: doc } });
    return {};
  }),
  op('ScheduleKeyDeletion', 'Delete', keyTarget('ScheduleKeyDeletion'), (ctx) => {
    const key = requireKey(ctx);
    if (key.keyState === 'PendingDeletion') fail('KMSInvalidStateException', `${key.arn} is pending deletion.`, 400);
    // AWS: PendingWindowInDays is 7 to 30, default 30.
    const days = optionalNumber(ctx.params, 'PendingWindowInDays') ?? 30;
    if (days < 7 || days > 30) {
      fail('ValidationException', `1 validation error detected: Value '${days}' at 'pendingWindowInDays' failed to satisfy constraint: Member must have value between 7 and 30`, 400);
    }
    key.keyState = 'PendingDeletion';
    key.deletionDate = new Date(Date.parse(ctx.now) + days * 86400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    ctx.changes.push({ kind: 'updated', entity: 'kmsKey', id: key.keyId, fields: { keyState: 'PendingDeletion', deletionDate: key.deletionDate } });
    return { KeyId: key.arn, DeletionDate: key.deletionDate, KeyState: 'PendingDeletion', PendingWindowInDays: days };
  }),
  op('CancelKeyDeletion', 'Update', keyTarget('CancelKeyDeletion'), (ctx) => {
    const key = requireKey(ctx);
    if (key.keyState !== 'PendingDeletion') fail('KMSInvalidStateException', `${key.arn} is not pending deletion.`, 400);
    key.keyState = 'Disabled';
    delete key.deletionDate;
    ctx.changes.push({ kind: 'updated', entity: 'kmsKey', id: key.keyId, fields: { keyState: 'Disabled' } });
    return { KeyId: key.arn };
  }),
];
