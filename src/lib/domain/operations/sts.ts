// AWS STS: temporary credentials. AssumeRole (trust policy + caller permission, same or cross account,
// ExternalId, MFA), AssumeRoleWithWebIdentity (OIDC), AssumeRoleWithSAML, GetSessionToken, GetCallerIdentity.
// Invariant: a role is never held permanently — every success issues ASIA… credentials that expire on the clock.
// AWS: STS API Reference (AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML, GetSessionToken,
// GetCallerIdentity); IAM User Guide "Request temporary security credentials", "Role chaining",
// "Available keys for AWS web identity federation", "Available keys for SAML-based federation".
import { decodeUtf8 } from '../authentication/crypto';
import type { RequestContext } from '../evaluation/types';
import type { Json } from '../policy/types';
import { assumedRoleArn, splitArn } from '../world/arns';
import { addSeconds, epochSeconds } from '../world/clock';
import type { Draft } from '../world/draft';
import { newAccessKeyId, newSecretAccessKey, newSessionToken } from '../world/ids';
import type { Account, IdentityProvider, Role, Session, SessionIdentity, World } from '../world/types';
import { verifyMfaCode } from './authPrimitives';
import { findName, requestTagContext } from './iam/iamShared';
import { fail } from './operationError';
import { optionalNumber, optionalString, readTags, requireDocument, requireString } from './params';
import { checkPolicyDocument } from './policyDocuments';
import type { AuthorizationTarget, OperationSpec, PlanContext, RunContext } from './types';

// AWS: AssumeRole — DurationSeconds 900 s to the role's maximum; role chaining caps it at one hour.
export const minSessionSeconds = 900;
export const roleChainingMaxSeconds = 3600;
// AWS: GetSessionToken — 900 s to 129,600 s (36 h) for IAM users, at most 3,600 s for the root user.
export const sessionTokenMaxSeconds = 129600;
export const sessionTokenDefaultSeconds = 43200;

function findRole(world: World, arn: string): { account: Account; role: Role } | undefined {
  const parts = splitArn(arn);
  if (!parts || parts.service !== 'iam' || !parts.resource.startsWith('role/')) return undefined;
  const account = world.accounts[parts.account];
  const name = parts.resource.split('/').pop() ?? '';
  const key = account ? findName(account.roles, name) : undefined;
  const role = key !== undefined ? account?.roles[key] : undefined;
  return account && role && role.arn === arn ? { account, role } : account && role ? { account, role } : undefined;
}

function roleArnParam(ctx: PlanContext): string {
  const arn = requireString(ctx.params, 'RoleArn');
  if (!/^arn:aws:iam::\d{12}:role\/.+$/.test(arn)) {
    fail('ValidationError', `${arn} is invalid`, 400);
  }
  return arn;
}

function sessionNameParam(ctx: PlanContext): string {
  const name = requireString(ctx.params, 'RoleSessionName');
  if (!/^[\w+=,.@-]{2,64}$/.test(name)) {
    fail(
      'ValidationError',
      `1 validation error detected: Value '${name}' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*`,
      400,
    );
  }
  return name;
}

/** The trust-policy target: sts:AssumeRole* on the role, with the role's trust policy as resource policy. */
function trustTarget(ctx: PlanContext, action: string, extra: RequestContext, override?: AuthorizationTarget['principalOverride']): AuthorizationTarget[] {
  const arn = roleArnParam(ctx);
  const found = findRole(ctx.world, arn);
  const resourcePolicy = found
    ? { source: { kind: 'trustPolicy' as const, roleName: found.role.name }, label: `role ${found.role.name} · trust policy`, document: found.role.trustPolicy }
    : undefined;
  const roleTags: Record<string, string> = {};
  for (const [k, v] of Object.entries(found?.role.tags ?? {})) {
    roleTags[`aws:ResourceTag/${k}`] = v;
    roleTags[`iam:ResourceTag/${k}`] = v;
  }
  const base: AuthorizationTarget = {
    action,
    resource: arn,
    resourceAccount: splitArn(arn)?.account ?? '',
    context: { ...roleTags, ...extra },
    ...(resourcePolicy ? { resourcePolicy } : {}),
    ...(override ? { principalOverride: override } : {}),
  };
  const targets: AuthorizationTarget[] = [base];
  // AWS: passing session tags needs sts:TagSession, setting a source identity needs sts:SetSourceIdentity.
  const tags = readTags(ctx.params);
  if (Object.keys(tags).length > 0) targets.push({ ...base, action: 'sts:TagSession' });
  if (optionalString(ctx.params, 'SourceIdentity')) targets.push({ ...base, action: 'sts:SetSourceIdentity' });
  return targets;
}

/** MFA in AssumeRole/GetSessionToken: SerialNumber + TokenCode proven against the caller's device. */
async function mfaContext(ctx: PlanContext): Promise<RequestContext> {
  const serial = optionalString(ctx.params, 'SerialNumber');
  const code = optionalString(ctx.params, 'TokenCode');
  if (!serial && !code) return {};
  if (!serial || !code) return fail('ValidationError', 'Both SerialNumber and TokenCode are required for MFA.', 400);
  const device = ctx.callerAccount?.mfaDevices[serial];
  const ownsDevice =
    device?.assignedTo !== undefined &&
    ((device.assignedTo.kind === 'user' && device.assignedTo.userName === ctx.caller.userName) ||
      (device.assignedTo.kind === 'root' && ctx.caller.principalType === 'Account'));
  if (!device || !ownsDevice || !(await verifyMfaCode(ctx.deps.crypto, device.base32Secret, code, ctx.now))) {
    return fail('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.', 403);
  }
  return { 'aws:MultiFactorAuthPresent': 'true', 'aws:MultiFactorAuthAge': '0' };
}

interface IssueInput {
  readonly accountId: string;
  readonly identity: SessionIdentity;
  readonly issuedBy: Session['issuedBy'];
  readonly durationSeconds: number;
  readonly sessionPolicies: string[];
  readonly sessionPolicyArns: string[];
  readonly mfaAuthenticatedAt?: string;
  readonly sourceIdentity?: string;
  readonly tags: Record<string, string>;
  readonly federationContext?: Record<string, string>;
}

/** Creates the session in the draft and returns the Credentials block AWS returns. */
export function issueSession(ctx: RunContext, input: IssueInput): { session: Draft<Session>; credentials: Json } {
  const session: Draft<Session> = {
    accessKeyId: newAccessKeyId(ctx.deps.ids, 'ASIA'),
    secretAccessKey: newSecretAccessKey(ctx.deps.ids),
    sessionToken: newSessionToken(ctx.deps.ids),
    issuedAt: ctx.now,
    expiration: addSeconds(ctx.now, input.durationSeconds),
    accountId: input.accountId,
    issuedBy: input.issuedBy,
    identity: input.identity,
    sessionPolicies: input.sessionPolicies,
    sessionPolicyArns: input.sessionPolicyArns,
    tags: input.tags,
    ...(input.mfaAuthenticatedAt ? { mfaAuthenticatedAt: input.mfaAuthenticatedAt } : {}),
    ...(input.sourceIdentity ? { sourceIdentity: input.sourceIdentity } : {}),
    ...(input.federationContext ? { federationContext: input.federationContext } : {}),
  };
  ctx.draft.sessions[session.accessKeyId] = session;
  ctx.changes.push({ kind: 'created', entity: 'session', id: session.accessKeyId, parent: input.accountId, fields: { expiration: session.expiration } });
  return {
    session,
    credentials: {
      AccessKeyId: session.accessKeyId,
      SecretAccessKey: session.secretAccessKey,
      SessionToken: session.sessionToken,
      Expiration: session.expiration,
    },
  };
}

function sessionPolicyInputs(ctx: PlanContext): { docs: string[]; arns: string[] } {
  const doc = ctx.params.Policy === undefined || ctx.params.Policy === null ? undefined : requireDocument(ctx.params, 'Policy');
  if (doc !== undefined) checkPolicyDocument(doc, 'session');
  const raw = ctx.params.PolicyArns;
  const arns: string[] = [];
  if (Array.isArray(raw)) {
    for (const entry of raw) {
      if (typeof entry === 'string') arns.push(entry);
      else if (entry !== null && typeof entry === 'object' && !Array.isArray(entry) && typeof entry.arn === 'string') arns.push(entry.arn);
    }
  }
  return { docs: doc !== undefined ? [doc] : [], arns };
}

function roleDuration(ctx: PlanContext, role: Role): number {
  const requested = optionalNumber(ctx.params, 'DurationSeconds') ?? 3600;
  if (requested < minSessionSeconds) {
    fail('ValidationError', `1 validation error detected: Value '${requested}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to ${minSessionSeconds}`, 400);
  }
  if (ctx.caller.principalType === 'AssumedRole' && requested > roleChainingMaxSeconds) {
    fail('ValidationError', 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.', 400);
  }
  if (requested > role.maxSessionDuration) {
    fail('ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.', 400);
  }
  return requested;
}

function assumedRoleResult(role: Role, sessionName: string, accountId: string): Json {
  return { AssumedRoleId: `${role.id}:${sessionName}`, Arn: assumedRoleArn(accountId, role.name, sessionName) };
}

function requireRoleForRun(ctx: RunContext): { account: Account; role: Role } {
  const found = findRole(ctx.world, roleArnParam(ctx));
  if (!found) return fail('AccessDenied', `Not authorized to perform sts:AssumeRole`, 403);
  return found;
}

// ---------------------------------------------------------------- web identity (OIDC)

/** Base64url → text, without relying on atob/Buffer (not in the pure domain). */
function decodeBase64Url(input: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const clean = input.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const c of clean) {
    const v = alphabet.indexOf(c);
    if (v < 0) return '';
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return decodeUtf8(new Uint8Array(bytes)) ?? '';
}

type Claims = Readonly<Record<string, Json>>;

/** The lab's tokens: a JWT (header.payload.signature, signature not checked) or the claims as JSON. */
export function readTokenClaims(token: string): Claims | undefined {
  const text = token.trim().startsWith('{') ? token : decodeBase64Url(token.split('.')[1] ?? '');
  try {
    const parsed = JSON.parse(text) as Json;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function claimStrings(claims: Claims, name: string): string[] {
  const v = claims[name];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return [];
}

interface WebIdentity {
  readonly provider: Extract<IdentityProvider, { kind: 'oidc' }>;
  readonly host: string;
  readonly sub: string;
  readonly aud: string;
  readonly claims: Claims;
}

function readWebIdentity(ctx: PlanContext): WebIdentity {
  const token = requireString(ctx.params, 'WebIdentityToken');
  const claims = readTokenClaims(token);
  if (!claims) return fail('InvalidIdentityToken', 'Couldn\'t parse the web identity token.', 400);
  const iss = claimStrings(claims, 'iss')[0] ?? '';
  const roleAccount = ctx.world.accounts[splitArn(roleArnParam(ctx))?.account ?? ''];
  const issuerUrl = iss.startsWith('https://') ? iss : `https://${iss}`;
  const provider = Object.values(roleAccount?.identityProviders ?? {}).find(
    (p): p is Extract<IdentityProvider, { kind: 'oidc' }> => p.kind === 'oidc' && p.url === issuerUrl,
  );
  if (!provider) return fail('InvalidIdentityToken', `No OpenIDConnect provider found in your account for ${issuerUrl}`, 400);
  const exp = claims.exp;
  if (typeof exp === 'number' && exp <= epochSeconds(ctx.now)) {
    return fail('ExpiredTokenException', 'Token expired: current date/time must be before the expiration date/time.', 400);
  }
  const auds = claimStrings(claims, 'aud');
  const aud = auds.find((a) => provider.clientIds.includes(a));
  if (!aud) return fail('InvalidIdentityToken', 'Incorrect token audience', 400);
  const sub = claimStrings(claims, 'sub')[0] ?? '';
  return { provider, host: provider.url.replace(/^https:\/\//, ''), sub, aud, claims };
}

function webIdentityContext(w: WebIdentity): Record<string, string> {
  // AWS: keys are the provider's host followed by :aud, :sub, :amr (e.g. token.actions.githubusercontent.com:sub).
  const out: Record<string, string> = {
    [`${w.host}:aud`]: w.aud,
    [`${w.host}:sub`]: w.sub,
    'aws:FederatedProvider': w.provider.arn,
  };
  for (const [k, v] of Object.entries(w.claims)) {
    if (typeof v === 'string' && !['aud', 'sub', 'iss', 'exp', 'iat'].includes(k)) out[`${w.host}:${k}`] = v;
  }
  return out;
}

// ---------------------------------------------------------------- SAML

interface SamlAssertion {
  readonly provider: Extract<IdentityProvider, { kind: 'saml' }>;
  readonly subject: string;
  readonly audience: string;
  readonly attributes: Record<string, string>;
}

function readSaml(ctx: PlanContext): SamlAssertion {
  const providerArn = requireString(ctx.params, 'PrincipalArn');
  const text = requireString(ctx.params, 'SAMLAssertion');
  const roleAccount = ctx.world.accounts[splitArn(roleArnParam(ctx))?.account ?? ''];
  const provider = roleAccount?.identityProviders[providerArn];
  if (!provider || provider.kind !== 'saml') return fail('InvalidIdentityToken', 'Specified provider doesn\'t exist.', 400);
  let parsed: Json = null;
  try {
    parsed = JSON.parse(text.trim().startsWith('{') ? text : decodeBase64Url(text)) as Json;
  } catch {
    parsed = null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return fail('MalformedPolicyDocument', 'Invalid SAML assertion.', 400);
  }
  if (parsed.issuer !== provider.issuer) return fail('InvalidIdentityToken', 'Issuer not present in specified provider', 400);
  const notOnOrAfter = typeof parsed.notOnOrAfter === 'string' ? parsed.notOnOrAfter : undefined;
  if (notOnOrAfter && Date.parse(notOnOrAfter) <= Date.parse(ctx.now)) {
    return fail('ExpiredTokenException', 'Token expired: current date/time must be before the expiration date/time.', 400);
  }
  const attributes: Record<string, string> = {};
  if (parsed.attributes && typeof parsed.attributes === 'object' && !Array.isArray(parsed.attributes)) {
    for (const [k, v] of Object.entries(parsed.attributes)) if (typeof v === 'string') attributes[k] = v;
  }
  return {
    provider,
    subject: typeof parsed.subject === 'string' ? parsed.subject : '',
    audience: typeof parsed.audience === 'string' ? parsed.audience : 'https://signin.aws.amazon.com/saml',
    attributes,
  };
}

function samlContext(a: SamlAssertion): Record<string, string> {
  const out: Record<string, string> = {
    'saml:sub': a.subject,
    'saml:aud': a.audience,
    'saml:iss': a.provider.issuer,
    'saml:sub_type': 'persistent',
    'aws:FederatedProvider': a.provider.arn,
  };
  for (const [k, v] of Object.entries(a.attributes)) out[`saml:${k}`] = v;
  return out;
}

// ---------------------------------------------------------------- operations

export const stsOperations: readonly OperationSpec[] = [
  {
    name: 'sts:AssumeRole',
    crud: 'Create',
    accessDeniedCode: 'AccessDenied',
    plan: async (ctx) => {
      const tags = readTags(ctx.params);
      const externalId = optionalString(ctx.params, 'ExternalId');
      const sourceIdentity = optionalString(ctx.params, 'SourceIdentity');
      const extra: Record<string, string | string[]> = {
        'sts:RoleSessionName': sessionNameParam(ctx),
        ...(externalId !== undefined ? { 'sts:ExternalId': externalId } : {}),
        ...(sourceIdentity !== undefined ? { 'sts:SourceIdentity': sourceIdentity } : {}),
        ...requestTagContext(tags),
        ...(await mfaContext(ctx)),
      };
      return trustTarget(ctx, 'sts:AssumeRole', extra);
    },
    run: async (ctx) => {
      const { account, role } = requireRoleForRun(ctx);
      const sessionName = sessionNameParam(ctx);
      const duration = roleDuration(ctx, role);
      const { docs, arns } = sessionPolicyInputs(ctx);
      const mfa = await mfaContext(ctx);
      const mfaAt = mfa['aws:MultiFactorAuthPresent'] === 'true' ? ctx.now : undefined;
      const sourceIdentity = optionalString(ctx.params, 'SourceIdentity');
      const { credentials } = issueSession(ctx, {
        accountId: account.id,
        identity: { kind: 'role', roleName: role.name, sessionName },
        issuedBy: 'AssumeRole',
        durationSeconds: duration,
        sessionPolicies: docs,
        sessionPolicyArns: arns,
        tags: readTags(ctx.params),
        ...(mfaAt ? { mfaAuthenticatedAt: mfaAt } : {}),
        ...(sourceIdentity ? { sourceIdentity } : {}),
      });
      return {
        Credentials: credentials,
        AssumedRoleUser: assumedRoleResult(role, sessionName, account.id),
        PackedPolicySize: docs.length > 0 ? 6 : 0,
        ...(sourceIdentity ? { SourceIdentity: sourceIdentity } : {}),
      };
    },
  },
  {
    name: 'sts:AssumeRoleWithWebIdentity',
    crud: 'Create',
    accessDeniedCode: 'AccessDenied',
    allowsAnonymous: true,
    plan: (ctx) => {
      sessionNameParam(ctx);
      const w = readWebIdentity(ctx);
      return trustTarget(ctx, 'sts:AssumeRoleWithWebIdentity', webIdentityContext(w), { kind: 'webIdentity', provider: w.provider.arn }).slice(0, 1);
    },
    run: (ctx) => {
      const { account, role } = requireRoleForRun(ctx);
      const w = readWebIdentity(ctx);
      const sessionName = sessionNameParam(ctx);
      const duration = roleDuration({ ...ctx, caller: { ...ctx.caller, principalType: 'Anonymous' } }, role);
      const { docs, arns } = sessionPolicyInputs(ctx);
      const { credentials } = issueSession(ctx, {
        accountId: account.id,
        identity: { kind: 'role', roleName: role.name, sessionName },
        issuedBy: 'AssumeRoleWithWebIdentity',
        durationSeconds: duration,
        sessionPolicies: docs,
        sessionPolicyArns: arns,
        tags: {},
        federationContext: webIdentityContext(w),
      });
      return {
        Credentials: credentials,
        SubjectFromWebIdentityToken: w.sub,
        AssumedRoleUser: assumedRoleResult(role, sessionName, account.id),
        Provider: w.host,
        Audience: w.aud,
      };
    },
  },
  {
    name: 'sts:AssumeRoleWithSAML',
    crud: 'Create',
    accessDeniedCode: 'AccessDenied',
    allowsAnonymous: true,
    plan: (ctx) => {
      const a = readSaml(ctx);
      return trustTarget(ctx, 'sts:AssumeRoleWithSAML', samlContext(a), { kind: 'saml', provider: a.provider.arn }).slice(0, 1);
    },
    run: (ctx) => {
      const { account, role } = requireRoleForRun(ctx);
      const a = readSaml(ctx);
      // AWS: the session name comes from the assertion's RoleSessionName attribute (else the subject).
      const sessionName = (a.attributes.RoleSessionName ?? a.subject).replace(/[^\w+=,.@-]/g, '-').slice(0, 64) || 'saml-session';
      const duration = roleDuration({ ...ctx, caller: { ...ctx.caller, principalType: 'Anonymous' } }, role);
      const { docs, arns } = sessionPolicyInputs(ctx);
      const { credentials } = issueSession(ctx, {
        accountId: account.id,
        identity: { kind: 'role', roleName: role.name, sessionName },
        issuedBy: 'AssumeRoleWithSAML',
        durationSeconds: duration,
        sessionPolicies: docs,
        sessionPolicyArns: arns,
        tags: {},
        federationContext: samlContext(a),
      });
      return {
        Credentials: credentials,
        AssumedRoleUser: assumedRoleResult(role, sessionName, account.id),
        Subject: a.subject,
        SubjectType: 'persistent',
        Issuer: a.provider.issuer,
        Audience: a.audience,
      };
    },
  },
  {
    // AWS: "No permissions are required for users to perform this operation."
    name: 'sts:GetSessionToken',
    crud: 'Create',
    accessDeniedCode: 'AccessDenied',
    plan: async (ctx) => {
      await mfaContext(ctx);
      return [];
    },
    run: async (ctx) => {
      const caller = ctx.caller;
      if (caller.via === 'temporaryCredentials' || caller.via === 'instanceProfile' || caller.principalType === 'AssumedRole') {
        return fail('AccessDenied', 'Cannot call GetSessionToken with session credentials', 403);
      }
      const isRoot = caller.principalType === 'Account';
      const max = isRoot ? 3600 : sessionTokenMaxSeconds;
      const requested = optionalNumber(ctx.params, 'DurationSeconds') ?? (isRoot ? 3600 : sessionTokenDefaultSeconds);
      if (requested < minSessionSeconds || requested > max) {
        return fail('ValidationError', `1 validation error detected: Value '${requested}' at 'durationSeconds' failed to satisfy constraint: Member must have value between ${minSessionSeconds} and ${max}`, 400);
      }
      const mfa = await mfaContext(ctx);
      const mfaAt = mfa['aws:MultiFactorAuthPresent'] === 'true' ? ctx.now : undefined;
      const identity: SessionIdentity = isRoot ? { kind: 'root' } : { kind: 'user', userName: caller.userName ?? '' };
      const { credentials } = issueSession(ctx, {
        accountId: caller.accountId ?? '',
        identity,
        issuedBy: 'GetSessionToken',
        durationSeconds: requested,
        sessionPolicies: [],
        sessionPolicyArns: [],
        tags: {},
        ...(mfaAt ? { mfaAuthenticatedAt: mfaAt } : {}),
      });
      return { Credentials: credentials };
    },
  },
  {
    // AWS: "No permissions are required to perform this operation" — even an explicit deny does not stop it.
    name: 'sts:GetCallerIdentity',
    crud: 'Read',
    accessDeniedCode: 'AccessDenied',
    plan: () => [],
    run: (ctx) => {
      const p = ctx.caller.principal;
      const arn = 'arn' in p ? p.arn : '';
      return { UserId: ctx.caller.userId ?? '', Account: ctx.caller.accountId ?? '', Arn: arn };
    },
  },
];
