// Small pure predicates and request helpers the lessons are written with: "a request like this was sent",
// "who sent it", the default lab's credentials. Invariant: they only read the goal context they are given.
import type { Json } from '../domain/policy/types';
import type { ApiRequest, Credentials, RequestRecord } from '../domain/pipeline/types';
import { companyAccountId, defaultLabCredentials } from '../domain/world/defaultLab';
import type { World } from '../domain/world/types';
import type { GoalContext } from './types';

/** Who sent a request, as a goal names it. */
export type Sender =
  | { readonly kind: 'user'; readonly userName: string }
  | { readonly kind: 'root' }
  | { readonly kind: 'role'; readonly roleName: string }
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'notRoot' };

export interface RequestMatch {
  readonly operation?: string;
  readonly by?: Sender;
  /** 'ok': succeeded; 'denied': refused by authorization; 'failed': any error; an AWS error code. */
  readonly outcome?: 'ok' | 'denied' | 'failed' | { readonly code: string };
  readonly via?: 'console' | 'accessKey' | 'temporaryCredentials' | 'anonymous' | 'instanceProfile';
  readonly params?: Readonly<Record<string, string>>;
  readonly rootOnlyRefused?: boolean;
  /** true: the request was typed in the CLI view (request.via 'cli'); false: it was not. */
  readonly cli?: boolean;
}

export function sentBy(record: RequestRecord, by: Sender): boolean {
  const p = record.authentication.principal;
  switch (by.kind) {
    case 'user':
      return p?.principalType === 'User' && p.userName === by.userName;
    case 'root':
      return p?.principalType === 'Account';
    case 'role':
      return p?.principalType === 'AssumedRole' && p.roleName === by.roleName;
    case 'anonymous':
      return p?.principalType === 'Anonymous';
    case 'notRoot':
      return !!p && p.principalType !== 'Account';
  }
}

export function matches(record: RequestRecord, m: RequestMatch): boolean {
  if (m.operation && record.request.operation !== m.operation) return false;
  if (m.by && !sentBy(record, m.by)) return false;
  if (m.via && record.authentication.principal?.via !== m.via) return false;
  if (m.cli !== undefined && (record.request.via === 'cli') !== m.cli) return false;
  if (m.rootOnlyRefused !== undefined && (record.rootOnly === true && !record.response.ok) !== m.rootOnlyRefused) return false;
  if (m.params) {
    for (const [k, v] of Object.entries(m.params)) if (record.request.params[k] !== v) return false;
  }
  const r = record.response;
  if (m.outcome === 'ok' && !r.ok) return false;
  if (m.outcome === 'failed' && r.ok) return false;
  if (m.outcome === 'denied' && (r.ok || !record.authorization || record.authorization.decision === 'allowed')) return false;
  if (typeof m.outcome === 'object' && (r.ok || r.code !== m.outcome.code)) return false;
  return true;
}

/** Goal: a request matching `m` was sent since the step began. */
export const sent =
  (m: RequestMatch) =>
  (ctx: GoalContext): boolean =>
    ctx.recent.some((r) => matches(r, m));

/** Goal: every one of the goals holds. */
export const allOf =
  (...goals: readonly ((ctx: GoalContext) => boolean)[]) =>
  (ctx: GoalContext): boolean =>
    goals.every((g) => g(ctx));

// ---------------------------------------------------------------- the default lab's credentials

export const acct = companyAccountId;
export const partnerAcct = defaultLabCredentials.partner.accountId;

export function userPassword(userName: 'alice' | 'bob'): Credentials {
  return { kind: 'password', accountIdOrAlias: defaultLabCredentials.accountAlias, userName, password: defaultLabCredentials.users[userName].password };
}

export function passwordOf(userName: string, password: string): Credentials {
  return { kind: 'password', accountIdOrAlias: defaultLabCredentials.accountAlias, userName, password };
}

export const rootPassword: Credentials = { kind: 'rootPassword', email: defaultLabCredentials.root.email, password: defaultLabCredentials.root.password };
export const partnerRootPassword: Credentials = {
  kind: 'rootPassword',
  email: defaultLabCredentials.partner.root.email,
  password: defaultLabCredentials.partner.root.password,
};

/** The user's first active access key in the world now (keys differ from lab to lab). */
export function userKey(world: World, userName: string, accountId = companyAccountId): Credentials {
  const key = world.accounts[accountId]?.users[userName]?.accessKeys.find((k) => k.status === 'Active');
  return key ? { kind: 'accessKey', accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey } : { kind: 'anonymous' };
}

function objectOf(v: Json | undefined): Record<string, Json> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}

/** The latest successful result of `operation` among the records, as an object. */
export function lastResult(records: readonly RequestRecord[], operation: string): Record<string, Json> | undefined {
  const found = records.findLast((r) => r.request.operation === operation && r.response.ok);
  return found?.response.ok ? objectOf(found.response.result) : undefined;
}

/** Temporary credentials returned by the latest successful STS call `operation`. */
export function temporaryCredentials(records: readonly RequestRecord[], operation: string): Credentials {
  const c = objectOf(lastResult(records, operation)?.Credentials);
  const s = (k: string) => (typeof c?.[k] === 'string' ? (c[k] as string) : '');
  return c ? { kind: 'accessKey', accessKeyId: s('AccessKeyId'), secretAccessKey: s('SecretAccessKey'), sessionToken: s('SessionToken') } : { kind: 'anonymous' };
}

/** The access key (id and secret) returned by the latest successful iam:CreateAccessKey. */
export function createdKey(records: readonly RequestRecord[]): Credentials {
  const k = objectOf(lastResult(records, 'iam:CreateAccessKey')?.AccessKey);
  const id = typeof k?.AccessKeyId === 'string' ? k.AccessKeyId : '';
  const secret = typeof k?.SecretAccessKey === 'string' ? k.SecretAccessKey : '';
  return id ? { kind: 'accessKey', accessKeyId: id, secretAccessKey: secret } : { kind: 'anonymous' };
}

export function request(operation: string, params: Readonly<Record<string, Json>>, credentials: Credentials, extra: Partial<ApiRequest> = {}): ApiRequest {
  return { operation, params, credentials, ...extra };
}

/** Policy JSON as the IAM APIs take it (a string). */
export function policyJson(statements: readonly object[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
}
