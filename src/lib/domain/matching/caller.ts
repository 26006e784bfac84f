// The request's principal in one fixed shape, built once per evaluation. RequestPrincipal is a union of
// eight shapes; every statement check reads the caller, and reading eight shapes at one place is what makes
// a JavaScript engine fall back to slow generic property lookups. Invariant: a Caller says exactly what its
// RequestPrincipal says (fields the kind does not have are null); nothing here decides anything.
import type { RequestPrincipal } from '../evaluation/types';

/** Which policy types can apply to a caller (AWS: Policy types; SCPs apply to principals of member accounts). */
export type CallerClass = 'outside' | 'root' | 'user' | 'session';

export interface Caller {
  readonly kind: RequestPrincipal['kind'];
  readonly callerClass: CallerClass;
  /** The ARN AWS names the caller by (user, root, session or federated user); null for callers without one. */
  readonly arn: string | null;
  /** The role of an assumed-role session. */
  readonly roleArn: string | null;
  /** The caller's account; null for callers outside any account (anonymous, services, identity providers). */
  readonly accountId: string | null;
  /** A service principal's name, lower-cased (service names are DNS names, compared case-insensitively). */
  readonly serviceLower: string | null;
  /** The identity provider of a web-identity or SAML caller. */
  readonly provider: string | null;
  /** The value the trace shows for the Principal element and the denial message names. */
  readonly label: string;
}

/**
 * Which policy types can apply to the caller (AWS: Policy types). Callers outside any account have no
 * identity policies, boundary, session or SCPs; the root user has no identity policies or boundary
 * (none can be attached to it) but SCPs apply to it; only sessions have session policies.
 */
export function callerOf(principal: RequestPrincipal): Caller {
  switch (principal.kind) {
    case 'anonymous':
      return make('anonymous', 'outside', null, null, null, null, null, 'anonymous');
    case 'root':
      return make('root', 'root', principal.arn, null, principal.accountId, null, null, principal.arn);
    case 'user':
      return make('user', 'user', principal.arn, null, principal.accountId, null, null, principal.arn);
    case 'assumedRole':
      return make('assumedRole', 'session', principal.arn, principal.roleArn, principal.accountId, null, null, principal.arn);
    case 'federatedUser':
      return make('federatedUser', 'session', principal.arn, null, principal.accountId, null, null, principal.arn);
    case 'service':
      return make('service', 'outside', null, null, null, principal.service.toLowerCase(), null, principal.service);
    case 'webIdentity':
    case 'saml':
      return make(principal.kind, 'outside', null, null, null, null, principal.provider, principal.provider);
  }
}

function make(
  kind: Caller['kind'],
  callerClass: CallerClass,
  arn: string | null,
  roleArn: string | null,
  accountId: string | null,
  serviceLower: string | null,
  provider: string | null,
  label: string,
): Caller {
  return { kind, callerClass, arn, roleArn, accountId, serviceLower, provider, label };
}
