// NotPrincipal: whether a statement's NotPrincipal list leaves the caller out. AWS checks each layer of
// the caller separately (the account, then the role, then the session or user), so the caller is left out
// only when every layer is named: a user needs its ARN and its account, a role session its session ARN,
// its role ARN and its account. An account entry here names the account itself, not everyone in it.
// AWS: IAM JSON policy elements: NotPrincipal, "NotPrincipal with Deny" (examples for an IAM user and an
// assumed-role session) https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html
import { accountPrincipalOf } from '../matching/matchPrincipal';
import type { PrincipalBlock } from '../policy/types';
import type { Caller } from '../matching/caller';

function namesAccount(entries: readonly string[], accountId: string): boolean {
  for (const entry of entries) if (accountPrincipalOf(entry) === accountId) return true;
  return false;
}

/**
 * The entry that leaves the caller out (its most specific layer, or `*`), or null when the caller is not
 * left out and the statement applies to it.
 */
export function notPrincipalExcludes(block: PrincipalBlock, caller: Caller): string | null {
  if (block.anyone) return '*';
  const aws = block.aws;
  if (aws.includes('*')) return '*';
  switch (caller.kind) {
    case 'anonymous':
      return null;
    case 'service': {
      const service = caller.serviceLower!;
      return block.service.find((entry) => entry.toLowerCase() === service) ?? null;
    }
    case 'webIdentity':
    case 'saml':
      return block.federated.includes(caller.provider!) ? caller.provider : null;
    case 'root':
      return namesAccount(aws, caller.accountId!) ? caller.arn : null;
    case 'user':
    case 'federatedUser':
      return namesAccount(aws, caller.accountId!) && aws.includes(caller.arn!) ? caller.arn : null;
    case 'assumedRole':
      return namesAccount(aws, caller.accountId!) && aws.includes(caller.roleArn!) && aws.includes(caller.arn!) ? caller.arn : null;
  }
}
