// Scenario 8: the root-only tasks of the seed — refused for an administrator, done by root.
import type { Json } from '../../domain/policy/types';
import { allOf, request, rootPassword, sent, userKey } from '../goals';
import type { GoalContext, Scenario, SolutionMove, TaskStep } from '../types';
import { awsDocs } from './docs';

interface RootTask {
  readonly id: string;
  readonly operation: string;
  readonly params: Readonly<Record<string, Json>>;
  readonly instruction: string;
  readonly explanation: string;
}

const tasks: readonly RootTask[] = [
  {
    id: 'support-plan',
    operation: 'supportplans:UpdateSupportPlan',
    params: { SupportPlan: 'developer' },
    instruction: 'Change the AWS Support plan (supportplans:UpdateSupportPlan), first as alice, then as root.',
    explanation: 'Changing the support plan — like closing the account — is reserved to root.',
  },
  {
    id: 'cloudfront',
    operation: 'cloudfront:CreateCloudFrontKeyPair',
    params: {},
    instruction: 'Generate a CloudFront key pair (cloudfront:CreateCloudFrontKeyPair), first as alice, then as root.',
    explanation: 'CloudFront key pairs (the older way to sign URLs) can only be created by root.',
  },
  {
    id: 'mfa-delete',
    operation: 's3:PutBucketVersioning',
    params: { Bucket: 'example-corp-app-data', Status: 'Enabled', MFADelete: 'Enabled' },
    instruction: 'Enable MFA Delete on the app bucket (s3:PutBucketVersioning with MFADelete Enabled), first as alice, then as root.',
    explanation: 'Only root may turn MFA Delete on, and S3 also wants root\'s MFA code with the request — root passes the root-only check even if S3 then asks for that code.',
  },
  {
    id: 'modify-root',
    operation: 'account:UpdateRootEmail',
    params: { NewEmail: 'cloud-owner@example.com' },
    instruction: 'Modify the root user: change its email address (account:UpdateRootEmail), first as alice, then as root. (Do it last: root signs in with the new address afterwards.)',
    explanation: 'Only root may change root\'s email, password or MFA: AdministratorAccess does not reach the root user itself.',
  },
];

const refusedForAdmin = (t: RootTask) => sent({ operation: t.operation, by: { kind: 'notRoot' }, rootOnlyRefused: true });
const rootAuthorized = (t: RootTask) => (ctx: GoalContext) =>
  ctx.recent.some((r) => r.request.operation === t.operation && r.authentication.principal?.principalType === 'Account' && r.authorization?.decision === 'allowed');

function step(t: RootTask): TaskStep {
  return {
    kind: 'task',
    id: t.id,
    instruction: t.instruction,
    hints: ['As alice the request is refused before any policy is read.', 'Then sign in as root (root@example.com) and send it again.'],
    explanation: t.explanation,
    goal: allOf(refusedForAdmin(t), rootAuthorized(t)),
  };
}

function moves(t: RootTask): SolutionMove[] {
  return [
    { kind: 'request', label: `alice: ${t.operation}`, request: (ctx) => request(t.operation, t.params, userKey(ctx.world, 'alice')) },
    { kind: 'request', label: `root: ${t.operation}`, request: () => request(t.operation, t.params, rootPassword) },
  ];
}

export const rootOnlyTasks: Scenario = {
  id: 'root-only-tasks',
  number: 8,
  title: 'Root-only tasks',
  goal: 'A few tasks need the root user: even an administrator with AdministratorAccess is refused.',
  docs: [awsDocs.rootTasks, awsDocs.rootUser],
  setup: [],
  steps: tasks.map(step),
  solution: tasks.flatMap(moves),
};
