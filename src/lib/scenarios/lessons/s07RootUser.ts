// Scenario 7: the root user — the account's email address, unlimited power, and why to stop using it.
import { acct, passwordOf, request, rootPassword, sent } from '../goals';
import type { GoalContext, Scenario } from '../types';
import { awsDocs } from './docs';

const adminArn = 'arn:aws:iam::aws:policy/AdministratorAccess';
const starters = new Set(['alice', 'bob', 'carol']);

/** Users created in this scenario who can sign in and hold administrator permissions (directly or through a group). */
function newAdmins(ctx: GoalContext): string[] {
  const account = ctx.world.accounts[acct];
  if (!account) return [];
  return Object.values(account.users)
    .filter((u) => !starters.has(u.name) && u.loginProfile)
    .filter((u) => u.attachedPolicies.includes(adminArn) || u.groups.some((g) => account.groups[g]?.attachedPolicies.includes(adminArn)))
    .map((u) => u.name);
}

export const rootUser: Scenario = {
  id: 'root-user',
  number: 7,
  title: 'The root user',
  goal: 'The root user signs in with the account\'s email address and can do anything; create an IAM admin user and put root away.',
  docs: [awsDocs.rootUser, awsDocs.rootBestPractices],
  setup: [],
  steps: [
    {
      kind: 'task',
      id: 'sign-in',
      instruction: 'Sign in as the root user with the account\'s email address root@example.com.',
      hints: ['Use the root sign-in form; the password is shown next to it.'],
      explanation: 'Root signs in with an email address, not a user name: it is the identity that created the account.',
      goal: sent({ operation: 'signin:ConsoleLogin', by: { kind: 'root' }, outcome: 'ok' }),
    },
    {
      kind: 'predict',
      id: 'unlimited',
      instruction: 'No policy names the root user. Predict, then send: root reads reports/2025-q4.csv from the app bucket.',
      summary: 'root → s3:GetObject on example-corp-app-data/reports/2025-q4.csv',
      hints: ['Inside its own account, root is not limited by identity-based policies.'],
      explanation: 'Allowed without any policy: the root user has unlimited access to its account (only an explicit deny in a resource policy or an SCP could stop it).',
      request: () => request('s3:GetObject', { Bucket: 'example-corp-app-data', Key: 'reports/2025-q4.csv' }, rootPassword),
      expected: 'allowed',
    },
    {
      kind: 'task',
      id: 'admin',
      instruction: 'Create an IAM user for everyday administration: give it a console password and administrator permissions (attach AdministratorAccess or add it to Admins).',
      hints: ['Create the user (iam:CreateUser), its password (iam:CreateLoginProfile), then iam:AddUserToGroup with Admins.'],
      explanation: 'Now there is an administrator who is not root: its permissions come from a policy, so they can be limited, audited and revoked.',
      goal: (ctx) => newAdmins(ctx).length > 0,
    },
    {
      kind: 'task',
      id: 'use-admin',
      instruction: 'Sign in as your new admin user.',
      hints: ['User sign-in form: account example-corp, your new user name and password.'],
      explanation: 'From now on, work as this user. Give root a strong password and MFA and keep its credentials stored safely.',
      goal: (ctx) => {
        const admins = new Set(newAdmins(ctx));
        return ctx.recent.some((r) => r.request.operation === 'signin:ConsoleLogin' && r.response.ok && admins.has(r.authentication.principal?.userName ?? ''));
      },
    },
    {
      kind: 'quiz',
      id: 'everyday',
      instruction: 'Check what you learned.',
      question: 'What should you do with the root user now?',
      hints: ['Which tasks still need root?'],
      explanation: 'Protect root with MFA and a strong password, keep no root access keys, and use it only for the few tasks that require it.',
      choices: [
        { id: 'store', text: 'Protect it with MFA, store its credentials safely, use it only for root-only tasks', correct: true, explanation: 'Right: AWS recommends exactly this.' },
        { id: 'daily', text: 'Keep using it daily, it is the most convenient', correct: false, explanation: 'Root cannot be limited by IAM policies; a leaked root password is the worst case.' },
        { id: 'delete', text: 'Delete the root user', correct: false, explanation: 'The root user cannot be deleted while the account exists; it is needed for root-only tasks.' },
      ],
    },
  ],
  solution: [
    { kind: 'request', label: 'root signs in', request: () => request('signin:ConsoleLogin', {}, rootPassword) },
    { kind: 'predict', stepId: 'unlimited', decision: 'allowed' },
    { kind: 'request', label: 'root reads a report', request: () => request('s3:GetObject', { Bucket: 'example-corp-app-data', Key: 'reports/2025-q4.csv' }, rootPassword) },
    { kind: 'request', label: 'create user admin', request: () => request('iam:CreateUser', { UserName: 'admin' }, rootPassword) },
    { kind: 'request', label: 'give it a password', request: () => request('iam:CreateLoginProfile', { UserName: 'admin', Password: 'Admin-Lab-2026!' }, rootPassword) },
    { kind: 'request', label: 'add it to Admins', request: () => request('iam:AddUserToGroup', { UserName: 'admin', GroupName: 'Admins' }, rootPassword) },
    { kind: 'request', label: 'sign in as admin', request: () => request('signin:ConsoleLogin', {}, passwordOf('admin', 'Admin-Lab-2026!')) },
    { kind: 'answer', stepId: 'everyday', choiceId: 'store' },
  ],
};
