// @vitest-environment jsdom
// The create form sends the one AWS request as the current identity: an admin creates a user; a
// developer without iam:CreateUser sees AWS's AccessDenied at the form and the lab does not change.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import CreateEntityForm from '../../../src/lib/ui/console/CreateEntityForm.svelte';
import { accountId, makeLab } from './labFixture';

afterEach(cleanup);

describe('CreateEntityForm', () => {
  it('creates an IAM user as alice (admin) and opens it', async () => {
    const lab = await makeLab('alice');
    const onCreated = vi.fn();
    render(CreateEntityForm, { lab, kind: 'user', accountId, onCreated });

    await fireEvent.input(screen.getByLabelText('User name'), { target: { value: 'dave' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create' }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(`user/${accountId}/dave`));
    expect(lab.world.accounts[accountId]?.users.dave?.arn).toBe(`arn:aws:iam::${accountId}:user/dave`);
    expect(lab.records.at(-1)?.request.operation).toBe('iam:CreateUser');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows AccessDenied inline when bob (developer) tries iam:CreateUser, and changes nothing', async () => {
    const lab = await makeLab('bob');
    const before = lab.world;
    const onCreated = vi.fn();
    render(CreateEntityForm, { lab, kind: 'user', accountId, onCreated });

    await fireEvent.input(screen.getByLabelText('User name'), { target: { value: 'mallory' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Create' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('AccessDenied');
    expect(alert.textContent).toContain('iam:CreateUser');
    expect(onCreated).not.toHaveBeenCalled();
    expect(lab.world).toBe(before);
    expect(lab.records.at(-1)?.authorization?.decision).toBe('implicitDeny');
  });
});
