// Facts about a request that choose the evaluation path: whose account the resource is in, and whether
// the resource's own policy must allow even inside one account (role trust policies, KMS key policies).
// AWS: Policy evaluation logic ("IAM role trust policies and KMS key policies are exceptions"); Cross-account
// policy evaluation logic; AWS KMS, "Key policies" ("Unless the key policy explicitly allows it, you cannot
// use IAM policies to allow access to a KMS key").
import { splitArn } from '../matching/arnSegments';
import { callerOf } from '../matching/caller';
import type { AuthorizationRequest, RequestPrincipal } from './types';

/** Actions that a role's trust policy governs (lower-cased: action names are case-insensitive). */
const trustActions: ReadonlySet<string> = new Set([
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:tagsession',
  'sts:setsourceidentity',
]);

const accountIdPattern = /^\d{12}$/;

/**
 * True for sts:AssumeRole* (and TagSession / SetSourceIdentity) on a role ARN: the trust policy decides.
 * `actionLower` saves lower-casing the action again when the caller already did.
 */
export function isRoleTrustRequest(request: AuthorizationRequest, actionLower = request.action.toLowerCase()): boolean {
  if (!trustActions.has(actionLower)) return false;
  const parts = splitArn(request.resource);
  return parts !== null && parts[1] === 'iam' && parts[4].startsWith('role/');
}

/** True for a kms: action on a KMS key ARN: the key policy must allow. */
export function isKmsKeyRequest(request: AuthorizationRequest, actionLower = request.action.toLowerCase()): boolean {
  if (!actionLower.startsWith('kms:')) return false;
  const parts = splitArn(request.resource);
  return parts !== null && parts[1] === 'kms' && parts[4].startsWith('key/');
}

/** The account that owns the resource: as given, else the ARN's account part; null when unknown. */
export function resourceAccountOf(request: AuthorizationRequest): string | null {
  if (request.resourceAccount !== undefined && request.resourceAccount !== '') return request.resourceAccount;
  // The account is the fifth colon-delimited part; found in place, since this runs for every request.
  const arn = request.resource;
  let c4 = -1;
  for (let i = 0; i < 4; i++) {
    c4 = arn.indexOf(':', c4 + 1);
    if (c4 < 0) return null;
  }
  const c5 = arn.indexOf(':', c4 + 1);
  if (c5 - c4 - 1 !== 12) return null;
  const account = arn.slice(c4 + 1, c5);
  return accountIdPattern.test(account) ? account : null;
}

/** The caller's account; null for callers outside any account (anonymous, services, identity providers). */
export function principalAccountOf(principal: RequestPrincipal): string | null {
  return callerOf(principal).accountId;
}
