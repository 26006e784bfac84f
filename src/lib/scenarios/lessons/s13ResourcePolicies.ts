// Scenario 13: identity-based vs resource-based policies — within one account either may allow
// (a union); across accounts both sides must allow (an intersection).
import { simulateAuthorization } from '../../domain/pipeline/simulate';
import { acct, partnerAcct, partnerRootPassword, policyJson, request, userKey } from '../goals';
import type { GoalContext, PolicyChoice, Scenario } from '../types';
import { awsDocs } from './docs';
import { createDave, dave } from './shared';

const appBucket = 'example-corp-app-data';
const shared = 'partner-co-shared';
const daveReads = () => request('s3:GetObject', { Bucket: appBucket, Key: 'config/app.json' }, dave);
const carolReads = (ctx: GoalContext) => request('s3:GetObject', { Bucket: shared, Key: 'price-list.csv' }, userKey(ctx.world, 'carol'));
const appBucketPolicy = policyJson([
  {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [`arn:aws:s3:::${appBucket}`, `arn:aws:s3:::${appBucket}/*`],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  },
  { Sid: 'DaveReadsConfig', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:user/dave` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${appBucket}/config/*` },
]);
const partnerPolicy = policyJson([{ Sid: 'CarolReads', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:user/carol` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${shared}/*` }]);
const carolIdentity = policyJson([{ Sid: 'ReadPartnerShare', Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${shared}/*` }]);
const choices: readonly PolicyChoice[] = [
  { id: 'bucket', text: 'The bucket policy (resource-based)', policyLabel: 'bucket policy' },
  { id: 'identity', text: 'An identity-based policy of the caller', policyLabel: 'user ' },
  { id: 'none', text: 'No policy allows it (or only one side does)' },
];
const allowed = (ctx: GoalContext, user: string, resource: string) => {
  const r = simulateAuthorization(ctx.world, { kind: 'user', accountId: acct, userName: user }, 's3:GetObject', resource, { trace: false })?.result;
  return r?.kind === 'decision' && r.decision === 'allowed';
};
const bucketPolicyOf = (ctx: GoalContext, account: string, bucket: string) => ctx.world.accounts[account]?.s3.buckets[bucket]?.policy ?? '';

export const resourcePolicies: Scenario = {
  id: 'resource-policies',
  number: 13,
  title: 'Identity-based vs resource-based policies',
  goal: 'In one account, a bucket policy alone can allow; across accounts, the caller\'s own policy and the other account\'s resource policy must both allow.',
  docs: [awsDocs.identityVsResource, awsDocs.crossAccount, awsDocs.evaluationLogic],
  setup: createDave,
  steps: [
    {
      kind: 'predict',
      id: 'dave-before',
      instruction: 'dave has no policy. Predict, then send: dave reads config/app.json in the company\'s app bucket.',
      summary: 'dave → s3:GetObject on example-corp-app-data/config/app.json',
      hints: ['Does any policy mention dave?'],
      explanation: 'Implicitly denied: no identity-based policy and no bucket statement allows dave.',
      request: daveReads,
      expected: 'implicitDeny',
      policyChoices: choices,
      expectedPolicy: 'none',
    },
    {
      kind: 'task',
      id: 'bucket-allow',
      instruction: 'As alice, add a statement to the app bucket\'s policy that allows dave (Principal arn:aws:iam::111122223333:user/dave) s3:GetObject on config/*. Keep the existing deny.',
      hints: ['Open the bucket in the explorer → bucket policy → edit.', `For example:\n${appBucketPolicy}`],
      explanation: 'The resource now names dave as a principal — a resource-based policy.',
      goal: (ctx) => bucketPolicyOf(ctx, acct, appBucket).includes('user/dave') && allowed(ctx, 'dave', `arn:aws:s3:::${appBucket}/config/app.json`),
    },
    {
      kind: 'predict',
      id: 'dave-after',
      instruction: 'dave still has no identity policy. Predict, then send the same request.',
      summary: 'dave → s3:GetObject on example-corp-app-data/config/app.json',
      hints: ['Same account: is one allow enough?'],
      explanation: 'Allowed by the bucket policy alone: inside one account, an allow in either the identity-based or the resource-based policy is enough (a union).',
      request: daveReads,
      expected: 'allowed',
      policyChoices: choices,
      expectedPolicy: 'bucket',
    },
    {
      kind: 'task',
      id: 'partner-allow',
      instruction: 'Now cross-account: as the partner account\'s root user (root@partner.example), put a bucket policy on partner-co-shared that allows carol (arn:aws:iam::111122223333:user/carol) s3:GetObject on every object.',
      hints: ['Sign in as the partner root (its password is shown in the sign-in panel (the "Signed in as" button at the top)).', `For example:\n${partnerPolicy}`],
      explanation: 'The partner account — which owns the bucket — now trusts carol on its side.',
      goal: (ctx) => bucketPolicyOf(ctx, partnerAcct, shared).includes('user/carol'),
    },
    {
      kind: 'predict',
      id: 'carol-one-side',
      instruction: 'carol\'s own policies cover only the company\'s bucket. Predict, then send: carol reads price-list.csv from partner-co-shared.',
      summary: 'carol → s3:GetObject on partner-co-shared/price-list.csv',
      hints: ['Different accounts: which sides must agree?'],
      explanation: 'Still denied: across accounts, the bucket policy lets carol in from the partner\'s side, but her own account has not allowed her to go there.',
      request: carolReads,
      expected: 'implicitDeny',
      policyChoices: choices,
      expectedPolicy: 'none',
    },
    {
      kind: 'task',
      id: 'carol-identity',
      instruction: 'As alice, give carol an identity-based policy that allows s3:GetObject on arn:aws:s3:::partner-co-shared/*.',
      hints: ['carol → inline policies → add.', `For example:\n${carolIdentity}`],
      explanation: 'Both sides allow now: the company (identity-based) and the partner (resource-based).',
      goal: (ctx) => allowed(ctx, 'carol', `arn:aws:s3:::${shared}/price-list.csv`),
    },
    {
      kind: 'predict',
      id: 'carol-both',
      instruction: 'Predict, then send the same request.',
      summary: 'carol → s3:GetObject on partner-co-shared/price-list.csv',
      hints: ['Do both accounts allow now?'],
      explanation: 'Allowed: cross-account access needs the intersection — an allow on each side.',
      request: carolReads,
      expected: 'allowed',
    },
  ],
  solution: [
    { kind: 'predict', stepId: 'dave-before', decision: 'implicitDeny', policy: 'none' },
    { kind: 'request', label: 'dave reads the config', request: daveReads },
    { kind: 'request', label: 'bucket policy names dave', request: (ctx) => request('s3:PutBucketPolicy', { Bucket: appBucket, Policy: appBucketPolicy }, userKey(ctx.world, 'alice')) },
    { kind: 'predict', stepId: 'dave-after', decision: 'allowed', policy: 'bucket' },
    { kind: 'request', label: 'dave reads it again', request: daveReads },
    { kind: 'request', label: 'partner bucket policy names carol', request: () => request('s3:PutBucketPolicy', { Bucket: shared, Policy: partnerPolicy }, partnerRootPassword) },
    { kind: 'predict', stepId: 'carol-one-side', decision: 'implicitDeny', policy: 'none' },
    { kind: 'request', label: 'carol reads the price list', request: carolReads },
    { kind: 'request', label: 'carol\'s own policy', request: (ctx) => request('iam:PutUserPolicy', { UserName: 'carol', PolicyName: 'ReadPartnerShare', PolicyDocument: carolIdentity }, userKey(ctx.world, 'alice')) },
    { kind: 'predict', stepId: 'carol-both', decision: 'allowed' },
    { kind: 'request', label: 'carol reads it again', request: carolReads },
  ],
};
