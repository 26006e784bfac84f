// Principal matching. AWS: IAM JSON policy elements: Principal
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html):
// - "AWS account principals": an account id or arn:aws:iam::ID:root stands for the account, i.e. any
//   principal in it that the account's own policies allow.
// - "IAM role principals": a role ARN matches sessions of the role; "Role session principals": a session ARN.
// - "All principals": a wildcard with Allow grants access to everyone including anonymous users, and the page
//   states that for anonymous users "Principal": "*" and "Principal": {"AWS": "*"} are equivalent — so
//   {"AWS":"*"} matches anonymous callers too (the S3 user guide, "Grant anonymous permissions", lists both).
// - "You cannot use a wildcard to match part of a principal name or ARN": partial wildcards match no one.
import { describe, expect, it } from 'vitest';
import { accountPrincipalOf, matchPrincipal } from '../../../src/lib/domain/matching/matchPrincipal';
import type { PrincipalBlock } from '../../../src/lib/domain/policy/types';
import type { RequestPrincipal } from '../../../src/lib/domain/evaluation/types';

const ACCT = '111122223333';
const OTHER = '444455556666';

function block(parts: Partial<PrincipalBlock>): PrincipalBlock {
  return { anyone: false, aws: [], service: [], federated: [], canonicalUser: [], ...parts };
}

const callers = {
  anonymous: { kind: 'anonymous' },
  root: { kind: 'root', arn: `arn:aws:iam::${ACCT}:root`, accountId: ACCT },
  alice: { kind: 'user', arn: `arn:aws:iam::${ACCT}:user/alice`, accountId: ACCT },
  pathUser: { kind: 'user', arn: `arn:aws:iam::${ACCT}:user/division/bob`, accountId: ACCT },
  otherUser: { kind: 'user', arn: `arn:aws:iam::${OTHER}:user/alice`, accountId: OTHER },
  session: {
    kind: 'assumedRole',
    arn: `arn:aws:sts::${ACCT}:assumed-role/Admin/s1`,
    roleArn: `arn:aws:iam::${ACCT}:role/Admin`,
    accountId: ACCT,
  },
  pathSession: {
    kind: 'assumedRole',
    arn: `arn:aws:sts::${ACCT}:assumed-role/Deploy/ci`,
    roleArn: `arn:aws:iam::${ACCT}:role/ops/Deploy`,
    accountId: ACCT,
  },
  federated: { kind: 'federatedUser', arn: `arn:aws:sts::${ACCT}:federated-user/carol`, accountId: ACCT },
  ec2: { kind: 'service', service: 'ec2.amazonaws.com' },
  google: { kind: 'webIdentity', provider: 'accounts.google.com' },
  saml: { kind: 'saml', provider: `arn:aws:iam::${ACCT}:saml-provider/Corp` },
} satisfies Record<string, RequestPrincipal>;
type Caller = keyof typeof callers;

describe('matchPrincipal', () => {
  it.each<[string, PrincipalBlock, Caller, string | null]>([
    ['"*" names everyone', block({ anyone: true }), 'anonymous', '*'],
    ['"*" names a user', block({ anyone: true }), 'alice', '*'],
    ['"*" names a service', block({ anyone: true }), 'ec2', '*'],
    ['{"AWS":"*"} names anonymous callers (equivalent to "*")', block({ aws: ['*'] }), 'anonymous', '*'],
    ['{"AWS":"*"} names a role session', block({ aws: ['*'] }), 'session', '*'],
    ['account id names root', block({ aws: [ACCT] }), 'root', ACCT],
    ['account id names a user', block({ aws: [ACCT] }), 'alice', ACCT],
    ['account id names a role session', block({ aws: [ACCT] }), 'session', ACCT],
    ['account id names a federated user', block({ aws: [ACCT] }), 'federated', ACCT],
    ['account id does not name another account', block({ aws: [ACCT] }), 'otherUser', null],
    ['account id does not name anonymous', block({ aws: [ACCT] }), 'anonymous', null],
    ['root ARN names the whole account', block({ aws: [`arn:aws:iam::${ACCT}:root`] }), 'alice', `arn:aws:iam::${ACCT}:root`],
    ['root ARN names root', block({ aws: [`arn:aws:iam::${ACCT}:root`] }), 'root', `arn:aws:iam::${ACCT}:root`],
    ['root ARN of another account', block({ aws: [`arn:aws:iam::${OTHER}:root`] }), 'alice', null],
    ['user ARN names that user', block({ aws: [`arn:aws:iam::${ACCT}:user/alice`] }), 'alice', `arn:aws:iam::${ACCT}:user/alice`],
    ['user ARN with path', block({ aws: [`arn:aws:iam::${ACCT}:user/division/bob`] }), 'pathUser', `arn:aws:iam::${ACCT}:user/division/bob`],
    ['user ARN does not name another user', block({ aws: [`arn:aws:iam::${ACCT}:user/alice`] }), 'pathUser', null],
    ['same user name in another account', block({ aws: [`arn:aws:iam::${ACCT}:user/alice`] }), 'otherUser', null],
    ['user ARN does not name root', block({ aws: [`arn:aws:iam::${ACCT}:user/alice`] }), 'root', null],
    ['role ARN names its sessions', block({ aws: [`arn:aws:iam::${ACCT}:role/Admin`] }), 'session', `arn:aws:iam::${ACCT}:role/Admin`],
    ['role ARN with path names its sessions', block({ aws: [`arn:aws:iam::${ACCT}:role/ops/Deploy`] }), 'pathSession', `arn:aws:iam::${ACCT}:role/ops/Deploy`],
    ['role ARN without the path does not', block({ aws: [`arn:aws:iam::${ACCT}:role/Deploy`] }), 'pathSession', null],
    ['session ARN names that session', block({ aws: [`arn:aws:sts::${ACCT}:assumed-role/Admin/s1`] }), 'session', `arn:aws:sts::${ACCT}:assumed-role/Admin/s1`],
    ['session ARN of another session', block({ aws: [`arn:aws:sts::${ACCT}:assumed-role/Admin/s2`] }), 'session', null],
    ['federated-user ARN', block({ aws: [`arn:aws:sts::${ACCT}:federated-user/carol`] }), 'federated', `arn:aws:sts::${ACCT}:federated-user/carol`],
    ['partial wildcard in a user ARN matches no one', block({ aws: [`arn:aws:iam::${ACCT}:user/*`] }), 'alice', null],
    ['partial wildcard in the account matches no one', block({ aws: ['arn:aws:iam::*:root'] }), 'root', null],
    ['wildcard session name matches no one', block({ aws: [`arn:aws:sts::${ACCT}:assumed-role/Admin/*`] }), 'session', null],
    ['Service names the service', block({ service: ['ec2.amazonaws.com'] }), 'ec2', 'ec2.amazonaws.com'],
    ['Service is compared case-insensitively', block({ service: ['EC2.amazonaws.com'] }), 'ec2', 'EC2.amazonaws.com'],
    ['Service does not name a user', block({ service: ['ec2.amazonaws.com'] }), 'alice', null],
    ['another Service', block({ service: ['lambda.amazonaws.com'] }), 'ec2', null],
    ['Federated names a web-identity provider', block({ federated: ['accounts.google.com'] }), 'google', 'accounts.google.com'],
    ['Federated names a SAML provider', block({ federated: [`arn:aws:iam::${ACCT}:saml-provider/Corp`] }), 'saml', `arn:aws:iam::${ACCT}:saml-provider/Corp`],
    ['Federated does not name a federated *user* (that is an AWS principal)', block({ federated: [`arn:aws:sts::${ACCT}:federated-user/carol`] }), 'federated', null],
    ['AWS entries do not name services', block({ aws: [ACCT] }), 'ec2', null],
    ['CanonicalUser entries name nothing we model', block({ canonicalUser: ['79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'] }), 'root', null],
    ['first matching entry is reported', block({ aws: [`arn:aws:iam::${OTHER}:root`, ACCT, `arn:aws:iam::${ACCT}:user/alice`] }), 'alice', ACCT],
    ['empty block names no one', block({}), 'alice', null],
  ])('%s', (_label, principalBlock, caller, pattern) => {
    const result = matchPrincipal(principalBlock, callers[caller]);
    expect(result).toEqual(pattern === null ? { matched: false } : { matched: true, pattern });
  });
});

describe('accountPrincipalOf', () => {
  it.each([
    [ACCT, ACCT],
    [`arn:aws:iam::${ACCT}:root`, ACCT],
    [`arn:aws-cn:iam::${ACCT}:root`, ACCT],
    [`arn:aws:iam::${ACCT}:user/alice`, null],
    ['12345678901', null],
    ['arn:aws:iam::*:root', null],
    [`arn:aws:sts::${ACCT}:root`, null],
    ['*', null],
  ])('%s → %s', (entry, account) => {
    expect(accountPrincipalOf(entry)).toBe(account);
  });
});
