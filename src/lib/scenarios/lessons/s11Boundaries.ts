// Scenario 11: a permissions boundary caps what identity policies allow — it grants nothing itself.
import { acct, policyJson, request, userKey } from '../goals';
import type { PolicyChoice, Scenario } from '../types';
import { awsDocs } from './docs';
import { createDave, dave } from './shared';

const boundaryArn = `arn:aws:iam::${acct}:policy/S3ReadBoundary`;
const boundaryDoc = policyJson([{ Sid: 'ReadS3Only', Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }]);
const listUsers = () => request('iam:ListUsers', {}, dave);
const readReport = () => request('s3:GetObject', { Bucket: 'example-corp-app-data', Key: 'reports/2025-q4.csv' }, dave);
const choices: readonly PolicyChoice[] = [
  { id: 'admin', text: 'dave\'s AdministratorAccess', policyLabel: 'AdministratorAccess' },
  { id: 'boundary', text: 'The permissions boundary (it does not allow this)', stage: 'permissionsBoundary' },
  { id: 'none', text: 'No policy allows it' },
];

export const boundaries: Scenario = {
  id: 'boundaries',
  number: 11,
  title: 'Permissions boundaries',
  goal: 'A permissions boundary can override an explicit allow: the identity may do only what both its policies and its boundary allow.',
  docs: [awsDocs.boundaries, awsDocs.evaluationLogic],
  setup: [
    ...createDave,
    { kind: 'request', label: 'dave gets AdministratorAccess', request: (ctx) => request('iam:AttachUserPolicy', { UserName: 'dave', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }, userKey(ctx.world, 'alice')) },
    { kind: 'request', label: 'the boundary policy', request: (ctx) => request('iam:CreatePolicy', { PolicyName: 'S3ReadBoundary', PolicyDocument: boundaryDoc }, userKey(ctx.world, 'alice')) },
  ],
  steps: [
    {
      kind: 'predict',
      id: 'admin',
      instruction: 'dave has AdministratorAccess. Predict, then send: dave lists the IAM users.',
      summary: 'dave → iam:ListUsers',
      hints: ['AdministratorAccess allows "*" on "*".'],
      explanation: 'Allowed by AdministratorAccess, as expected.',
      request: listUsers,
      expected: 'allowed',
      policyChoices: choices,
      expectedPolicy: 'admin',
    },
    {
      kind: 'task',
      id: 'set-boundary',
      instruction: `As alice, set the policy S3ReadBoundary (${boundaryArn}) as dave's permissions boundary.`,
      hints: ['dave\'s detail → Permissions boundary → "Set a boundary" with S3ReadBoundary.', 'Or iam:PutUserPermissionsBoundary.'],
      explanation: 'The boundary is now the most dave can ever be allowed, whatever policies are attached to him.',
      goal: (ctx) => ctx.world.accounts[acct]?.users.dave?.permissionsBoundary === boundaryArn,
    },
    {
      kind: 'predict',
      id: 'capped',
      instruction: 'AdministratorAccess is still attached. Predict, then send the same request.',
      summary: 'dave → iam:ListUsers',
      hints: ['Does the boundary allow any iam: action?'],
      explanation: 'Denied, although AdministratorAccess allows it: the boundary allows only S3 reads, so it overrides the explicit allow.',
      request: listUsers,
      expected: 'implicitDeny',
      policyChoices: choices,
      expectedPolicy: 'boundary',
    },
    {
      kind: 'predict',
      id: 'inside',
      instruction: 'Predict, then send: dave reads a report from the app bucket.',
      summary: 'dave → s3:GetObject on example-corp-app-data/reports/2025-q4.csv',
      hints: ['Is it allowed by both the policy and the boundary?'],
      explanation: 'Allowed: the action is inside both the identity policy and the boundary — the intersection.',
      request: readReport,
      expected: 'allowed',
    },
    {
      kind: 'quiz',
      id: 'grants',
      instruction: 'Check the idea.',
      question: 'A user has NO identity policy, and a boundary that allows s3:*. Can they read S3?',
      hints: ['What does a boundary do on its own?'],
      explanation: 'No: a boundary grants nothing. It only limits what identity policies allow.',
      choices: [
        { id: 'no', text: 'No — the boundary only limits, it does not allow', correct: true, explanation: 'Right: nothing inside the limit is allowed, so the default deny stands.' },
        { id: 'yes', text: 'Yes — the boundary allows s3:*', correct: false, explanation: 'A boundary is a maximum, not a grant: an identity policy must allow the action too.' },
      ],
    },
  ],
  solution: [
    { kind: 'predict', stepId: 'admin', decision: 'allowed', policy: 'admin' },
    { kind: 'request', label: 'dave lists users', request: listUsers },
    { kind: 'request', label: 'set the boundary', request: (ctx) => request('iam:PutUserPermissionsBoundary', { UserName: 'dave', PermissionsBoundary: boundaryArn }, userKey(ctx.world, 'alice')) },
    { kind: 'predict', stepId: 'capped', decision: 'implicitDeny', policy: 'boundary' },
    { kind: 'request', label: 'dave lists users again', request: listUsers },
    { kind: 'predict', stepId: 'inside', decision: 'allowed' },
    { kind: 'request', label: 'dave reads a report', request: readReport },
    { kind: 'answer', stepId: 'grants', choiceId: 'no' },
  ],
};
