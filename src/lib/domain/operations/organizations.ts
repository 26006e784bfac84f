// AWS Organizations operations for SCPs and RCPs: create a policy, attach and detach it, list and describe.
// Invariant: only the management account manages policies; every target keeps at least one SCP.
// AWS: AWS Organizations API Reference (CreatePolicy, AttachPolicy, DetachPolicy, ListPolicies,
// DescribeOrganization) and its error messages.
import type { Json } from '../policy/types';
import { newHex } from '../world/ids';
import { organizationEdits } from '../world/organization';
import type { Organization } from '../world/types';
import { fail } from './operationError';
import { optionalString, requireDocument, requireString } from './params';
import { checkPolicyDocument } from './policyDocuments';
import type { OperationSpec, PlanContext, RunContext } from './types';

const policyTypes = { SERVICE_CONTROL_POLICY: 'scp', RESOURCE_CONTROL_POLICY: 'rcp' } as const;

function organizationOf(ctx: PlanContext): Organization {
  const org = ctx.world.organization;
  const id = ctx.caller.accountId ?? '';
  if (!org || (org.managementAccountId !== id && org.accountParents[id] === undefined)) {
    return fail('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.', 400);
  }
  return org;
}

function managementOnly(ctx: PlanContext): Organization {
  const org = organizationOf(ctx);
  if (org.managementAccountId !== ctx.caller.accountId) {
    return fail('AccessDeniedException', "You don't have permissions to access this resource.", 400);
  }
  return org;
}

function policyArn(org: Organization, policyId: string, kind: 'scp' | 'rcp'): string {
  const type = kind === 'scp' ? 'service_control_policy' : 'resource_control_policy';
  return `arn:aws:organizations::${org.managementAccountId}:policy/${org.id}/${type}/${policyId}`;
}

function targetExists(org: Organization, targetId: string): boolean {
  return targetId === org.rootId || org.organizationalUnits[targetId] !== undefined || org.accountParents[targetId] !== undefined;
}

function summary(org: Organization, id: string): Json {
  const p = org.policies[id];
  if (!p) return {};
  return {
    Id: p.id,
    Arn: policyArn(org, p.id, p.kind),
    Name: p.name,
    Description: p.description ?? '',
    Type: p.kind === 'scp' ? 'SERVICE_CONTROL_POLICY' : 'RESOURCE_CONTROL_POLICY',
    AwsManaged: p.awsManaged,
  };
}

function op(name: string, crud: OperationSpec['crud'], plan: OperationSpec['plan'], run: OperationSpec['run']): OperationSpec {
  return { name: `organizations:${name}`, crud, accessDeniedCode: 'AccessDeniedException', plan, run };
}

function draftOrg(ctx: RunContext) {
  const org = ctx.draft.organization;
  if (!org) return fail('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.', 400);
  return org;
}

export const organizationsOperations: readonly OperationSpec[] = [
  op(
    'DescribeOrganization',
    'Read',
    (ctx) => {
      organizationOf(ctx);
      return [{ action: 'organizations:DescribeOrganization', resource: '*' }];
    },
    (ctx) => {
      const org = organizationOf(ctx);
      return { Organization: { Id: org.id, Arn: org.arn, MasterAccountId: org.managementAccountId, FeatureSet: 'ALL' } };
    },
  ),
  op(
    'ListPolicies',
    'List',
    (ctx) => {
      managementOnly(ctx);
      return [{ action: 'organizations:ListPolicies', resource: '*' }];
    },
    (ctx) => {
      const org = managementOnly(ctx);
      const filter = requireString(ctx.params, 'Filter');
      const kind = policyTypes[filter as keyof typeof policyTypes];
      if (!kind) return fail('InvalidInputException', 'You provided a value that does not match the required pattern.', 400);
      return { Policies: Object.values(org.policies).filter((p) => p.kind === kind).map((p) => summary(org, p.id)) };
    },
  ),
  op(
    'CreatePolicy',
    'Create',
    (ctx) => {
      managementOnly(ctx);
      return [{ action: 'organizations:CreatePolicy', resource: '*' }];
    },
    (ctx) => {
      managementOnly(ctx);
      const type = requireString(ctx.params, 'Type');
      const kind = policyTypes[type as keyof typeof policyTypes];
      if (!kind) return fail('InvalidInputException', 'You provided a value that does not match the required pattern.', 400);
      const name = requireString(ctx.params, 'Name');
      const content = requireDocument(ctx.params, 'Content');
      checkPolicyDocument(content, kind, { code: 'MalformedPolicyDocumentException' });
      const org = draftOrg(ctx);
      if (Object.values(org.policies).some((p) => p.name === name && p.kind === kind)) {
        return fail('DuplicatePolicyException', 'A policy with the same name already exists.', 400);
      }
      const id = `p-${newHex(ctx.deps.ids, 8)}`;
      const description = optionalString(ctx.params, 'Description');
      organizationEdits.addPolicy(ctx.draft, { id, name, kind, document: content, awsManaged: false, ...(description ? { description } : {}) });
      ctx.changes.push({ kind: 'created', entity: 'organizationPolicy', id, parent: org.id, fields: { type } });
      return { Policy: { PolicySummary: summary(org as Organization, id), Content: content } };
    },
  ),
  op(
    'AttachPolicy',
    'Update',
    (ctx) => {
      const org = managementOnly(ctx);
      const id = requireString(ctx.params, 'PolicyId');
      const p = org.policies[id];
      return [{ action: 'organizations:AttachPolicy', resource: p ? policyArn(org, id, p.kind) : '*' }];
    },
    (ctx) => {
      const org = draftOrg(ctx);
      const id = requireString(ctx.params, 'PolicyId');
      const targetId = requireString(ctx.params, 'TargetId');
      if (!org.policies[id]) return fail('PolicyNotFoundException', "We can't find a policy with the PolicyId that you specified.", 400);
      if (!targetExists(org as Organization, targetId)) return fail('TargetNotFoundException', "We can't find a root, OU, account, or email that you specified.", 400);
      if ((org.attachments[targetId] ?? []).includes(id)) {
        return fail('DuplicatePolicyAttachmentException', 'The selected policy is already attached to the specified target.', 400);
      }
      organizationEdits.attach(ctx.draft, id, targetId);
      ctx.changes.push({ kind: 'created', entity: 'policyAttachment', id, parent: targetId });
      return {};
    },
  ),
  op(
    'DetachPolicy',
    'Update',
    (ctx) => {
      const org = managementOnly(ctx);
      const id = requireString(ctx.params, 'PolicyId');
      const p = org.policies[id];
      return [{ action: 'organizations:DetachPolicy', resource: p ? policyArn(org, id, p.kind) : '*' }];
    },
    (ctx) => {
      const org = draftOrg(ctx);
      const id = requireString(ctx.params, 'PolicyId');
      const targetId = requireString(ctx.params, 'TargetId');
      const attached = org.attachments[targetId] ?? [];
      if (!attached.includes(id)) return fail('PolicyNotAttachedException', 'The policy is not attached to the target that you specified.', 400);
      const policy = org.policies[id];
      // AWS: a target must keep at least one SCP, or nothing would be allowed there.
      if (policy?.kind === 'scp' && attached.filter((p) => org.policies[p]?.kind === 'scp').length === 1) {
        return fail('ConstraintViolationException', 'You cannot remove the last service control policy from a root, OU or account.', 400);
      }
      organizationEdits.detach(ctx.draft, id, targetId);
      ctx.changes.push({ kind: 'deleted', entity: 'policyAttachment', id, parent: targetId });
      return {};
    },
  ),
];
