// AWS Organizations: SCPs created and attached by the management account restrict member accounts
// (even their administrators and root), never the management account; the last SCP cannot be removed.
// AWS: AWS Organizations User Guide "Service control policies (SCPs)", "SCP evaluation";
// API Reference CreatePolicy, AttachPolicy, DetachPolicy, ListPolicies, DescribeOrganization.
import { describe, expect, it } from 'vitest';
import { addOrganizationalUnit, createOrganization, fullAwsAccessPolicyId, placeAccount } from '../../../src/lib/domain/world/organization';
import { validateWorld } from '../../../src/lib/domain/world/validateWorld';
import type { World } from '../../../src/lib/domain/world/types';
import { call, defaultLab, errorOf, ok, partnerRootPassword, rootPassword, userKey } from '../pipeline/labFixture';

const member = '111122223333';
const management = '444455556666';

async function org(): Promise<World> {
  let w = createOrganization(await defaultLab(), { id: 'o-exampleorg1', rootId: 'r-ex12', managementAccountId: management });
  w = addOrganizationalUnit(w, { id: 'ou-ex12-prod0001', name: 'Production', parentId: 'r-ex12' });
  return placeAccount(w, member, 'ou-ex12-prod0001');
}

const denyIamUsers = { Version: '2012-10-17', Statement: [{ Sid: 'NoNewUsers', Effect: 'Deny', Action: ['iam:CreateUser', 'iam:CreateAccessKey'], Resource: '*' }] };

describe('organizations', () => {
  it('the builders give a valid world with FullAWSAccess on root, OU and account', async () => {
    const w = await org();
    expect(validateWorld(w).ok).toBe(true);
    expect(w.organization?.attachments).toEqual({ 'r-ex12': [fullAwsAccessPolicyId], 'ou-ex12-prod0001': [fullAwsAccessPolicyId], [member]: [fullAwsAccessPolicyId] });
    expect(ok(await call(w, 'organizations:DescribeOrganization', {}, userKey(w, 'alice'))).Organization).toMatchObject({ Id: 'o-exampleorg1', MasterAccountId: management });
  });

  it('an SCP attached to the OU denies the member admin and the member root, not the management account', async () => {
    let w = await org();
    const created = await call(w, 'organizations:CreatePolicy', { Name: 'NoNewUsers', Type: 'SERVICE_CONTROL_POLICY', Content: denyIamUsers, Description: 'People come from the IdP' }, partnerRootPassword);
    const id = String((ok(created).Policy as { PolicySummary: { Id: string } }).PolicySummary.Id);
    expect(id).toMatch(/^p-[0-9a-f]{8}$/);
    w = created.world;
    w = (await call(w, 'organizations:AttachPolicy', { PolicyId: id, TargetId: 'ou-ex12-prod0001' }, partnerRootPassword)).world;
    const denied = await call(w, 'iam:CreateUser', { UserName: 'x' }, userKey(w, 'alice'));
    expect(errorOf(denied).message).toContain('explicit deny in a service control policy');
    expect(denied.record.authorization?.checks[0]?.policies.filter((p) => p.source.kind === 'scp').map((p) => p.label)).toEqual([
      'SCP FullAWSAccess · Root',
      'SCP FullAWSAccess · OU Production',
      'SCP NoNewUsers · OU Production',
      `SCP FullAWSAccess · account ${member}`,
    ]);
    expect(errorOf(await call(w, 'iam:CreateUser', { UserName: 'x' }, rootPassword)).code).toBe('AccessDenied');
    ok(await call(w, 'iam:CreateUser', { UserName: 'x' }, partnerRootPassword));
    const detached = await call(w, 'organizations:DetachPolicy', { PolicyId: id, TargetId: 'ou-ex12-prod0001' }, partnerRootPassword);
    ok(await call(detached.world, 'iam:CreateUser', { UserName: 'x' }, userKey(w, 'alice')));
  });

  it('replacing FullAWSAccess with an allow-list SCP denies everything not listed', async () => {
    let w = await org();
    const allowS3 = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
    const created = await call(w, 'organizations:CreatePolicy', { Name: 'OnlyS3', Type: 'SERVICE_CONTROL_POLICY', Content: allowS3 }, partnerRootPassword);
    const id = String((ok(created).Policy as { PolicySummary: { Id: string } }).PolicySummary.Id);
    w = (await call(created.world, 'organizations:AttachPolicy', { PolicyId: id, TargetId: member }, partnerRootPassword)).world;
    w = (await call(w, 'organizations:DetachPolicy', { PolicyId: fullAwsAccessPolicyId, TargetId: member }, partnerRootPassword)).world;
    ok(await call(w, 's3:ListBuckets', {}, userKey(w, 'alice')));
    expect(errorOf(await call(w, 'dynamodb:ListTables', {}, userKey(w, 'alice'))).code).toBe('AccessDeniedException');
  });

  it.each([
    ['a member account manages policies', 'organizations:CreatePolicy', { Name: 'x', Type: 'SERVICE_CONTROL_POLICY', Content: denyIamUsers }, 'member', 'AccessDeniedException'],
    ['an unknown policy', 'organizations:AttachPolicy', { PolicyId: 'p-00000000', TargetId: member }, 'management', 'PolicyNotFoundException'],
    ['an unknown target', 'organizations:AttachPolicy', { PolicyId: fullAwsAccessPolicyId, TargetId: '999999999999' }, 'management', 'TargetNotFoundException'],
    ['a duplicate attachment', 'organizations:AttachPolicy', { PolicyId: fullAwsAccessPolicyId, TargetId: member }, 'management', 'DuplicatePolicyAttachmentException'],
    ['removing the last SCP', 'organizations:DetachPolicy', { PolicyId: fullAwsAccessPolicyId, TargetId: member }, 'management', 'ConstraintViolationException'],
    ['a malformed SCP', 'organizations:CreatePolicy', { Name: 'bad', Type: 'SERVICE_CONTROL_POLICY', Content: '{"Statement":' }, 'management', 'MalformedPolicyDocumentException'],
    ['an unknown policy type', 'organizations:CreatePolicy', { Name: 'bad', Type: 'TAG_POLICY', Content: denyIamUsers }, 'management', 'InvalidInputException'],
  ] as const)('refuses %s', async (_n, op, params, who, code) => {
    const w = await org();
    const creds = who === 'member' ? rootPassword : partnerRootPassword;
    expect(errorOf(await call(w, op, params, creds)).code).toBe(code);
  });

  it('without an organization: AWSOrganizationsNotInUseException', async () => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 'organizations:DescribeOrganization', {}, rootPassword)).code).toBe('AWSOrganizationsNotInUseException');
  });

  it('ListPolicies filters by type', async () => {
    const w = await org();
    const listed = ok(await call(w, 'organizations:ListPolicies', { Filter: 'SERVICE_CONTROL_POLICY' }, partnerRootPassword)).Policies as { Name: string }[];
    expect(listed.map((p) => p.Name)).toEqual(['FullAWSAccess']);
  });
});
