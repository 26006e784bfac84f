// "What may this identity do?" without sending a request: builds the principal the pipeline would
// authenticate, gathers the same policies (resource policy included) and asks the engine. For the graph's
// overlays, "who can…?" queries and scenario goals.
// Invariant: uses exactly the pipeline's gathering and context rules, so an answer here matches what
// send() would decide for the same identity, action, resource and context.
import { evaluate } from '../evaluation/evaluate';
import type { RequestContext } from '../evaluation/types';
import { bucketTarget } from '../operations/s3';
import type { AuthorizationTarget } from '../operations/types';
import { assumedRoleArn, rootArn, splitArn } from '../world/arns';
import type { World } from '../world/types';
import { gatherPolicies } from './gatherPolicies';
import { requestContextFor } from './requestContext';
import type { ApiRequest, AuthenticatedPrincipal, AuthorizationCheck } from './types';

/** Which identity to simulate. A role is simulated as a session of it (default session name 'simulated'). */
export type IdentityRef =
  | { readonly kind: 'user'; readonly accountId: string; readonly userName: string }
  | { readonly kind: 'role'; readonly accountId: string; readonly roleName: string; readonly sessionName?: string }
  | { readonly kind: 'root'; readonly accountId: string }
  | { readonly kind: 'anonymous' };

/** The principal the pipeline would authenticate for `ref` (long-term credentials, no MFA), or undefined if absent. */
export function principalFor(world: World, ref: IdentityRef): AuthenticatedPrincipal | undefined {
  if (ref.kind === 'anonymous') return { principal: { kind: 'anonymous' }, principalType: 'Anonymous', userId: 'anonymous', via: 'anonymous' };
  const account = world.accounts[ref.accountId];
  if (!account) return undefined;
  if (ref.kind === 'root') {
    return { principal: { kind: 'root', arn: rootArn(account.id), accountId: account.id }, accountId: account.id, principalType: 'Account', userId: account.id, via: 'accessKey' };
  }
  if (ref.kind === 'user') {
    const user = account.users[ref.userName];
    if (!user) return undefined;
    return {
      principal: { kind: 'user', arn: user.arn, accountId: account.id },
      accountId: account.id,
      principalType: 'User',
      userName: user.name,
      userId: user.id,
      via: 'accessKey',
    };
  }
  const role = account.roles[ref.roleName];
  if (!role) return undefined;
  const sessionName = ref.sessionName ?? 'simulated';
  return {
    principal: { kind: 'assumedRole', arn: assumedRoleArn(account.id, role.name, sessionName), roleArn: role.arn, accountId: account.id },
    accountId: account.id,
    principalType: 'AssumedRole',
    roleName: role.name,
    sessionName,
    userId: `${role.id}:${sessionName}`,
    via: 'temporaryCredentials',
  };
}

/** The authorization target for an action on a resource ARN, with its resource-based policy when it has one. */
export function targetFor(world: World, caller: AuthenticatedPrincipal, action: string, resource: string): AuthorizationTarget {
  const parts = splitArn(resource);
  if (!parts) return { action, resource };
  if (parts.service === 's3') {
    const bucket = parts.resource.split('/')[0] ?? '';
    const [t] = bucketTarget({ world, caller }, action, bucket, resource);
    if (t) return t;
  }
  if (parts.service === 'kms' && parts.resource.startsWith('key/')) {
    const keyId = parts.resource.slice('key/'.length);
    const key = world.accounts[parts.account]?.kms.keys[keyId];
    return {
      action,
      resource,
      resourceAccount: parts.account,
      ...(key ? { resourcePolicy: { source: { kind: 'keyPolicy', keyId }, label: `KMS key ${keyId} · key policy`, document: key.policy } } : {}),
    };
  }
  if (parts.service === 'iam' && parts.resource.startsWith('role/') && /^sts:/i.test(action)) {
    const name = parts.resource.split('/').pop() ?? '';
    const role = world.accounts[parts.account]?.roles[name];
    return {
      action,
      resource,
      resourceAccount: parts.account,
      ...(role ? { resourcePolicy: { source: { kind: 'trustPolicy', roleName: role.name }, label: `role ${role.name} · trust policy`, document: role.trustPolicy } } : {}),
    };
  }
  return { action, resource, ...(/^\d{12}$/.test(parts.account) ? { resourceAccount: parts.account } : {}) };
}

export interface SimulateOptions {
  readonly context?: RequestContext;
  readonly region?: string;
  readonly transport?: 'https' | 'http';
  readonly sourceIp?: string;
  /** false: decision only, no trace (for overlays over many principals). Default true. */
  readonly trace?: boolean;
}

/** Decides `action` on `resource` for `ref` as the pipeline would; undefined when the identity does not exist. */
export function simulateAuthorization(world: World, ref: IdentityRef, action: string, resource: string, options: SimulateOptions = {}): AuthorizationCheck | undefined {
  const caller = principalFor(world, ref);
  if (!caller) return undefined;
  const target = targetFor(world, caller, action, resource);
  const request: ApiRequest = {
    operation: action,
    params: {},
    credentials: { kind: 'anonymous' },
    ...(options.context ? { contextOverrides: options.context } : {}),
    ...(options.region ? { region: options.region } : {}),
    ...(options.transport ? { transport: options.transport } : {}),
    ...(options.sourceIp ? { sourceIp: options.sourceIp } : {}),
  };
  const { set, gathered } = gatherPolicies(world, caller, target);
  const context = requestContextFor(world, request, caller, target);
  const result = evaluate(
    { request: { principal: caller.principal, action, resource, ...(target.resourceAccount ? { resourceAccount: target.resourceAccount } : {}), context }, policies: set },
    { trace: options.trace ?? true },
  );
  return { action, resource, ...(target.resourceAccount ? { resourceAccount: target.resourceAccount } : {}), context, policies: gathered, result };
}
