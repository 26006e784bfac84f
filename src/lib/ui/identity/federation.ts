// Federated sign-in and sign-out, next to the sign-in helpers of state/signIn.ts: a federated user trades
// an identity provider's token (OIDC) or assertion (SAML) for a role session through STS.
// Invariant: the identity changes only when STS answered with credentials (adoptSessionCredentials).
import type { Json } from '../../domain/policy/types';
import type { ApiError, RequestRecord } from '../../domain/pipeline/types';
import { actAnonymously, adoptSessionCredentials } from '../state/signIn';
import type { LabState } from '../state/lab.svelte';

export interface FederationInput {
  readonly provider:
    | { readonly kind: 'oidc'; readonly url: string; readonly audience: string }
    | { readonly kind: 'saml'; readonly arn: string; readonly issuer: string };
  readonly roleArn: string;
  readonly subject: string;
  readonly sessionName: string;
}

/**
 * The lab's stand-in for the IdP's token or assertion: its claims as JSON, valid for an hour of lab time.
 * AWS: IAM User Guide "OIDC federation" (iss, aud, sub claims) and "SAML 2.0 federation".
 */
export function federationToken(input: FederationInput, now: string): string {
  const exp = Math.floor(Date.parse(now) / 1000) + 3600;
  if (input.provider.kind === 'oidc') {
    return JSON.stringify({ iss: input.provider.url, aud: input.provider.audience, sub: input.subject, exp });
  }
  return JSON.stringify({ issuer: input.provider.issuer, subject: input.subject, notOnOrAfter: new Date(exp * 1000).toISOString() });
}

/** AssumeRoleWithWebIdentity / AssumeRoleWithSAML: unsigned calls that trade the token for a role session. */
export async function federate(lab: LabState, input: FederationInput): Promise<RequestRecord> {
  const token = federationToken(input, lab.world.clock);
  const request: { operation: string; params: Record<string, Json> } =
    input.provider.kind === 'oidc'
      ? { operation: 'sts:AssumeRoleWithWebIdentity', params: { RoleArn: input.roleArn, RoleSessionName: input.sessionName, WebIdentityToken: token } }
      : { operation: 'sts:AssumeRoleWithSAML', params: { RoleArn: input.roleArn, PrincipalArn: input.provider.arn, SAMLAssertion: token } };
  const record = await lab.send({ ...request, credentials: { kind: 'anonymous' } });
  adoptSessionCredentials(lab, record, 'federated', input.subject);
  return record;
}

/** Signs out: a console session is closed with signin:ConsoleLogout; other credentials are simply dropped. */
export async function signOut(lab: LabState): Promise<void> {
  if (lab.identity.credentials.kind === 'console') await lab.send({ operation: 'signin:ConsoleLogout', params: {} });
  actAnonymously(lab);
}

/** AWS's error of a failed sign-in record, for the form; undefined when it succeeded. */
export function errorOf(record: RequestRecord): ApiError | undefined {
  const r = record.response;
  return r.ok ? undefined : { code: r.code, message: r.message, httpStatus: r.httpStatus };
}
