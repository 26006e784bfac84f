// Builds a lab world from the JSON of `aws iam get-account-authorization-details` (users, groups, roles,
// managed policies with their versions), entirely in the browser. Invariant: nothing is guessed silently —
// every part that cannot be mapped is dropped and reported as a note with its JSON path.
// AWS: IAM API Reference, "GetAccountAuthorizationDetails",
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
import type { Account, Group, InstanceProfile, ManagedPolicy, PolicyVersion, Role, Tags, User, World } from '../world/types';
import { worldVersion } from '../world/types';
import { awsManagedPolicies } from '../world/awsManagedPolicies';
import { rootArn } from '../world/arns';
import { toIso } from '../world/clock';
import type { Checked, JsonObject, Problem } from './problems';
import { ProblemList, childPointer, isObject } from './problems';

export interface AccountImport {
  readonly world: World;
  readonly accountId: string;
  /** What could not be mapped, each at its path in the input. */
  readonly notes: readonly Problem[];
  readonly counts: { readonly users: number; readonly groups: number; readonly roles: number; readonly policies: number };
}

export interface AccountImportOptions {
  /** The lab's simulated clock starts here (ISO). */
  readonly now: string;
  readonly accountName?: string;
}

const knownLists = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const;
const ignoredKeys = new Set(['IsTruncated', 'Marker', 'ResponseMetadata']);

export function importAuthorizationDetails(input: unknown, options: AccountImportOptions): Checked<AccountImport> {
  if (!isObject(input)) return fail('', 'must be the JSON object printed by aws iam get-account-authorization-details');
  const problems = new ProblemList();
  for (const key of knownLists) if (input[key] !== undefined) problems.array(input[key], `/${key}`);
  if (!problems.empty) return { ok: false, problems: problems.items };
  if (!knownLists.some((key) => Array.isArray(input[key]))) {
    return fail('', 'has none of UserDetailList, GroupDetailList, RoleDetailList or Policies');
  }
  const accountId = findAccountId(input);
  if (!accountId) return fail('', 'has no ARN with a 12-digit account id');

  const notes = new ProblemList();
  for (const key of Object.keys(input)) {
    if (!(knownLists as readonly string[]).includes(key) && !ignoredKeys.has(key)) notes.add(`/${key}`, 'is not part of the IAM model IAM Lab imports; left out');
  }
  if (input.IsTruncated === true) notes.add('/IsTruncated', 'the export is truncated (more pages exist); only this page is imported');
  const reader = new Reader(accountId, options.now, notes);
  const policies = reader.policies(list(input.Policies));
  const groups = reader.groups(list(input.GroupDetailList));
  const { roles, instanceProfiles } = reader.roles(list(input.RoleDetailList));
  const users = reader.users(list(input.UserDetailList));
  reader.dropDanglingReferences(users, groups, roles, policies);

  const account: Account = {
    id: accountId,
    name: options.accountName ?? `Imported account ${accountId}`,
    status: 'active',
    supportPlan: 'basic',
    // The export carries no root user details; with no password hash the root cannot sign in.
    root: { arn: rootArn(accountId), email: `root@${accountId}.invalid`, passwordHash: '', accessKeys: [] },
    users,
    groups,
    roles,
    policies,
    instanceProfiles,
    identityProviders: {},
    mfaDevices: {},
    s3: { buckets: {} },
    dynamodb: { tables: {} },
    ec2: { instances: {} },
    kms: { keys: {} },
    cloudFrontKeyPairs: {},
  };
  notes.add('', 'access keys, passwords, MFA devices and the root user are not in this export: imported identities have no credentials yet');
  const world: World = { version: worldVersion, clock: options.now, accounts: { [accountId]: account }, sessions: {}, consoleSessions: {} };
  return {
    ok: true,
    value: {
      world,
      accountId,
      notes: notes.items,
      counts: { users: Object.keys(users).length, groups: Object.keys(groups).length, roles: Object.keys(roles).length, policies: Object.keys(policies).length },
    },
  };
}

/**
 * A policy document as the export gives it: the CLI prints decoded JSON objects, the raw API returns
 * URL-encoded text (RFC 3986). Returns pretty JSON text, or null when it is neither.
 */
export function readPolicyDocument(value: unknown): string | null {
  if (isObject(value)) return JSON.stringify(value, null, 2);
  if (typeof value !== 'string') return null;
  for (const candidate of [value, safeDecode(value)]) {
    if (candidate === null) continue;
    try {
      const parsed: unknown = JSON.parse(candidate);
      if (isObject(parsed)) return JSON.stringify(parsed, null, 2);
    } catch {
      // not this form; try the next
    }
  }
  return null;
}

class Reader {
  constructor(
    private readonly accountId: string,
    private readonly now: string,
    private readonly notes: ProblemList,
  ) {}

  policies(entries: readonly unknown[]): Record<string, ManagedPolicy> {
    const out: Record<string, ManagedPolicy> = {};
    entries.forEach((entry, index) => {
      const path = `/Policies/${index}`;
      if (!isObject(entry) || typeof entry.Arn !== 'string' || typeof entry.PolicyName !== 'string') {
        return this.notes.add(path, 'a policy needs Arn and PolicyName; skipped');
      }
      const awsManaged = entry.Arn.startsWith('arn:aws:iam::aws:policy/');
      // IAM Lab already carries the documents of the common AWS managed policies.
      if (awsManaged && awsManagedPolicies[entry.Arn]) return;
      if (!awsManaged && !entry.Arn.startsWith(`arn:aws:iam::${this.accountId}:policy/`)) {
        return this.notes.add(childPointer(path, 'Arn'), 'belongs to another account; skipped');
      }
      const versions: PolicyVersion[] = [];
      list(entry.PolicyVersionList).forEach((version, vIndex) => {
        const vPath = `${path}/PolicyVersionList/${vIndex}`;
        const document = isObject(version) ? readPolicyDocument(version.Document) : null;
        if (!isObject(version) || typeof version.VersionId !== 'string' || document === null) {
          return this.notes.add(vPath, 'a policy version needs VersionId and a JSON Document (plain or URL-encoded); skipped');
        }
        versions.push({ versionId: version.VersionId, document, createdAt: this.date(version.CreateDate, childPointer(vPath, 'CreateDate')) });
      });
      versions.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || versionNumber(a.versionId) - versionNumber(b.versionId));
      const defaultVersionId = typeof entry.DefaultVersionId === 'string' ? entry.DefaultVersionId : versions.at(-1)?.versionId;
      if (!defaultVersionId || !versions.some((v) => v.versionId === defaultVersionId)) {
        return this.notes.add(path, 'the default version of this policy is not in the export; skipped');
      }
      const createdAt = this.date(entry.CreateDate, childPointer(path, 'CreateDate'));
      out[entry.Arn] = {
        arn: entry.Arn,
        name: entry.PolicyName,
        path: text(entry.Path, '/'),
        id: text(entry.PolicyId, ''),
        ...(typeof entry.Description === 'string' ? { description: entry.Description } : {}),
        awsManaged,
        defaultVersionId,
        versions,
        createdAt,
        updatedAt: entry.UpdateDate === undefined ? createdAt : this.date(entry.UpdateDate, childPointer(path, 'UpdateDate')),
        ...(Array.isArray(entry.Tags) ? { tags: this.tags(entry.Tags, childPointer(path, 'Tags')) } : {}),
      };
    });
    return out;
  }

  groups(entries: readonly unknown[]): Record<string, Group> {
    const out: Record<string, Group> = {};
    entries.forEach((entry, index) => {
      const path = `/GroupDetailList/${index}`;
      if (!isObject(entry) || typeof entry.GroupName !== 'string' || typeof entry.Arn !== 'string') {
        return this.notes.add(path, 'a group needs GroupName and Arn; skipped');
      }
      out[entry.GroupName] = {
        name: entry.GroupName,
        path: text(entry.Path, '/'),
        arn: entry.Arn,
        id: text(entry.GroupId, ''),
        createdAt: this.date(entry.CreateDate, childPointer(path, 'CreateDate')),
        inlinePolicies: this.inline(entry.GroupPolicyList, childPointer(path, 'GroupPolicyList')),
        attachedPolicies: this.attached(entry.AttachedManagedPolicies, childPointer(path, 'AttachedManagedPolicies')),
      };
    });
    return out;
  }

  roles(entries: readonly unknown[]): { roles: Record<string, Role>; instanceProfiles: Record<string, InstanceProfile> } {
    const roles: Record<string, Role> = {};
    const instanceProfiles: Record<string, InstanceProfile> = {};
    entries.forEach((entry, index) => {
      const path = `/RoleDetailList/${index}`;
      if (!isObject(entry) || typeof entry.RoleName !== 'string' || typeof entry.Arn !== 'string') {
        return this.notes.add(path, 'a role needs RoleName and Arn; skipped');
      }
      const trustPolicy = readPolicyDocument(entry.AssumeRolePolicyDocument);
      if (trustPolicy === null) return this.notes.add(childPointer(path, 'AssumeRolePolicyDocument'), 'a role needs a trust policy (JSON, plain or URL-encoded); role skipped');
      const lastUsed = isObject(entry.RoleLastUsed) && typeof entry.RoleLastUsed.LastUsedDate === 'string' ? entry.RoleLastUsed : null;
      const maxSession = typeof entry.MaxSessionDuration === 'number' && entry.MaxSessionDuration >= 3600 && entry.MaxSessionDuration <= 43200 ? entry.MaxSessionDuration : 3600;
      roles[entry.RoleName] = {
        name: entry.RoleName,
        path: text(entry.Path, '/'),
        arn: entry.Arn,
        id: text(entry.RoleId, ''),
        createdAt: this.date(entry.CreateDate, childPointer(path, 'CreateDate')),
        ...(typeof entry.Description === 'string' ? { description: entry.Description } : {}),
        trustPolicy,
        maxSessionDuration: maxSession,
        tags: this.tags(entry.Tags, childPointer(path, 'Tags')),
        inlinePolicies: this.inline(entry.RolePolicyList, childPointer(path, 'RolePolicyList')),
        attachedPolicies: this.attached(entry.AttachedManagedPolicies, childPointer(path, 'AttachedManagedPolicies')),
        ...this.boundary(entry.PermissionsBoundary),
        ...(lastUsed
          ? { lastUsed: { at: this.date(lastUsed.LastUsedDate, `${path}/RoleLastUsed/LastUsedDate`), region: text(lastUsed.Region, 'us-east-1') } }
          : {}),
      };
      list(entry.InstanceProfileList).forEach((profile, pIndex) => {
        const pPath = `${path}/InstanceProfileList/${pIndex}`;
        if (!isObject(profile) || typeof profile.InstanceProfileName !== 'string' || typeof profile.Arn !== 'string') {
          return this.notes.add(pPath, 'an instance profile needs InstanceProfileName and Arn; skipped');
        }
        instanceProfiles[profile.InstanceProfileName] = {
          name: profile.InstanceProfileName,
          path: text(profile.Path, '/'),
          arn: profile.Arn,
          id: text(profile.InstanceProfileId, ''),
          createdAt: this.date(profile.CreateDate, childPointer(pPath, 'CreateDate')),
          // An instance profile holds at most one role; the one it is listed under is that role.
          roles: [entry.RoleName as string],
        };
      });
    });
    return { roles, instanceProfiles };
  }

  users(entries: readonly unknown[]): Record<string, User> {
    const out: Record<string, User> = {};
    entries.forEach((entry, index) => {
      const path = `/UserDetailList/${index}`;
      if (!isObject(entry) || typeof entry.UserName !== 'string' || typeof entry.Arn !== 'string') {
        return this.notes.add(path, 'a user needs UserName and Arn; skipped');
      }
      out[entry.UserName] = {
        name: entry.UserName,
        path: text(entry.Path, '/'),
        arn: entry.Arn,
        id: typeof entry.UserId === 'string' && /^AIDA[A-Z2-7]+$/.test(entry.UserId) ? entry.UserId : this.placeholderId('AIDA', entry.UserName, childPointer(path, 'UserId')),
        createdAt: this.date(entry.CreateDate, childPointer(path, 'CreateDate')),
        tags: this.tags(entry.Tags, childPointer(path, 'Tags')),
        accessKeys: [],
        mfaDevices: [],
        groups: list(entry.GroupList).filter((g): g is string => typeof g === 'string'),
        inlinePolicies: this.inline(entry.UserPolicyList, childPointer(path, 'UserPolicyList')),
        attachedPolicies: this.attached(entry.AttachedManagedPolicies, childPointer(path, 'AttachedManagedPolicies')),
        ...this.boundary(entry.PermissionsBoundary),
      };
    });
    return out;
  }

  /** Group memberships and policy attachments that point at nothing in the lab are dropped with a note. */
  dropDanglingReferences(users: Record<string, User>, groups: Record<string, Group>, roles: Record<string, Role>, policies: Record<string, ManagedPolicy>): void {
    const known = (arn: string) => arn in policies || arn in awsManagedPolicies;
    const keep = (owner: string, arns: readonly string[]) =>
      arns.filter((arn) => {
        if (known(arn)) return true;
        this.notes.add(owner, `attached policy ${arn} is not in the export (use the full export, without --filter); attachment dropped`);
        return false;
      });
    const boundary = <T extends { readonly permissionsBoundary?: string }>(owner: string, entity: T): T => {
      if (!entity.permissionsBoundary || known(entity.permissionsBoundary)) return entity;
      this.notes.add(owner, `permissions boundary ${entity.permissionsBoundary} is not in the export; boundary dropped`);
      const { permissionsBoundary: _dropped, ...rest } = entity;
      return rest as T;
    };
    for (const [name, user] of Object.entries(users)) {
      const owner = `user ${name}`;
      const memberOf = user.groups.filter((g) => {
        if (g in groups) return true;
        this.notes.add(owner, `group ${g} is not in the export; membership dropped`);
        return false;
      });
      users[name] = boundary(owner, { ...user, groups: memberOf, attachedPolicies: keep(owner, user.attachedPolicies) });
    }
    for (const [name, group] of Object.entries(groups)) groups[name] = { ...group, attachedPolicies: keep(`group ${name}`, group.attachedPolicies) };
    for (const [name, role] of Object.entries(roles)) {
      roles[name] = boundary(`role ${name}`, { ...role, attachedPolicies: keep(`role ${name}`, role.attachedPolicies) });
    }
  }

  /** A stable stand-in when the export lacks a usable unique id (derived from the name, so re-imports agree). */
  private placeholderId(prefix: string, name: string, path: string): string {
    this.notes.add(path, 'is missing or not an IAM unique id; a stand-in id is used');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    let out = '';
    for (let i = 0; out.length < 17; i += 1) out += alphabet[((name.charCodeAt(i % Math.max(name.length, 1)) || 0) + i * 7) % 32];
    return prefix + out;
  }

  private inline(value: unknown, path: string): Record<string, string> {
    const out: Record<string, string> = {};
    list(value).forEach((entry, index) => {
      const document = isObject(entry) ? readPolicyDocument(entry.PolicyDocument) : null;
      if (!isObject(entry) || typeof entry.PolicyName !== 'string' || document === null) {
        return this.notes.add(childPointer(path, index), 'an inline policy needs PolicyName and a JSON PolicyDocument (plain or URL-encoded); skipped');
      }
      out[entry.PolicyName] = document;
    });
    return out;
  }

  private attached(value: unknown, path: string): string[] {
    const out: string[] = [];
    list(value).forEach((entry, index) => {
      if (isObject(entry) && typeof entry.PolicyArn === 'string') out.push(entry.PolicyArn);
      else this.notes.add(childPointer(path, index), 'an attachment needs PolicyArn; skipped');
    });
    return out;
  }

  private boundary(value: unknown): { permissionsBoundary?: string } {
    return isObject(value) && typeof value.PermissionsBoundaryArn === 'string' ? { permissionsBoundary: value.PermissionsBoundaryArn } : {};
  }

  private tags(value: unknown, path: string): Tags {
    const out: Record<string, string> = {};
    list(value).forEach((tag, index) => {
      if (isObject(tag) && typeof tag.Key === 'string' && typeof tag.Value === 'string') out[tag.Key] = tag.Value;
      else this.notes.add(childPointer(path, index), 'a tag needs Key and Value; skipped');
    });
    return out;
  }

  private date(value: unknown, path: string): string {
    const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (!Number.isNaN(ms)) return toIso(ms);
    this.notes.add(path, 'is not a date; the lab clock is used instead');
    return this.now;
  }
}

function findAccountId(input: JsonObject): string | null {
  for (const key of knownLists) {
    for (const entry of list(input[key])) {
      const match = isObject(entry) && typeof entry.Arn === 'string' ? /^arn:aws:iam::(\d{12}):/.exec(entry.Arn) : null;
      if (match?.[1]) return match[1];
    }
  }
  return null;
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function versionNumber(id: string): number {
  return Number(id.replace(/^v/, '')) || 0;
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, '%20'));
  } catch {
    return null;
  }
}

function fail(path: string, message: string): { ok: false; problems: readonly Problem[] } {
  return { ok: false, problems: [{ path, message }] };
}
