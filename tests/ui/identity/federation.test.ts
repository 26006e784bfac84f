// Federated sign-in: the lab's token for an OIDC provider carries iss/aud/sub and expires an hour later;
// trading it at STS as an anonymous caller yields a federated role session, or AWS's error.
// AWS: IAM User Guide "OIDC federation" and STS API Reference AssumeRoleWithWebIdentity.
import { describe, expect, it } from 'vitest';
import { federate, federationToken, signOut } from '../../../src/lib/ui/identity/federation';
import { accountId, makeLab } from '../console/labFixture';

describe('federationToken', () => {
  it('makes OIDC claims valid for an hour of lab time', () => {
    const token = JSON.parse(
      federationToken(
        { provider: { kind: 'oidc', url: 'https://auth.example.com', audience: 'app' }, roleArn: 'r', subject: 'sam', sessionName: 's' },
        '2026-01-15T09:00:00Z',
      ),
    ) as Record<string, unknown>;
    expect(token).toEqual({ iss: 'https://auth.example.com', aud: 'app', sub: 'sam', exp: Date.parse('2026-01-15T10:00:00Z') / 1000 });
  });

  it('makes a SAML assertion with issuer, subject and expiry', () => {
    const assertion = JSON.parse(
      federationToken({ provider: { kind: 'saml', arn: 'p', issuer: 'https://idp' }, roleArn: 'r', subject: 'sam', sessionName: 's' }, '2026-01-15T09:00:00Z'),
    ) as Record<string, unknown>;
    expect(assertion).toEqual({ issuer: 'https://idp', subject: 'sam', notOnOrAfter: '2026-01-15T10:00:00.000Z' });
  });
});

describe('federate', () => {
  it('turns a trusted OIDC identity into a federated role session', async () => {
    const lab = await makeLab();
    const account = lab.world.accounts[accountId]!;
    const provider = Object.values(account.identityProviders).find((p) => p.kind === 'oidc');
    if (provider?.kind !== 'oidc') throw new Error('the default lab has an OIDC provider');
    const role = account.roles.WebAppUserRole!;
    const record = await federate(lab, {
      provider: { kind: 'oidc', url: provider.url, audience: provider.clientIds[0]! },
      roleArn: role.arn,
      subject: 'web-user-1',
      sessionName: 'web-user-1',
    });
    expect(record.request.credentials).toEqual({ kind: 'anonymous' });
    expect(record.response.ok, JSON.stringify(record.response)).toBe(true);
    expect(lab.identity).toMatchObject({ kind: 'federated', via: 'temporaryCredentials', credentials: { kind: 'accessKey' } });
  });

  it('keeps the identity when STS refuses the token', async () => {
    const lab = await makeLab('alice');
    const before = lab.identity;
    const record = await federate(lab, {
      provider: { kind: 'oidc', url: 'https://unknown.example', audience: 'x' },
      roleArn: lab.world.accounts[accountId]!.roles.WebAppUserRole!.arn,
      subject: 'eve',
      sessionName: 'eve',
    });
    expect(record.response).toMatchObject({ ok: false, code: 'InvalidIdentityToken' });
    expect(lab.identity).toBe(before);
  });
});

describe('signOut', () => {
  it('closes the console session and leaves the learner anonymous', async () => {
    const lab = await makeLab('alice');
    await signOut(lab);
    expect(lab.records.at(-1)?.request.operation).toBe('signin:ConsoleLogout');
    expect(Object.keys(lab.world.consoleSessions)).toHaveLength(0);
    expect(lab.identity.kind).toBe('anonymous');
  });
});
