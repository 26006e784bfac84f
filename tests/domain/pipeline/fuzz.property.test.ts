// Property: send() never rejects, whatever the operation's parameters (untrusted input from the UI/CLI),
// and a failure never changes the world.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { operationNames } from '../../../src/lib/domain/operations/operationTable';
import type { Credentials } from '../../../src/lib/domain/pipeline/types';
import type { Json } from '../../../src/lib/domain/policy/types';
import { call, defaultLab, rootPassword, userKey } from './labFixture';

const paramNames = ['UserName', 'GroupName', 'RoleName', 'PolicyArn', 'PolicyName', 'PolicyDocument', 'Bucket', 'Key', 'Body', 'Policy', 'TableName', 'Key', 'Item',
  'InstanceIds', 'KeyId', 'RoleArn', 'RoleSessionName', 'DurationSeconds', 'Tags', 'TagKeys', 'SerialNumber', 'TokenCode', 'WebIdentityToken', 'SAMLAssertion',
  'PrincipalArn', 'Password', 'AccessKeyId', 'Status', 'VersionId', 'MFADelete', 'KeySchema', 'KeyConditionExpression', 'ExpressionAttributeValues', 'UpdateExpression',
  'CiphertextBlob', 'Plaintext', 'IamInstanceProfile', 'PublicAccessBlockConfiguration', 'AssumeRolePolicyDocument', 'NewEmail', 'SupportPlan', 'Prefix', 'MaxKeys'];

const value: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>('alice', 'bob', 'Admins', 'AppServerRole', 'example-corp-app-data', 'Orders', 'arn:aws:iam::aws:policy/AdministratorAccess', '', '*', 'arn:aws:iam::444455556666:role/PartnerAccessRole'),
  fc.jsonValue() as fc.Arbitrary<Json>,
);

describe('send() is total', () => {
  it('never rejects, never crashes inside an operation, and never changes the world on failure', async () => {
    const world = await defaultLab();
    const before = JSON.stringify(world);
    const callers: Credentials[] = [userKey(world, 'alice'), rootPassword, { kind: 'anonymous' }];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operationNames),
        fc.dictionary(fc.constantFrom(...paramNames), value, { maxKeys: 4 }),
        fc.constantFrom(...callers),
        async (op, params, creds) => {
          const sent = await call(world, op, params, creds);
          expect(JSON.stringify(world)).toBe(before);
          if (!sent.record.response.ok) {
            expect(sent.world).toBe(world);
            // An InternalFailure would mean an operation crashed on odd input instead of answering AWS's error.
            expect(`${sent.record.response.code}: ${sent.record.response.message}`).not.toMatch(/^InternalFailure/);
          }
          expect(() => JSON.stringify(sent.record)).not.toThrow();
        },
      ),
      { numRuns: 400 },
    );
  });
});
