// @vitest-environment jsdom
// A customer managed policy from its own page: where it is attached (detach, attach to one more
// identity) and a new version that becomes the default — each an IAM request as alice.
// AWS: IAM User Guide "Versioning IAM policies" and "Adding and removing IAM identity permissions".
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import PolicyDetail from '../../../src/lib/ui/console/PolicyDetail.svelte';
import type { LabState } from '../../../src/lib/ui/state/lab.svelte';
import { accountId, makeLab } from './labFixture';

afterEach(cleanup);

const arn = `arn:aws:iam::${accountId}:policy/DeveloperAppAccess`;
const policy = (lab: LabState) => lab.world.accounts[accountId]!.policies[arn]!;
const account = (lab: LabState) => lab.world.accounts[accountId]!;

describe('PolicyDetail', () => {
  it('detaches from a group and attaches to a role from the policy page', async () => {
    const lab = await makeLab('alice');
    expect(account(lab).groups.Developers!.attachedPolicies).toContain(arn);
    render(PolicyDetail, { lab, accountId, policy: policy(lab), onClose: vi.fn() });

    await fireEvent.click(screen.getByRole('button', { name: 'Detach group Developers' }));
    await vi.waitFor(() => expect(account(lab).groups.Developers!.attachedPolicies).not.toContain(arn));

    await fireEvent.change(screen.getByRole('combobox', { name: 'Attach this policy to' }), { target: { value: 'Role:AppServerRole' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Attach' }));
    await vi.waitFor(() => expect(account(lab).roles.AppServerRole!.attachedPolicies).toContain(arn));
    expect(lab.records.slice(-2).map((r) => r.request.operation)).toEqual(['iam:DetachGroupPolicy', 'iam:AttachRolePolicy']);
  });

  it('saves an edited document as a new default version', async () => {
    const lab = await makeLab('alice');
    const before = policy(lab).versions.length;
    render(PolicyDetail, { lab, accountId, policy: policy(lab), onClose: vi.fn() });
    const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }] });
    await fireEvent.input(screen.getByLabelText('Policy document'), { target: { value: doc } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save as a new version' }));
    await vi.waitFor(() => expect(policy(lab).versions).toHaveLength(before + 1));
    const latest = policy(lab).versions.at(-1)!;
    expect(policy(lab).defaultVersionId).toBe(latest.versionId);
    expect(JSON.parse(latest.document)).toEqual(JSON.parse(doc));
  });
});
