// @vitest-environment jsdom
// Assuming a role from the sign-in panel: the partner account's role trusts Example Corp's account, so
// alice (admin) gets a role session; a role that trusts only EC2 refuses her with AWS's AccessDenied.
// AWS: IAM User Guide "Switch to an IAM role (AWS API)" and "How IAM roles differ from resource-based policies".
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import AssumeRoleForm from '../../../src/lib/ui/identity/AssumeRoleForm.svelte';
import { makeLab } from '../console/labFixture';

afterEach(cleanup);

async function assume(roleArn: string) {
  const lab = await makeLab('alice');
  const onDone = vi.fn();
  render(AssumeRoleForm, { lab, onDone });
  await fireEvent.input(screen.getByLabelText('Role ARN'), { target: { value: roleArn } });
  await fireEvent.input(screen.getByLabelText('Session name'), { target: { value: 'alice-partner' } });
  await fireEvent.click(screen.getByRole('button', { name: 'Assume role' }));
  return { lab, onDone };
}

describe('AssumeRoleForm', () => {
  it('switches to the role session when the trust policy and alice’s permissions allow it', async () => {
    const { lab, onDone } = await assume('arn:aws:iam::444455556666:role/PartnerAccessRole');
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(lab.identity).toMatchObject({
      kind: 'role',
      via: 'temporaryCredentials',
      arn: 'arn:aws:sts::444455556666:assumed-role/PartnerAccessRole/alice-partner',
    });
  });

  it('shows AccessDenied for a role that trusts only EC2, and keeps alice', async () => {
    const { lab, onDone } = await assume('arn:aws:iam::111122223333:role/AppServerRole');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('AccessDenied');
    expect(onDone).not.toHaveBeenCalled();
    expect(lab.identity.name).toBe('alice');
  });
});
