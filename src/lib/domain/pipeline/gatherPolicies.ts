// Gathers every policy that applies to one authorization: the caller's identity-based policies (its
// own and its groups'), permissions boundary, session policies, the SCPs/RCPs on the organization path,
// and the resource's policy, each labelled with where it came from.
// Invariant: only the world is read; a policy that cannot be found is simply absent (never invented).
// AWS: IAM User Guide "Policy evaluation logic" (the policy types) and "Service control policies" /
// "Resource control policies" (inheritance from the root through each OU to the account).
import type { OrgLevel, PolicyInput, PolicySet } from '../evaluation/types';
import type { Json } from '../policy/types';
import { findManagedPolicy } from '../operations/iam/iamShared';
import type { AuthorizationTarget } from '../operations/types';
import { awsManagedPolicies } from '../world/awsManagedPolicies';
import type { ManagedPolicy, World } from '../world/types';
import type { AuthenticatedPrincipal, GatheredPolicy, PolicySource } from './types';

/** AWS: RCPs apply to these services only ("Resource control policies", supported services). */
const rcpServices = new Set(['s3', 'sts', 'kms', 'sqs', 'secretsmanager', 'dynamodb', 'ecr', 'cognito-identity', 'logs']);

function parse(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

function defaultText(p: ManagedPolicy): string {
  return p.versions.find((v) => v.versionId === p.defaultVersionId)?.document ?? '{}';
}

interface Collector {
  readonly gathered: GatheredPolicy[];
  add(id: string, label: string, source: PolicySource, text: string): PolicyInput;
}

function collector(): Collector {
  const gathered: GatheredPolicy[] = [];
  return {
    gathered,
    add(id, label, source, text) {
      gathered.push({ id, label, source, document: parse(text) });
      return { id, label, document: text };
    },
  };
}

function managedName(world: World, arn: string): string {
  return findManagedPolicy(world, arn)?.name ?? arn;
}

function identityPolicies(world: World, caller: AuthenticatedPrincipal, c: Collector): { identity: PolicyInput[]; boundary?: PolicyInput; session?: PolicyInput[] } {
  const account = caller.accountId ? world.accounts[caller.accountId] : undefined;
  if (!account) return { identity: [] };
  const identity: PolicyInput[] = [];
  const managed = (owner: string, arn: string, source: PolicySource) => {
    const p = findManagedPolicy(world, arn) as ManagedPolicy | undefined;
    if (p) identity.push(c.add(`${owner}:managed:${arn}`, `${owner.replace(':', ' ')} · managed policy ${p.name}`, source, defaultText(p)));
  };
  let boundaryArn: string | undefined;
  if (caller.principalType === 'User' && caller.userName) {
    const user = account.users[caller.userName];
    if (!user) return { identity };
    for (const [name, text] of Object.entries(user.inlinePolicies)) {
      identity.push(c.add(`user:${user.name}:inline:${name}`, `user ${user.name} · inline policy ${name}`, { kind: 'userInline', userName: user.name, policyName: name }, text));
    }
    for (const arn of user.attachedPolicies) managed(`user:${user.name}`, arn, { kind: 'userManaged', userName: user.name, policyArn: arn });
    for (const groupName of user.groups) {
      const group = account.groups[groupName];
      if (!group) continue;
      for (const [name, text] of Object.entries(group.inlinePolicies)) {
        identity.push(c.add(`group:${group.name}:inline:${name}`, `group ${group.name} · inline policy ${name}`, { kind: 'groupInline', groupName: group.name, policyName: name }, text));
      }
      for (const arn of group.attachedPolicies) managed(`group:${group.name}`, arn, { kind: 'groupManaged', groupName: group.name, policyArn: arn });
    }
    boundaryArn = user.permissionsBoundary;
  } else if (caller.principalType === 'AssumedRole' && caller.roleName) {
    const role = account.roles[caller.roleName];
    if (role) {
      for (const [name, text] of Object.entries(role.inlinePolicies)) {
        identity.push(c.add(`role:${role.name}:inline:${name}`, `role ${role.name} · inline policy ${name}`, { kind: 'roleInline', roleName: role.name, policyName: name }, text));
      }
      for (const arn of role.attachedPolicies) managed(`role:${role.name}`, arn, { kind: 'roleManaged', roleName: role.name, policyArn: arn });
      boundaryArn = role.permissionsBoundary;
    }
  }
  const result: { identity: PolicyInput[]; boundary?: PolicyInput; session?: PolicyInput[] } = { identity };
  if (boundaryArn) {
    const p = findManagedPolicy(world, boundaryArn) as ManagedPolicy | undefined;
    if (p) result.boundary = c.add(`boundary:${boundaryArn}`, `permissions boundary · managed policy ${p.name}`, { kind: 'permissionsBoundary', policyArn: boundaryArn }, defaultText(p));
  }
  const session = caller.accessKeyId ? world.sessions[caller.accessKeyId] : undefined;
  if (session && session.identity.kind === 'role' && (session.sessionPolicies.length > 0 || session.sessionPolicyArns.length > 0)) {
    const inputs: PolicyInput[] = session.sessionPolicies.map((text, index) =>
      c.add(`session:${session.accessKeyId}:${index}`, `session policy ${index + 1} (passed to ${session.issuedBy})`, { kind: 'sessionPolicy', index }, text),
    );
    session.sessionPolicyArns.forEach((arn, i) => {
      const p = (awsManagedPolicies[arn] ?? findManagedPolicy(world, arn)) as ManagedPolicy | undefined;
      if (p) {
        const index = session.sessionPolicies.length + i;
        inputs.push(c.add(`session:${session.accessKeyId}:${index}`, `session policy · managed policy ${managedName(world, arn)}`, { kind: 'sessionPolicy', index, policyArn: arn }, defaultText(p)));
      }
    });
    result.session = inputs;
  }
  return result;
}

/** The organization levels above an account, root first and the account last. */
function orgLevels(world: World, accountId: string, kind: 'scp' | 'rcp', c: Collector): OrgLevel[] | undefined {
  const org = world.organization;
  // AWS: SCPs and RCPs do not affect the management account.
  if (!org || org.managementAccountId === accountId || org.accountParents[accountId] === undefined) return undefined;
  const chain: string[] = [accountId];
  let parent: string | undefined = org.accountParents[accountId];
  while (parent !== undefined && parent !== org.rootId && chain.length < 10) {
    chain.unshift(parent);
    parent = org.organizationalUnits[parent]?.parentId;
  }
  chain.unshift(org.rootId);
  return chain.map((targetId) => {
    const label = targetId === org.rootId ? 'Root' : targetId === accountId ? `account ${accountId}` : `OU ${org.organizationalUnits[targetId]?.name ?? targetId}`;
    const policies = (org.attachments[targetId] ?? []).flatMap((pid) => {
      const p = org.policies[pid];
      if (!p || p.kind !== kind) return [];
      return [c.add(`${kind}:${targetId}:${pid}`, `${kind.toUpperCase()} ${p.name} · ${label}`, { kind, targetId, policyId: pid }, p.document)];
    });
    return { id: targetId, label, policies };
  });
}

export interface GatheredSet {
  readonly set: PolicySet;
  readonly gathered: readonly GatheredPolicy[];
}

/** Every policy that applies when `caller` asks for `target`. */
export function gatherPolicies(world: World, caller: AuthenticatedPrincipal, target: AuthorizationTarget, dropResourcePolicy = false): GatheredSet {
  const c = collector();
  const federated = target.principalOverride !== undefined;
  const mine = federated ? { identity: [] as PolicyInput[] } : identityPolicies(world, caller, c);
  const set: { -readonly [K in keyof PolicySet]: PolicySet[K] } = { identity: mine.identity };
  if ('boundary' in mine && mine.boundary) set.permissionsBoundary = mine.boundary;
  if ('session' in mine && mine.session) set.session = mine.session;
  if (!federated && caller.accountId) {
    const scps = orgLevels(world, caller.accountId, 'scp', c);
    if (scps) set.scps = scps;
  }
  const service = target.action.split(':')[0] ?? '';
  if (target.resourceAccount && rcpServices.has(service)) {
    const rcps = orgLevels(world, target.resourceAccount, 'rcp', c);
    if (rcps) set.rcps = rcps;
  }
  if (target.resourcePolicy && !dropResourcePolicy) {
    const r = target.resourcePolicy;
    const id = r.source.kind === 'bucketPolicy' ? `bucket:${r.source.bucket}` : r.source.kind === 'keyPolicy' ? `key:${r.source.keyId}` : r.source.kind === 'trustPolicy' ? `trust:${r.source.roleName}` : 'resource';
    set.resource = c.add(id, r.label, r.source, r.document);
  }
  return { set, gathered: c.gathered };
}
