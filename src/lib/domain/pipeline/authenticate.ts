// Authentication: who sent the request? Console sessions and passwords, SigV4-signed access keys
// (long-term AKIA… and temporary ASIA…), instance-profile credentials and anonymous requests.
// Invariant: authentication only reads the world; it never decides what the principal may do.
// AWS: IAM User Guide "AWS security credentials", "Create a signed AWS API request",
// "Troubleshoot Signature Version 4", "Use temporary credentials with AWS resources" (ExpiredToken).
import { consoleSignIn } from '../authentication/consoleSignIn';
import type { ConsoleDirectory, ConsoleSignInResult, MfaDeviceRecord } from '../authentication/consoleSignIn';
import { authorizationHeader, credentialScope, signedHeadersList, signRequest, verifySignature } from '../authentication/sigv4';
import type { HttpRequest, SecretLookup } from '../authentication/sigv4';
import { findName } from '../operations/iam/iamShared';
import type { OperationSpec } from '../operations/types';
import { assumedRoleArn, rootArn } from '../world/arns';
import type { Account, Session, World } from '../world/types';
import { serviceOf, signingRegion, toHttpRequest } from './httpRequest';
import type { ApiError, ApiRequest, AuthenticatedPrincipal, AuthenticationOutcome, AuthenticationStep, SendDeps } from './types';

const invalidToken: ApiError = { code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', httpStatus: 403 };
const missingToken: ApiError = { code: 'MissingAuthenticationToken', message: 'Request is missing Authentication Token', httpStatus: 403 };
const expiredToken: ApiError = { code: 'ExpiredToken', message: 'The security token included in the request is expired', httpStatus: 400 };
const signInFailed = (message: string): ApiError => ({ code: 'SignInFailed', message, httpStatus: 401 });

function failed(steps: AuthenticationStep[], error: ApiError): AuthenticationOutcome {
  return { ok: false, steps, error };
}

function succeeded(steps: AuthenticationStep[], principal: AuthenticatedPrincipal): AuthenticationOutcome {
  const p = principal.principal;
  steps.push({ kind: 'principal.resolved', ok: true, params: { arn: 'arn' in p ? p.arn : 'anonymous', type: principal.principalType } });
  return { ok: true, steps, principal };
}

function rootPrincipal(account: Account, via: AuthenticatedPrincipal['via'], extra: Partial<AuthenticatedPrincipal> = {}): AuthenticatedPrincipal {
  return {
    principal: { kind: 'root', arn: rootArn(account.id), accountId: account.id },
    accountId: account.id,
    principalType: 'Account',
    userId: account.id,
    via,
    ...extra,
  };
}

function userPrincipal(account: Account, userName: string, via: AuthenticatedPrincipal['via'], extra: Partial<AuthenticatedPrincipal> = {}): AuthenticatedPrincipal | undefined {
  const key = findName(account.users, userName);
  const user = key === undefined ? undefined : account.users[key];
  if (!user) return undefined;
  return {
    principal: { kind: 'user', arn: user.arn, accountId: account.id },
    accountId: account.id,
    principalType: 'User',
    userName: user.name,
    userId: user.id,
    via,
    ...extra,
  };
}

function rolePrincipal(world: World, accountId: string, roleName: string, sessionName: string, via: AuthenticatedPrincipal['via'], extra: Partial<AuthenticatedPrincipal> = {}): AuthenticatedPrincipal {
  const role = world.accounts[accountId]?.roles[roleName];
  return {
    principal: {
      kind: 'assumedRole',
      arn: assumedRoleArn(accountId, roleName, sessionName),
      roleArn: role?.arn ?? `arn:aws:iam::${accountId}:role/${roleName}`,
      accountId,
    },
    accountId,
    principalType: 'AssumedRole',
    roleName,
    sessionName,
    userId: `${role?.id ?? 'AROA'}:${sessionName}`,
    via,
    ...extra,
  };
}

function mfaRecords(account: Account, serials: readonly string[]): MfaDeviceRecord[] {
  return serials.flatMap((s) => {
    const d = account.mfaDevices[s];
    return d ? [{ serialNumber: d.serialNumber, base32Secret: d.base32Secret, ...(d.lastUsedStep !== undefined ? { lastUsedStep: d.lastUsedStep } : {}) }] : [];
  });
}

function directoryOf(world: World): ConsoleDirectory {
  return {
    resolveAccount: (idOrAlias) =>
      world.accounts[idOrAlias]?.id ?? Object.values(world.accounts).find((a) => a.alias !== undefined && a.alias === idOrAlias.toLowerCase())?.id,
    findUser: (accountId, userName) => {
      const account = world.accounts[accountId];
      const key = account ? findName(account.users, userName) : undefined;
      const user = key !== undefined ? account?.users[key] : undefined;
      if (!account || !user) return undefined;
      return {
        userName: user.name,
        ...(user.loginProfile ? { loginProfile: { passwordHash: user.loginProfile.passwordHash, passwordResetRequired: user.loginProfile.passwordResetRequired } } : {}),
        mfaDevices: mfaRecords(account, user.mfaDevices),
      };
    },
    findRootByEmail: (email) => {
      const account = Object.values(world.accounts).find((a) => a.root.email.toLowerCase() === email.toLowerCase());
      if (!account) return undefined;
      return { accountId: account.id, passwordHash: account.root.passwordHash, mfaDevices: mfaRecords(account, account.root.mfaSerial ? [account.root.mfaSerial] : []) };
    },
  };
}

function signInSteps(result: ConsoleSignInResult, kind: 'console.password' | 'console.root'): AuthenticationStep[] {
  return result.steps.map((s) => ({
    kind,
    ok: s.outcome !== 'fail',
    signInCheck: s.kind,
    params: { outcome: s.outcome, ...(s.detail !== undefined ? { detail: s.detail } : {}) },
  }));
}

function accountOpen(world: World, accountId: string, steps: AuthenticationStep[]): boolean {
  const open = world.accounts[accountId]?.status === 'active';
  steps.push({ kind: 'account.status', ok: open, params: { accountId } });
  return open;
}

/** What the receiving service knows about each access key id (long-term and temporary). */
export function secretLookup(world: World): SecretLookup {
  return (accessKeyId) => {
    const session = world.sessions[accessKeyId];
    if (session) return { secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken, expiresAt: session.expiration };
    for (const account of Object.values(world.accounts)) {
      const rootKey = account.root.accessKeys.find((k) => k.accessKeyId === accessKeyId);
      if (rootKey) return { secretAccessKey: rootKey.secretAccessKey, active: rootKey.status === 'Active' };
      for (const user of Object.values(account.users)) {
        const key = user.accessKeys.find((k) => k.accessKeyId === accessKeyId);
        if (key) return { secretAccessKey: key.secretAccessKey, active: key.status === 'Active' };
      }
    }
    return undefined;
  };
}

/** The principal an access key id belongs to, once the signature checked out. */
function principalForKey(world: World, accessKeyId: string): AuthenticatedPrincipal | undefined {
  const session: Session | undefined = world.sessions[accessKeyId];
  if (session) {
    const account = world.accounts[session.accountId];
    if (!account) return undefined;
    const extra = { accessKeyId, ...(session.mfaAuthenticatedAt ? { mfaAuthenticatedAt: session.mfaAuthenticatedAt } : {}) };
    if (session.identity.kind === 'role') {
      return rolePrincipal(world, session.accountId, session.identity.roleName, session.identity.sessionName, 'temporaryCredentials', extra);
    }
    if (session.identity.kind === 'root') return rootPrincipal(account, 'temporaryCredentials', extra);
    return userPrincipal(account, session.identity.userName, 'temporaryCredentials', extra);
  }
  for (const account of Object.values(world.accounts)) {
    if (account.root.accessKeys.some((k) => k.accessKeyId === accessKeyId)) return rootPrincipal(account, 'accessKey', { accessKeyId });
    for (const user of Object.values(account.users)) {
      if (user.accessKeys.some((k) => k.accessKeyId === accessKeyId)) return userPrincipal(account, user.name, 'accessKey', { accessKeyId });
    }
  }
  return undefined;
}

function accountOfKey(world: World, accessKeyId: string): string | undefined {
  const p = principalForKey(world, accessKeyId);
  return p?.accountId;
}

async function authenticateSigned(
  world: World,
  http: HttpRequest,
  steps: AuthenticationStep[],
  request: ApiRequest,
  deps: SendDeps,
): Promise<AuthenticationOutcome> {
  const service = serviceOf(request.operation);
  const verification = await verifySignature(deps.crypto, http, secretLookup(world), { service, region: signingRegion(request), now: world.clock });
  if (verification.kind !== 'verified') {
    steps.push({
      kind: 'sigv4.verify',
      ok: false,
      sigv4Checks: verification.checks,
      ...(verification.kind === 'rejected' && verification.computation ? { sigv4: verification.computation } : {}),
      params: { failedCheck: verification.kind === 'rejected' ? verification.failedCheck : 'authorizationHeader' },
    });
    // IAM/STS speak the query dialect; an expired session token reads ExpiredToken there.
    return failed(steps, verification.error);
  }
  steps.push({ kind: 'sigv4.verify', ok: true, sigv4: verification.computation, sigv4Checks: verification.checks, params: { accessKeyId: verification.accessKeyId } });
  const principal = principalForKey(world, verification.accessKeyId);
  if (!principal || !principal.accountId) return failed(steps, invalidToken);
  if (!accountOpen(world, principal.accountId, steps)) return failed(steps, invalidToken);
  return succeeded(steps, principal);
}

/** Authenticates `request` against `world` (read-only). `spec` says whether anonymous callers may go on. */
export async function authenticate(world: World, request: ApiRequest, deps: SendDeps, spec: OperationSpec | undefined): Promise<AuthenticationOutcome> {
  const c = request.credentials;
  const steps: AuthenticationStep[] = [{ kind: 'credentials.kind', ok: true, params: { kind: c.kind } }];
  switch (c.kind) {
    case 'anonymous': {
      const allowed = spec?.allowsAnonymous === true;
      steps.push({ kind: 'anonymous', ok: allowed, params: { operation: request.operation } });
      if (!allowed) return failed(steps, missingToken);
      return succeeded(steps, { principal: { kind: 'anonymous' }, principalType: 'Anonymous', userId: 'anonymous', via: 'anonymous' });
    }
    case 'console': {
      const session = world.consoleSessions[c.sessionId];
      steps.push({ kind: 'console.session', ok: session !== undefined, params: { sessionId: c.sessionId } });
      if (!session) return failed(steps, invalidToken);
      const live = Date.parse(world.clock) < Date.parse(session.expiration);
      steps.push({ kind: 'session.expiry', ok: live, params: { expiration: session.expiration, now: world.clock } });
      if (!live) return failed(steps, expiredToken);
      const account = world.accounts[session.accountId];
      if (!account || !accountOpen(world, account.id, steps)) return failed(steps, invalidToken);
      const extra = session.mfaAuthenticatedAt ? { mfaAuthenticatedAt: session.mfaAuthenticatedAt } : {};
      const principal = session.identity.kind === 'root' ? rootPrincipal(account, 'console', extra) : userPrincipal(account, session.identity.userName, 'console', extra);
      if (!principal) return failed(steps, invalidToken);
      return succeeded(steps, principal);
    }
    case 'password':
    case 'rootPassword': {
      const attempt =
        c.kind === 'password'
          ? { kind: 'iamUser' as const, accountIdOrAlias: c.accountIdOrAlias, userName: c.userName, password: c.password, ...(c.mfaCode ? { mfaCode: c.mfaCode } : {}) }
          : { kind: 'root' as const, email: c.email, password: c.password, ...(c.mfaCode ? { mfaCode: c.mfaCode } : {}) };
      const result = await consoleSignIn(deps.crypto, attempt, directoryOf(world), world.clock);
      steps.push(...signInSteps(result, c.kind === 'password' ? 'console.password' : 'console.root'));
      if (result.kind === 'failed') return failed(steps, signInFailed(result.message));
      if (result.kind === 'mfaRequired') {
        steps.push({ kind: 'mfa.check', ok: false, params: { devices: result.mfaSerialNumbers.join(',') } });
        return failed(steps, { code: 'MfaRequired', message: 'This identity has MFA: enter the code from the MFA device.', httpStatus: 401 });
      }
      const account = world.accounts[result.principal.accountId];
      if (!account || !accountOpen(world, account.id, steps)) return failed(steps, signInFailed('Your authentication information is incorrect. Please try again.'));
      const extra = {
        ...(result.mfaAuthenticated ? { mfaAuthenticatedAt: world.clock } : {}),
        ...(result.mfaUsed ? { mfaUsed: result.mfaUsed } : {}),
      };
      const principal = result.principal.kind === 'root' ? rootPrincipal(account, 'console', extra) : userPrincipal(account, result.principal.userName, 'console', extra);
      if (!principal) return failed(steps, signInFailed('Your authentication information is incorrect. Please try again.'));
      return succeeded(steps, principal);
    }
    case 'accessKey': {
      const http = toHttpRequest(request);
      const service = serviceOf(request.operation);
      const signed = await signRequest(
        deps.crypto,
        http,
        { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, ...(c.sessionToken ? { sessionToken: c.sessionToken } : {}) },
        { region: signingRegion(request), service, time: world.clock },
      );
      steps.push({ kind: 'sigv4.sign', ok: true, sigv4: signed.computation, params: { accessKeyId: c.accessKeyId } });
      steps.push({ kind: 'accessKey.lookup', ok: secretLookup(world)(c.accessKeyId) !== undefined, params: { accessKeyId: c.accessKeyId, account: accountOfKey(world, c.accessKeyId) ?? '' } });
      return authenticateSigned(world, signed.request, steps, request, deps);
    }
    case 'signature': {
      const http = toHttpRequest(request);
      const service = serviceOf(request.operation);
      const headers = [...http.headers, { name: 'X-Amz-Date', value: c.amzDate }, ...(c.sessionToken ? [{ name: 'X-Amz-Security-Token', value: c.sessionToken }] : [])];
      const signedHeaders = signedHeadersList(headers.map((h) => h.name));
      const scope = credentialScope(c.amzDate.slice(0, 8), signingRegion(request), service);
      const withAuth: HttpRequest = { ...http, headers: [...headers, { name: 'Authorization', value: authorizationHeader(c.accessKeyId, scope, signedHeaders, c.signature) }] };
      return authenticateSigned(world, withAuth, steps, request, deps);
    }
    case 'instanceProfile': {
      const owner = Object.values(world.accounts).find((a) => a.ec2.instances[c.instanceId] !== undefined);
      const instance = owner?.ec2.instances[c.instanceId];
      const profile = instance?.instanceProfileArn ? Object.values(owner?.instanceProfiles ?? {}).find((p) => p.arn === instance.instanceProfileArn) : undefined;
      const roleName = profile?.roles[0];
      const running = instance?.state === 'running';
      steps.push({
        kind: 'instanceProfile.credentials',
        ok: Boolean(owner && instance && running && roleName),
        params: { instanceId: c.instanceId, state: instance?.state ?? 'unknown', instanceProfile: profile?.name ?? '', role: roleName ?? '' },
      });
      if (!owner || !instance || !running || !roleName || !owner.roles[roleName]) return failed(steps, missingToken);
      if (!accountOpen(world, owner.id, steps)) return failed(steps, invalidToken);
      return succeeded(steps, rolePrincipal(world, owner.id, roleName, c.instanceId, 'instanceProfile', { sourceInstanceArn: instance.arn }));
    }
  }
}
