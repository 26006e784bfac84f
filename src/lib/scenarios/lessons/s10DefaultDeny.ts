// Scenario 10: every request is denied by default; an explicit allow overrides that default.
import { simulateAuthorization } from '../../domain/pipeline/simulate';
import { acct, request, userKey } from '../goals';
import type { GoalContext, PolicyChoice, Scenario } from '../types';
import { awsDocs } from './docs';
import { createDave, dave, listBucketsPolicy } from './shared';

const listBuckets = () => request('s3:ListBuckets', {}, dave);
const choices: readonly PolicyChoice[] = [
  { id: 'none', text: 'No policy: nothing allows it' },
  { id: 'dave', text: 'A policy attached to dave', policyLabel: 'user dave' },
];
const daveMayList = (ctx: GoalContext) => simulateAuthorization(ctx.world, { kind: 'user', accountId: acct, userName: 'dave' }, 's3:ListAllMyBuckets', '*', { trace: false })?.result;

export const defaultDeny: Scenario = {
  id: 'default-deny',
  number: 10,
  title: 'Default deny, explicit allow',
  goal: 'A new identity can do nothing: every request is denied until a policy explicitly allows it.',
  docs: [awsDocs.evaluationLogic, awsDocs.policies],
  setup: createDave,
  steps: [
    {
      kind: 'predict',
      id: 'new-user',
      instruction: 'dave was just created, with a password and no policy. Predict, then send: dave lists the S3 buckets.',
      summary: 'dave → s3:ListBuckets (action s3:ListAllMyBuckets)',
      hints: ['How many policies does dave have?'],
      explanation: 'Implicitly denied: no statement allows it, so the default — deny — stands. Nothing was refused explicitly.',
      request: listBuckets,
      expected: 'implicitDeny',
      policyChoices: choices,
      expectedPolicy: 'none',
    },
    {
      kind: 'task',
      id: 'allow',
      instruction: 'As alice, give dave a policy that allows s3:ListAllMyBuckets on "*".',
      hints: ['Open dave in the explorer → inline policies → add one.', `For example:\n${listBucketsPolicy}`],
      explanation: 'An explicit allow now exists for this action.',
      goal: (ctx) => {
        const r = daveMayList(ctx);
        return r?.kind === 'decision' && r.decision === 'allowed';
      },
    },
    {
      kind: 'predict',
      id: 'allowed',
      instruction: 'Predict, then send the same request.',
      summary: 'dave → s3:ListBuckets',
      hints: ['Which statement matches now?'],
      explanation: 'Allowed: the explicit allow overrides the default deny — and only for what it names.',
      request: listBuckets,
      expected: 'allowed',
      policyChoices: choices,
      expectedPolicy: 'dave',
    },
  ],
  solution: [
    { kind: 'predict', stepId: 'new-user', decision: 'implicitDeny', policy: 'none' },
    { kind: 'request', label: 'dave lists buckets', request: listBuckets },
    { kind: 'request', label: 'alice allows it', request: (ctx) => request('iam:PutUserPolicy', { UserName: 'dave', PolicyName: 'ListBuckets', PolicyDocument: listBucketsPolicy }, userKey(ctx.world, 'alice')) },
    { kind: 'predict', stepId: 'allowed', decision: 'allowed', policy: 'dave' },
    { kind: 'request', label: 'dave lists buckets again', request: listBuckets },
  ],
};
