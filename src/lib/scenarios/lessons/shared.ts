// Setup moves several lessons share: a new user "dave" with a console password and no permissions.
import { policyJson, passwordOf, request, userKey } from '../goals';
import type { SolutionMove } from '../types';

export const davePassword = 'Dave-Lab-2026!';
export const dave = passwordOf('dave', davePassword);

export const createDave: readonly SolutionMove[] = [
  { kind: 'request', label: 'create user dave', request: (ctx) => request('iam:CreateUser', { UserName: 'dave' }, userKey(ctx.world, 'alice')) },
  { kind: 'request', label: 'give dave a password', request: (ctx) => request('iam:CreateLoginProfile', { UserName: 'dave', Password: davePassword }, userKey(ctx.world, 'alice')) },
];

export const listBucketsPolicy = policyJson([{ Sid: 'ListAllBuckets', Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }]);
