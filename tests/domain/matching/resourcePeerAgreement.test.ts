// Differential check of Resource patterns against the peer simulator (@cloud-copilot/iam-simulate, AGPL, used
// only as a test oracle): an Allow-everything statement whose Resource is a generated pattern, for fixed
// requests. AWS: IAM JSON policy elements: Resource, "Including wildcards (*) in resource ARNs".
// Only six-part patterns are generated: shorter ones are not ARNs, policy validation refuses them, and the peer
// then answers in ways no AWS page describes (it allows `foo` for an S3 object), so there is nothing to compare.
// Also left out: a wildcard standing for a DynamoDB resource type (`*/Books`, `?able/Books`). The peer keeps
// the type literal there; the Resource page lets wildcards appear anywhere in the resource part, so we match them.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { matchResource } from '../../../src/lib/domain/matching/matchResource';

const requests = [
  { action: 's3:GetObject', resource: 'arn:aws:s3:::bucket/key', accountId: '111122223333' },
  { action: 'dynamodb:GetItem', resource: 'arn:aws:dynamodb:us-east-1:111122223333:table/Books', accountId: '111122223333' },
] as const;

async function peerAllows(pattern: string, request: (typeof requests)[number]): Promise<boolean> {
  const result = await runSimulation(
    {
      request: {
        principal: 'arn:aws:iam::111122223333:user/alice',
        action: request.action,
        resource: { resource: request.resource, accountId: request.accountId },
        contextVariables: {},
      },
      identityPolicies: [{ name: 'p', policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: pattern }] } }],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    {},
  );
  if (result.resultType !== 'single') throw new Error(`peer could not run ${pattern}: ${JSON.stringify(result)}`);
  return result.overallResult === 'Allowed';
}

const part = (...options: string[]) => fc.constantFrom(...options);
const pattern = fc
  .tuple(
    part('arn', '*', 'a*', '?rn'),
    part('aws', '*', 'a?s', '', 'aws-cn'),
    part('s3', 'dynamodb', '*', 's?', 'dynamo*', ''),
    part('', '*', 'us-*', 'us-east-1', '?'),
    part('', '*', '1*', '111122223333', '444455556666'),
    part('bucket/key', 'bucket/*', '*', 'b*/k?y', 'bucket', 'table/*', 'table/Books', 'table/Books*', '*Books', '*key'),
  )
  .map((parts) => parts.join(':'));

describe('Resource patterns agree with the peer simulator (seeded)', () => {
  it.each(requests)('for $resource', async (request) => {
    await fc.assert(
      fc.asyncProperty(pattern, async (p) => {
        expect(matchResource(p, request.resource)).toBe(await peerAllows(p, request));
      }),
      { seed: 20261129, numRuns: 250 },
    );
  });
});
