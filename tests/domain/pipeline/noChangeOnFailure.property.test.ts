// Property: a request that fails authentication, is denied, or fails while processing leaves the world
// unchanged (the same object, deep-equal to before); a successful one never mutates its input.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Credentials } from '../../../src/lib/domain/pipeline/types';
import type { Json } from '../../../src/lib/domain/policy/types';
import { call, defaultLab, bobPassword, rootPassword, userKey } from './labFixture';

const bucket = 'example-corp-app-data';
const doc = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }] };

/** Operations with parameters that sometimes succeed and often fail (missing entities, bad input, no permission). */
const requests: readonly [string, Record<string, Json>][] = [
  ['iam:CreateUser', { UserName: 'bob' }],
  ['iam:CreateUser', { UserName: 'new-user' }],
  ['iam:CreateUser', { UserName: 'bad name!' }],
  ['iam:DeleteUser', { UserName: 'carol' }],
  ['iam:DeleteUser', { UserName: 'ghost' }],
  ['iam:CreateAccessKey', { UserName: 'alice' }],
  ['iam:CreateLoginProfile', { UserName: 'bob', Password: 'Another-Password-1' }],
  ['iam:CreateLoginProfile', { UserName: 'carol', Password: 'short' }],
  ['iam:DeleteGroup', { GroupName: 'Admins' }],
  ['iam:AttachUserPolicy', { UserName: 'carol', PolicyArn: 'arn:aws:iam::aws:policy/Nope' }],
  ['iam:AttachUserPolicy', { UserName: 'carol', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }],
  ['iam:PutUserPolicy', { UserName: 'carol', PolicyName: 'p', PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}' }],
  ['iam:PutUserPolicy', { UserName: 'carol', PolicyName: 'p', PolicyDocument: doc }],
  ['iam:CreatePolicy', { PolicyName: 'Bad', PolicyDocument: '{' }],
  ['iam:CreateRole', { RoleName: 'R', AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:group/Admins' }, Action: 'sts:AssumeRole' }] } }],
  ['sts:AssumeRole', { RoleArn: 'arn:aws:iam::111122223333:role/AppServerRole', RoleSessionName: 'nope' }],
  ['sts:AssumeRole', { RoleArn: 'arn:aws:iam::444455556666:role/PartnerAccessRole', RoleSessionName: 'long', DurationSeconds: 99999 }],
  ['sts:AssumeRole', { RoleArn: 'arn:aws:iam::444455556666:role/PartnerAccessRole', RoleSessionName: 'ok-session' }],
  ['s3:DeleteBucket', { Bucket: bucket }],
  ['s3:PutBucketPolicy', { Bucket: bucket, Policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] } }],
  ['s3:PutObject', { Bucket: bucket, Key: 'k', Body: 'v' }],
  ['s3:PutObject', { Bucket: 'no-such-bucket', Key: 'k', Body: 'v' }],
  ['s3:PutBucketVersioning', { Bucket: bucket, Status: 'Enabled', MFADelete: 'Enabled' }],
  ['dynamodb:PutItem', { TableName: 'Orders', Item: { customerId: 'c-9' } }],
  ['dynamodb:DeleteTable', { TableName: 'Orders' }],
  ['ec2:TerminateInstances', { InstanceIds: ['i-0000000000000000'] }],
  ['kms:ScheduleKeyDeletion', { KeyId: 'nope' }],
  ['account:CloseAccount', {}],
  ['supportplans:UpdateSupportPlan', { SupportPlan: 'platinum' }],
  ['iam:NotAnOperation', {}],
];

describe('no denied or failed request changes the world', () => {
  it('holds for random requests from random principals', async () => {
    const world = await defaultLab();
    const before = JSON.stringify(world);
    const callers: Credentials[] = [
      userKey(world, 'alice'),
      userKey(world, 'carol'),
      bobPassword(),
      rootPassword,
      { kind: 'anonymous' },
      { kind: 'accessKey', accessKeyId: 'AKIAAAAAAAAAAAAAAAAA', secretAccessKey: 'x' },
      { kind: 'console', sessionId: 'missing' },
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...requests), fc.constantFrom(...callers), fc.boolean(), async ([op, params], creds, http) => {
        const sent = await call(world, op, params, creds, http ? { transport: 'http' } : {});
        expect(JSON.stringify(world)).toBe(before);
        if (!sent.record.response.ok) {
          expect(sent.world).toBe(world);
          expect(sent.record.processing?.changes ?? []).toEqual([]);
        } else {
          expect(sent.world).not.toBe(world);
        }
      }),
      { numRuns: 250 },
    );
  });

  it('records are plain JSON', async () => {
    const world = await defaultLab();
    const sent = await call(world, 's3:GetObject', { Bucket: bucket, Key: 'config/app.json' }, userKey(world, 'alice'));
    expect(JSON.parse(JSON.stringify(sent.record))).toEqual(sent.record);
  });
});
