// Scenario 9: the ways a request proves who sent it — console password, SigV4-signed access keys,
// and no proof at all (anonymous S3 access to a world-writable bucket, and how to close it).
import { acct, request, sent, userKey, userPassword } from '../goals';
import type { GoalContext, Scenario } from '../types';
import { awsDocs } from './docs';

export const dropbox = 'example-corp-dropbox';
const worldWrite = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Sid: 'AnyoneCanWrite', Effect: 'Allow', Principal: '*', Action: ['s3:PutObject', 's3:GetObject'], Resource: `arn:aws:s3:::${dropbox}/*` }],
});
const openBlock = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };
const closedBlock = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
const anonymousPut = () => request('s3:PutObject', { Bucket: dropbox, Key: 'graffiti.txt', Body: 'anyone was here' }, { kind: 'anonymous' });
const anonymousToDropbox = (ok: boolean) => (ctx: GoalContext) =>
  ctx.recent.some((r) => r.request.operation === 's3:PutObject' && r.request.params.Bucket === dropbox && r.authentication.principal?.principalType === 'Anonymous' && r.response.ok === ok);

export const authenticationPaths: Scenario = {
  id: 'authentication',
  number: 9,
  title: 'Authentication: password, keys, or nobody',
  goal: 'Console access uses a user name and password, API/CLI access uses access keys that sign each request (SigV4), and S3 can even accept anonymous requests.',
  docs: [awsDocs.passwords, awsDocs.sigv4, awsDocs.blockPublicAccess],
  setup: [
    { kind: 'request', label: 'create the dropbox bucket', request: (ctx) => request('s3:CreateBucket', { Bucket: dropbox }, userKey(ctx.world, 'alice')) },
    { kind: 'request', label: 'turn off Block Public Access', request: (ctx) => request('s3:PutPublicAccessBlock', { Bucket: dropbox, PublicAccessBlockConfiguration: openBlock }, userKey(ctx.world, 'alice')) },
    { kind: 'request', label: 'world-write bucket policy', request: (ctx) => request('s3:PutBucketPolicy', { Bucket: dropbox, Policy: worldWrite }, userKey(ctx.world, 'alice')) },
  ],
  steps: [
    {
      kind: 'task',
      id: 'password',
      instruction: 'Sign in to the console as bob with his password.',
      hints: ['User sign-in form: account example-corp, user bob.'],
      explanation: 'The console checked the account, the user name and the password hash. That proves who bob is for this console session.',
      goal: sent({ operation: 'signin:ConsoleLogin', by: { kind: 'user', userName: 'bob' }, outcome: 'ok' }),
    },
    {
      kind: 'task',
      id: 'keys',
      instruction: 'Make an API call with carol\'s access key (carol has no password, only a key).',
      hints: ['"Signed in as" button → Access key → carol, or use the CLI view.'],
      explanation: 'The secret never travelled: the client signed the request (SigV4) and AWS recomputed the signature with its copy of the secret. Open the stage to see each signing step.',
      goal: (ctx) =>
        ctx.recent.some((r) => r.authentication.principal?.userName === 'carol' && r.authentication.steps.some((s) => s.kind === 'sigv4.verify' && s.ok)),
    },
    {
      kind: 'task',
      id: 'anonymous',
      instruction: `Act anonymously (no credentials) and put an object into the bucket ${dropbox}.`,
      hints: ['"Signed in as" button → Anonymous, then s3:PutObject with Bucket example-corp-dropbox.'],
      explanation: 'Anyone on the internet just wrote into your bucket: its policy allows Principal "*" and Block Public Access was turned off. You pay for the storage and serve whatever was uploaded.',
      goal: anonymousToDropbox(true),
    },
    {
      kind: 'task',
      id: 'block',
      instruction: `As alice, turn Block Public Access back on for ${dropbox}.`,
      hints: ['Open the bucket in the explorer, or send s3:PutPublicAccessBlock with all four settings true.'],
      explanation: 'Block Public Access overrides public bucket policies: the safety net AWS turns on by default.',
      goal: (ctx) => ctx.world.accounts[acct]?.s3.buckets[dropbox]?.publicAccessBlock?.restrictPublicBuckets === true,
    },
    {
      kind: 'task',
      id: 'blocked',
      instruction: 'Try the anonymous upload again.',
      hints: ['Anonymous → s3:PutObject on the same bucket.'],
      explanation: 'Denied: public access is restricted again, so only authenticated principals of the account can write.',
      goal: anonymousToDropbox(false),
    },
  ],
  solution: [
    { kind: 'request', label: 'bob signs in', request: () => request('signin:ConsoleLogin', {}, userPassword('bob')) },
    { kind: 'request', label: 'carol calls with her key', request: (ctx) => request('sts:GetCallerIdentity', {}, userKey(ctx.world, 'carol'), { via: 'cli' }) },
    { kind: 'request', label: 'anonymous upload', request: anonymousPut },
    { kind: 'request', label: 'block public access', request: (ctx) => request('s3:PutPublicAccessBlock', { Bucket: dropbox, PublicAccessBlockConfiguration: closedBlock }, userKey(ctx.world, 'alice')) },
    { kind: 'request', label: 'anonymous upload again', request: anonymousPut },
  ],
};
