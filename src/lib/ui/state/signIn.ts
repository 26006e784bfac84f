// Becoming someone in the lab: each way in is a real request through the pipeline (console sign-in,
// AssumeRole…) and, when it succeeds, the lab's identity switches to the credentials it produced.
// Failures leave the identity as it was and return the record, whose response says why.
import type { RequestRecord } from '../../domain/pipeline/types';
import type { Identity, LabState } from './lab.svelte';

export interface UserSignIn {
  readonly accountIdOrAlias: string;
  readonly userName: string;
  readonly password: string;
  readonly mfaCode?: string;
}

export interface RootSignIn {
  readonly email: string;
  readonly password: string;
  readonly mfaCode?: string;
}

function str(result: unknown, key: string): string | undefined {
  if (result && typeof result === 'object' && key in result) {
    const value = (result as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

function principalOf(record: RequestRecord): { accountId?: string; arn?: string } {
  const p = record.authentication.principal;
  if (!p) return {};
  return { accountId: p.accountId, arn: 'arn' in p.principal ? p.principal.arn : undefined };
}

async function consoleLogin(lab: LabState, request: Parameters<LabState['send']>[0], identity: (record: RequestRecord) => Omit<Identity, 'credentials'>): Promise<RequestRecord> {
  const record = await lab.send(request);
  const sessionId = record.response.ok ? str(record.response.result, 'SessionId') : undefined;
  if (sessionId) lab.setIdentity({ ...identity(record), credentials: { kind: 'console', sessionId } });
  return record;
}

export function signInAsUser(lab: LabState, attempt: UserSignIn): Promise<RequestRecord> {
  return consoleLogin(
    lab,
    { operation: 'signin:ConsoleLogin', params: {}, credentials: { kind: 'password', ...attempt } },
    (record) => ({ kind: 'user', name: attempt.userName, via: 'console', ...principalOf(record) }),
  );
}

export function signInAsRoot(lab: LabState, attempt: RootSignIn): Promise<RequestRecord> {
  return consoleLogin(
    lab,
    { operation: 'signin:ConsoleLogin', params: {}, credentials: { kind: 'rootPassword', ...attempt } },
    (record) => ({ kind: 'root', name: attempt.email, via: 'console', ...principalOf(record) }),
  );
}

/** API/CLI access with a user's long-term access key: no request is needed until the first call. */
export function useAccessKey(lab: LabState, key: { userName: string; accessKeyId: string; secretAccessKey: string; accountId?: string }): void {
  lab.setIdentity({
    kind: 'user',
    name: key.userName,
    via: 'accessKey',
    accountId: key.accountId,
    credentials: { kind: 'accessKey', accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey },
  });
}

export function actAnonymously(lab: LabState): void {
  lab.setIdentity({ kind: 'anonymous', name: 'anonymous', via: 'anonymous', credentials: { kind: 'anonymous' } });
}

export interface AssumeRoleInput {
  readonly roleArn: string;
  readonly sessionName: string;
  readonly externalId?: string;
  readonly durationSeconds?: number;
  readonly serialNumber?: string;
  readonly tokenCode?: string;
  readonly policy?: string;
}

/** Calls sts:AssumeRole as the current identity; on success acts as the role session (temporary credentials). */
export async function assumeRole(lab: LabState, input: AssumeRoleInput): Promise<RequestRecord> {
  const params: Record<string, string | number> = { RoleArn: input.roleArn, RoleSessionName: input.sessionName };
  if (input.externalId) params.ExternalId = input.externalId;
  if (input.durationSeconds) params.DurationSeconds = input.durationSeconds;
  if (input.serialNumber) params.SerialNumber = input.serialNumber;
  if (input.tokenCode) params.TokenCode = input.tokenCode;
  if (input.policy) params.Policy = input.policy;
  const record = await lab.send({ operation: 'sts:AssumeRole', params });
  adoptSessionCredentials(lab, record, 'role', input.sessionName);
  return record;
}

/** Switches to the temporary credentials an STS response returned (AssumeRole*, GetSessionToken). */
export function adoptSessionCredentials(lab: LabState, record: RequestRecord, kind: Identity['kind'], name: string): void {
  if (!record.response.ok) return;
  const result = record.response.result;
  const creds = result && typeof result === 'object' && !Array.isArray(result) ? result.Credentials : undefined;
  const id = str(creds, 'AccessKeyId');
  const secret = str(creds, 'SecretAccessKey');
  const token = str(creds, 'SessionToken');
  if (!id || !secret || !token) return;
  const assumed = result && typeof result === 'object' && !Array.isArray(result) ? result.AssumedRoleUser : undefined;
  lab.setIdentity({
    kind,
    name,
    via: 'temporaryCredentials',
    arn: str(assumed, 'Arn'),
    credentials: { kind: 'accessKey', accessKeyId: id, secretAccessKey: secret, sessionToken: token },
  });
}
