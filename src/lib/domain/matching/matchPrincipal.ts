// Principal matching: does a Principal block name the caller? (NotPrincipal: the caller inverts the result.)
// Invariant: only the whole value `*` is a wildcard; an ARN with `*` or `?` inside matches no caller, because
// AWS does not support partial wildcards in Principal ("You cannot use a wildcard to match part of a
// principal name or ARN"). AWS: IAM JSON policy elements: Principal
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
import type { PrincipalBlock } from '../policy/types';
import type { RequestPrincipal } from '../evaluation/types';
import { splitArn } from './arnSegments';

export interface PrincipalMatch {
  readonly matched: boolean;
  /** The entry that matched, as written (`*` for the anyone form). */
  readonly pattern?: string;
}

const accountId = /^\d{12}$/;

/** The account a principal belongs to, or null for callers outside any account (anonymous, services, IdPs). */
function accountOf(principal: RequestPrincipal): string | null {
  switch (principal.kind) {
    case 'root':
    case 'user':
    case 'assumedRole':
    case 'federatedUser':
      return principal.accountId;
    default:
      return null;
  }
}

/**
 * The account an AWS principal entry names as a whole (`123456789012` or `arn:<partition>:iam::ID:root`), or null.
 * Such an entry delegates to the account: within that account its own identity policies still decide
 * (Principal, "AWS account principals"), which the evaluator needs to know when a match came from one.
 */
export function accountPrincipalOf(entry: string): string | null {
  if (accountId.test(entry)) return entry;
  const parts = splitArn(entry);
  if (parts && entry.startsWith('arn:') && parts[1] === 'iam' && parts[2] === '' && parts[4] === 'root' && accountId.test(parts[3])) {
    return parts[3];
  }
  return null;
}

function matchesAwsEntry(entry: string, principal: RequestPrincipal, account: string | null = accountPrincipalOf(entry)): boolean {
  // `{"AWS": "*"}` is the same as `"*"`: every caller, anonymous ones included
  // (Principal, "All principals": for anonymous users the two forms are equivalent).
  if (entry === '*') return true;
  if (account !== null) return accountOf(principal) === account;
  switch (principal.kind) {
    case 'user':
    case 'federatedUser':
    case 'root':
      return entry === principal.arn;
    case 'assumedRole':
      // A role ARN names every session of the role; a session ARN names that one session.
      return entry === principal.roleArn || entry === principal.arn;
    default:
      return false;
  }
}

function firstMatch(entries: readonly string[], test: (entry: string) => boolean): PrincipalMatch {
  for (const entry of entries) if (test(entry)) return { matched: true, pattern: entry };
  return { matched: false };
}

/** accountPrincipalOf for each AWS entry of a block, worked out once when its policy is compiled. */
export function principalAccounts(block: PrincipalBlock): readonly (string | null)[] {
  return block.aws.map(accountPrincipalOf);
}

/**
 * The entry of the block that names the caller, or null; the same answer as matchPrincipal, without
 * allocating. `accounts` is principalAccounts(block).
 */
export function principalMatchPattern(block: PrincipalBlock, accounts: readonly (string | null)[], principal: RequestPrincipal): string | null {
  if (block.anyone) return '*';
  const aws = block.aws;
  for (let i = 0; i < aws.length; i++) if (matchesAwsEntry(aws[i]!, principal, accounts[i] ?? null)) return aws[i]!;
  if (principal.kind === 'service') {
    const service = principal.service.toLowerCase();
    for (const entry of block.service) if (entry.toLowerCase() === service) return entry;
    return null;
  }
  if (principal.kind === 'webIdentity' || principal.kind === 'saml') {
    for (const entry of block.federated) if (entry === principal.provider) return entry;
  }
  return null;
}

/**
 * Does the Principal block name the caller?
 * - `"*"` / `{"AWS":"*"}`: everyone, including anonymous callers.
 * - `AWS`: an account id or `arn:aws:iam::ACCOUNT:root` names every principal of that account; a user,
 *   federated-user or session ARN names exactly that principal; a role ARN names the role's sessions.
 * - `Service`: service principals (names compared case-insensitively: they are DNS names).
 * - `Federated`: the identity provider of a web-identity or SAML caller.
 * - `CanonicalUser`: S3's obfuscated account ids. Callers here carry no canonical id, so these entries
 *   never match; a scenario that needs one would have to add the id to RequestPrincipal first.
 */
export function matchPrincipal(block: PrincipalBlock, principal: RequestPrincipal): PrincipalMatch {
  if (block.anyone) return { matched: true, pattern: '*' };
  const aws = firstMatch(block.aws, (entry) => matchesAwsEntry(entry, principal));
  if (aws.matched) return aws;
  if (principal.kind === 'service') {
    const service = principal.service.toLowerCase();
    return firstMatch(block.service, (entry) => entry.toLowerCase() === service);
  }
  if (principal.kind === 'webIdentity' || principal.kind === 'saml') {
    const provider = principal.provider;
    return firstMatch(block.federated, (entry) => entry === provider);
  }
  return { matched: false };
}
