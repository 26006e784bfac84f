// IAM users and their credentials: users, console passwords (login profiles), access keys (at most two),
// virtual MFA devices and tags. Invariant: a user is deleted only once nothing hangs off it (DeleteConflict).
// AWS: IAM API Reference (CreateUser, DeleteUser, CreateLoginProfile, CreateAccessKey, EnableMFADevice…);
// "IAM and AWS STS quotas" (access keys per user: 2).
import type { Json } from '../../policy/types';
import { hashPassword, verifyMfaCode, verifyPassword } from '../authPrimitives';
import { mfaArn, userArn } from '../../world/arns';
import { addSeconds } from '../../world/clock';
import { newAccessKeyId, newBase32Secret, newSecretAccessKey, newUniqueId } from '../../world/ids';
import type { Draft } from '../../world/draft';
import type { Account, User } from '../../world/types';
import { fail, iamErrors } from '../operationError';
import { optionalBoolean, optionalString, readTags, readStringList, requireString, validateIamName, validatePath } from '../params';
import type { OperationSpec, RunContext } from '../types';
import { iamOperation, target } from './iamOperation';
import {
  draftAccount,
  entityArn,
  findName,
  planAccount,
  requestTagContext,
  requireUser,
  resourceTagContext,
  tagList,
  targetUserName,
} from './iamShared';

export const maxAccessKeysPerUser = 2;
const maxTagsPerEntity = 50;

export function userView(user: User | Draft<User>): { [key: string]: Json } {
  return {
    UserName: user.name,
    UserId: user.id,
    Arn: user.arn,
    Path: user.path,
    CreateDate: user.createdAt,
    ...(user.passwordLastUsed ? { PasswordLastUsed: user.passwordLastUsed } : {}),
    ...(Object.keys(user.tags).length > 0 ? { Tags: tagList(user.tags) } : {}),
  };
}

function requireTargetUser(ctx: RunContext): Draft<User> {
  const name = targetUserName(ctx);
  if (!name) return fail('ValidationError', 'Must specify userName when calling with non-User credentials', 400);
  return requireUser(draftAccount(ctx), name);
}

function userTarget(action: string) {
  return iamTarget(action, (ctx) => targetUserName(ctx));
}

function iamTarget(action: string, nameOf: (ctx: Parameters<OperationSpec['plan']>[0]) => string | undefined) {
  return (ctx: Parameters<OperationSpec['plan']>[0], accountId: string) => {
    const name = nameOf(ctx);
    // The root user acting on itself (its own access keys, GetUser): the resource is the account root.
    if (!name && ctx.caller.principalType === 'Account') return target(action, planAccount(ctx).root.arn);
    if (!name) return fail('ValidationError', 'Must specify userName when calling with non-User credentials', 400);
    const account = planAccount(ctx);
    const key = findName(account.users, name);
    const tags = key !== undefined ? account.users[key]?.tags : undefined;
    return target(action, entityArn(account, accountId, 'user', name), resourceTagContext(tags, true));
  };
}

/** Checks a password against the account's rules (the lab's policy: 8+ characters). */
function checkPassword(password: string): void {
  if (password.length < 8) {
    fail('PasswordPolicyViolation', 'Password should have at least 8 characters', 400);
  }
}

function removeMfaFromUser(account: Draft<Account>, user: Draft<User>, serial: string): void {
  user.mfaDevices = user.mfaDevices.filter((s) => s !== serial);
  const device = account.mfaDevices[serial];
  if (device) {
    delete device.assignedTo;
    delete device.enabledAt;
  }
}

export const userOperations: readonly OperationSpec[] = [
  iamOperation(
    'CreateUser',
    'Create',
    (ctx, accountId) => {
      const name = validateIamName(requireString(ctx.params, 'UserName'), 'userName', 64);
      const path = validatePath(optionalString(ctx.params, 'Path'));
      const boundary = optionalString(ctx.params, 'PermissionsBoundary');
      return target('CreateUser', userArn(accountId, path, name), {
        ...requestTagContext(readTags(ctx.params)),
        ...(boundary ? { 'iam:PermissionsBoundary': boundary } : {}),
      });
    },
    (ctx) => {
      const account = draftAccount(ctx);
      const name = requireString(ctx.params, 'UserName');
      const path = validatePath(optionalString(ctx.params, 'Path'));
      const tags = readTags(ctx.params);
      if (Object.keys(tags).length > maxTagsPerEntity) iamErrors.limitExceeded('The number of tags has reached the maximum limit.');
      if (findName(account.users, name) !== undefined) iamErrors.alreadyExists(`User with name ${name} already exists.`);
      const boundary = optionalString(ctx.params, 'PermissionsBoundary');
      const user: Draft<User> = {
        name,
        path,
        arn: userArn(account.id, path, name),
        id: newUniqueId(ctx.deps.ids, 'AIDA'),
        createdAt: ctx.now,
        tags,
        accessKeys: [],
        mfaDevices: [],
        groups: [],
        inlinePolicies: {},
        attachedPolicies: [],
        ...(boundary ? { permissionsBoundary: boundary } : {}),
      };
      account.users[name] = user;
      ctx.changes.push({ kind: 'created', entity: 'user', id: name, parent: account.id });
      return { User: userView(user) };
    },
  ),
  iamOperation('DeleteUser', 'Delete', userTarget('DeleteUser'), (ctx) => {
    const account = draftAccount(ctx);
    const user = requireUser(account, requireString(ctx.params, 'UserName'));
    // AWS: DeleteUser — the items attached to the user must be deleted first; IAM answers DeleteConflict
    // with one message per kind (the group wording is IAM's own, also used by DeleteGroup).
    if (user.loginProfile) iamErrors.deleteConflict('Cannot delete entity, must delete login profile first.');
    if (user.accessKeys.length > 0) iamErrors.deleteConflict('Cannot delete entity, must delete access keys first.');
    if (user.mfaDevices.length > 0) iamErrors.deleteConflict('Cannot delete entity, must delete MFA device first.');
    if (user.groups.length > 0) iamErrors.deleteConflict('Cannot delete entity, must remove users from group first.');
    if (user.attachedPolicies.length > 0) iamErrors.deleteConflict('Cannot delete entity, must detach all policies first.');
    if (Object.keys(user.inlinePolicies).length > 0) iamErrors.deleteConflict('Cannot delete entity, must delete policies first.');
    delete account.users[user.name];
    ctx.changes.push({ kind: 'deleted', entity: 'user', id: user.name, parent: account.id });
    return {};
  }),
  iamOperation('GetUser', 'Read', userTarget('GetUser'), (ctx) => {
    if (!targetUserName(ctx) && ctx.caller.principalType === 'Account') {
      const account = draftAccount(ctx);
      return { User: { UserId: account.id, Arn: account.root.arn, CreateDate: ctx.now } };
    }
    return { User: userView(requireTargetUser(ctx)) };
  }),
  iamOperation(
    'ListUsers',
    'List',
    () => target('ListUsers', '*'),
    (ctx) => {
      const prefix = optionalString(ctx.params, 'PathPrefix') ?? '/';
      const users = Object.values(draftAccount(ctx).users).filter((u) => u.path.startsWith(prefix));
      return { Users: users.map(userView), IsTruncated: false };
    },
  ),
  iamOperation(
    'TagUser',
    'Update',
    (ctx, accountId) => {
      const [first] = iamTarget('TagUser', (c) => requireString(c.params, 'UserName'))(ctx, accountId);
      return first ? [{ ...first, context: { ...first.context, ...requestTagContext(readTags(ctx.params)) } }] : [];
    },
    (ctx) => {
      const user = requireUser(draftAccount(ctx), requireString(ctx.params, 'UserName'));
      const tags = readTags(ctx.params);
      const merged = { ...user.tags, ...tags };
      if (Object.keys(merged).length > maxTagsPerEntity) iamErrors.limitExceeded('The number of tags has reached the maximum limit.');
      user.tags = merged;
      ctx.changes.push({ kind: 'updated', entity: 'tag', id: user.name, fields: tags });
      return {};
    },
  ),
  iamOperation(
    'UntagUser',
    'Update',
    (ctx, accountId) => {
      const [first] = iamTarget('UntagUser', (c) => requireString(c.params, 'UserName'))(ctx, accountId);
      return first ? [{ ...first, context: { ...first.context, 'aws:TagKeys': readStringList(ctx.params, 'TagKeys') } }] : [];
    },
    (ctx) => {
      const user = requireUser(draftAccount(ctx), requireString(ctx.params, 'UserName'));
      const keys = readStringList(ctx.params, 'TagKeys');
      user.tags = Object.fromEntries(Object.entries(user.tags).filter(([k]) => !keys.includes(k)));
      ctx.changes.push({ kind: 'updated', entity: 'tag', id: user.name, fields: { removed: keys.join(',') } });
      return {};
    },
  ),
  // ---------------------------------------------------------------- console password
  iamOperation('CreateLoginProfile', 'Create', userTarget('CreateLoginProfile'), async (ctx) => {
    const user = requireTargetUser(ctx);
    const password = requireString(ctx.params, 'Password');
    if (user.loginProfile) iamErrors.alreadyExists(`Login Profile for user ${user.name} already exists.`);
    checkPassword(password);
    user.loginProfile = {
      passwordHash: await hashPassword(ctx.deps.crypto, ctx.deps.ids, password),
      createdAt: ctx.now,
      passwordResetRequired: optionalBoolean(ctx.params, 'PasswordResetRequired') ?? false,
    };
    ctx.changes.push({ kind: 'created', entity: 'loginProfile', id: user.name });
    return { LoginProfile: { UserName: user.name, CreateDate: ctx.now, PasswordResetRequired: user.loginProfile.passwordResetRequired } };
  }),
  iamOperation('UpdateLoginProfile', 'Update', userTarget('UpdateLoginProfile'), async (ctx) => {
    const user = requireTargetUser(ctx);
    const profile = user.loginProfile;
    if (!profile) return iamErrors.noSuchEntity(`Login Profile for User ${user.name} cannot be found.`);
    const password = optionalString(ctx.params, 'Password');
    const reset = optionalBoolean(ctx.params, 'PasswordResetRequired');
    if (password !== undefined) {
      checkPassword(password);
      profile.passwordHash = await hashPassword(ctx.deps.crypto, ctx.deps.ids, password);
    }
    if (reset !== undefined) profile.passwordResetRequired = reset;
    ctx.changes.push({
      kind: 'updated',
      entity: 'loginProfile',
      id: user.name,
      fields: { ...(password !== undefined ? { password: '(changed)' } : {}), ...(reset !== undefined ? { passwordResetRequired: String(reset) } : {}) },
    });
    return {};
  }),
  iamOperation('DeleteLoginProfile', 'Delete', userTarget('DeleteLoginProfile'), (ctx) => {
    const user = requireTargetUser(ctx);
    if (!user.loginProfile) return iamErrors.noSuchEntity(`Login Profile for User ${user.name} cannot be found.`);
    delete user.loginProfile;
    ctx.changes.push({ kind: 'deleted', entity: 'loginProfile', id: user.name });
    return {};
  }),
  iamOperation('GetLoginProfile', 'Read', userTarget('GetLoginProfile'), (ctx) => {
    const user = requireTargetUser(ctx);
    if (!user.loginProfile) return iamErrors.noSuchEntity(`Login Profile for User ${user.name} cannot be found.`);
    return {
      LoginProfile: { UserName: user.name, CreateDate: user.loginProfile.createdAt, PasswordResetRequired: user.loginProfile.passwordResetRequired },
    };
  }),
  // AWS: ChangePassword — an IAM user changes their own password (not the root user).
  iamOperation('ChangePassword', 'Update', userTarget('ChangePassword'), async (ctx) => {
    if (!ctx.caller.userName || ctx.caller.principalType !== 'User') {
      return fail('InvalidUserType', 'Only IAM users can change their own password.', 400);
    }
    const user = requireUser(draftAccount(ctx), ctx.caller.userName);
    if (!user.loginProfile) return iamErrors.noSuchEntity(`Login Profile for User ${user.name} cannot be found.`);
    const ok = await verifyPassword(ctx.deps.crypto, requireString(ctx.params, 'OldPassword'), user.loginProfile.passwordHash);
    if (!ok) return fail('AccessDenied', 'The old password is incorrect.', 403);
    const next = requireString(ctx.params, 'NewPassword');
    checkPassword(next);
    user.loginProfile.passwordHash = await hashPassword(ctx.deps.crypto, ctx.deps.ids, next);
    user.loginProfile.passwordResetRequired = false;
    ctx.changes.push({ kind: 'updated', entity: 'loginProfile', id: user.name, fields: { password: '(changed)' } });
    return {};
  }),
  // ---------------------------------------------------------------- access keys
  iamOperation('CreateAccessKey', 'Create', userTarget('CreateAccessKey'), (ctx) => {
    const account = draftAccount(ctx);
    const name = targetUserName(ctx);
    const owner = !name && ctx.caller.principalType === 'Account' ? account.root : requireTargetUser(ctx);
    if (owner.accessKeys.length >= maxAccessKeysPerUser) {
      iamErrors.limitExceeded(`Cannot exceed quota for AccessKeysPerUser: ${maxAccessKeysPerUser}`);
    }
    const key = {
      accessKeyId: newAccessKeyId(ctx.deps.ids, 'AKIA'),
      secretAccessKey: newSecretAccessKey(ctx.deps.ids),
      status: 'Active' as const,
      createdAt: ctx.now,
    };
    owner.accessKeys.push(key);
    const ownerName = 'name' in owner ? owner.name : 'root';
    ctx.changes.push({ kind: 'created', entity: 'accessKey', id: key.accessKeyId, parent: ownerName });
    return {
      AccessKey: {
        UserName: ownerName,
        AccessKeyId: key.accessKeyId,
        SecretAccessKey: key.secretAccessKey,
        Status: key.status,
        CreateDate: key.createdAt,
      },
    };
  }),
  iamOperation('UpdateAccessKey', 'Update', userTarget('UpdateAccessKey'), (ctx) => {
    const account = draftAccount(ctx);
    const owner = !targetUserName(ctx) && ctx.caller.principalType === 'Account' ? account.root : requireTargetUser(ctx);
    const id = requireString(ctx.params, 'AccessKeyId');
    const status = requireString(ctx.params, 'Status');
    if (status !== 'Active' && status !== 'Inactive') {
      iamErrors.validation(`1 validation error detected: Value '${status}' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]`);
    }
    const key = owner.accessKeys.find((k) => k.accessKeyId === id);
    if (!key) return iamErrors.noSuchEntity(`The Access Key with id ${id} cannot be found.`);
    key.status = status as 'Active' | 'Inactive';
    ctx.changes.push({ kind: 'updated', entity: 'accessKey', id, fields: { status } });
    return {};
  }),
  iamOperation('DeleteAccessKey', 'Delete', userTarget('DeleteAccessKey'), (ctx) => {
    const account = draftAccount(ctx);
    const owner = !targetUserName(ctx) && ctx.caller.principalType === 'Account' ? account.root : requireTargetUser(ctx);
    const id = requireString(ctx.params, 'AccessKeyId');
    if (!owner.accessKeys.some((k) => k.accessKeyId === id)) iamErrors.noSuchEntity(`The Access Key with id ${id} cannot be found.`);
    owner.accessKeys = owner.accessKeys.filter((k) => k.accessKeyId !== id);
    ctx.changes.push({ kind: 'deleted', entity: 'accessKey', id });
    return {};
  }),
  iamOperation('ListAccessKeys', 'List', userTarget('ListAccessKeys'), (ctx) => {
    const account = draftAccount(ctx);
    const owner = !targetUserName(ctx) && ctx.caller.principalType === 'Account' ? account.root : requireTargetUser(ctx);
    const userName = 'name' in owner ? owner.name : 'root';
    return {
      AccessKeyMetadata: owner.accessKeys.map((k) => ({ UserName: userName, AccessKeyId: k.accessKeyId, Status: k.status, CreateDate: k.createdAt })),
      IsTruncated: false,
    };
  }),
  iamOperation('GetAccessKeyLastUsed', 'Read', () => target('GetAccessKeyLastUsed', '*'), (ctx) => {
    const id = requireString(ctx.params, 'AccessKeyId');
    const account = draftAccount(ctx);
    for (const u of Object.values(account.users)) {
      const k = u.accessKeys.find((x) => x.accessKeyId === id);
      if (k) {
        return {
          UserName: u.name,
          AccessKeyLastUsed: (k.lastUsed
            ? { LastUsedDate: k.lastUsed.at, ServiceName: k.lastUsed.service, Region: k.lastUsed.region }
            : { ServiceName: 'N/A', Region: 'N/A' }) as Json,
        };
      }
    }
    return iamErrors.noSuchEntity(`The Access Key with id ${id} cannot be found.`);
  }),
  // ---------------------------------------------------------------- MFA
  iamOperation(
    'CreateVirtualMFADevice',
    'Create',
    (ctx, accountId) => {
      const name = validateIamName(requireString(ctx.params, 'VirtualMFADeviceName'), 'virtualMFADeviceName', 226);
      return target('CreateVirtualMFADevice', mfaArn(accountId, validatePath(optionalString(ctx.params, 'Path')), name));
    },
    (ctx) => {
      const account = draftAccount(ctx);
      const name = requireString(ctx.params, 'VirtualMFADeviceName');
      const serial = mfaArn(account.id, validatePath(optionalString(ctx.params, 'Path')), name);
      if (account.mfaDevices[serial]) iamErrors.alreadyExists('MFADevice entity at the same path and name already exists.');
      const base32Secret = newBase32Secret(ctx.deps.ids);
      account.mfaDevices[serial] = { serialNumber: serial, name, base32Secret, createdAt: ctx.now };
      ctx.changes.push({ kind: 'created', entity: 'mfaDevice', id: serial });
      return {
        VirtualMFADevice: {
          SerialNumber: serial,
          Base32StringSeed: base32Secret,
          QRCodePNG: `otpauth://totp/Amazon%20Web%20Services:${encodeURIComponent(name)}@${account.alias ?? account.id}?secret=${base32Secret}&issuer=Amazon%20Web%20Services`,
        },
      };
    },
  ),
  iamOperation('EnableMFADevice', 'Update', userTarget('EnableMFADevice'), async (ctx) => {
    const account = draftAccount(ctx);
    const serial = requireString(ctx.params, 'SerialNumber');
    const code1 = requireString(ctx.params, 'AuthenticationCode1');
    const code2 = requireString(ctx.params, 'AuthenticationCode2');
    const user = requireUser(account, requireString(ctx.params, 'UserName'));
    const device = account.mfaDevices[serial];
    if (!device) return iamErrors.noSuchEntity(`VirtualMFADevice with serial number ${serial} doesn't exist.`);
    if (device.assignedTo) iamErrors.alreadyExists('MFA Device is already in use.');
    // AWS wants two consecutive codes; the second one is for the next 30-second window.
    const ok1 = await verifyMfaCode(ctx.deps.crypto, device.base32Secret, code1, ctx.now);
    const next = addSeconds(ctx.now, 30);
    const ok2 = await verifyMfaCode(ctx.deps.crypto, device.base32Secret, code2, next);
    if (!ok1 || !ok2 || code1 === code2) {
      return fail('InvalidAuthenticationCode', 'Authentication code for device is not valid.', 403);
    }
    device.assignedTo = { kind: 'user', userName: user.name };
    device.enabledAt = ctx.now;
    user.mfaDevices.push(serial);
    ctx.changes.push({ kind: 'updated', entity: 'mfaDevice', id: serial, fields: { enabledFor: user.name } });
    return {};
  }),
  iamOperation('DeactivateMFADevice', 'Update', userTarget('DeactivateMFADevice'), (ctx) => {
    const account = draftAccount(ctx);
    const user = requireTargetUser(ctx);
    const serial = requireString(ctx.params, 'SerialNumber');
    if (!user.mfaDevices.includes(serial)) return iamErrors.noSuchEntity(`MFA Device with serial number ${serial} does not exist.`);
    removeMfaFromUser(account, user, serial);
    ctx.changes.push({ kind: 'updated', entity: 'mfaDevice', id: serial, fields: { deactivatedFor: user.name } });
    return {};
  }),
  iamOperation(
    'DeleteVirtualMFADevice',
    'Delete',
    (ctx) => target('DeleteVirtualMFADevice', requireString(ctx.params, 'SerialNumber')),
    (ctx) => {
      const account = draftAccount(ctx);
      const serial = requireString(ctx.params, 'SerialNumber');
      const device = account.mfaDevices[serial];
      if (!device) return iamErrors.noSuchEntity(`VirtualMFADevice with serial number ${serial} doesn't exist.`);
      if (device.assignedTo) iamErrors.deleteConflict('MFA device is still in use.');
      delete account.mfaDevices[serial];
      ctx.changes.push({ kind: 'deleted', entity: 'mfaDevice', id: serial });
      return {};
    },
  ),
  iamOperation('ListMFADevices', 'List', userTarget('ListMFADevices'), (ctx) => {
    const account = draftAccount(ctx);
    const user = requireTargetUser(ctx);
    return {
      MFADevices: user.mfaDevices.map((s) => ({ UserName: user.name, SerialNumber: s, EnableDate: account.mfaDevices[s]?.enabledAt ?? '' })),
      IsTruncated: false,
    };
  }),
];
