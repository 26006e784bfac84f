// @vitest-environment jsdom
// Who am I: the header names the current identity; signing in as an IAM user is a real console
// sign-in (signin:ConsoleLogin) and a wrong password shows AWS's one generic failure message.
// AWS: IAM User Guide "How IAM users sign in to AWS" (the console does not say which field was wrong).
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WhoAmI from '../../../src/lib/ui/identity/WhoAmI.svelte';
import { crypto, makeLab } from '../console/labFixture';
import { defaultLabCredentials } from '../../../src/lib/domain/world/defaultLab';

afterEach(cleanup);

async function openUserForm(lab: Awaited<ReturnType<typeof makeLab>>) {
  render(WhoAmI, { lab, crypto });
  await fireEvent.click(screen.getByRole('button', { name: /^Signed in as/ }));
  const form = screen.getByRole('form', { name: 'Sign in as an IAM user' });
  return form;
}

describe('WhoAmI', () => {
  it('names the current identity and how it signs requests', async () => {
    const lab = await makeLab('alice');
    render(WhoAmI, { lab, crypto });
    expect(screen.getByRole('button', { name: 'Signed in as alice, IAM user, console. Change identity' })).toBeTruthy();
  });

  it('signs in as bob with his console password', async () => {
    const lab = await makeLab('alice');
    await openUserForm(lab);
    await fireEvent.input(screen.getByLabelText('IAM user name'), { target: { value: 'bob' } });
    await fireEvent.input(screen.getByLabelText('Password'), { target: { value: defaultLabCredentials.users.bob.password } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('button', { name: 'Signed in as bob, IAM user, console. Change identity' });
    expect(lab.identity).toMatchObject({ kind: 'user', name: 'bob', via: 'console', credentials: { kind: 'console' } });
    expect(lab.records.at(-1)?.request.operation).toBe('signin:ConsoleLogin');
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('refuses a wrong password with the generic message and keeps the identity', async () => {
    const lab = await makeLab('alice');
    const before = lab.identity;
    await openUserForm(lab);
    await fireEvent.input(screen.getByLabelText('IAM user name'), { target: { value: 'bob' } });
    await fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'not-his-password' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your authentication information is incorrect. Please try again.');
    expect(lab.identity).toBe(before);
    expect(lab.records.at(-1)?.authentication.ok).toBe(false);
  });

  it('acts anonymously from the Anonymous tab', async () => {
    const lab = await makeLab('alice');
    render(WhoAmI, { lab, crypto });
    await fireEvent.click(screen.getByRole('button', { name: /^Signed in as/ }));
    await fireEvent.click(screen.getByRole('tab', { name: 'Anonymous' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Act anonymously' }));
    expect(lab.identity.kind).toBe('anonymous');
  });

  it('moves focus into the panel and closes it with Escape, back on the header button', async () => {
    const lab = await makeLab('alice');
    render(WhoAmI, { lab, crypto });
    const trigger = screen.getByRole('button', { name: /^Signed in as/ });
    await fireEvent.click(trigger);
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'IAM user' }));
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(trigger);
  });

  it('moves between sign-in methods with the arrow keys (tabs pattern)', async () => {
    const lab = await makeLab('alice');
    render(WhoAmI, { lab, crypto });
    await fireEvent.click(screen.getByRole('button', { name: /^Signed in as/ }));
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    const root = screen.getByRole('tab', { name: 'Root user' });
    expect(root.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(root);
    expect(screen.getByRole('form', { name: 'Sign in as the root user' })).toBeTruthy();
    await fireEvent.keyDown(root, { key: 'ArrowLeft' });
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Anonymous' }));
  });
});
