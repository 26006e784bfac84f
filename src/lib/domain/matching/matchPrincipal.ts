// Principal matching: does a Principal block name the caller? (NotPrincipal: the caller inverts the result.)
// Invariant: only the whole value `*` is a wildcard; an ARN with `*` or `?` inside matches no caller, because
// AWS does not support partial wildcards in Principal ("You cannot use a wildcard to match part of a
// principal name or ARN"). AWS: IAM JSON policy elements: Principal
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
import type { PrincipalBlock } from '../policy/types';
import type { RequestPrincipal } from '../evaluation/types';
import { splitArn } from './arnSegments';
import { callerOf, type Caller } from './caller';

export interface PrincipalMatch {
  readonly matched: boolean;
  /** The entry that matched, as written (`*` for the anyone form). */
  readonly pattern?: string;
}

const accountId = /^\d{12}$/;

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

function matchesAwsEntry(entry: string, caller: Caller, account: string | null): boolean {
  // `{"AWS": "*"}` is the same as `"*"`: every caller, anonymous ones included
  // (Principal, "All principals": for anonymous users the two forms are equivalent).
  if (entry === '*') return true;
  // An account entry names every principal of that account; callers outside any account have none.
  if (account !== null) return caller.accountId === account;
  // A user, root, federated-user or session ARN names that principal; a role ARN names every session of the role.
  return entry === caller.arn || entry === caller.roleArn;
}

/** accountPrincipalOf for each AWS entry of a block, worked out once when its policy is compiled. */
export function principalAccounts(block: PrincipalBlock): readonly (string | null)[] {
  return block.aws.map(accountPrincipalOf);
}

/**
 * The entry of the block that names the caller, or null; the same answer as matchPrincipal, without
 * allocating. `accounts` is principalAccounts(block).
 */
export function principalMatchPattern(block: PrincipalBlock, accounts: readonly (string | null)[], caller: Caller): string | null {
  if (block.anyone) return '*';
  const aws = block.aws;
  for (let i = 0; i < aws.length; i++) if (matchesAwsEntry(aws[i]!, caller, accounts[i] ?? null)) return aws[i]!;
  const service = caller.serviceLower;
  if (service !== null) {
    const entries = block.service;
    for (let i = 0; i < entries.length; i++) if (entries[i]!.toLowerCase() === service) return entries[i]!;
    return null;
  }
  const provider = caller.provider;
  if (provider !== null) {
    const entries = block.federated;
    for (let i = 0; i < entries.length; i++) if (entries[i] === provider) return provider;
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
  const pattern = principalMatchPattern(block, principalAccounts(block), callerOf(principal));
  return pattern === null ? { matched: false } : { matched: true, pattern };
}
