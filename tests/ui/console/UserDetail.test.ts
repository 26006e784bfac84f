// @vitest-environment jsdom
// The user detail as alice (admin): a new access key's secret is shown once; IAM refuses a third key
// with AWS's LimitExceeded message; deleting a user that still has credentials is refused (DeleteConflict).
// AWS: IAM User Guide "IAM and AWS STS quotas" (access keys per user: 2); IAM API Reference DeleteUser (DeleteConflict).
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import UserDetail from '../../../src/lib/ui/console/UserDetail.svelte';
import type { LabState } from '../../../src/lib/ui/state/lab.svelte';
import { accountId, makeLab } from './labFixture';

afterEach(cleanup);

const carol = (lab: LabState) => lab.world.accounts[accountId]!.users.carol!;

function renderCarol(lab: LabState, onClose = vi.fn()) {
  // UserDetail takes the user as a prop; ConsolePanel passes the live one (see ConsolePanel.test.ts).
  return render(UserDetail, { lab, accountId, user: carol(lab), onClose });
}

describe('UserDetail', () => {
  it('shows the new secret once, then refuses a third access key with AWS LimitExceeded', async () => {
    const lab = await makeLab('alice');
    expect(carol(lab).accessKeys).toHaveLength(1);
    const view = renderCarol(lab);

    await fireEvent.click(screen.getByRole('button', { name: 'Create access key' }));
    const secret = await screen.findByTestId('secret');
    const created = carol(lab).accessKeys[1]!;
    expect(secret.textContent).toBe(created.secretAccessKey);
    await fireEvent.click(screen.getByRole('button', { name: 'Done, hide it' }));
    expect(screen.queryByTestId('secret')).toBeNull();

    await view.rerender({ lab, accountId, user: carol(lab), onClose: vi.fn() });
    await fireEvent.click(screen.getByRole('button', { name: 'Create access key' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('LimitExceeded');
    expect(alert.textContent).toContain('Cannot exceed quota for AccessKeysPerUser: 2');
    expect(carol(lab).accessKeys).toHaveLength(2);
  });

  it('deactivates a key through iam:UpdateAccessKey', async () => {
    const lab = await makeLab('alice');
    const id = carol(lab).accessKeys[0]!.accessKeyId;
    renderCarol(lab);
    await fireEvent.click(screen.getByRole('button', { name: `Deactivate ${id}` }));
    await vi.waitFor(() => expect(carol(lab).accessKeys[0]!.status).toBe('Inactive'));
    expect(lab.records.at(-1)?.request).toMatchObject({ operation: 'iam:UpdateAccessKey', params: { UserName: 'carol', AccessKeyId: id, Status: 'Inactive' } });
  });

  it('refuses to delete a user that still has an access key and a group (DeleteConflict)', async () => {
    const lab = await makeLab('alice');
    const onClose = vi.fn();
    renderCarol(lab, onClose);

    await fireEvent.click(screen.getByRole('button', { name: 'Delete user carol' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('DeleteConflict')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
    expect(carol(lab)).toBeDefined();
  });
});
