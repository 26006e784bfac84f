// Amazon EC2: instances with tags and an optional instance profile (whose role the instance's
// applications use). Invariant: launching with an instance profile also needs iam:PassRole on its role.
// AWS: Amazon EC2 API Reference (RunInstances, DescribeInstances, StartInstances, StopInstances,
// TerminateInstances, CreateTags); IAM User Guide "Use an IAM role to grant permissions to applications
// running on Amazon EC2 instances" and "Grant a user permissions to pass a role to an AWS service".
import type { RequestContext } from '../evaluation/types';
import type { Json } from '../policy/types';
import { instanceArn } from '../world/arns';
import type { Draft } from '../world/draft';
import { newInstanceId } from '../world/ids';
import type { Account, Instance, InstanceState } from '../world/types';
import { findName } from './iam/iamShared';
import { fail } from './operationError';
import { optionalString, readStringList, readTags } from './params';
import type { AuthorizationTarget, OperationSpec, PlanContext, RunContext } from './types';

/** Tags from TagSpecifications (ResourceType instance) or a plain Tags list. */
function launchTags(ctx: PlanContext): Record<string, string> {
  const specs = ctx.params.TagSpecifications;
  if (Array.isArray(specs)) {
    const out: Record<string, string> = {};
    for (const s of specs) {
      if (s && typeof s === 'object' && !Array.isArray(s)) Object.assign(out, readTags(s, 'Tags'));
    }
    return out;
  }
  return readTags(ctx.params);
}

function profileParam(ctx: PlanContext): string | undefined {
  const p = ctx.params.IamInstanceProfile;
  if (typeof p === 'string') return p;
  if (p && typeof p === 'object' && !Array.isArray(p)) {
    if (typeof p.Arn === 'string') return p.Arn;
    if (typeof p.Name === 'string') return p.Name;
  }
  return undefined;
}

function findProfile(account: Account | Draft<Account> | undefined, nameOrArn: string) {
  if (!account) return undefined;
  const byArn = Object.values(account.instanceProfiles).find((p) => p.arn === nameOrArn);
  if (byArn) return byArn;
  const key = findName(account.instanceProfiles, nameOrArn);
  return key === undefined ? undefined : account.instanceProfiles[key];
}

function instanceIds(ctx: PlanContext): string[] {
  const ids = readStringList(ctx.params, 'InstanceIds');
  return ids.length > 0 ? ids : readStringList(ctx.params, 'Resources');
}

function instanceTargets(action: string, extra: (ctx: PlanContext) => RequestContext = () => ({})) {
  return (ctx: PlanContext): AuthorizationTarget[] => {
    const accountId = ctx.caller.accountId ?? '';
    const ids = instanceIds(ctx);
    if (ids.length === 0) fail('MissingParameter', 'The request must contain the parameter InstanceId', 400);
    return ids.map((id) => {
      const instance = ctx.callerAccount?.ec2.instances[id];
      const tags: Record<string, string> = {};
      for (const [k, v] of Object.entries(instance?.tags ?? {})) {
        tags[`aws:ResourceTag/${k}`] = v;
        tags[`ec2:ResourceTag/${k}`] = v;
      }
      return {
        action: `ec2:${action}`,
        resource: instance?.arn ?? instanceArn(ctx.region, accountId, id),
        resourceAccount: accountId,
        context: { ...tags, ...(instance ? { 'ec2:InstanceType': instance.instanceType } : {}), ...extra(ctx) },
      };
    });
  };
}

function requireInstances(ctx: RunContext): Draft<Instance>[] {
  const account = ctx.caller.accountId ? ctx.draft.accounts[ctx.caller.accountId] : undefined;
  return instanceIds(ctx).map(
    (id) => account?.ec2.instances[id] ?? fail('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`, 400),
  );
}

function view(i: Instance | Draft<Instance>): Json {
  return {
    InstanceId: i.id,
    ImageId: i.imageId,
    InstanceType: i.instanceType,
    State: { Name: i.state },
    LaunchTime: i.launchedAt,
    Tags: Object.entries(i.tags).map(([Key, Value]) => ({ Key, Value })),
    ...(i.instanceProfileArn ? { IamInstanceProfile: { Arn: i.instanceProfileArn } } : {}),
  };
}

function transition(ctx: RunContext, from: readonly InstanceState[], to: InstanceState, verb: string): Json {
  const changes = requireInstances(ctx).map((i) => {
    if (!from.includes(i.state)) {
      fail('IncorrectInstanceState', `The instance '${i.id}' is not in a state from which it can be ${verb}.`, 400);
    }
    const previous = i.state;
    i.state = to;
    ctx.changes.push({ kind: 'updated', entity: 'instance', id: i.id, fields: { state: to } });
    return { InstanceId: i.id, PreviousState: { Name: previous }, CurrentState: { Name: to } };
  });
  return changes;
}

function op(name: string, crud: OperationSpec['crud'], plan: OperationSpec['plan'], run: OperationSpec['run']): OperationSpec {
  return { name: `ec2:${name}`, crud, accessDeniedCode: 'UnauthorizedOperation', plan, run };
}

export const ec2Operations: readonly OperationSpec[] = [
  op(
    'RunInstances',
    'Create',
    (ctx) => {
      const accountId = ctx.caller.accountId ?? '';
      const tags = launchTags(ctx);
      const tagKeys = Object.keys(tags);
      const instanceType = optionalString(ctx.params, 'InstanceType') ?? 't3.micro';
      const targets: AuthorizationTarget[] = [
        {
          action: 'ec2:RunInstances',
          resource: instanceArn(ctx.region, accountId, '*'),
          resourceAccount: accountId,
          context: {
            'ec2:InstanceType': instanceType,
            ...(tagKeys.length ? { 'aws:TagKeys': tagKeys, ...Object.fromEntries(tagKeys.map((k) => [`aws:RequestTag/${k}`, tags[k] ?? ''])) } : {}),
          },
        },
      ];
      const profileName = profileParam(ctx);
      const profile = profileName ? findProfile(ctx.callerAccount, profileName) : undefined;
      const roleName = profile?.roles[0];
      const role = roleName ? ctx.callerAccount?.roles[roleName] : undefined;
      if (role) targets.push({ action: 'iam:PassRole', resource: role.arn, resourceAccount: accountId, context: { 'iam:PassedToService': 'ec2.amazonaws.com' } });
      return targets;
    },
    (ctx) => {
      const account = ctx.caller.accountId ? ctx.draft.accounts[ctx.caller.accountId] : undefined;
      if (!account) return fail('AuthFailure', 'AWS was not able to validate the provided access credentials', 401);
      const profileName = profileParam(ctx);
      const profile = profileName ? findProfile(account, profileName) : undefined;
      if (profileName && !profile) {
        return fail('InvalidParameterValue', `Value (${profileName}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`, 400);
      }
      const id = newInstanceId(ctx.deps.ids);
      const instance: Draft<Instance> = {
        id,
        arn: instanceArn(ctx.region, account.id, id),
        region: ctx.region,
        imageId: optionalString(ctx.params, 'ImageId') ?? 'ami-0abcdef1234567890',
        instanceType: optionalString(ctx.params, 'InstanceType') ?? 't3.micro',
        state: 'running',
        launchedAt: ctx.now,
        tags: launchTags(ctx),
        ...(profile ? { instanceProfileArn: profile.arn } : {}),
      };
      account.ec2.instances[id] = instance;
      ctx.changes.push({ kind: 'created', entity: 'instance', id, parent: account.id });
      return { Instances: [view(instance)], OwnerId: account.id };
    },
  ),
  op(
    'DescribeInstances',
    'List',
    () => [{ action: 'ec2:DescribeInstances', resource: '*' }],
    (ctx) => {
      const account = ctx.caller.accountId ? ctx.draft.accounts[ctx.caller.accountId] : undefined;
      const ids = readStringList(ctx.params, 'InstanceIds');
      for (const id of ids) if (!account?.ec2.instances[id]) fail('InvalidInstanceID.NotFound', `The instance ID '${id}' does not exist`, 400);
      const list = Object.values(account?.ec2.instances ?? {}).filter((i) => i.region === ctx.region && (ids.length === 0 || ids.includes(i.id)));
      return { Reservations: list.map((i) => ({ Instances: [view(i)], OwnerId: account?.id ?? '' })) };
    },
  ),
  op('StartInstances', 'Update', instanceTargets('StartInstances'), (ctx) => ({ StartingInstances: transition(ctx, ['stopped'], 'running', 'started') })),
  op('StopInstances', 'Update', instanceTargets('StopInstances'), (ctx) => ({ StoppingInstances: transition(ctx, ['running', 'pending'], 'stopped', 'stopped') })),
  op('TerminateInstances', 'Delete', instanceTargets('TerminateInstances'), (ctx) => ({
    TerminatingInstances: transition(ctx, ['pending', 'running', 'stopping', 'stopped'], 'terminated', 'terminated'),
  })),
  op(
    'CreateTags',
    'Update',
    instanceTargets('CreateTags', (ctx) => {
      const tags = readTags(ctx.params);
      const keys = Object.keys(tags);
      return { 'aws:TagKeys': keys, ...Object.fromEntries(keys.map((k) => [`aws:RequestTag/${k}`, tags[k] ?? ''])) };
    }),
    (ctx) => {
      const tags = readTags(ctx.params);
      for (const i of requireInstances(ctx)) {
        i.tags = { ...i.tags, ...tags };
        ctx.changes.push({ kind: 'updated', entity: 'tag', id: i.id, fields: tags });
      }
      return {};
    },
  ),
];
