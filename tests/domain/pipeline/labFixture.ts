// Shared fixture for world/operations/pipeline tests: one default lab per test file (password hashing
// is deliberately slow), deterministic ids, and helpers to send requests as the lab's principals.
import { webCrypto } from '../../../src/lib/domain/authentication/crypto';
import { generateTotp } from '../../../src/lib/domain/authentication/totp';
import { seededIdSource } from '../../../src/lib/domain/authentication/credentials';
import { send } from '../../../src/lib/domain/pipeline/send';
import type { ApiRequest, Credentials, RequestRecord, SendDeps } from '../../../src/lib/domain/pipeline/types';
import type { Json } from '../../../src/lib/domain/policy/types';
import { companyAccountId, createDefaultLab, defaultLabCredentials } from '../../../src/lib/domain/world/defaultLab';
import type { World } from '../../../src/lib/domain/world/types';

export const crypto = webCrypto();

export function deps(seed = 7): SendDeps {
  return { crypto, ids: seededIdSource(seed) };
}

let lab: Promise<World> | undefined;

/** The default lab with cheap password hashes (100 PBKDF2 iterations, tests only). */
export function defaultLab(): Promise<World> {
  lab ??= createDefaultLab({ crypto, passwordIterations: 100 });
  return lab;
}

export function userKey(world: World, userName: string, accountId = companyAccountId): Credentials {
  const key = world.accounts[accountId]?.users[userName]?.accessKeys[0];
  if (!key) throw new Error(`${userName} has no access key`);
  return { kind: 'accessKey', accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey };
}

export const rootPassword: Credentials = { kind: 'rootPassword', email: defaultLabCredentials.root.email, password: defaultLabCredentials.root.password };
export const partnerRootPassword: Credentials = {
  kind: 'rootPassword',
  email: defaultLabCredentials.partner.root.email,
  password: defaultLabCredentials.partner.root.password,
};

export function bobPassword(mfaCode?: string): Credentials {
  return { kind: 'password', accountIdOrAlias: companyAccountId, userName: 'bob', password: defaultLabCredentials.users.bob.password, ...(mfaCode ? { mfaCode } : {}) };
}

export function alicePassword(): Credentials {
  return { kind: 'password', accountIdOrAlias: defaultLabCredentials.accountAlias, userName: 'alice', password: defaultLabCredentials.users.alice.password };
}

export function request(operation: string, params: Record<string, Json>, credentials: Credentials, extra: Partial<ApiRequest> = {}): ApiRequest {
  return { operation, params, credentials, ...extra };
}

export interface Sent {
  readonly record: RequestRecord;
  readonly world: World;
}

/** Sends and returns { record, world }. */
export async function call(world: World, operation: string, params: Record<string, Json>, credentials: Credentials, extra: Partial<ApiRequest> = {}, seed = 7): Promise<Sent> {
  return send(world, request(operation, params, credentials, extra), deps(seed));
}

/** The result object of a successful call (fails the test otherwise). */
export function ok(sent: Sent): Record<string, Json> {
  if (!sent.record.response.ok) throw new Error(`expected success, got ${sent.record.response.code}: ${sent.record.response.message}`);
  return sent.record.response.result as Record<string, Json>;
}

export function errorOf(sent: Sent): { code: string; message: string } {
  const r = sent.record.response;
  if (r.ok) throw new Error(`expected an error, got success: ${JSON.stringify(r.result)}`);
  return { code: r.code, message: r.message };
}

export function totp(secret: string, at: string): Promise<string> {
  return generateTotp(crypto, secret, at);
}

export function credentialsFrom(result: Record<string, Json>): Credentials {
  const c = result.Credentials as Record<string, string>;
  return { kind: 'accessKey', accessKeyId: c.AccessKeyId ?? '', secretAccessKey: c.SecretAccessKey ?? '', sessionToken: c.SessionToken ?? '' };
}
