// @vitest-environment jsdom
// MFA end to end: alice assigns bob a virtual MFA device (two consecutive codes, as IAM asks); bob's
// console sign-in then needs the device's current code, which the sign-in form shows from the simulated device.
// AWS: IAM User Guide "Assign a virtual MFA device in the AWS Management Console" and "MFA-protected sign-in".
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import MfaSection from '../../../src/lib/ui/console/MfaSection.svelte';
import WhoAmI from '../../../src/lib/ui/identity/WhoAmI.svelte';
import { defaultLabCredentials } from '../../../src/lib/domain/world/defaultLab';
import { accountId, crypto, makeLab } from '../console/labFixture';

afterEach(cleanup);

describe('MFA for an IAM user', () => {
  it('assigns a device, then signs in only with its current code', async () => {
    const lab = await makeLab('alice');
    render(MfaSection, { lab, userName: 'bob', devices: [], crypto });
    await fireEvent.click(screen.getByRole('button', { name: 'Assign a virtual MFA device' }));
    await vi.waitFor(() => expect(lab.world.accounts[accountId]!.users.bob!.mfaDevices).toHaveLength(1));
    expect(lab.records.slice(-2).map((r) => r.request.operation)).toEqual(['iam:CreateVirtualMFADevice', 'iam:EnableMFADevice']);
    cleanup();

    render(WhoAmI, { lab, crypto });
    await fireEvent.click(screen.getByRole('button', { name: /^Signed in as/ }));
    await fireEvent.input(screen.getByLabelText('IAM user name'), { target: { value: 'bob' } });
    await fireEvent.input(screen.getByLabelText('Password'), { target: { value: defaultLabCredentials.users.bob.password } });
    const hint = await screen.findByText(/^Device bob-mfa shows \d{6} right now\.$/);
    const code = /(\d{6})/.exec(hint.textContent ?? '')![1]!;

    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('alert');
    expect(lab.identity.name).toBe('alice');

    await fireEvent.input(screen.getByLabelText(/^MFA code/), { target: { value: code } });
    await fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('button', { name: /^Signed in as bob/ });
    const session = lab.identity.credentials.kind === 'console' ? lab.world.consoleSessions[lab.identity.credentials.sessionId] : undefined;
    expect(session?.mfaAuthenticatedAt).toBe(lab.world.clock);
  });
});
