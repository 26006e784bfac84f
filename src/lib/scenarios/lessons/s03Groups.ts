// Scenario 3: groups — permissions managed once for many users; membership changes access; no sign-in.
import { acct, passwordOf, request, userKey, userPassword } from '../goals';
import type { GoalContext, PolicyChoice, Scenario } from '../types';
import { awsDocs } from './docs';

const inDevelopers = (ctx: GoalContext) => ctx.world.accounts[acct]?.users.bob?.groups.includes('Developers') ?? false;
const readConfig = () => request('s3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, userPassword('bob'));
const choices: readonly PolicyChoice[] = [
  { id: 'group', text: 'Group Developers · DeveloperAppAccess', policyLabel: 'DeveloperAppAccess' },
  { id: 'bucket', text: 'The bucket policy', policyLabel: 'bucket policy' },
  { id: 'none', text: 'No policy: nothing allows it' },
];

export const groups: Scenario = {
  id: 'groups',
  number: 3,
  title: 'Groups',
  goal: 'Manage permissions at the group level: adding or removing a user changes what they can do; a group itself never signs in.',
  docs: [awsDocs.groups, awsDocs.evaluationLogic],
  setup: [],
  steps: [
    {
      kind: 'predict',
      id: 'before',
      instruction: 'Bob has no policy of his own. Predict, then send: bob reads config/app.json from the app bucket.',
      summary: 'bob → s3:GetObject on example-corp-app-data/config/app.json',
      hints: ['Look at bob\'s groups in the explorer.'],
      explanation: 'Allowed by the Developers group\'s policy: bob inherits every policy of every group he belongs to.',
      request: readConfig,
      expected: 'allowed',
      policyChoices: choices,
      expectedPolicy: 'group',
    },
    {
      kind: 'task',
      id: 'remove',
      instruction: 'As alice, remove bob from the Developers group.',
      hints: ['Open the group Developers (or bob) in the explorer: membership has "Remove".', 'Or send iam:RemoveUserFromGroup.'],
      explanation: 'One change on membership — no policy was edited.',
      goal: (ctx) => !inDevelopers(ctx),
    },
    {
      kind: 'predict',
      id: 'after',
      instruction: 'Predict, then send the same request again.',
      summary: 'bob → s3:GetObject on example-corp-app-data/config/app.json',
      hints: ['Which policies does bob have now?'],
      explanation: 'Implicitly denied: with no group, no policy allows the read, and everything not allowed is denied.',
      request: readConfig,
      expected: 'implicitDeny',
      policyChoices: choices,
      expectedPolicy: 'none',
    },
    {
      kind: 'task',
      id: 'add-back',
      instruction: 'Add bob back to Developers.',
      hints: ['iam:AddUserToGroup with UserName bob and GroupName Developers.'],
      explanation: 'Bob\'s access is back. For a team, this is why permissions live on the group: one place to change, every member follows.',
      goal: inDevelopers,
    },
    {
      kind: 'task',
      id: 'group-login',
      instruction: 'Try to sign in to the console with the user name "Developers".',
      hints: ['Use the user sign-in form with user name Developers and any password.'],
      explanation: 'The sign-in fails: a group is not an identity with credentials. It cannot sign in, hold access keys, or be named as a Principal in a policy.',
      goal: (ctx) =>
        ctx.recent.some((r) => r.request.operation === 'signin:ConsoleLogin' && !r.response.ok && r.request.credentials.kind === 'password' && r.request.credentials.userName.toLowerCase() === 'developers'),
    },
  ],
  solution: [
    { kind: 'predict', stepId: 'before', decision: 'allowed', policy: 'group' },
    { kind: 'request', label: 'bob reads the config', request: readConfig },
    { kind: 'request', label: 'remove bob from Developers', request: (ctx) => request('iam:RemoveUserFromGroup', { UserName: 'bob', GroupName: 'Developers' }, userKey(ctx.world, 'alice')) },
    { kind: 'predict', stepId: 'after', decision: 'implicitDeny', policy: 'none' },
    { kind: 'request', label: 'bob tries again', request: readConfig },
    { kind: 'request', label: 'add bob back', request: (ctx) => request('iam:AddUserToGroup', { UserName: 'bob', GroupName: 'Developers' }, userKey(ctx.world, 'alice')) },
    { kind: 'request', label: 'sign in as the group', request: () => request('signin:ConsoleLogin', {}, passwordOf('Developers', 'Bob-Developer-2026!')) },
  ],
};
