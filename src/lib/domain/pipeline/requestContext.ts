// The request context AWS fills in for every request: principal keys, MFA, time, network and
// resource keys; the learner's overrides win over everything.
// Invariant: keys AWS omits in a situation are omitted here too (e.g. aws:MultiFactorAuthPresent for
// long-term access keys, aws:username for anything but IAM users).
// AWS: IAM User Guide "AWS global condition context keys",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
import type { RequestContext } from '../evaluation/types';
import type { AuthorizationTarget } from '../operations/types';
import { splitArn } from '../world/arns';
import { epochSeconds } from '../world/clock';
import type { World } from '../world/types';
import { signingRegion } from './httpRequest';
import type { ApiRequest, AuthenticatedPrincipal } from './types';

export const defaultSourceIp = '203.0.113.10';

type MutableContext = Record<string, string | readonly string[]>;

function principalTags(world: World, caller: AuthenticatedPrincipal): Record<string, string> {
  const account = caller.accountId ? world.accounts[caller.accountId] : undefined;
  if (!account) return {};
  if (caller.principalType === 'User' && caller.userName) return { ...(account.users[caller.userName]?.tags ?? {}) };
  if (caller.principalType === 'AssumedRole' && caller.roleName) {
    const session = caller.accessKeyId ? world.sessions[caller.accessKeyId] : undefined;
    // AWS: session tags override role tags with the same key.
    return { ...(account.roles[caller.roleName]?.tags ?? {}), ...(session?.tags ?? {}) };
  }
  return {};
}

function organizationOf(world: World, accountId: string | undefined): string | undefined {
  const org = world.organization;
  if (!org || !accountId) return undefined;
  return org.managementAccountId === accountId || org.accountParents[accountId] !== undefined ? org.id : undefined;
}

/** The keys that describe the caller and the request, before the operation adds its own. */
export function baseContext(world: World, request: ApiRequest, caller: AuthenticatedPrincipal): MutableContext {
  const ctx: MutableContext = {
    'aws:CurrentTime': world.clock,
    'aws:EpochTime': String(epochSeconds(world.clock)),
    'aws:SecureTransport': (request.transport ?? 'https') === 'https' ? 'true' : 'false',
    'aws:SourceIp': request.sourceIp ?? defaultSourceIp,
    // Global services (IAM, STS's global endpoint…) are requested in us-east-1 whatever the client's region.
    'aws:RequestedRegion': signingRegion(request),
    'aws:PrincipalType': caller.principalType,
    'aws:ViaAWSService': 'false',
    'aws:PrincipalIsAWSService': 'false',
  };
  if (caller.principalType === 'Anonymous') return ctx;
  const p = caller.principal;
  if ('arn' in p) ctx['aws:PrincipalArn'] = p.kind === 'assumedRole' ? p.roleArn : p.arn;
  if (caller.accountId) ctx['aws:PrincipalAccount'] = caller.accountId;
  if (caller.userId) ctx['aws:userid'] = caller.userId;
  if (caller.principalType === 'User' && caller.userName) ctx['aws:username'] = caller.userName;
  const orgId = organizationOf(world, caller.accountId);
  if (orgId) ctx['aws:PrincipalOrgID'] = orgId;
  for (const [k, v] of Object.entries(principalTags(world, caller))) ctx[`aws:PrincipalTag/${k}`] = v;
  // AWS: MultiFactorAuthPresent is absent for long-term access keys, 'false' for console/temporary without MFA.
  if (caller.mfaAuthenticatedAt) {
    ctx['aws:MultiFactorAuthPresent'] = 'true';
    ctx['aws:MultiFactorAuthAge'] = String(Math.max(0, epochSeconds(world.clock) - epochSeconds(caller.mfaAuthenticatedAt)));
  } else if (caller.via !== 'accessKey') {
    ctx['aws:MultiFactorAuthPresent'] = 'false';
  }
  const session = caller.accessKeyId ? world.sessions[caller.accessKeyId] : undefined;
  if (session) {
    ctx['aws:TokenIssueTime'] = session.issuedAt;
    if (session.sourceIdentity) ctx['aws:SourceIdentity'] = session.sourceIdentity;
    const federated = session.federationContext?.['aws:FederatedProvider'];
    if (federated) ctx['aws:FederatedProvider'] = federated;
  }
  if (caller.sourceInstanceArn) {
    ctx['ec2:SourceInstanceARN'] = caller.sourceInstanceArn;
    ctx['aws:Ec2InstanceSourceVpc'] = 'vpc-0a1b2c3d';
  }
  return ctx;
}

/** Base keys + the operation's keys + resource account keys, then the learner's overrides. */
export function requestContextFor(world: World, request: ApiRequest, caller: AuthenticatedPrincipal, target: AuthorizationTarget): RequestContext {
  const ctx = baseContext(world, request, caller);
  // The owner of the resource: given by the operation, else the account segment of its ARN (absent for '*').
  const fromArn = splitArn(target.resource)?.account;
  const resourceAccount = target.resourceAccount ?? (fromArn && /^\d{12}$/.test(fromArn) ? fromArn : undefined);
  if (resourceAccount) {
    ctx['aws:ResourceAccount'] = resourceAccount;
    const orgId = organizationOf(world, resourceAccount);
    if (orgId) ctx['aws:ResourceOrgID'] = orgId;
  }
  Object.assign(ctx, target.context ?? {});
  return { ...ctx, ...(request.contextOverrides ?? {}) };
}
