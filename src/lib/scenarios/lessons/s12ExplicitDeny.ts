// Scenario 12: an explicit deny overrides any allow — even AdministratorAccess.
import { policyJson, request, userPassword } from '../goals';
import type { PolicyChoice, Scenario } from '../types';
import { awsDocs } from './docs';

const alice = userPassword('alice');
const readReport = () => request('s3:GetObject', { Bucket: 'example-corp-app-data', Key: 'reports/2025-q4.csv' }, alice);
const denyReports = policyJson([{ Sid: 'NoReports', Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-corp-app-data/reports/*' }]);
const choices: readonly PolicyChoice[] = [
  { id: 'admin', text: 'AdministratorAccess (group Admins)', policyLabel: 'AdministratorAccess' },
  { id: 'deny', text: 'alice\'s inline deny', policyLabel: 'user alice · inline' },
  { id: 'bucket', text: 'The bucket policy', policyLabel: 'bucket policy' },
];

export const explicitDeny: Scenario = {
  id: 'explicit-deny',
  number: 12,
  title: 'Explicit deny beats every allow',
  goal: 'A matching Deny statement wins over any number of allows, wherever it comes from.',
  docs: [awsDocs.evaluationLogic, awsDocs.policies],
  setup: [],
  steps: [
    {
      kind: 'predict',
      id: 'admin',
      instruction: 'alice is in Admins (AdministratorAccess). Predict, then send: alice reads reports/2025-q4.csv.',
      summary: 'alice → s3:GetObject on example-corp-app-data/reports/2025-q4.csv',
      hints: ['AdministratorAccess allows everything.'],
      explanation: 'Allowed by AdministratorAccess.',
      request: readReport,
      expected: 'allowed',
      policyChoices: choices,
      expectedPolicy: 'admin',
    },
    {
      kind: 'task',
      id: 'add-deny',
      instruction: 'Add an inline policy to alice that denies s3:GetObject on arn:aws:s3:::example-corp-app-data/reports/*.',
      hints: ['alice → inline policies → add.', `For example:\n${denyReports}`],
      explanation: 'alice now has both an allow (from her group) and a deny (on herself) for the same request.',
      goal: (ctx) => Object.values(ctx.world.accounts['111122223333']?.users.alice?.inlinePolicies ?? {}).some((p) => p.includes('"Deny"')),
    },
    {
      kind: 'predict',
      id: 'denied',
      instruction: 'Predict, then send the same request.',
      summary: 'alice → s3:GetObject on example-corp-app-data/reports/2025-q4.csv',
      hints: ['What wins when an allow and a deny both match?'],
      explanation: 'Explicitly denied: AWS checks denies first, and one matching Deny settles it — AdministratorAccess cannot override it.',
      request: readReport,
      expected: 'explicitDeny',
      policyChoices: choices,
      expectedPolicy: 'deny',
    },
    {
      kind: 'predict',
      id: 'http',
      instruction: 'The bucket policy denies any request not sent over HTTPS. Predict, then send: alice lists the bucket over plain HTTP.',
      summary: 'alice → s3:ListObjectsV2 on example-corp-app-data over http',
      hints: ['Look at the bucket\'s policy: DenyInsecureTransport.'],
      explanation: 'Explicitly denied by the bucket policy: a deny in a resource-based policy beats the admin\'s allow just the same.',
      request: () => request('s3:ListObjectsV2', { Bucket: 'example-corp-app-data' }, alice, { transport: 'http' }),
      expected: 'explicitDeny',
      policyChoices: choices,
      expectedPolicy: 'bucket',
    },
  ],
  solution: [
    { kind: 'predict', stepId: 'admin', decision: 'allowed', policy: 'admin' },
    { kind: 'request', label: 'alice reads the report', request: readReport },
    { kind: 'request', label: 'add the deny', request: () => request('iam:PutUserPolicy', { UserName: 'alice', PolicyName: 'NoReports', PolicyDocument: denyReports }, alice) },
    { kind: 'predict', stepId: 'denied', decision: 'explicitDeny', policy: 'deny' },
    { kind: 'request', label: 'alice reads it again', request: readReport },
    { kind: 'predict', stepId: 'http', decision: 'explicitDeny', policy: 'bucket' },
    { kind: 'request', label: 'list over http', request: () => request('s3:ListObjectsV2', { Bucket: 'example-corp-app-data' }, alice, { transport: 'http' }) },
  ],
};
