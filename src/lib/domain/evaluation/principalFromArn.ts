// Turns the principal string of a decision case ("*", a root/user/assumed-role/federated-user ARN,
// a service or identity-provider name) into the engine's RequestPrincipal. Throws on anything else:
// a case that names no caller cannot be evaluated. AWS: IAM identifiers, "IAM ARNs";
// IAM JSON policy elements: Principal (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html).
import { parseArn } from '../policy/arn';
import type { RequestPrincipal } from './types';

/** Web-identity providers that sign AssumeRoleWithWebIdentity callers (Principal "Federated" values). */
const webIdentityProviders: ReadonlySet<string> = new Set([
  'cognito-identity.amazonaws.com',
  'accounts.google.com',
  'graph.facebook.com',
  'www.amazon.com',
]);

const accountIdPattern = /^\d{12}$/;

/** The RequestPrincipal for a case's `principal` string. */
export function principalFromArn(arnOrStar: string): RequestPrincipal {
  const text = arnOrStar.trim();
  if (text === '*' || text.toLowerCase() === 'anonymous') return { kind: 'anonymous' };
  if (webIdentityProviders.has(text.toLowerCase())) return { kind: 'webIdentity', provider: text };
  if (!text.startsWith('arn:') && /^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/i.test(text)) {
    return { kind: 'service', service: text };
  }
  if (accountIdPattern.test(text)) {
    return { kind: 'root', arn: `arn:aws:iam::${text}:root`, accountId: text };
  }
  const arn = parseArn(text);
  if (!arn || !accountIdPattern.test(arn.account)) throw new Error(`Not a principal ARN: ${arnOrStar}`);
  const { partition, service, account, resource } = arn;
  if (service === 'iam') {
    if (resource === 'root') return { kind: 'root', arn: text, accountId: account };
    if (resource.startsWith('user/')) return { kind: 'user', arn: text, accountId: account };
    if (resource.startsWith('saml-provider/')) return { kind: 'saml', provider: text };
    if (resource.startsWith('oidc-provider/')) return { kind: 'webIdentity', provider: text };
  }
  if (service === 'sts') {
    if (resource.startsWith('assumed-role/')) {
      const [, role, session] = resource.split('/');
      if (!role || !session) throw new Error(`An assumed-role ARN needs a role and a session name: ${arnOrStar}`);
      // The session ARN drops the role's path, so the role ARN derived from it has none either.
      return { kind: 'assumedRole', arn: text, roleArn: `arn:${partition}:iam::${account}:role/${role}`, accountId: account };
    }
    if (resource.startsWith('federated-user/') && resource.length > 'federated-user/'.length) {
      return { kind: 'federatedUser', arn: text, accountId: account };
    }
  }
  throw new Error(`Not a principal that can make a request: ${arnOrStar} (use a user, assumed-role session, federated-user, root ARN or "*")`);
}
