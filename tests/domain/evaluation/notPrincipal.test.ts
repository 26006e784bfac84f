// NotPrincipal with Deny: a caller escapes the Deny only when every layer of it is listed (account, role,
// session or user); and a caller with a permissions boundary never escapes it.
// AWS: IAM JSON policy elements: NotPrincipal, "NotPrincipal with Deny" and its examples
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html);
// Permissions boundaries for IAM entities, the "Important" note ("The NotPrincipal element with a Deny effect
// will always deny any IAM principal that has a permissions boundary policy attached").
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/lib/domain/evaluation/evaluate';
import type { PolicySet } from '../../../src/lib/domain/evaluation/types';
import { ALICE, ROLE, ROOT, SESSION, allowAll, input } from './support';

const denyAllBut = (...aws: string[]): PolicySet['resource'] => ({
  id: 'bucket',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotPrincipal: { AWS: aws }, Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }] },
});

describe('NotPrincipal with Deny', () => {
  it.each([
    ['user and account listed: the user escapes', ALICE, [ALICE, ROOT], 'allowed'],
    ['only the user listed: denied through the account', ALICE, [ALICE], 'explicitDeny'],
    ['only the account listed: the user is still denied', ALICE, [ROOT], 'explicitDeny'],
    ['a 12-digit id names the account too', ALICE, [ALICE, '111122223333'], 'allowed'],
    ['another user listed', 'arn:aws:iam::111122223333:user/carol', [ALICE, ROOT], 'explicitDeny'],
    ['session, role and account listed: the session escapes', SESSION, [SESSION, ROLE, ROOT], 'allowed'],
    ['session and account, not the role', SESSION, [SESSION, ROOT], 'explicitDeny'],
    ['role and account, not the session', SESSION, [ROLE, ROOT], 'explicitDeny'],
    ['the root user escapes when its account is listed', ROOT, [ROOT], 'allowed'],
    ['"*" leaves everyone out', ALICE, ['*'], 'allowed'],
  ] as const)('%s → %s', (_name, principal, listed, decision) => {
    const r = evaluate(input(principal, { identity: [allowAll()], resource: denyAllBut(...listed) }));
    expect(r).toMatchObject({ kind: 'decision', decision });
  });

  it('denies a caller with a permissions boundary whatever the list says', () => {
    const r = evaluate(input(ALICE, { identity: [allowAll()], permissionsBoundary: allowAll('b'), resource: denyAllBut(ALICE, ROOT) }));
    expect(r).toMatchObject({ decision: 'explicitDeny', reasons: [{ policyId: 'bucket', effect: 'Deny' }] });
  });

  it('denies anonymous callers unless "*" is listed', () => {
    expect(evaluate(input('*', { resource: denyAllBut(ALICE, ROOT) }))).toMatchObject({ decision: 'explicitDeny' });
  });

  it('shows the entry that left the caller out', () => {
    const r = evaluate(input(ALICE, { identity: [allowAll()], resource: denyAllBut(ALICE, ROOT) }));
    if (r.kind !== 'decision') throw new Error('malformed');
    const check = r.trace.find((s) => s.kind === 'statement.check' && s.effect === 'Deny');
    expect(check).toMatchObject({ applies: false });
    if (check?.kind === 'statement.check') {
      expect(check.matches).toContainEqual({ element: 'NotPrincipal', matched: false, value: ALICE, pattern: ALICE, reason: 'principalExcluded' });
    }
  });
});
