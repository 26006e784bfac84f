// validateWorld: untrusted world data is refused with JSON-pointer paths; the default lab passes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEmptyWorld } from '../../../src/lib/domain/world/createEmptyWorld';
import { validateWorld } from '../../../src/lib/domain/world/validateWorld';
import { createOrganization, placeAccount } from '../../../src/lib/domain/world/organization';
import type { World } from '../../../src/lib/domain/world/types';
import { defaultLab } from '../pipeline/labFixture';

function clone(w: World): Record<string, unknown> {
  return JSON.parse(JSON.stringify(w)) as Record<string, unknown>;
}

type Mutation = (w: any) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('validateWorld', () => {
  it('accepts the default lab and an empty world', async () => {
    expect(validateWorld(await defaultLab())).toEqual({ ok: true, world: await defaultLab() });
    expect(validateWorld(createEmptyWorld()).ok).toBe(true);
  });

  it.each<[string, Mutation, string, string]>([
    ['wrong version', (w) => (w.version = 2), '/version', 'expected one of 1'],
    ['clock not a date', (w) => (w.clock = 'yesterday'), '/clock', 'expected an ISO 8601 date-time'],
    ['account id not 12 digits', (w) => (w.accounts['111122223333'].id = '123'), '/accounts/111122223333/id', 'expected a 12-digit account id'],
    ['three access keys', (w) => {
      const keys = w.accounts['111122223333'].users.alice.accessKeys;
      keys.push({ ...keys[0] }, { ...keys[0] });
    }, '/accounts/111122223333/users/alice/accessKeys', 'at most 2 entries allowed'],
    ['unknown group membership', (w) => w.accounts['111122223333'].users.bob.groups.push('Ghosts'), '/accounts/111122223333/users/bob/groups/1', 'no group named Ghosts'],
    ['unknown managed policy', (w) => w.accounts['111122223333'].groups.Admins.attachedPolicies.push('arn:aws:iam::aws:policy/Nope'), '/accounts/111122223333/groups/Admins/attachedPolicies/1', 'no managed policy arn:aws:iam::aws:policy/Nope'],
    ['trust policy not JSON', (w) => (w.accounts['111122223333'].roles.AppServerRole.trustPolicy = '{'), '/accounts/111122223333/roles/AppServerRole/trustPolicy', 'the policy document is not valid JSON'],
    ['unknown field', (w) => (w.accounts['111122223333'].users.bob.favouriteColour = 'blue'), '/accounts/111122223333/users/bob/favouriteColour', 'unknown field'],
    ['user key mismatch', (w) => (w.accounts['111122223333'].users.bob.name = 'robert'), '/accounts/111122223333/users/bob/name', 'does not match its key bob'],
    ['missing field', (w) => delete w.accounts['111122223333'].root.email, '/accounts/111122223333/root/email', 'missing'],
    ['session for unknown account', (w) => {
      w.sessions.ASIAAAAAAAAAAAAAAAAA = {
        accessKeyId: 'ASIAAAAAAAAAAAAAAAAA', secretAccessKey: 's', sessionToken: 't', issuedAt: '2026-01-15T09:00:00Z', expiration: '2026-01-15T10:00:00Z',
        accountId: '999999999999', issuedBy: 'AssumeRole', identity: { kind: 'role', roleName: 'R', sessionName: 's' }, sessionPolicies: [], sessionPolicyArns: [], tags: {},
      };
    }, '/sessions/ASIAAAAAAAAAAAAAAAAA/accountId', 'no account 999999999999'],
    ['slash in a key is escaped in the pointer', (w) => (w.accounts['111122223333'].policies['arn:aws:iam::111122223333:policy/DeveloperAppAccess'].defaultVersionId = 'v9'), '/accounts/111122223333/policies/arn:aws:iam::111122223333:policy~1DeveloperAppAccess/defaultVersionId', 'names no existing version'],
  ])('refuses %s', async (_name, mutate, path, message) => {
    const w = clone(await defaultLab());
    mutate(w);
    const result = validateWorld(w);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toContainEqual({ path, message });
  });

  it('checks organization references and the layout slot', async () => {
    const w = createOrganization(await defaultLab(), { id: 'o-exampleorg1', rootId: 'r-ex12', managementAccountId: '444455556666' });
    const placed = placeAccount(w, '111122223333', 'r-ex12');
    expect(validateWorld({ ...placed, layout: { 'user:alice': { x: 1, y: 2 } } }).ok).toBe(true);
    const bad = clone(placed) as { organization: { accountParents: Record<string, string>; attachments: Record<string, string[]> }; layout: unknown };
    bad.organization.accountParents['111122223333'] = 'ou-missing';
    bad.organization.attachments['r-ex12']?.push('p-missing');
    bad.layout = { n: { x: 'left' } };
    const result = validateWorld(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toEqual(
        expect.arrayContaining([
          { path: '/layout/n/x', message: 'expected a number' },
        ]),
      );
    }
    delete (bad as { layout?: unknown }).layout;
    const refs = validateWorld(bad);
    expect(refs.ok ? [] : refs.problems).toEqual([
      { path: '/organization/accountParents/111122223333', message: 'no root or OU ou-missing' },
      { path: '/organization/attachments/r-ex12/1', message: 'no organization policy p-missing' },
    ]);
  });

  it('never throws on arbitrary JSON and refuses it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateWorld(value);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
