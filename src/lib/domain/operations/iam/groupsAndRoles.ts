// IAM groups (collections of users; no credentials, no sign-in) and roles (trust policy + permissions,
// assumed for temporary credentials), plus instance profiles that let EC2 applications use a role.
// Invariant: a group or role is deleted only when nothing is attached or contained (DeleteConflict).
// AWS: IAM API Reference (CreateGroup, AddUserToGroup, CreateRole, UpdateAssumeRolePolicy, CreateInstanceProfile…).
import type { Json } from '../../policy/types';
import { groupArn, instanceProfileArn, roleArn } from '../../world/arns';
import type { Draft } from '../../world/draft';
import { newUniqueId } from '../../world/ids';
import type { Group, InstanceProfile, Role } from '../../world/types';
import { checkPolicyDocument, checkPolicySize } from '../policyDocuments';
import { iamErrors } from '../operationError';
import {
  optionalNumber,
  optionalString,
  readStringList,
  readTags,
  requireDocument,
  requireString,
  validateIamName,
  validatePath,
} from '../params';
import type { OperationSpec, PlanContext } from '../types';
import { iamOperation, target } from './iamOperation';
import {
  draftAccount,
  entityArn,
  findName,
  planAccount,
  requestTagContext,
  requireGroup,
  requireRole,
  requireUser,
  resourceTagContext,
  tagList,
} from './iamShared';
import { userView } from './users';

// AWS: "IAM and AWS STS quotas" — role maximum session duration 1 to 12 hours; groups per user 10.
export const minRoleSessionSeconds = 3600;
export const maxRoleSessionSeconds = 43200;
const maxGroupsPerUser = 10;

export function groupView(g: Group | Draft<Group>): { [key: string]: Json } {
  return { GroupName: g.name, GroupId: g.id, Arn: g.arn, Path: g.path, CreateDate: g.createdAt };
}

export function roleView(r: Role | Draft<Role>): { [key: string]: Json } {
  return {
    RoleName: r.name,
    RoleId: r.id,
    Arn: r.arn,
    Path: r.path,
    CreateDate: r.createdAt,
    AssumeRolePolicyDocument: r.trustPolicy,
    MaxSessionDuration: r.maxSessionDuration,
    ...(r.description ? { Description: r.description } : {}),
    ...(r.permissionsBoundary ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: r.permissionsBoundary } } : {}),
    ...(Object.keys(r.tags).length > 0 ? { Tags: tagList(r.tags) } : {}),
  };
}

function instanceProfileView(p: InstanceProfile | Draft<InstanceProfile>, roles: readonly (Role | Draft<Role>)[]): { [key: string]: Json } {
  return {
    InstanceProfileName: p.name,
    InstanceProfileId: p.id,
    Arn: p.arn,
    Path: p.path,
    CreateDate: p.createdAt,
    Roles: roles.map(roleView),
  };
}

function groupTarget(action: string) {
  return (ctx: PlanContext, accountId: string) =>
    target(action, entityArn(ctx.callerAccount, accountId, 'group', requireString(ctx.params, 'GroupName')));
}

function roleTarget(action: string) {
  return (ctx: PlanContext, accountId: string) => {
    const name = requireString(ctx.params, 'RoleName');
    const account = planAccount(ctx);
    const key = findName(account.roles, name);
    return target(action, entityArn(account, accountId, 'role', name), resourceTagContext(key ? account.roles[key]?.tags : undefined, true));
  };
}

function checkDuration(seconds: number): void {
  if (seconds < minRoleSessionSeconds || seconds > maxRoleSessionSeconds) {
    iamErrors.validation(
      `1 validation error detected: Value '${seconds}' at 'maxSessionDuration' failed to satisfy constraint: Member must have value between ${minRoleSessionSeconds} and ${maxRoleSessionSeconds}`,
    );
  }
}

export const groupAndRoleOperations: readonly OperationSpec[] = [
  // ---------------------------------------------------------------- groups
  iamOperation(
    'CreateGroup',
    'Create',
    (ctx, accountId) => {
      const name = validateIamName(requireString(ctx.params, 'GroupName'), 'groupName', 128);
      return target('CreateGroup', groupArn(accountId, validatePath(optionalString(ctx.params, 'Path')), name));
    },
    (ctx) => {
      const account = draftAccount(ctx);
      const name = requireString(ctx.params, 'GroupName');
      const path = validatePath(optionalString(ctx.params, 'Path'));
      if (findName(account.groups, name) !== undefined) iamErrors.alreadyExists(`Group with name ${name} already exists.`);
      const group: Draft<Group> = {
        name,
        path,
        arn: groupArn(account.id, path, name),
        id: newUniqueId(ctx.deps.ids, 'AGPA'),
        createdAt: ctx.now,
        inlinePolicies: {},
        attachedPolicies: [],
      };
      account.groups[name] = group;
      ctx.changes.push({ kind: 'created', entity: 'group', id: name, parent: account.id });
      return { Group: groupView(group) };
    },
  ),
  iamOperation('DeleteGroup', 'Delete', groupTarget('DeleteGroup'), (ctx) => {
    const account = draftAccount(ctx);
    const group = requireGroup(account, requireString(ctx.params, 'GroupName'));
    if (Object.values(account.users).some((u) => u.groups.includes(group.name))) {
      iamErrors.deleteConflict('Cannot delete entity, must remove users from group first.');
    }
    if (group.attachedPolicies.length > 0) iamErrors.deleteConflict('Cannot delete entity, must detach all policies first.');
    if (Object.keys(group.inlinePolicies).length > 0) iamErrors.deleteConflict('Cannot delete entity, must delete policies first.');
    delete account.groups[group.name];
    ctx.changes.push({ kind: 'deleted', entity: 'group', id: group.name, parent: account.id });
    return {};
  }),
  iamOperation('GetGroup', 'Read', groupTarget('GetGroup'), (ctx) => {
    const account = draftAccount(ctx);
    const group = requireGroup(account, requireString(ctx.params, 'GroupName'));
    const users = Object.values(account.users).filter((u) => u.groups.includes(group.name));
    return { Group: groupView(group), Users: users.map(userView), IsTruncated: false };
  }),
  iamOperation(
    'ListGroups',
    'List',
    () => target('ListGroups', '*'),
    (ctx) => {
      const prefix = optionalString(ctx.params, 'PathPrefix') ?? '/';
      return { Groups: Object.values(draftAccount(ctx).groups).filter((g) => g.path.startsWith(prefix)).map(groupView), IsTruncated: false };
    },
  ),
  iamOperation(
    'ListGroupsForUser',
    'List',
    (ctx, accountId) => target('ListGroupsForUser', entityArn(ctx.callerAccount, accountId, 'user', requireString(ctx.params, 'UserName'))),
    (ctx) => {
      const account = draftAccount(ctx);
      const user = requireUser(account, requireString(ctx.params, 'UserName'));
      return { Groups: user.groups.map((g) => account.groups[g]).filter((g) => g !== undefined).map(groupView), IsTruncated: false };
    },
  ),
  iamOperation('AddUserToGroup', 'Update', groupTarget('AddUserToGroup'), (ctx) => {
    const account = draftAccount(ctx);
    const group = requireGroup(account, requireString(ctx.params, 'GroupName'));
    const user = requireUser(account, requireString(ctx.params, 'UserName'));
    if (!user.groups.includes(group.name)) {
      if (user.groups.length >= maxGroupsPerUser) iamErrors.limitExceeded(`Cannot exceed quota for GroupsPerUser: ${maxGroupsPerUser}`);
      user.groups.push(group.name);
      ctx.changes.push({ kind: 'created', entity: 'groupMembership', id: `${group.name}/${user.name}`, parent: group.name });
    }
    return {};
  }),
  iamOperation('RemoveUserFromGroup', 'Update', groupTarget('RemoveUserFromGroup'), (ctx) => {
    const account = draftAccount(ctx);
    const group = requireGroup(account, requireString(ctx.params, 'GroupName'));
    const user = requireUser(account, requireString(ctx.params, 'UserName'));
    if (!user.groups.includes(group.name)) {
      return iamErrors.noSuchEntity(`The user with name ${user.name} cannot be found in group ${group.name}.`);
    }
    user.groups = user.groups.filter((g) => g !== group.name);
    ctx.changes.push({ kind: 'deleted', entity: 'groupMembership', id: `${group.name}/${user.name}`, parent: group.name });
    return {};
  }),
  // ---------------------------------------------------------------- roles
  iamOperation(
    'CreateRole',
    'Create',
    (ctx, accountId) => {
      const name = validateIamName(requireString(ctx.params, 'RoleName'), 'roleName', 64);
      const path = validatePath(optionalString(ctx.params, 'Path'));
      const boundary = optionalString(ctx.params, 'PermissionsBoundary');
      return target('CreateRole', roleArn(accountId, path, name), {
        ...requestTagContext(readTags(ctx.params)),
        ...(boundary ? { 'iam:PermissionsBoundary': boundary } : {}),
      });
    },
    (ctx) => {
      const account = draftAccount(ctx);
      const name = requireString(ctx.params, 'RoleName');
      const path = validatePath(optionalString(ctx.params, 'Path'));
      if (findName(account.roles, name) !== undefined) iamErrors.alreadyExists(`Role with name ${name} already exists.`);
      const trustPolicy = requireDocument(ctx.params, 'AssumeRolePolicyDocument');
      checkPolicyDocument(trustPolicy, 'trust', { world: ctx.world });
      checkPolicySize([trustPolicy], 'trust', (max) => `Cannot exceed quota for ACLSizePerRole: ${max}`);
      const maxSessionDuration = optionalNumber(ctx.params, 'MaxSessionDuration') ?? minRoleSessionSeconds;
      checkDuration(maxSessionDuration);
      const description = optionalString(ctx.params, 'Description');
      const boundary = optionalString(ctx.params, 'PermissionsBoundary');
      const role: Draft<Role> = {
        name,
        path,
        arn: roleArn(account.id, path, name),
        id: newUniqueId(ctx.deps.ids, 'AROA'),
        createdAt: ctx.now,
        trustPolicy,
        maxSessionDuration,
        tags: readTags(ctx.params),
        inlinePolicies: {},
        attachedPolicies: [],
        ...(description ? { description } : {}),
        ...(boundary ? { permissionsBoundary: boundary } : {}),
      };
      account.roles[name] = role;
      ctx.changes.push({ kind: 'created', entity: 'role', id: name, parent: account.id });
      return { Role: roleView(role) };
    },
  ),
  iamOperation('DeleteRole', 'Delete', roleTarget('DeleteRole'), (ctx) => {
    const account = draftAccount(ctx);
    const role = requireRole(account, requireString(ctx.params, 'RoleName'));
    if (Object.values(account.instanceProfiles).some((p) => p.roles.includes(role.name))) {
      iamErrors.deleteConflict('Cannot delete entity, must remove roles from instance profile first.');
    }
    if (role.attachedPolicies.length > 0) iamErrors.deleteConflict('Cannot delete entity, must detach all policies first.');
    if (Object.keys(role.inlinePolicies).length > 0) iamErrors.deleteConflict('Cannot delete entity, must delete policies first.');
    delete account.roles[role.name];
    ctx.changes.push({ kind: 'deleted', entity: 'role', id: role.name, parent: account.id });
    return {};
  }),
  iamOperation('GetRole', 'Read', roleTarget('GetRole'), (ctx) => ({ Role: roleView(requireRole(draftAccount(ctx), requireString(ctx.params, 'RoleName'))) })),
  iamOperation(
    'ListRoles',
    'List',
    () => target('ListRoles', '*'),
    (ctx) => {
      const prefix = optionalString(ctx.params, 'PathPrefix') ?? '/';
      return { Roles: Object.values(draftAccount(ctx).roles).filter((r) => r.path.startsWith(prefix)).map(roleView), IsTruncated: false };
    },
  ),
  iamOperation('UpdateAssumeRolePolicy', 'Update', roleTarget('UpdateAssumeRolePolicy'), (ctx) => {
    const role = requireRole(draftAccount(ctx), requireString(ctx.params, 'RoleName'));
    const doc = requireDocument(ctx.params, 'PolicyDocument');
    checkPolicyDocument(doc, 'trust', { world: ctx.world });
    checkPolicySize([doc], 'trust', (max) => `Cannot exceed quota for ACLSizePerRole: ${max}`);
    role.trustPolicy = doc;
    ctx.changes.push({ kind: 'updated', entity: 'role', id: role.name, fields: { trustPolicy: doc } });
    return {};
  }),
  iamOperation('UpdateRole', 'Update', roleTarget('UpdateRole'), (ctx) => {
    const role = requireRole(draftAccount(ctx), requireString(ctx.params, 'RoleName'));
    const max = optionalNumber(ctx.params, 'MaxSessionDuration');
    const description = optionalString(ctx.params, 'Description');
    if (max !== undefined) {
      checkDuration(max);
      role.maxSessionDuration = max;
    }
    if (description !== undefined) role.description = description;
    ctx.changes.push({
      kind: 'updated',
      entity: 'role',
      id: role.name,
      fields: { ...(max !== undefined ? { maxSessionDuration: String(max) } : {}), ...(description !== undefined ? { description } : {}) },
    });
    return {};
  }),
  iamOperation(
    'TagRole',
    'Update',
    (ctx, accountId) => {
      const [first] = roleTarget('TagRole')(ctx, accountId);
      return first ? [{ ...first, context: { ...first.context, ...requestTagContext(readTags(ctx.params)) } }] : [];
    },
    (ctx) => {
      const role = requireRole(draftAccount(ctx), requireString(ctx.params, 'RoleName'));
      const tags = readTags(ctx.params);
      const merged = { ...role.tags, ...tags };
      if (Object.keys(merged).length > 50) iamErrors.limitExceeded('The number of tags has reached the maximum limit.');
      role.tags = merged;
      ctx.changes.push({ kind: 'updated', entity: 'tag', id: role.name, fields: tags });
      return {};
    },
  ),
  iamOperation(
    'UntagRole',
    'Update',
    (ctx, accountId) => {
      const [first] = roleTarget('UntagRole')(ctx, accountId);
      return first ? [{ ...first, context: { ...first.context, 'aws:TagKeys': readStringList(ctx.params, 'TagKeys') } }] : [];
    },
    (ctx) => {
      const role = requireRole(draftAccount(ctx), requireString(ctx.params, 'RoleName'));
      const keys = readStringList(ctx.params, 'TagKeys');
      role.tags = Object.fromEntries(Object.entries(role.tags).filter(([k]) => !keys.includes(k)));
      ctx.changes.push({ kind: 'updated', entity: 'tag', id: role.name, fields: { removed: keys.join(',') } });
      return {};
    },
  ),
  // ---------------------------------------------------------------- instance profiles
  iamOperation(
    'CreateInstanceProfile',
    'Create',
    (ctx, accountId) => {
      const name = validateIamName(requireString(ctx.params, 'InstanceProfileName'), 'instanceProfileName', 128);
      return target('CreateInstanceProfile', instanceProfileArn(accountId, validatePath(optionalString(ctx.params, 'Path')), name));
    },
    (ctx) => {
      const account = draftAccount(ctx);
      const name = requireString(ctx.params, 'InstanceProfileName');
      const path = validatePath(optionalString(ctx.params, 'Path'));
      if (findName(account.instanceProfiles, name) !== undefined) iamErrors.alreadyExists(`Instance Profile ${name} already exists.`);
      const profile: Draft<InstanceProfile> = {
        name,
        path,
        arn: instanceProfileArn(account.id, path, name),
        id: newUniqueId(ctx.deps.ids, 'AIPA'),
        createdAt: ctx.now,
        roles: [],
      };
      account.instanceProfiles[name] = profile;
      ctx.changes.push({ kind: 'created', entity: 'instanceProfile', id: name, parent: account.id });
      return { InstanceProfile: instanceProfileView(profile, []) };
    },
  ),
  iamOperation(
    'AddRoleToInstanceProfile',
    'Update',
    (ctx, accountId) => {
      const name = requireString(ctx.params, 'InstanceProfileName');
      const existing = ctx.callerAccount?.instanceProfiles[name];
      return [
        ...target('AddRoleToInstanceProfile', existing?.arn ?? instanceProfileArn(accountId, '/', name)),
        // AWS: adding a role to an instance profile also needs iam:PassRole on the role.
        { action: 'iam:PassRole', resource: entityArn(ctx.callerAccount, accountId, 'role', requireString(ctx.params, 'RoleName')), context: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
      ];
    },
    (ctx) => {
      const account = draftAccount(ctx);
      const name = requireString(ctx.params, 'InstanceProfileName');
      const key = findName(account.instanceProfiles, name);
      const profile = key === undefined ? undefined : account.instanceProfiles[key];
      if (!profile) return iamErrors.noSuchEntity(`Instance Profile ${name} cannot be found.`);
      const role = requireRole(account, requireString(ctx.params, 'RoleName'));
      if (profile.roles.length >= 1) iamErrors.limitExceeded('Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1');
      profile.roles.push(role.name);
      ctx.changes.push({ kind: 'updated', entity: 'instanceProfile', id: profile.name, fields: { role: role.name } });
      return {};
    },
  ),
  iamOperation(
    'RemoveRoleFromInstanceProfile',
    'Update',
    (ctx, accountId) => {
      const name = requireString(ctx.params, 'InstanceProfileName');
      return target('RemoveRoleFromInstanceProfile', ctx.callerAccount?.instanceProfiles[name]?.arn ?? instanceProfileArn(accountId, '/', name));
    },
    (ctx) => {
      const account = draftAccount(ctx);
      const name = requireString(ctx.params, 'InstanceProfileName');
      const profile = account.instanceProfiles[name];
      if (!profile) return iamErrors.noSuchEntity(`Instance Profile ${name} cannot be found.`);
      const roleName = requireString(ctx.params, 'RoleName');
      if (!profile.roles.includes(roleName)) return iamErrors.noSuchEntity(`The role with name ${roleName} cannot be found.`);
      profile.roles = profile.roles.filter((r) => r !== roleName);
      ctx.changes.push({ kind: 'updated', entity: 'instanceProfile', id: profile.name, fields: { removedRole: roleName } });
      return {};
    },
  ),
  iamOperation(
    'ListInstanceProfiles',
    'List',
    () => target('ListInstanceProfiles', '*'),
    (ctx) => {
      const account = draftAccount(ctx);
      return {
        InstanceProfiles: Object.values(account.instanceProfiles).map((p) =>
          instanceProfileView(p, p.roles.map((r) => account.roles[r]).filter((r) => r !== undefined)),
        ),
        IsTruncated: false,
      };
    },
  ),
];
