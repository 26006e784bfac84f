// Managed policies (customer managed with up to five versions, one default; AWS managed read-only),
// inline policies, attachments, permissions boundaries, account-wide reads and identity providers.
// Invariant: only documents that compile are stored (MalformedPolicyDocument otherwise).
// AWS: IAM API Reference (CreatePolicy, CreatePolicyVersion, AttachUserPolicy, PutUserPolicy,
// PutUserPermissionsBoundary, GetAccountAuthorizationDetails, CreateSAMLProvider, CreateOpenIDConnectProvider);
// "IAM and AWS STS quotas" (managed policy versions: 5; managed policies per user/group/role: 10).
import type { Json } from '../../policy/types';
import { awsManagedPolicies } from '../../world/awsManagedPolicies';
import { oidcProviderArn, policyArn, samlProviderArn } from '../../world/arns';
import type { Draft } from '../../world/draft';
import { newUniqueId } from '../../world/ids';
import type { Account, Group, ManagedPolicy, Role, User } from '../../world/types';
import { checkPolicyDocument, checkPolicySize } from '../policyDocuments';
import { fail, iamErrors } from '../operationError';
import {
  optionalBoolean,
  optionalString,
  readStringList,
  readTags,
  requireDocument,
  requireString,
  validateIamName,
  validatePath,
} from '../params';
import type { OperationSpec, PlanContext, RunContext } from '../types';
import { groupView, roleView } from './groupsAndRoles';
import { iamOperation, target } from './iamOperation';
import {
  attachmentCount,
  draftAccount,
  entityArn,
  findManagedPolicy,
  findName,
  requestTagContext,
  requireAttachablePolicy,
  requireGroup,
  requireRole,
  requireUser,
} from './iamShared';
import { userView } from './users';

export const maxPolicyVersions = 5;
export const maxManagedPoliciesPerEntity = 10;

type EntityType = 'User' | 'Group' | 'Role';

function policyView(p: ManagedPolicy | Draft<ManagedPolicy>, world: RunContext['draft']): { [key: string]: Json } {
  return {
    PolicyName: p.name,
    PolicyId: p.id,
    Arn: p.arn,
    Path: p.path,
    DefaultVersionId: p.defaultVersionId,
    AttachmentCount: attachmentCount(world, p.arn),
    IsAttachable: true,
    CreateDate: p.createdAt,
    UpdateDate: p.updatedAt,
    ...(p.description ? { Description: p.description } : {}),
  };
}

function requireCustomerPolicy(ctx: RunContext, arn: string): Draft<ManagedPolicy> {
  if (awsManagedPolicies[arn]) return fail('InvalidInput', `Policy ${arn} is an AWS managed policy and cannot be changed.`, 400);
  const policy = draftAccount(ctx).policies[arn];
  if (!policy) return iamErrors.noSuchEntity(`Policy ${arn} was not found.`);
  return policy;
}

function policyTarget(action: string) {
  return (ctx: PlanContext) => target(action, requireString(ctx.params, 'PolicyArn'));
}

function entityParam(type: EntityType): string {
  return `${type}Name`;
}

function entityOf(account: Draft<Account>, type: EntityType, name: string): Draft<User> | Draft<Group> | Draft<Role> {
  return type === 'User' ? requireUser(account, name) : type === 'Group' ? requireGroup(account, name) : requireRole(account, name);
}

function entityTarget(type: EntityType, action: string, extra?: (ctx: PlanContext) => Record<string, string>) {
  return (ctx: PlanContext, accountId: string) =>
    target(
      action,
      entityArn(ctx.callerAccount, accountId, type.toLowerCase() as 'user' | 'group' | 'role', requireString(ctx.params, entityParam(type))),
      extra ? extra(ctx) : undefined,
    );
}

function inlineKind(type: EntityType): 'inlinePolicy' {
  void type;
  return 'inlinePolicy';
}

function attachmentOperations(type: EntityType): OperationSpec[] {
  const param = entityParam(type);
  const policyArnKey = (ctx: PlanContext) => ({ 'iam:PolicyARN': requireString(ctx.params, 'PolicyArn') });
  return [
    iamOperation(`Attach${type}Policy`, 'Update', entityTarget(type, `Attach${type}Policy`, policyArnKey), (ctx) => {
      const account = draftAccount(ctx);
      const entity = entityOf(account, type, requireString(ctx.params, param));
      const arn = requireString(ctx.params, 'PolicyArn');
      requireAttachablePolicy(ctx.draft, arn);
      if (!entity.attachedPolicies.includes(arn)) {
        if (entity.attachedPolicies.length >= maxManagedPoliciesPerEntity) {
          iamErrors.limitExceeded(`Cannot exceed quota for PoliciesPer${type}: ${maxManagedPoliciesPerEntity}`);
        }
        entity.attachedPolicies.push(arn);
        ctx.changes.push({ kind: 'created', entity: 'policyAttachment', id: arn, parent: entity.name });
      }
      return {};
    }),
    iamOperation(`Detach${type}Policy`, 'Update', entityTarget(type, `Detach${type}Policy`, policyArnKey), (ctx) => {
      const account = draftAccount(ctx);
      const entity = entityOf(account, type, requireString(ctx.params, param));
      const arn = requireString(ctx.params, 'PolicyArn');
      if (!entity.attachedPolicies.includes(arn)) return iamErrors.noSuchEntity(`Policy ${arn} was not found.`);
      entity.attachedPolicies = entity.attachedPolicies.filter((a) => a !== arn);
      ctx.changes.push({ kind: 'deleted', entity: 'policyAttachment', id: arn, parent: entity.name });
      return {};
    }),
    iamOperation(`ListAttached${type}Policies`, 'List', entityTarget(type, `ListAttached${type}Policies`), (ctx) => {
      const entity = entityOf(draftAccount(ctx), type, requireString(ctx.params, param));
      return {
        AttachedPolicies: entity.attachedPolicies.map((arn) => ({ PolicyArn: arn, PolicyName: findManagedPolicy(ctx.draft, arn)?.name ?? arn.split('/').pop() ?? arn })),
        IsTruncated: false,
      };
    }),
    iamOperation(`Put${type}Policy`, 'Update', entityTarget(type, `Put${type}Policy`), (ctx) => {
      const entity = entityOf(draftAccount(ctx), type, requireString(ctx.params, param));
      const name = validateIamName(requireString(ctx.params, 'PolicyName'), 'policyName', 128);
      const doc = requireDocument(ctx.params, 'PolicyDocument');
      checkPolicyDocument(doc, 'identity');
      const others = Object.entries(entity.inlinePolicies).filter(([n]) => n !== name).map(([, t]) => t);
      const limit = type === 'User' ? 'userInline' : type === 'Group' ? 'groupInline' : 'roleInline';
      checkPolicySize([...others, doc], limit, (max) => `Maximum policy size of ${max} bytes exceeded for ${type.toLowerCase()} ${entity.name}`);
      const existed = name in entity.inlinePolicies;
      entity.inlinePolicies[name] = doc;
      ctx.changes.push({ kind: existed ? 'updated' : 'created', entity: inlineKind(type), id: name, parent: entity.name });
      return {};
    }),
    iamOperation(`Get${type}Policy`, 'Read', entityTarget(type, `Get${type}Policy`), (ctx) => {
      const entity = entityOf(draftAccount(ctx), type, requireString(ctx.params, param));
      const name = requireString(ctx.params, 'PolicyName');
      const doc = entity.inlinePolicies[name];
      if (doc === undefined) return iamErrors.noSuchEntity(`The ${type.toLowerCase()} policy with name ${name} cannot be found.`);
      return { [param]: entity.name, PolicyName: name, PolicyDocument: doc };
    }),
    iamOperation(`Delete${type}Policy`, 'Update', entityTarget(type, `Delete${type}Policy`), (ctx) => {
      const entity = entityOf(draftAccount(ctx), type, requireString(ctx.params, param));
      const name = requireString(ctx.params, 'PolicyName');
      if (!(name in entity.inlinePolicies)) return iamErrors.noSuchEntity(`The ${type.toLowerCase()} policy with name ${name} cannot be found.`);
      delete entity.inlinePolicies[name];
      ctx.changes.push({ kind: 'deleted', entity: 'inlinePolicy', id: name, parent: entity.name });
      return {};
    }),
    iamOperation(`List${type}Policies`, 'List', entityTarget(type, `List${type}Policies`), (ctx) => {
      const entity = entityOf(draftAccount(ctx), type, requireString(ctx.params, param));
      return { PolicyNames: Object.keys(entity.inlinePolicies), IsTruncated: false };
    }),
  ];
}

function boundaryOperations(type: 'User' | 'Role'): OperationSpec[] {
  const param = entityParam(type);
  return [
    iamOperation(
      `Put${type}PermissionsBoundary`,
      'Update',
      entityTarget(type, `Put${type}PermissionsBoundary`, (ctx) => ({ 'iam:PermissionsBoundary': requireString(ctx.params, 'PermissionsBoundary') })),
      (ctx) => {
        const entity = entityOf(draftAccount(ctx), type, requireString(ctx.params, param)) as Draft<User> | Draft<Role>;
        const arn = requireString(ctx.params, 'PermissionsBoundary');
        if (!findManagedPolicy(ctx.draft, arn)) {
          return iamErrors.invalidInput(`ARN ${arn} is not valid.`);
        }
        entity.permissionsBoundary = arn;
        ctx.changes.push({ kind: 'updated', entity: 'permissionsBoundary', id: entity.name, fields: { permissionsBoundary: arn } });
        return {};
      },
    ),
    iamOperation(`Delete${type}PermissionsBoundary`, 'Update', entityTarget(type, `Delete${type}PermissionsBoundary`), (ctx) => {
      const entity = entityOf(draftAccount(ctx), type, requireString(ctx.params, param)) as Draft<User> | Draft<Role>;
      if (!entity.permissionsBoundary) {
        return iamErrors.noSuchEntity(`The ${type.toLowerCase()} with name ${entity.name} does not have a permissions boundary.`);
      }
      delete entity.permissionsBoundary;
      ctx.changes.push({ kind: 'deleted', entity: 'permissionsBoundary', id: entity.name });
      return {};
    }),
  ];
}

function versionView(v: { versionId: string; document: string; createdAt: string }, isDefault: boolean): Json {
  return { VersionId: v.versionId, Document: v.document, IsDefaultVersion: isDefault, CreateDate: v.createdAt };
}

export const policyOperations: readonly OperationSpec[] = [
  iamOperation(
    'CreatePolicy',
    'Create',
    (ctx, accountId) => {
      const name = validateIamName(requireString(ctx.params, 'PolicyName'), 'policyName', 128);
      return target('CreatePolicy', policyArn(accountId, validatePath(optionalString(ctx.params, 'Path')), name), requestTagContext(readTags(ctx.params)));
    },
    (ctx) => {
      const account = draftAccount(ctx);
      const name = requireString(ctx.params, 'PolicyName');
      const path = validatePath(optionalString(ctx.params, 'Path'));
      const arn = policyArn(account.id, path, name);
      if (Object.values(account.policies).some((p) => p.name.toLowerCase() === name.toLowerCase())) {
        iamErrors.alreadyExists(`A policy called ${name} already exists. Duplicate names are not allowed.`);
      }
      const doc = requireDocument(ctx.params, 'PolicyDocument');
      checkPolicyDocument(doc, 'identity');
      checkPolicySize([doc], 'managed', (max) => `Cannot exceed quota for PolicySize: ${max}`);
      const description = optionalString(ctx.params, 'Description');
      const tags = readTags(ctx.params);
      const policy: Draft<ManagedPolicy> = {
        arn,
        name,
        path,
        id: newUniqueId(ctx.deps.ids, 'ANPA'),
        awsManaged: false,
        defaultVersionId: 'v1',
        versions: [{ versionId: 'v1', document: doc, createdAt: ctx.now }],
        createdAt: ctx.now,
        updatedAt: ctx.now,
        ...(description ? { description } : {}),
        ...(Object.keys(tags).length > 0 ? { tags } : {}),
      };
      account.policies[arn] = policy;
      ctx.changes.push({ kind: 'created', entity: 'managedPolicy', id: arn, parent: account.id });
      return { Policy: policyView(policy, ctx.draft) };
    },
  ),
  iamOperation('GetPolicy', 'Read', policyTarget('GetPolicy'), (ctx) => {
    const arn = requireString(ctx.params, 'PolicyArn');
    const policy = findManagedPolicy(ctx.draft, arn);
    if (!policy) return iamErrors.noSuchEntity(`Policy ${arn} was not found.`);
    return { Policy: policyView(policy, ctx.draft) };
  }),
  iamOperation('DeletePolicy', 'Delete', policyTarget('DeletePolicy'), (ctx) => {
    const arn = requireString(ctx.params, 'PolicyArn');
    const policy = requireCustomerPolicy(ctx, arn);
    if (attachmentCount(ctx.draft, arn) > 0) iamErrors.deleteConflict('Cannot delete a policy attached to entities.');
    if (policy.versions.length > 1) {
      iamErrors.deleteConflict(
        "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
      );
    }
    delete draftAccount(ctx).policies[arn];
    ctx.changes.push({ kind: 'deleted', entity: 'managedPolicy', id: arn });
    return {};
  }),
  iamOperation('CreatePolicyVersion', 'Update', policyTarget('CreatePolicyVersion'), (ctx) => {
    const arn = requireString(ctx.params, 'PolicyArn');
    const policy = requireCustomerPolicy(ctx, arn);
    if (policy.versions.length >= maxPolicyVersions) {
      iamErrors.limitExceeded(
        `A managed policy can have up to ${maxPolicyVersions} versions. Before you create a new version, you must delete an existing version.`,
      );
    }
    const doc = requireDocument(ctx.params, 'PolicyDocument');
    checkPolicyDocument(doc, 'identity');
    checkPolicySize([doc], 'managed', (max) => `Cannot exceed quota for PolicySize: ${max}`);
    const highest = Math.max(0, ...policy.versions.map((v) => Number(v.versionId.slice(1))));
    const versionId = `v${highest + 1}`;
    policy.versions.push({ versionId, document: doc, createdAt: ctx.now });
    const setAsDefault = optionalBoolean(ctx.params, 'SetAsDefault') ?? false;
    if (setAsDefault) policy.defaultVersionId = versionId;
    policy.updatedAt = ctx.now;
    ctx.changes.push({ kind: 'created', entity: 'policyVersion', id: versionId, parent: arn, fields: { default: String(setAsDefault) } });
    return { PolicyVersion: versionView({ versionId, document: doc, createdAt: ctx.now }, setAsDefault) };
  }),
  iamOperation('GetPolicyVersion', 'Read', policyTarget('GetPolicyVersion'), (ctx) => {
    const arn = requireString(ctx.params, 'PolicyArn');
    const id = requireString(ctx.params, 'VersionId');
    const policy = findManagedPolicy(ctx.draft, arn);
    if (!policy) return iamErrors.noSuchEntity(`Policy ${arn} was not found.`);
    const version = policy.versions.find((v) => v.versionId === id);
    if (!version) return iamErrors.noSuchEntity(`Policy ${arn} version ${id} does not exist or is not attachable.`);
    return { PolicyVersion: versionView(version, id === policy.defaultVersionId) };
  }),
  iamOperation('ListPolicyVersions', 'List', policyTarget('ListPolicyVersions'), (ctx) => {
    const arn = requireString(ctx.params, 'PolicyArn');
    const policy = findManagedPolicy(ctx.draft, arn);
    if (!policy) return iamErrors.noSuchEntity(`Policy ${arn} was not found.`);
    return { Versions: [...policy.versions].reverse().map((v) => versionView(v, v.versionId === policy.defaultVersionId)), IsTruncated: false };
  }),
  iamOperation('SetDefaultPolicyVersion', 'Update', policyTarget('SetDefaultPolicyVersion'), (ctx) => {
    const arn = requireString(ctx.params, 'PolicyArn');
    const id = requireString(ctx.params, 'VersionId');
    const policy = requireCustomerPolicy(ctx, arn);
    if (!policy.versions.some((v) => v.versionId === id)) {
      return iamErrors.noSuchEntity(`Policy ${arn} version ${id} does not exist or is not attachable.`);
    }
    policy.defaultVersionId = id;
    policy.updatedAt = ctx.now;
    ctx.changes.push({ kind: 'updated', entity: 'managedPolicy', id: arn, fields: { defaultVersionId: id } });
    return {};
  }),
  iamOperation('DeletePolicyVersion', 'Update', policyTarget('DeletePolicyVersion'), (ctx) => {
    const arn = requireString(ctx.params, 'PolicyArn');
    const id = requireString(ctx.params, 'VersionId');
    const policy = requireCustomerPolicy(ctx, arn);
    if (!policy.versions.some((v) => v.versionId === id)) {
      return iamErrors.noSuchEntity(`Policy ${arn} version ${id} does not exist or is not attachable.`);
    }
    if (policy.defaultVersionId === id) iamErrors.deleteConflict('Cannot delete the default version of a policy.');
    policy.versions = policy.versions.filter((v) => v.versionId !== id);
    ctx.changes.push({ kind: 'deleted', entity: 'policyVersion', id, parent: arn });
    return {};
  }),
  iamOperation(
    'ListPolicies',
    'List',
    () => target('ListPolicies', '*'),
    (ctx) => {
      const scope = optionalString(ctx.params, 'Scope') ?? 'All';
      const onlyAttached = optionalBoolean(ctx.params, 'OnlyAttached') ?? false;
      const aws = scope === 'Local' ? [] : Object.values(awsManagedPolicies);
      const local = scope === 'AWS' ? [] : Object.values(draftAccount(ctx).policies);
      const all = [...aws, ...local].filter((p) => !onlyAttached || attachmentCount(ctx.draft, p.arn) > 0);
      return { Policies: all.map((p) => policyView(p, ctx.draft)), IsTruncated: false };
    },
  ),
  ...attachmentOperations('User'),
  ...attachmentOperations('Group'),
  ...attachmentOperations('Role'),
  ...boundaryOperations('User'),
  ...boundaryOperations('Role'),
  iamOperation(
    'GetAccountAuthorizationDetails',
    'List',
    () => target('GetAccountAuthorizationDetails', '*'),
    (ctx) => {
      const account = draftAccount(ctx);
      const inline = (r: Readonly<Record<string, string>>) => Object.entries(r).map(([PolicyName, PolicyDocument]) => ({ PolicyName, PolicyDocument }));
      const attached = (arns: readonly string[]) => arns.map((arn) => ({ PolicyArn: arn, PolicyName: findManagedPolicy(ctx.draft, arn)?.name ?? arn }));
      const used = new Set<string>();
      for (const e of [...Object.values(account.users), ...Object.values(account.groups), ...Object.values(account.roles)]) {
        for (const a of e.attachedPolicies) used.add(a);
      }
      return {
        UserDetailList: Object.values(account.users).map((u) => ({
          ...userView(u),
          GroupList: u.groups,
          UserPolicyList: inline(u.inlinePolicies),
          AttachedManagedPolicies: attached(u.attachedPolicies),
          ...(u.permissionsBoundary ? { PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: u.permissionsBoundary } } : {}),
        })),
        GroupDetailList: Object.values(account.groups).map((g) => ({
          ...groupView(g),
          GroupPolicyList: inline(g.inlinePolicies),
          AttachedManagedPolicies: attached(g.attachedPolicies),
        })),
        RoleDetailList: Object.values(account.roles).map((r) => ({
          ...roleView(r),
          RolePolicyList: inline(r.inlinePolicies),
          AttachedManagedPolicies: attached(r.attachedPolicies),
          InstanceProfileList: Object.values(account.instanceProfiles).filter((p) => p.roles.includes(r.name)).map((p) => p.arn),
        })),
        Policies: [...Object.values(account.policies), ...Object.values(awsManagedPolicies).filter((p) => used.has(p.arn))].map((p) => ({
          ...policyView(p, ctx.draft),
          PolicyVersionList: p.versions.map((v) => versionView(v, v.versionId === p.defaultVersionId)),
        })),
        IsTruncated: false,
      };
    },
  ),
  iamOperation(
    'GetAccountSummary',
    'Read',
    () => target('GetAccountSummary', '*'),
    (ctx) => {
      const account = draftAccount(ctx);
      return {
        SummaryMap: {
          Users: Object.keys(account.users).length,
          Groups: Object.keys(account.groups).length,
          Roles: Object.keys(account.roles).length,
          Policies: Object.keys(account.policies).length,
          MFADevices: Object.keys(account.mfaDevices).length,
          AccountMFAEnabled: account.root.mfaSerial ? 1 : 0,
          AccountAccessKeysPresent: account.root.accessKeys.length > 0 ? 1 : 0,
          AccessKeysPerUserQuota: 2,
          PolicyVersionsInUseQuota: 10000,
        },
      };
    },
  ),
  // ---------------------------------------------------------------- identity providers
  iamOperation(
    'CreateSAMLProvider',
    'Create',
    (ctx, accountId) => target('CreateSAMLProvider', samlProviderArn(accountId, validateIamName(requireString(ctx.params, 'Name'), 'name', 128)), requestTagContext(readTags(ctx.params))),
    (ctx) => {
      const account = draftAccount(ctx);
      const name = requireString(ctx.params, 'Name');
      const metadata = requireString(ctx.params, 'SAMLMetadataDocument');
      const arn = samlProviderArn(account.id, name);
      if (account.identityProviders[arn]) iamErrors.alreadyExists(`SAMLProvider ${name} already exists.`);
      // The lab's metadata is simple: the IdP's entity id is taken from entityID="…" when present.
      const issuer = /entityID="([^"]+)"/.exec(metadata)?.[1] ?? optionalString(ctx.params, 'Issuer') ?? `https://idp.example.com/${name}`;
      account.identityProviders[arn] = { kind: 'saml', arn, name, issuer, metadataDocument: metadata, createdAt: ctx.now, tags: readTags(ctx.params) };
      ctx.changes.push({ kind: 'created', entity: 'identityProvider', id: arn, parent: account.id });
      return { SAMLProviderArn: arn };
    },
  ),
  iamOperation(
    'CreateOpenIDConnectProvider',
    'Create',
    (ctx, accountId) => target('CreateOpenIDConnectProvider', oidcProviderArn(accountId, requireString(ctx.params, 'Url')), requestTagContext(readTags(ctx.params))),
    (ctx) => {
      const account = draftAccount(ctx);
      const url = requireString(ctx.params, 'Url');
      if (!url.startsWith('https://')) iamErrors.validation('The URL must begin with https://.');
      const arn = oidcProviderArn(account.id, url);
      if (account.identityProviders[arn]) iamErrors.alreadyExists(`Provider with url ${url} already exists.`);
      account.identityProviders[arn] = {
        kind: 'oidc',
        arn,
        url,
        clientIds: readStringList(ctx.params, 'ClientIDList'),
        thumbprints: readStringList(ctx.params, 'ThumbprintList'),
        createdAt: ctx.now,
        tags: readTags(ctx.params),
      };
      ctx.changes.push({ kind: 'created', entity: 'identityProvider', id: arn, parent: account.id });
      return { OpenIDConnectProviderArn: arn };
    },
  ),
  iamOperation(
    'ListOpenIDConnectProviders',
    'List',
    () => target('ListOpenIDConnectProviders', '*'),
    (ctx) => ({ OpenIDConnectProviderList: Object.values(draftAccount(ctx).identityProviders).filter((p) => p.kind === 'oidc').map((p) => ({ Arn: p.arn })) }),
  ),
  iamOperation(
    'ListSAMLProviders',
    'List',
    () => target('ListSAMLProviders', '*'),
    (ctx) => ({
      SAMLProviderList: Object.values(draftAccount(ctx).identityProviders)
        .filter((p) => p.kind === 'saml')
        .map((p) => ({ Arn: p.arn, CreateDate: p.createdAt })),
    }),
  ),
];

/** Used by tests and the UI: does a name already exist in a record (IAM's case-insensitive rule)? */
export const nameTaken = (record: Readonly<Record<string, unknown>>, name: string): boolean => findName(record, name) !== undefined;
