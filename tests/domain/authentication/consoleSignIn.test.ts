// Console sign-in: IAM users by account id or alias, root by email, then MFA. Every failure shows
// the same words ("Your authentication information is incorrect. Please try again."), so the page
// never tells whether a user exists; the trace and the CloudTrail-style audit reason do.
// AWS: "Sign in to the AWS Management Console" (AWS Sign-In User Guide); "Using MFA devices with your
// IAM sign-in page" (IAM User Guide); CloudTrail ConsoleLogin events ("Failed authentication",
// "No username found in supplied account").
import { beforeAll, describe, expect, it } from 'vitest';
import { webCrypto } from '../../../src/lib/domain/authentication/crypto';
import { hashPassword } from '../../../src/lib/domain/authentication/passwords';
import { generateTotp, timeStep } from '../../../src/lib/domain/authentication/totp';
import { seededIdSource } from '../../../src/lib/domain/authentication/credentials';
import {
  CONSOLE_SIGN_IN_FAILED,
  consoleSignIn,
  type ConsoleDirectory,
  type ConsoleRootRecord,
  type ConsoleSignInAttempt,
  type ConsoleUserRecord,
} from '../../../src/lib/domain/authentication/consoleSignIn';

const crypto = webCrypto();
const now = '2026-03-01T10:00:00Z';
const ACCOUNT = '111122223333';
const PHONE = { serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice-phone`, base32Secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' };
const KEY = { serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice-key`, base32Secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' };
const ROOT_MFA = { serialNumber: `arn:aws:iam::${ACCOUNT}:mfa/root-account-mfa-device`, base32Secret: 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK' };

let users: Record<string, ConsoleUserRecord>;
let roots: Record<string, ConsoleRootRecord>;

const directory = (): ConsoleDirectory => ({
  resolveAccount: (idOrAlias) => (idOrAlias === ACCOUNT || idOrAlias === 'example-corp' ? ACCOUNT : undefined),
  findUser: (accountId, userName) => (accountId === ACCOUNT ? users[userName] : undefined),
  findRootByEmail: (email) => roots[email.toLowerCase()],
});

beforeAll(async () => {
  const ids = seededIdSource('console');
  const hash = (pw: string) => hashPassword(crypto, ids, pw, 1000);
  users = {
    bob: { userName: 'bob', loginProfile: { passwordHash: await hash('Bob-pass-1') }, mfaDevices: [] },
    alice: { userName: 'alice', loginProfile: { passwordHash: await hash('Alice-pass-1') }, mfaDevices: [PHONE, KEY] },
    carol: { userName: 'carol', loginProfile: { passwordHash: await hash('Carol-pass-1'), passwordResetRequired: true }, mfaDevices: [] },
    dave: { userName: 'dave', mfaDevices: [] },
  };
  roots = {
    'owner@example.com': { accountId: ACCOUNT, passwordHash: await hash('Root-pass-1'), mfaDevices: [] },
    'secure@example.com': { accountId: '444455556666', passwordHash: await hash('Root-pass-2'), mfaDevices: [ROOT_MFA] },
    'nopassword@example.com': { accountId: '777788889999', mfaDevices: [] },
  };
});

const user = (userName: string, password: string, extra: Partial<Extract<ConsoleSignInAttempt, { kind: 'iamUser' }>> = {}): ConsoleSignInAttempt => ({
  kind: 'iamUser',
  accountIdOrAlias: ACCOUNT,
  userName,
  password,
  ...extra,
});

describe('IAM users', () => {
  it.each([
    ['the account id', ACCOUNT],
    ['the account alias', 'example-corp'],
    ['the account id with stray spaces', ` ${ACCOUNT} `],
  ])('sign in with %s', async (_what, accountIdOrAlias) => {
    const result = await consoleSignIn(crypto, user('bob', 'Bob-pass-1', { accountIdOrAlias }), directory(), now);
    expect(result).toMatchObject({
      kind: 'signedIn',
      principal: { kind: 'user', accountId: ACCOUNT, userName: 'bob' },
      mfaAuthenticated: false,
      mustChangePassword: false,
    });
    expect(result.steps.map((s) => `${s.kind}:${s.outcome}`)).toEqual([
      'account.resolve:pass',
      'user.lookup:pass',
      'loginProfile.present:pass',
      'password.verify:pass',
    ]);
  });

  it.each([
    ['an unknown account', user('bob', 'Bob-pass-1', { accountIdOrAlias: '999999999999' }), 'account.resolve', 'Failed authentication'],
    ['an unknown user', user('mallory', 'Bob-pass-1'), 'user.lookup', 'No username found in supplied account'],
    ['a user with no console password', user('dave', 'anything'), 'loginProfile.present', 'Failed authentication'],
    ['a wrong password', user('bob', 'Bob-pass-2'), 'password.verify', 'Failed authentication'],
    ["another user's password", user('bob', 'Alice-pass-1'), 'password.verify', 'Failed authentication'],
    ['an empty password', user('bob', ''), 'password.verify', 'Failed authentication'],
  ])('%s fails with the one generic message', async (_what, attempt, failedCheck, auditReason) => {
    const result = await consoleSignIn(crypto, attempt, directory(), now);
    expect(result).toMatchObject({ kind: 'failed', message: CONSOLE_SIGN_IN_FAILED, failedCheck, auditReason });
    expect(result.steps.at(-1)).toMatchObject({ kind: failedCheck, outcome: 'fail' });
  });

  it('the message for an unknown user and for a wrong password is the same string', async () => {
    const unknown = await consoleSignIn(crypto, user('mallory', 'x'), directory(), now);
    const wrong = await consoleSignIn(crypto, user('bob', 'x'), directory(), now);
    expect(unknown.kind === 'failed' && wrong.kind === 'failed' && unknown.message === wrong.message).toBe(true);
    expect(CONSOLE_SIGN_IN_FAILED).toBe('Your authentication information is incorrect. Please try again.');
  });

  it('a password reset flag lets the user in but sends them to change it', async () => {
    const result = await consoleSignIn(crypto, user('carol', 'Carol-pass-1'), directory(), now);
    expect(result).toMatchObject({ kind: 'signedIn', mustChangePassword: true });
    expect(result.steps.at(-1)).toMatchObject({ kind: 'password.resetRequired', outcome: 'notice' });
  });

  it('step ids are unique and ordered for the trace', async () => {
    const result = await consoleSignIn(crypto, user('bob', 'Bob-pass-1'), directory(), now);
    expect(result.steps.map((s) => s.id)).toEqual(['signin.1', 'signin.2', 'signin.3', 'signin.4']);
  });
});

describe('MFA', () => {
  const codeAt = async (secret: string, iso: string) => generateTotp(crypto, secret, iso);

  it('a right password on an MFA user asks for a code instead of signing in', async () => {
    const result = await consoleSignIn(crypto, user('alice', 'Alice-pass-1'), directory(), now);
    expect(result).toMatchObject({
      kind: 'mfaRequired',
      principal: { kind: 'user', userName: 'alice' },
      mfaSerialNumbers: [PHONE.serialNumber, KEY.serialNumber],
    });
    expect(result.steps.at(-1)).toMatchObject({ kind: 'mfa.required', outcome: 'pending' });
  });

  it('a wrong password never reaches the MFA prompt', async () => {
    const result = await consoleSignIn(crypto, user('alice', 'nope'), directory(), now);
    expect(result).toMatchObject({ kind: 'failed', failedCheck: 'password.verify' });
  });

  it.each([
    ['the current code of the first device', PHONE, now],
    ['the current code of the second device', KEY, now],
    ['the previous 30-second code (clock drift)', PHONE, '2026-03-01T09:59:30Z'],
  ])('%s signs in with MFA', async (_what, device, codeTime) => {
    const mfaCode = await codeAt(device.base32Secret, codeTime);
    const result = await consoleSignIn(crypto, user('alice', 'Alice-pass-1', { mfaCode }), directory(), now);
    expect(result).toMatchObject({
      kind: 'signedIn',
      mfaAuthenticated: true,
      mfaUsed: { serialNumber: device.serialNumber, timeStep: timeStep(codeTime) },
    });
    expect(result.steps.at(-1)).toMatchObject({ kind: 'mfa.verify', outcome: 'pass', detail: device.serialNumber });
  });

  it.each([
    ['a code from two minutes ago', async () => codeAt(PHONE.base32Secret, '2026-03-01T09:58:00Z'), {}, 'mismatch'],
    ['a code that is not six digits', async () => '12ab56', {}, 'format'],
    ['a code for another device than the one named', async () => codeAt(PHONE.base32Secret, now), { mfaSerialNumber: KEY.serialNumber }, 'mismatch'],
    ['a device serial the user does not have', async () => codeAt(PHONE.base32Secret, now), { mfaSerialNumber: 'arn:aws:iam::111122223333:mfa/x' }, 'unknownDevice'],
  ])('%s fails with the generic message', async (_what, code, extra, detail) => {
    const mfaCode = await code();
    const result = await consoleSignIn(crypto, user('alice', 'Alice-pass-1', { mfaCode, ...extra }), directory(), now);
    expect(result).toMatchObject({ kind: 'failed', message: CONSOLE_SIGN_IN_FAILED, failedCheck: 'mfa.verify', auditReason: 'Failed authentication' });
    expect(result.steps.at(-1)).toMatchObject({ kind: 'mfa.verify', outcome: 'fail', detail });
  });

  it('a code already used to sign in cannot be used again', async () => {
    const mfaCode = await codeAt(PHONE.base32Secret, now);
    const first = await consoleSignIn(crypto, user('alice', 'Alice-pass-1', { mfaCode }), directory(), now);
    expect(first.kind).toBe('signedIn');
    if (first.kind !== 'signedIn' || !first.mfaUsed) return;
    const used = first.mfaUsed;
    const remembering: ConsoleDirectory = {
      ...directory(),
      findUser: (a, n) => {
        const found = directory().findUser(a, n);
        return found && { ...found, mfaDevices: found.mfaDevices.map((d) => (d.serialNumber === used.serialNumber ? { ...d, lastUsedStep: used.timeStep } : d)) };
      },
    };
    const again = await consoleSignIn(crypto, user('alice', 'Alice-pass-1', { mfaCode, mfaSerialNumber: PHONE.serialNumber }), remembering, now);
    expect(again).toMatchObject({ kind: 'failed', failedCheck: 'mfa.verify' });
    expect(again.steps.at(-1)?.detail).toBe('replayed');
  });
});

describe('root user', () => {
  const root = (email: string, password: string, mfaCode?: string): ConsoleSignInAttempt => ({
    kind: 'root',
    email,
    password,
    ...(mfaCode !== undefined ? { mfaCode } : {}),
  });

  it('signs in by email and password', async () => {
    const result = await consoleSignIn(crypto, root('Owner@Example.com', 'Root-pass-1'), directory(), now);
    expect(result).toMatchObject({ kind: 'signedIn', principal: { kind: 'root', accountId: ACCOUNT }, mfaAuthenticated: false });
    expect(result.steps.map((s) => s.kind)).toEqual(['root.lookup', 'password.verify']);
  });

  it.each([
    ['an unknown email', root('nobody@example.com', 'Root-pass-1'), 'root.lookup'],
    ['a wrong password', root('owner@example.com', 'Root-pass-2'), 'password.verify'],
    ['a root user without a password', root('nopassword@example.com', ''), 'root.lookup'],
  ])('%s fails with the generic message', async (_what, attempt, failedCheck) => {
    expect(await consoleSignIn(crypto, attempt, directory(), now)).toMatchObject({
      kind: 'failed',
      message: CONSOLE_SIGN_IN_FAILED,
      failedCheck,
      auditReason: 'Failed authentication',
    });
  });

  it('with an MFA device: asks for a code, then accepts the right one', async () => {
    const asked = await consoleSignIn(crypto, root('secure@example.com', 'Root-pass-2'), directory(), now);
    expect(asked).toMatchObject({ kind: 'mfaRequired', principal: { kind: 'root', accountId: '444455556666' } });
    const code = await generateTotp(crypto, ROOT_MFA.base32Secret, now);
    const signedIn = await consoleSignIn(crypto, root('secure@example.com', 'Root-pass-2', code), directory(), now);
    expect(signedIn).toMatchObject({ kind: 'signedIn', mfaAuthenticated: true, mfaUsed: { serialNumber: ROOT_MFA.serialNumber } });
  });
});
