// Validation of Principal/NotPrincipal blocks. Invariant: an IAM group, a wildcard inside an ARN or a
// malformed id is "Invalid principal in policy". AWS: "AWS JSON policy elements: Principal"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html), "Variables and tags".
import type { Json } from './types';
import type { ValidationContext } from './validationContext';
import { parseArn } from './arn';
import { childPointer } from './jsonPointer';
import { hasMember, isObject, memberNames } from './validationContext';

export const principalTypes = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;
export type PrincipalType = (typeof principalTypes)[number];

const accountIdPattern = /^\d{12}$/;
// Service principals are DNS names under amazonaws.com (amazonaws.com.cn in China regions).
const servicePrincipalPattern = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;
// OIDC / web identity providers that AWS names by host rather than by provider ARN.
const hostPattern = /^[A-Za-z0-9][A-Za-z0-9.-]*\.[A-Za-z]{2,}(\/[^\s*?]*)?$/;
const canonicalUserPattern = /^[0-9a-fA-F]{64}$/;

/** Why an AWS principal value is rejected, or null when it is a principal AWS accepts. */
export function awsPrincipalProblem(value: string): string | null {
  if (value === '*') return null;
  if (accountIdPattern.test(value)) return null;
  if (/[*?]/.test(value)) return 'a wildcard can only be the whole value "*", not part of an ARN or account';
  const arn = parseArn(value);
  if (!arn) return 'expected "*", a 12-digit account ID or an IAM or STS ARN';
  if (arn.service !== 'iam' && arn.service !== 'sts') return `the ${arn.service} service has no principals; use an iam or sts ARN`;
  if (!/^aws(-[a-z]+)*$/.test(arn.partition)) return `"${arn.partition}" is not an AWS partition`;
  if (!accountIdPattern.test(arn.account)) return 'the account in the ARN must be 12 digits';
  if (arn.region !== '') return 'IAM and STS principal ARNs have no region';
  const resource = arn.resource;
  if (arn.service === 'iam') {
    if (resource === 'root') return null;
    if (/^user\/(.+\/)?[^/]+$/.test(resource)) return null;
    if (/^role\/(.+\/)?[^/]+$/.test(resource)) return null;
    if (resource.startsWith('group/')) return 'an IAM group is not a principal; name its users or use a role';
    return `"${resource}" is not an IAM principal (root, user/... or role/...)`;
  }
  if (/^assumed-role\/[^/]+\/[^/]+$/.test(resource)) return null;
  if (/^federated-user\/[^/]+$/.test(resource)) return null;
  return `"${resource}" is not an STS principal (assumed-role/ROLE/SESSION or federated-user/NAME)`;
}

function principalProblem(type: PrincipalType, value: string): string | null {
  switch (type) {
    case 'AWS':
      return awsPrincipalProblem(value);
    case 'Service':
      return servicePrincipalPattern.test(value) ? null : 'a service principal looks like ec2.amazonaws.com';
    case 'Federated': {
      const arn = parseArn(value);
      if (arn) {
        return arn.service === 'iam' && /^(saml-provider|oidc-provider)\/./.test(arn.resource) && !/[*?]/.test(value)
          ? null
          : 'a federated principal is a saml-provider/ or oidc-provider/ ARN, or a provider such as accounts.google.com';
      }
      return hostPattern.test(value) ? null : 'a federated principal is a provider ARN or a provider host name';
    }
    case 'CanonicalUser':
      return canonicalUserPattern.test(value) ? null : 'a canonical user ID is 64 hexadecimal characters';
  }
}

export interface PrincipalRules {
  readonly element: 'Principal' | 'NotPrincipal';
  readonly onlyAnyone: boolean;
  readonly kindLabel: string;
  /**
   * Whether an IAM user or role ARN names an entity that exists. AWS resolves these to unique
   * ids when it saves the policy and rejects the ones it cannot find; absent: not checked.
   */
  readonly principalExists?: (arn: string) => boolean;
}

/** Validates one Principal or NotPrincipal value at `path`. */
export function validatePrincipal(value: Json, path: string, rules: PrincipalRules, ctx: ValidationContext): void {
  const { element } = rules;
  if (rules.onlyAnyone) {
    if (value !== '*') ctx.report('policy.statement.principal.onlyAnyone', path, { kind: rules.kindLabel });
    return;
  }
  if (value === '*') return;
  if (!isObject(value)) {
    ctx.report('policy.statement.principal.shape', path, { element });
    return;
  }
  const types = memberNames(value);
  if (types.length === 0) {
    ctx.report('policy.statement.principal.empty', path, { element });
    return;
  }
  for (const type of types) {
    const typePath = childPointer(path, type);
    if (!(principalTypes as readonly string[]).includes(type)) {
      ctx.report('policy.statement.principal.unknownType', typePath, { type }, true);
      continue;
    }
    const entry = hasMember(value, type) ? value[type] : undefined;
    const list = typeof entry === 'string' ? [entry] : Array.isArray(entry) ? entry : null;
    if (list === null) {
      ctx.report('policy.statement.principal.shape', typePath, { element });
      continue;
    }
    if (list.length === 0) {
      ctx.report('policy.statement.principal.empty', typePath, { element });
      continue;
    }
    list.forEach((item, i) => {
      const itemPath = typeof entry === 'string' ? typePath : childPointer(typePath, i);
      if (typeof item !== 'string') {
        ctx.report('policy.statement.principal.shape', itemPath, { element });
        return;
      }
      // IAM "Where you can use policy variables": not in Principal, so ${...} here is literal text.
      if (item.includes('${')) {
        ctx.report('policy.statement.variable.literal', itemPath, { element, value: item });
        return;
      }
      let problem = principalProblem(type as PrincipalType, item);
      if (problem === null && type === 'AWS' && rules.principalExists && /^arn:[^:]+:iam::\d{12}:(user|role)\//.test(item)) {
        if (!rules.principalExists(item)) problem = 'no user or role with this ARN exists';
      }
      if (problem !== null) ctx.report('policy.statement.principal.invalid', itemPath, { type, value: item, reason: problem });
    });
  }
}

/** True when the block admits every AWS principal: "*" or an AWS list containing "*". */
export function admitsAnyone(value: Json | undefined): boolean {
  if (value === '*') return true;
  if (!isObject(value) || !hasMember(value, 'AWS')) return false;
  const aws = value['AWS'];
  return aws === '*' || (Array.isArray(aws) && aws.includes('*'));
}
