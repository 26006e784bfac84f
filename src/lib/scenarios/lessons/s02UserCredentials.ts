// Scenario 2: a user's credentials — a console password, up to two access keys for the API/CLI, rotation.
import { acct, allOf, createdKey, request, sent, userKey, userPassword } from '../goals';
import type { GoalContext, Scenario } from '../types';
import { awsDocs } from './docs';

const bobKeys = (ctx: GoalContext) => ctx.world.accounts[acct]?.users.bob?.accessKeys ?? [];
const admin = (ctx: GoalContext) => userKey(ctx.world, 'alice');

export const userCredentials: Scenario = {
  id: 'user-credentials',
  number: 2,
  title: 'Users and their credentials',
  goal: 'A user signs in to the console with a name and password, and calls the API or CLI with an access key — at most two of them, rotated one at a time.',
  docs: [awsDocs.users, awsDocs.passwords, awsDocs.accessKeys, awsDocs.sigv4],
  setup: [],
  steps: [
    {
      kind: 'task',
      id: 'console',
      instruction: 'Sign in to the console as bob with his user name and password.',
      hints: ['Use the sign-in panel (the "Signed in as" button at the top): account example-corp, user bob.'],
      explanation: 'A console password is one of a user\'s two kinds of long-term credentials. Bob has a password but no access key yet.',
      goal: sent({ operation: 'signin:ConsoleLogin', by: { kind: 'user', userName: 'bob' }, outcome: 'ok' }),
    },
    {
      kind: 'task',
      id: 'create-key',
      instruction: 'As alice (an administrator), create an access key for bob (iam:CreateAccessKey with UserName bob).',
      hints: ['Switch back to alice, open bob in the explorer and use "Create access key", or send iam:CreateAccessKey.', 'The secret is shown once: copy it now.'],
      explanation: 'An access key is an id (AKIA…) and a secret. The secret is shown only once; AWS keeps it to check signatures, you keep it to sign.',
      goal: sent({ operation: 'iam:CreateAccessKey', params: { UserName: 'bob' }, outcome: 'ok' }),
    },
    {
      kind: 'task',
      id: 'use-key',
      instruction: 'Open the CLI view and use bob\'s new access key from the command line: run aws configure with the key id and secret, then aws sts get-caller-identity.',
      hints: ['Type aws configure and paste the access key id and the secret when asked (region us-east-1).', 'Then type aws sts get-caller-identity: the answer names bob.'],
      explanation: 'The request was signed with Signature Version 4 using the secret; AWS recomputed the signature and found bob. Keys are for the API and CLI, not for the console.',
      goal: sent({ by: { kind: 'user', userName: 'bob' }, via: 'accessKey', cli: true, outcome: 'ok' }),
    },
    {
      kind: 'task',
      id: 'limit',
      instruction: 'Create a second key for bob, then try a third one.',
      hints: ['Send iam:CreateAccessKey for bob twice more.'],
      explanation: 'AWS refuses the third key with LimitExceeded: a user has at most two access keys, exactly so one can be rotated while the other keeps working.',
      goal: sent({ operation: 'iam:CreateAccessKey', outcome: { code: 'LimitExceeded' } }),
    },
    {
      kind: 'task',
      id: 'deactivate',
      instruction: 'Rotate: make bob\'s oldest key inactive (iam:UpdateAccessKey with Status Inactive).',
      hints: ['In bob\'s detail, the access keys section has "Deactivate".'],
      explanation: 'Deactivating first is the safe order: if something still used the old key it fails now, and you can turn it back on.',
      goal: (ctx) => bobKeys(ctx).some((k) => k.status === 'Inactive'),
    },
    {
      kind: 'task',
      id: 'delete',
      instruction: 'Delete the inactive key.',
      hints: ['iam:DeleteAccessKey with UserName bob and the inactive key\'s id.'],
      explanation: 'Rotation done: bob keeps one working key and the old one no longer exists.',
      goal: allOf(sent({ operation: 'iam:DeleteAccessKey', outcome: 'ok' }), (ctx) => bobKeys(ctx).length === 1 && bobKeys(ctx).every((k) => k.status === 'Active')),
    },
  ],
  solution: [
    { kind: 'request', label: 'bob signs in', request: () => request('signin:ConsoleLogin', {}, userPassword('bob')) },
    { kind: 'request', label: 'alice creates a key for bob', request: (ctx) => request('iam:CreateAccessKey', { UserName: 'bob' }, admin(ctx)) },
    { kind: 'request', label: 'bob calls the API with it', request: (ctx) => request('sts:GetCallerIdentity', {}, createdKey(ctx.records), { via: 'cli' }) },
    { kind: 'request', label: 'a second key', request: (ctx) => request('iam:CreateAccessKey', { UserName: 'bob' }, admin(ctx)) },
    { kind: 'request', label: 'a third key (refused)', request: (ctx) => request('iam:CreateAccessKey', { UserName: 'bob' }, admin(ctx)) },
    {
      kind: 'request',
      label: 'deactivate the oldest key',
      request: (ctx) => request('iam:UpdateAccessKey', { UserName: 'bob', AccessKeyId: bobKeys(ctx)[0]?.accessKeyId ?? '', Status: 'Inactive' }, admin(ctx)),
    },
    {
      kind: 'request',
      label: 'delete it',
      request: (ctx) => request('iam:DeleteAccessKey', { UserName: 'bob', AccessKeyId: bobKeys(ctx).find((k) => k.status === 'Inactive')?.accessKeyId ?? '' }, admin(ctx)),
    },
  ],
};
