// Lookups and guards shared by the IAM operations: entity lookup by name (case-insensitive, as IAM
// treats names), the caller's own user, managed policy resolution and AWS's NoSuchEntity wording.
// Invariant: lookups never create anything; a missing entity throws AWS's NoSuchEntity.
import type { Json } from '../../policy/types';
import { awsManagedPolicies } from '../../world/awsManagedPolicies';
import type { Draft } from '../../world/draft';
import type { Account, ManagedPolicy, World } from '../../world/types';
import { fail, iamErrors } from '../operationError';
import { optionalString } from '../params';
import type { PlanContext, RunContext } from '../types';

/** IAM names are unique without regard to case ("Names are not distinguished by case"). */
export function findName<T>(record: Readonly<Record<string, T>>, name: string): string | undefined {
  if (name in record) return name;
  const lower = name.toLowerCase();
  return Object.keys(record).find((k) => k.toLowerCase() === lower);
}

export function callerAccountId(ctx: PlanContext): string {
  const id = ctx.caller.accountId;
  if (!id) return fail('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
  return id;
}

export function draftAccount(ctx: RunContext): Draft<Account> {
  const account = ctx.draft.accounts[callerAccountId(ctx)];
  if (!account) return fail('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
  return account;
}

export function planAccount(ctx: PlanContext): Account {
  const account = ctx.callerAccount;
  if (!account) return fail('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
  return account;
}

/** Operations with an optional UserName act on the calling user when it is omitted. */
export function targetUserName(ctx: PlanContext): string | undefined {
  return optionalString(ctx.params, 'UserName') ?? ctx.caller.userName;
}

export function requireUser<A extends Account | Draft<Account>>(account: A, name: string): A['users'][string] {
  const key = findName(account.users, name);
  const user = key === undefined ? undefined : account.users[key];
  if (!user) return iamErrors.noSuchEntity(`The user with name ${name} cannot be found.`);
  return user as A['users'][string];
}

export function requireGroup<A extends Account | Draft<Account>>(account: A, name: string): A['groups'][string] {
  const key = findName(account.groups, name);
  const group = key === undefined ? undefined : account.groups[key];
  if (!group) return iamErrors.noSuchEntity(`The group with name ${name} cannot be found.`);
  return group as A['groups'][string];
}

export function requireRole<A extends Account | Draft<Account>>(account: A, name: string): A['roles'][string] {
  const key = findName(account.roles, name);
  const role = key === undefined ? undefined : account.roles[key];
  if (!role) return iamErrors.noSuchEntity(`The role with name ${name} cannot be found.`);
  return role as A['roles'][string];
}

/** ARN of an entity for authorization: the existing entity's (with its path) or one built from params. */
export function entityArn(
  account: Account | undefined,
  accountId: string,
  type: 'user' | 'group' | 'role',
  name: string,
  path = '/',
): string {
  const record = type === 'user' ? account?.users : type === 'group' ? account?.groups : account?.roles;
  const key = record ? findName(record, name) : undefined;
  const existing = key !== undefined && record ? record[key] : undefined;
  return existing ? existing.arn : `arn:aws:iam::${accountId}:${type}${path}${name}`;
}

/** Finds a managed policy (AWS managed or the account's own) by ARN. */
export function findManagedPolicy(world: World | Draft<World>, arn: string): ManagedPolicy | Draft<ManagedPolicy> | undefined {
  const aws = awsManagedPolicies[arn];
  if (aws) return aws;
  const m = /^arn:aws:iam::(\d{12}):policy\//.exec(arn);
  const account = m?.[1] ? world.accounts[m[1]] : undefined;
  return account?.policies[arn];
}

export function requireAttachablePolicy(world: World | Draft<World>, arn: string): ManagedPolicy | Draft<ManagedPolicy> {
  const policy = findManagedPolicy(world, arn);
  if (!policy) return iamErrors.noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
  return policy;
}

export function defaultDocument(policy: ManagedPolicy | Draft<ManagedPolicy>): string {
  return policy.versions.find((v) => v.versionId === policy.defaultVersionId)?.document ?? '{}';
}

/** The current default documents of every managed policy attached anywhere count as "attachments". */
export function attachmentCount(world: World | Draft<World>, arn: string): number {
  let n = 0;
  for (const account of Object.values(world.accounts)) {
    for (const e of [...Object.values(account.users), ...Object.values(account.groups), ...Object.values(account.roles)]) {
      if (e.attachedPolicies.includes(arn)) n += 1;
    }
  }
  return n;
}

export function tagList(tags: Readonly<Record<string, string>>): Json {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

/** aws:RequestTag/* and aws:TagKeys for operations that take tags. */
export function requestTagContext(tags: Readonly<Record<string, string>>): Record<string, string | string[]> {
  const keys = Object.keys(tags);
  if (keys.length === 0) return {};
  const out: Record<string, string | string[]> = { 'aws:TagKeys': keys };
  for (const [k, v] of Object.entries(tags)) out[`aws:RequestTag/${k}`] = v;
  return out;
}

/** aws:ResourceTag/* (and iam:ResourceTag/* for IAM entities) from an entity's tags. */
export function resourceTagContext(tags: Readonly<Record<string, string>> | undefined, iam = false): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags ?? {})) {
    out[`aws:ResourceTag/${k}`] = v;
    if (iam) out[`iam:ResourceTag/${k}`] = v;
  }
  return out;
}
