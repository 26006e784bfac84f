// Scenario 4: roles — assumed when needed, temporary credentials that expire on the lab clock.
import { lastResult, partnerAcct, request, sent, temporaryCredentials, userKey } from '../goals';
import type { GoalContext, Scenario } from '../types';
import { awsDocs } from './docs';

const roleArn = `arn:aws:iam::${partnerAcct}:role/PartnerAccessRole`;
const expiration = (ctx: GoalContext): number => {
  const c = lastResult(ctx.records, 'sts:AssumeRole')?.Credentials;
  const e = c && typeof c === 'object' && !Array.isArray(c) ? c.Expiration : undefined;
  return typeof e === 'string' ? Date.parse(e) : Number.NaN;
};
const useRole = (ctx: GoalContext) => request('s3:ListObjectsV2', { Bucket: 'partner-co-shared' }, temporaryCredentials(ctx.records, 'sts:AssumeRole'));

export const roles: Scenario = {
  id: 'roles',
  number: 4,
  title: 'Roles and temporary credentials',
  goal: 'A role is assumed by whoever needs it and trusted to: it hands out temporary credentials that expire, not a permanent assignment.',
  docs: [awsDocs.roles, awsDocs.tempCredentials],
  setup: [],
  steps: [
    {
      kind: 'task',
      id: 'assume',
      instruction: `As alice, assume the partner's role PartnerAccessRole (${roleArn}).`,
      hints: ['Use "Assume role" in the sign-in panel (the "Signed in as" button at the top), with any session name.', 'The role\'s trust policy trusts the Example Corp account, and alice\'s policy allows sts:AssumeRole.'],
      explanation: 'STS returned temporary credentials: an ASIA… key id, a secret, a session token and an expiration one hour from now.',
      goal: sent({ operation: 'sts:AssumeRole', params: { RoleArn: roleArn }, outcome: 'ok' }),
    },
    {
      kind: 'task',
      id: 'use',
      instruction: 'Acting as the role session, list the objects in the bucket partner-co-shared.',
      hints: ['After assuming, the lab acts as the role: send s3:ListObjectsV2 with Bucket partner-co-shared.'],
      explanation: 'The request was made by an assumed-role session: the role\'s permissions applied, not alice\'s.',
      goal: sent({ by: { kind: 'role', roleName: 'PartnerAccessRole' }, outcome: 'ok' }),
    },
    {
      kind: 'task',
      id: 'expire',
      instruction: 'Move the lab clock forward by one hour.',
      hints: ['The clock in the header has a "+1 h" button.'],
      explanation: 'Time passed on the simulated clock: the session reached its expiration.',
      goal: (ctx) => Date.parse(ctx.world.clock) >= expiration(ctx),
    },
    {
      kind: 'task',
      id: 'expired',
      instruction: 'Try the same request again with the role\'s credentials.',
      hints: ['Send s3:ListObjectsV2 again without signing in anew.'],
      explanation: 'ExpiredToken: temporary credentials stop working on their own. To continue, someone who is trusted assumes the role again.',
      goal: sent({ outcome: { code: 'ExpiredToken' } }),
    },
    {
      kind: 'quiz',
      id: 'permanent',
      instruction: 'Check what you saw.',
      question: 'Which sentence describes a role?',
      hints: ['Did alice become a member of the role?'],
      explanation: 'A role is an identity with permissions that trusted principals assume for a while; nobody is permanently assigned to it.',
      choices: [
        { id: 'assumed', text: 'It is assumed for a limited time by a principal its trust policy allows', correct: true, explanation: 'Right: temporary credentials, chosen by who needs them.' },
        { id: 'member', text: 'Users are added to it like to a group and keep its permissions', correct: false, explanation: 'That describes a group. Assuming a role adds no membership and grants nothing after the session ends.' },
        { id: 'password', text: 'It has its own password for the console', correct: false, explanation: 'Roles have no password or long-term access keys.' },
      ],
    },
  ],
  solution: [
    { kind: 'request', label: 'alice assumes the partner role', request: (ctx) => request('sts:AssumeRole', { RoleArn: roleArn, RoleSessionName: 'alice-partner' }, userKey(ctx.world, 'alice')) },
    { kind: 'request', label: 'list the shared bucket as the role', request: useRole },
    { kind: 'clock', label: 'one hour later', seconds: 3600 },
    { kind: 'request', label: 'try again', request: useRole },
    { kind: 'answer', stepId: 'permanent', choiceId: 'assumed' },
  ],
};
