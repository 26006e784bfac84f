// @vitest-environment jsdom
// Tags on a user are sent as iam:TagUser / iam:UntagUser, and afterwards that user's requests carry
// them as aws:PrincipalTag/<key> in the request context.
// AWS: IAM User Guide "Tagging IAM users" and "AWS global condition context keys" (aws:PrincipalTag/tag-key).
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ConsolePanel from '../../../src/lib/ui/console/ConsolePanel.svelte';
import { signInAsUser } from '../../../src/lib/ui/state/signIn';
import { defaultLabCredentials } from '../../../src/lib/domain/world/defaultLab';
import { accountId, makeLab } from './labFixture';

afterEach(cleanup);

describe('TagsSection', () => {
  it('tags bob, whose next request carries aws:PrincipalTag/team, and removes the tag', async () => {
    const lab = await makeLab('alice');
    render(ConsolePanel, { lab, entity: `user/${accountId}/bob`, onNavigate: vi.fn() });
    await fireEvent.input(screen.getByLabelText('Key'), { target: { value: 'team' } });
    await fireEvent.input(screen.getByLabelText('Value'), { target: { value: 'blue' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(await screen.findByText('team = blue')).toBeTruthy();
    expect(lab.world.accounts[accountId]!.users.bob!.tags).toMatchObject({ team: 'blue' });

    await signInAsUser(lab, { accountIdOrAlias: accountId, userName: 'bob', password: defaultLabCredentials.users.bob.password });
    const record = await lab.send({ operation: 's3:ListBuckets', params: {} });
    expect(record.authorization?.checks[0]?.context['aws:PrincipalTag/team']).toBe('blue');

    await signInAsUser(lab, { accountIdOrAlias: accountId, userName: 'alice', password: defaultLabCredentials.users.alice.password });
    await fireEvent.click(screen.getByRole('button', { name: 'Remove team' }));
    await vi.waitFor(() => expect(lab.world.accounts[accountId]!.users.bob!.tags).not.toHaveProperty('team'));
  });
});
