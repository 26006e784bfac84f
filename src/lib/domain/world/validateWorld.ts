// Validates untrusted world data (an imported file, a stored lab, a share link) before anything uses it.
// Invariant: never throws; every problem carries the JSON pointer of the offending value, and a world
// that passes has the shape of `World` and consistent references (groups, policies, sessions, quotas).
import { awsManagedPolicies } from './awsManagedPolicies';
import type { World } from './types';
import { worldVersion } from './types';

export interface WorldProblem {
  /** JSON pointer, e.g. '/accounts/111122223333/users/alice/accessKeys'. */
  readonly path: string;
  readonly message: string;
}

export type WorldValidation = { readonly ok: true; readonly world: World } | { readonly ok: false; readonly problems: readonly WorldProblem[] };

type Check = (value: unknown, path: string, out: WorldProblem[]) => void;

const pointer = (path: string, key: string | number): string => `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const str: Check = (v, p, out) => {
  if (typeof v !== 'string') out.push({ path: p, message: 'expected a string' });
};
const num: Check = (v, p, out) => {
  if (typeof v !== 'number' || !Number.isFinite(v)) out.push({ path: p, message: 'expected a number' });
};
const bool: Check = (v, p, out) => {
  if (typeof v !== 'boolean') out.push({ path: p, message: 'expected true or false' });
};
const iso: Check = (v, p, out) => {
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v)) || !/^\d{4}-\d{2}-\d{2}T/.test(v)) out.push({ path: p, message: 'expected an ISO 8601 date-time' });
};
const oneOf =
  (...values: readonly (string | number)[]): Check =>
  (v, p, out) => {
    if (!values.includes(v as string)) out.push({ path: p, message: `expected one of ${values.join(', ')}` });
  };
const pattern =
  (re: RegExp, what: string): Check =>
  (v, p, out) => {
    if (typeof v !== 'string' || !re.test(v)) out.push({ path: p, message: `expected ${what}` });
  };
const json: Check = (v, p, out) => {
  if (typeof v !== 'string') {
    out.push({ path: p, message: 'expected a policy document (JSON text)' });
    return;
  }
  try {
    JSON.parse(v);
  } catch {
    out.push({ path: p, message: 'the policy document is not valid JSON' });
  }
};
const array =
  (item: Check, max?: number): Check =>
  (v, p, out) => {
    if (!Array.isArray(v)) {
      out.push({ path: p, message: 'expected a list' });
      return;
    }
    if (max !== undefined && v.length > max) out.push({ path: p, message: `at most ${max} entries allowed` });
    v.forEach((x, i) => item(x, pointer(p, i), out));
  };
const record =
  (item: Check): Check =>
  (v, p, out) => {
    if (!isObj(v)) {
      out.push({ path: p, message: 'expected an object' });
      return;
    }
    for (const [k, x] of Object.entries(v)) item(x, pointer(p, k), out);
  };
const strings = record(str);
const object =
  (required: Readonly<Record<string, Check>>, optional: Readonly<Record<string, Check>> = {}): Check =>
  (v, p, out) => {
    if (!isObj(v)) {
      out.push({ path: p, message: 'expected an object' });
      return;
    }
    for (const [k, check] of Object.entries(required)) {
      if (!(k in v)) out.push({ path: pointer(p, k), message: 'missing' });
      else check(v[k], pointer(p, k), out);
    }
    for (const [k, check] of Object.entries(optional)) if (k in v && v[k] !== undefined) check(v[k], pointer(p, k), out);
    for (const k of Object.keys(v)) if (!(k in required) && !(k in optional)) out.push({ path: pointer(p, k), message: 'unknown field' });
  };

const accountId = pattern(/^\d{12}$/, 'a 12-digit account id');
const iamPath = pattern(/^\/([\u0021-\u007E]+\/)?$/, "an IAM path such as '/' or '/team/'");
const accessKey = object(
  { accessKeyId: pattern(/^AKIA[A-Z2-7]{16}$/, 'an AKIA… access key id'), secretAccessKey: str, status: oneOf('Active', 'Inactive'), createdAt: iso },
  { lastUsed: object({ at: iso, service: str, region: str }) },
);
const inline = record(json);
const arns = array(str);
const user = object(
  {
    name: str,
    path: iamPath,
    arn: str,
    id: pattern(/^AIDA[A-Z2-7]+$/, 'an AIDA… unique id'),
    createdAt: iso,
    tags: strings,
    accessKeys: array(accessKey, 2),
    mfaDevices: array(str),
    groups: array(str),
    inlinePolicies: inline,
    attachedPolicies: arns,
  },
  { loginProfile: object({ passwordHash: str, createdAt: iso, passwordResetRequired: bool }), permissionsBoundary: str, passwordLastUsed: iso },
);
const group = object({ name: str, path: iamPath, arn: str, id: str, createdAt: iso, inlinePolicies: inline, attachedPolicies: arns });
const role = object(
  { name: str, path: iamPath, arn: str, id: str, createdAt: iso, trustPolicy: json, maxSessionDuration: num, tags: strings, inlinePolicies: inline, attachedPolicies: arns },
  { description: str, permissionsBoundary: str, lastUsed: object({ at: iso, region: str }) },
);
const managedPolicy = object(
  { arn: str, name: str, path: iamPath, id: str, awsManaged: bool, defaultVersionId: str, versions: array(object({ versionId: str, document: json, createdAt: iso }), 5), createdAt: iso, updatedAt: iso },
  { description: str, tags: strings, subset: bool },
);
const provider: Check = (v, p, out) => {
  if (isObj(v) && v.kind === 'saml') object({ kind: str, arn: str, name: str, issuer: str, metadataDocument: str, createdAt: iso, tags: strings })(v, p, out);
  else if (isObj(v) && v.kind === 'oidc') object({ kind: str, arn: str, url: str, clientIds: array(str), thumbprints: array(str), createdAt: iso, tags: strings })(v, p, out);
  else out.push({ path: pointer(p, 'kind'), message: "expected 'saml' or 'oidc'" });
};
const mfaDevice = object(
  { serialNumber: str, name: str, base32Secret: pattern(/^[A-Z2-7]+=*$/, 'a base32 secret'), createdAt: iso },
  {
    assignedTo: (v, p, out) => {
      if (isObj(v) && v.kind === 'root') object({ kind: str })(v, p, out);
      else object({ kind: oneOf('user'), userName: str })(v, p, out);
    },
    enabledAt: iso,
    lastUsedStep: num,
  },
);
const s3Object = object({ key: str, body: str, contentType: str, size: num, lastModified: iso, tags: strings }, { versionId: str });
const bucket = object(
  { name: str, arn: str, region: str, createdAt: iso, versioning: oneOf('Unversioned', 'Enabled', 'Suspended'), mfaDelete: oneOf('Disabled', 'Enabled'), objects: record(s3Object), tags: strings },
  { policy: json, publicAccessBlock: object({ blockPublicAcls: bool, ignorePublicAcls: bool, blockPublicPolicy: bool, restrictPublicBuckets: bool }) },
);
const attribute: Check = (v, p, out) => {
  if (!['string', 'number', 'boolean'].includes(typeof v)) out.push({ path: p, message: 'expected a string, number or boolean attribute' });
};
const table = object(
  { name: str, arn: str, region: str, createdAt: iso, status: oneOf('ACTIVE'), partitionKey: str, items: array(record(attribute)), tags: strings },
  { sortKey: str },
);
const instance = object(
  { id: pattern(/^i-[0-9a-f]+$/, 'an instance id i-…'), arn: str, region: str, imageId: str, instanceType: str, state: oneOf('pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'), launchedAt: iso, tags: strings },
  { instanceProfileArn: str },
);
const kmsKey = object(
  { keyId: str, arn: str, region: str, description: str, createdAt: iso, keyState: oneOf('Enabled', 'Disabled', 'PendingDeletion'), policy: json, tags: strings },
  { deletionDate: iso },
);
const account = object(
  {
    id: accountId,
    name: str,
    status: oneOf('active', 'closed'),
    supportPlan: oneOf('basic', 'developer', 'business', 'enterprise'),
    root: object({ arn: str, email: str, passwordHash: str, accessKeys: array(accessKey, 2) }, { mfaSerial: str }),
    users: record(user),
    groups: record(group),
    roles: record(role),
    policies: record(managedPolicy),
    instanceProfiles: record(object({ name: str, path: iamPath, arn: str, id: str, createdAt: iso, roles: array(str, 1) })),
    identityProviders: record(provider),
    mfaDevices: record(mfaDevice),
    s3: object({ buckets: record(bucket) }),
    dynamodb: object({ tables: record(table) }),
    ec2: object({ instances: record(instance) }),
    kms: object({ keys: record(kmsKey) }),
    cloudFrontKeyPairs: record(object({ id: str, createdAt: iso, status: oneOf('Active', 'Inactive') })),
  },
  { alias: pattern(/^[a-z0-9](([a-z0-9]|-(?!-))*[a-z0-9])?$/, 'an account alias (lower-case letters, digits, hyphens)') },
);
const identity: Check = (v, p, out) => {
  if (isObj(v) && v.kind === 'role') object({ kind: str, roleName: str, sessionName: str })(v, p, out);
  else if (isObj(v) && v.kind === 'user') object({ kind: str, userName: str })(v, p, out);
  else if (isObj(v) && v.kind === 'root') object({ kind: str })(v, p, out);
  else out.push({ path: pointer(p, 'kind'), message: "expected 'role', 'user' or 'root'" });
};
const session = object(
  {
    accessKeyId: pattern(/^ASIA[A-Z2-7]{16}$/, 'an ASIA… access key id'),
    secretAccessKey: str,
    sessionToken: str,
    issuedAt: iso,
    expiration: iso,
    accountId,
    issuedBy: oneOf('AssumeRole', 'AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML', 'GetSessionToken', 'InstanceProfile'),
    identity,
    sessionPolicies: array(json),
    sessionPolicyArns: array(str),
    tags: strings,
  },
  { mfaAuthenticatedAt: iso, sourceIdentity: str, federationContext: strings },
);
const consoleSession = object({ id: str, accountId, identity, signedInAt: iso, expiration: iso }, { mfaAuthenticatedAt: iso });
const organization = object({
  id: pattern(/^o-[a-z0-9]{10,32}$/, 'an organization id o-…'),
  arn: str,
  managementAccountId: accountId,
  rootId: pattern(/^r-[0-9a-z]{4,32}$/, 'a root id r-…'),
  organizationalUnits: record(object({ id: str, name: str, parentId: str })),
  accountParents: record(str),
  policies: record(object({ id: str, name: str, kind: oneOf('scp', 'rcp'), document: json, awsManaged: bool }, { description: str })),
  attachments: record(array(str)),
});
const worldShape = object(
  { version: oneOf(worldVersion), clock: iso, accounts: record(account), sessions: record(session), consoleSessions: record(consoleSession) },
  { organization, layout: record(object({ x: num, y: num })) },
);

/** Cross-references the shape cannot see: keys match names, memberships and attachments resolve. */
function checkReferences(world: World, out: WorldProblem[]): void {
  for (const [id, a] of Object.entries(world.accounts)) {
    const base = pointer('/accounts', id);
    if (a.id !== id) out.push({ path: pointer(base, 'id'), message: `does not match its key ${id}` });
    const known = (arn: string) => awsManagedPolicies[arn] !== undefined || Object.values(world.accounts).some((x) => x.policies[arn] !== undefined);
    for (const [name, u] of Object.entries(a.users)) {
      const p = pointer(pointer(base, 'users'), name);
      if (u.name !== name) out.push({ path: pointer(p, 'name'), message: `does not match its key ${name}` });
      u.groups.forEach((g, i) => {
        if (!a.groups[g]) out.push({ path: pointer(pointer(p, 'groups'), i), message: `no group named ${g}` });
      });
      u.attachedPolicies.forEach((arn, i) => {
        if (!known(arn)) out.push({ path: pointer(pointer(p, 'attachedPolicies'), i), message: `no managed policy ${arn}` });
      });
      u.mfaDevices.forEach((s, i) => {
        if (!a.mfaDevices[s]) out.push({ path: pointer(pointer(p, 'mfaDevices'), i), message: `no MFA device ${s}` });
      });
    }
    for (const [name, g] of Object.entries(a.groups)) {
      const p = pointer(pointer(base, 'groups'), name);
      if (g.name !== name) out.push({ path: pointer(p, 'name'), message: `does not match its key ${name}` });
      g.attachedPolicies.forEach((arn, i) => {
        if (!known(arn)) out.push({ path: pointer(pointer(p, 'attachedPolicies'), i), message: `no managed policy ${arn}` });
      });
    }
    for (const [name, r] of Object.entries(a.roles)) {
      const p = pointer(pointer(base, 'roles'), name);
      if (r.name !== name) out.push({ path: pointer(p, 'name'), message: `does not match its key ${name}` });
      r.attachedPolicies.forEach((arn, i) => {
        if (!known(arn)) out.push({ path: pointer(pointer(p, 'attachedPolicies'), i), message: `no managed policy ${arn}` });
      });
    }
    for (const [arn, mp] of Object.entries(a.policies)) {
      const p = pointer(pointer(base, 'policies'), arn);
      if (!mp.versions.some((v) => v.versionId === mp.defaultVersionId)) out.push({ path: pointer(p, 'defaultVersionId'), message: 'names no existing version' });
    }
    for (const [name, profile] of Object.entries(a.instanceProfiles)) {
      profile.roles.forEach((r, i) => {
        if (!a.roles[r]) out.push({ path: pointer(pointer(pointer(pointer(base, 'instanceProfiles'), name), 'roles'), i), message: `no role named ${r}` });
      });
    }
  }
  const org = world.organization;
  if (org) {
    const parents = new Set([org.rootId, ...Object.keys(org.organizationalUnits)]);
    for (const [id, ou] of Object.entries(org.organizationalUnits)) {
      if (!parents.has(ou.parentId)) out.push({ path: pointer(pointer('/organization/organizationalUnits', id), 'parentId'), message: `no root or OU ${ou.parentId}` });
    }
    for (const [accountId, parent] of Object.entries(org.accountParents)) {
      const p = pointer('/organization/accountParents', accountId);
      if (!parents.has(parent)) out.push({ path: p, message: `no root or OU ${parent}` });
      if (!world.accounts[accountId]) out.push({ path: p, message: `no account ${accountId}` });
    }
    for (const [target, ids] of Object.entries(org.attachments)) {
      ids.forEach((pid, i) => {
        if (!org.policies[pid]) out.push({ path: pointer(pointer('/organization/attachments', target), i), message: `no organization policy ${pid}` });
      });
    }
  }
  for (const [id, s] of Object.entries(world.sessions)) {
    const p = pointer('/sessions', id);
    if (s.accessKeyId !== id) out.push({ path: pointer(p, 'accessKeyId'), message: `does not match its key ${id}` });
    if (!world.accounts[s.accountId]) out.push({ path: pointer(p, 'accountId'), message: `no account ${s.accountId}` });
  }
  for (const [id, s] of Object.entries(world.consoleSessions)) {
    if (!world.accounts[s.accountId]) out.push({ path: pointer(pointer('/consoleSessions', id), 'accountId'), message: `no account ${s.accountId}` });
  }
}

export function validateWorld(data: unknown): WorldValidation {
  const problems: WorldProblem[] = [];
  try {
    worldShape(data, '', problems);
    if (problems.length === 0) checkReferences(data as World, problems);
  } catch {
    problems.push({ path: '', message: 'the data could not be read as a world' });
  }
  return problems.length === 0 ? { ok: true, world: data as World } : { ok: false, problems };
}
