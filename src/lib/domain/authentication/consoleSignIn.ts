// Console sign-in as a pure check: an IAM user (account id or alias + user name + password) or the
// root user (email + password), then MFA when the identity has a device. Invariant: every failure
// shows the person signing in the same message, whatever failed, as AWS does; only the trace (the
// lab's x-ray view, like CloudTrail's ConsoleLogin event for an administrator) says which check it was.
// AWS: "Sign in to the AWS Management Console" (AWS Sign-In User Guide) and "Using MFA devices with
// your IAM sign-in page" (IAM User Guide, console_sign-in-mfa).
import type { CryptoPort } from './crypto';
import { verifyPassword } from './passwords';
import { checkTotp } from './totp';

export type ConsoleSignInAttempt =
  | {
      readonly kind: 'iamUser';
      /** The 12-digit account id or the account alias typed on the sign-in page. */
      readonly accountIdOrAlias: string;
      readonly userName: string;
      readonly password: string;
      readonly mfaCode?: string;
      /** Which device the code is from; when absent every device of the identity is tried. */
      readonly mfaSerialNumber?: string;
    }
  | {
      readonly kind: 'root';
      readonly email: string;
      readonly password: string;
      readonly mfaCode?: string;
      readonly mfaSerialNumber?: string;
    };

export interface MfaDeviceRecord {
  readonly serialNumber: string;
  readonly base32Secret: string;
  /** The time step of the last code this device accepted; the same code cannot sign in twice. */
  readonly lastUsedStep?: number;
}

export interface ConsoleUserRecord {
  readonly userName: string;
  /** Absent when the user has no console password (CreateLoginProfile was never called). */
  readonly loginProfile?: { readonly passwordHash: string; readonly passwordResetRequired?: boolean };
  readonly mfaDevices: readonly MfaDeviceRecord[];
}

export interface ConsoleRootRecord {
  readonly accountId: string;
  readonly passwordHash?: string;
  readonly mfaDevices: readonly MfaDeviceRecord[];
}

/** Lookups into whatever holds the accounts; the sign-in logic never sees the world model. */
export interface ConsoleDirectory {
  /** A 12-digit account id or an alias → the account id, when such an account exists. */
  resolveAccount(accountIdOrAlias: string): string | undefined;
  findUser(accountId: string, userName: string): ConsoleUserRecord | undefined;
  findRootByEmail(email: string): ConsoleRootRecord | undefined;
}

export type ConsoleSignInCheck =
  | 'account.resolve'
  | 'user.lookup'
  | 'root.lookup'
  | 'loginProfile.present'
  | 'password.verify'
  | 'mfa.required'
  | 'mfa.verify'
  | 'password.resetRequired';

export interface ConsoleSignInStep {
  readonly id: string;
  readonly kind: ConsoleSignInCheck;
  /** `pending`: the console is waiting for an MFA code; `notice`: sign-in goes on with a condition. */
  readonly outcome: 'pass' | 'fail' | 'pending' | 'notice';
  /** A short fact for the trace (an account id, a device serial, a TOTP failure reason). */
  readonly detail?: string;
}

/** What the sign-in page says for every failed attempt, whatever the cause. */
export const CONSOLE_SIGN_IN_FAILED = 'Your authentication information is incorrect. Please try again.';

/**
 * The errorMessage CloudTrail writes on a failed ConsoleLogin event, which is where an
 * administrator (not the person signing in) can learn that a user name did not exist.
 */
export type ConsoleSignInAuditReason = 'Failed authentication' | 'No username found in supplied account';

export type ConsoleSignInPrincipal =
  | { readonly kind: 'user'; readonly accountId: string; readonly userName: string }
  | { readonly kind: 'root'; readonly accountId: string };

export type ConsoleSignInResult =
  | {
      readonly kind: 'signedIn';
      readonly principal: ConsoleSignInPrincipal;
      /** True when an MFA code was checked: aws:MultiFactorAuthPresent for the session. */
      readonly mfaAuthenticated: boolean;
      /** The device and step that were used, so the caller can record lastUsedStep. */
      readonly mfaUsed?: { readonly serialNumber: string; readonly timeStep: number };
      /** The console sends the user to the change-password page before anything else. */
      readonly mustChangePassword: boolean;
      readonly steps: readonly ConsoleSignInStep[];
    }
  | {
      /** The password was right and the identity has MFA: the console now asks for a code. */
      readonly kind: 'mfaRequired';
      readonly principal: ConsoleSignInPrincipal;
      readonly mfaSerialNumbers: readonly string[];
      readonly steps: readonly ConsoleSignInStep[];
    }
  | {
      readonly kind: 'failed';
      readonly message: typeof CONSOLE_SIGN_IN_FAILED;
      readonly auditReason: ConsoleSignInAuditReason;
      readonly failedCheck: ConsoleSignInCheck;
      readonly steps: readonly ConsoleSignInStep[];
    };

/**
 * Checks a console sign-in attempt at `now` (ISO 8601). Order: find the account and identity, check
 * the password, then the MFA code; a password reset flag does not stop the sign-in, it only routes
 * the user to the change-password page.
 */
export async function consoleSignIn(
  crypto: CryptoPort,
  attempt: ConsoleSignInAttempt,
  directory: ConsoleDirectory,
  now: string,
): Promise<ConsoleSignInResult> {
  const steps: ConsoleSignInStep[] = [];
  const step = (kind: ConsoleSignInCheck, outcome: ConsoleSignInStep['outcome'], detail?: string) => {
    steps.push({ id: `signin.${steps.length + 1}`, kind, outcome, ...(detail !== undefined ? { detail } : {}) });
  };
  const fail = (failedCheck: ConsoleSignInCheck, auditReason: ConsoleSignInAuditReason): ConsoleSignInResult => ({
    kind: 'failed',
    message: CONSOLE_SIGN_IN_FAILED,
    auditReason,
    failedCheck,
    steps,
  });

  let principal: ConsoleSignInPrincipal;
  let passwordHash: string;
  let devices: readonly MfaDeviceRecord[];
  let resetRequired = false;

  if (attempt.kind === 'iamUser') {
    const accountId = directory.resolveAccount(attempt.accountIdOrAlias.trim());
    if (accountId === undefined) {
      step('account.resolve', 'fail', attempt.accountIdOrAlias);
      return fail('account.resolve', 'Failed authentication');
    }
    step('account.resolve', 'pass', accountId);
    // How names compare (IAM keeps them unique ignoring case) is the directory's business.
    const user = directory.findUser(accountId, attempt.userName);
    if (!user) {
      step('user.lookup', 'fail', attempt.userName);
      return fail('user.lookup', 'No username found in supplied account');
    }
    step('user.lookup', 'pass', user.userName);
    if (!user.loginProfile) {
      step('loginProfile.present', 'fail');
      return fail('loginProfile.present', 'Failed authentication');
    }
    step('loginProfile.present', 'pass');
    principal = { kind: 'user', accountId, userName: user.userName };
    passwordHash = user.loginProfile.passwordHash;
    devices = user.mfaDevices;
    resetRequired = user.loginProfile.passwordResetRequired === true;
  } else {
    const root = directory.findRootByEmail(attempt.email.trim());
    if (!root || root.passwordHash === undefined) {
      step('root.lookup', 'fail', attempt.email);
      return fail('root.lookup', 'Failed authentication');
    }
    step('root.lookup', 'pass', root.accountId);
    principal = { kind: 'root', accountId: root.accountId };
    passwordHash = root.passwordHash;
    devices = root.mfaDevices;
  }

  if (!(await verifyPassword(crypto, attempt.password, passwordHash))) {
    step('password.verify', 'fail');
    return fail('password.verify', 'Failed authentication');
  }
  step('password.verify', 'pass');

  let mfaUsed: { serialNumber: string; timeStep: number } | undefined;
  if (devices.length > 0) {
    if (attempt.mfaCode === undefined || attempt.mfaCode.trim() === '') {
      step('mfa.required', 'pending', devices.map((d) => d.serialNumber).join(','));
      return { kind: 'mfaRequired', principal, mfaSerialNumbers: devices.map((d) => d.serialNumber), steps };
    }
    step('mfa.required', 'pass');
    const candidates = attempt.mfaSerialNumber === undefined ? devices : devices.filter((d) => d.serialNumber === attempt.mfaSerialNumber);
    let lastReason = candidates.length === 0 ? 'unknownDevice' : 'mismatch';
    for (const device of candidates) {
      const verdict = await checkTotp(crypto, device.base32Secret, attempt.mfaCode, now, {
        ...(device.lastUsedStep !== undefined ? { lastUsedStep: device.lastUsedStep } : {}),
      });
      if (verdict.kind === 'valid') {
        mfaUsed = { serialNumber: device.serialNumber, timeStep: verdict.timeStep };
        break;
      }
      lastReason = verdict.reason;
    }
    if (!mfaUsed) {
      step('mfa.verify', 'fail', lastReason);
      return fail('mfa.verify', 'Failed authentication');
    }
    step('mfa.verify', 'pass', mfaUsed.serialNumber);
  }

  if (resetRequired) step('password.resetRequired', 'notice');
  return {
    kind: 'signedIn',
    principal,
    mfaAuthenticated: mfaUsed !== undefined,
    ...(mfaUsed ? { mfaUsed } : {}),
    mustChangePassword: resetRequired,
    steps,
  };
}
