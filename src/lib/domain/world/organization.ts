// AWS Organizations in the lab: an organization, its OUs, member accounts and SCP/RCP attachments.
// Invariant: like AWS, FullAWSAccess is attached to the root, every OU and every account when they are
// created or join (so SCPs only restrict once someone replaces it); RCPFullAWSAccess is implicit everywhere.
// AWS: AWS Organizations User Guide "Service control policies (SCPs)", "Resource control policies (RCPs)",
// "Managing organizational units".
import type { Draft } from './draft';
import { draftOf, sealWorld } from './draft';
import type { OrganizationPolicy, World } from './types';

export const fullAwsAccessPolicyId = 'p-FullAWSAccess';

const fullAwsAccess: OrganizationPolicy = {
  id: fullAwsAccessPolicyId,
  name: 'FullAWSAccess',
  kind: 'scp',
  description: 'Allows access to every operation',
  awsManaged: true,
  document: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, null, 2),
};

export interface CreateOrganizationInput {
  /** o-xxxxxxxxxx */
  readonly id: string;
  /** r-xxxx */
  readonly rootId: string;
  readonly managementAccountId: string;
}

function attach(draft: Draft<World>, policyId: string, targetId: string): void {
  const org = draft.organization;
  if (!org) return;
  const list = (org.attachments[targetId] ??= []);
  if (!list.includes(policyId)) list.push(policyId);
}

/** Draft-level edits, shared by the pure builders below and the organizations operations. */
export const organizationEdits = {
  create(draft: Draft<World>, input: CreateOrganizationInput): void {
    draft.organization = {
      id: input.id,
      arn: `arn:aws:organizations::${input.managementAccountId}:organization/${input.id}`,
      managementAccountId: input.managementAccountId,
      rootId: input.rootId,
      organizationalUnits: {},
      accountParents: {},
      policies: { [fullAwsAccessPolicyId]: { ...fullAwsAccess } },
      attachments: { [input.rootId]: [fullAwsAccessPolicyId] },
    };
  },
  addOrganizationalUnit(draft: Draft<World>, ou: { id: string; name: string; parentId: string }): void {
    if (!draft.organization) return;
    draft.organization.organizationalUnits[ou.id] = { ...ou };
    attach(draft, fullAwsAccessPolicyId, ou.id);
  },
  /** Puts an account under the root or an OU (the management account stays outside SCPs' reach). */
  placeAccount(draft: Draft<World>, accountId: string, parentId: string): void {
    if (!draft.organization) return;
    draft.organization.accountParents[accountId] = parentId;
    attach(draft, fullAwsAccessPolicyId, accountId);
  },
  addPolicy(draft: Draft<World>, policy: OrganizationPolicy): void {
    if (!draft.organization) return;
    draft.organization.policies[policy.id] = { ...policy };
  },
  attach,
  detach(draft: Draft<World>, policyId: string, targetId: string): void {
    const org = draft.organization;
    if (!org) return;
    org.attachments[targetId] = (org.attachments[targetId] ?? []).filter((p) => p !== policyId);
  },
};

function edit(world: World, change: (draft: Draft<World>) => void): World {
  const draft = draftOf(world);
  change(draft);
  return sealWorld(draft);
}

export function createOrganization(world: World, input: CreateOrganizationInput): World {
  return edit(world, (d) => organizationEdits.create(d, input));
}

export function addOrganizationalUnit(world: World, ou: { id: string; name: string; parentId: string }): World {
  return edit(world, (d) => organizationEdits.addOrganizationalUnit(d, ou));
}

export function placeAccount(world: World, accountId: string, parentId: string): World {
  return edit(world, (d) => organizationEdits.placeAccount(d, accountId, parentId));
}

export function addOrganizationPolicy(world: World, policy: OrganizationPolicy): World {
  return edit(world, (d) => organizationEdits.addPolicy(d, policy));
}

export function attachOrganizationPolicy(world: World, policyId: string, targetId: string): World {
  return edit(world, (d) => organizationEdits.attach(d, policyId, targetId));
}

export function detachOrganizationPolicy(world: World, policyId: string, targetId: string): World {
  return edit(world, (d) => organizationEdits.detach(d, policyId, targetId));
}
