// Differential check of single conditions against the peer simulator (@cloud-copilot/iam-simulate, AGPL,
// used here only as a test oracle). Each case puts one clause in an Allow-everything identity policy and
// compares "the peer allows" with "our clause holds". Cases where we deliberately follow AWS's documentation
// instead of the peer are listed in evaluateCondition.test.ts and are not repeated here.
import { describe, expect, it } from 'vitest';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import fc from 'fast-check';
import { check } from './helpers';

type Case = readonly [operator: string, key: string, values: readonly string[], context: Record<string, string | string[]>];

const cases: readonly Case[] = [
  ['StringEquals', 'aws:PrincipalTag/t', ['a'], { 'aws:PrincipalTag/t': 'a' }],
  ['StringEquals', 'aws:PrincipalTag/t', ['a'], { 'aws:PrincipalTag/t': 'A' }],
  ['StringEquals', 'aws:PrincipalTag/t', ['a*'], { 'aws:PrincipalTag/t': 'ab' }],
  ['StringEqualsIgnoreCase', 'aws:PrincipalTag/t', ['ABC'], { 'aws:PrincipalTag/t': 'abc' }],
  ['StringNotEquals', 'aws:PrincipalTag/t', ['a', 'b'], { 'aws:PrincipalTag/t': 'b' }],
  ['StringNotEquals', 'aws:PrincipalTag/t', ['a', 'b'], {}],
  ['StringLike', 'aws:PrincipalTag/t', ['a${*}'], { 'aws:PrincipalTag/t': 'a*' }],
  ['StringLike', 'aws:PrincipalTag/t', ['a${*}'], { 'aws:PrincipalTag/t': 'ab' }],
  ['StringLike', 'aws:PrincipalTag/t', ['a?c*'], { 'aws:PrincipalTag/t': 'abcdef' }],
  ['StringNotLike', 'aws:PrincipalTag/t', ['x*'], {}],
  ['StringEquals', 'aws:username', ['${aws:username}'], { 'aws:username': 'alice' }],
  ['StringEquals', 'aws:PrincipalTag/t', ['${aws:PrincipalTag/missing}'], { 'aws:PrincipalTag/t': 'x' }],
  ['StringEquals', 'aws:CalledVia', ['a'], { 'aws:CalledVia': ['a', 'b'] }],
  ['StringNotEquals', 'aws:CalledVia', ['c'], { 'aws:CalledVia': ['a', 'b'] }],
  ['ForAllValues:StringEquals', 'aws:CalledVia', ['a'], { 'aws:CalledVia': [] }],
  ['ForAllValues:StringEquals', 'aws:CalledVia', ['a', 'b'], { 'aws:CalledVia': ['a', 'b'] }],
  ['ForAllValues:StringEquals', 'aws:CalledVia', ['a'], { 'aws:CalledVia': ['a', 'b'] }],
  ['ForAnyValue:StringEquals', 'aws:CalledVia', ['a'], { 'aws:CalledVia': [] }],
  ['ForAnyValue:StringEquals', 'aws:CalledVia', ['b'], { 'aws:CalledVia': ['a', 'b'] }],
  ['ForAnyValue:StringNotEquals', 'aws:CalledVia', ['a'], {}],
  ['ForAllValues:StringNotEquals', 'aws:CalledVia', ['a'], {}],
  ['ForAllValues:StringNotEquals', 'aws:CalledVia', ['a'], { 'aws:CalledVia': ['b', 'c'] }],
  ['ForAllValues:StringNotEquals', 'aws:CalledVia', ['a'], { 'aws:CalledVia': ['a', 'c'] }],
  ['ForAnyValue:StringNotEquals', 'aws:CalledVia', ['a'], { 'aws:CalledVia': ['a', 'c'] }],
  ['ForAnyValue:StringNotEquals', 'aws:CalledVia', ['a'], { 'aws:CalledVia': ['a'] }],
  ['StringNotEqualsIfExists', 'aws:PrincipalTag/t', ['a'], {}],
  ['NumericLessThan', 'aws:PrincipalTag/t', ['5'], { 'aws:PrincipalTag/t': '4.5' }],
  ['NumericLessThan', 'aws:PrincipalTag/t', ['5'], { 'aws:PrincipalTag/t': '1e0' }],
  ['NumericNotEquals', 'aws:PrincipalTag/t', ['5'], { 'aws:PrincipalTag/t': 'abc' }],
  ['NumericGreaterThanEquals', 'aws:PrincipalTag/t', ['5'], { 'aws:PrincipalTag/t': '5' }],
  ['ArnEquals', 'aws:PrincipalArn', ['arn:aws:iam::*:user/*'], { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/alice' }],
  ['ArnLike', 'aws:PrincipalArn', ['arn:aws:iam::111122223333:*'], { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/alice' }],
  ['ArnLike', 'aws:PrincipalArn', ['arn:aws:iam::444455556666:*'], { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/alice' }],
  ['ArnNotLike', 'aws:PrincipalArn', ['arn:aws:iam::444455556666:*'], { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:user/alice' }],
  ['Bool', 'aws:SecureTransport', ['TRUE'], { 'aws:SecureTransport': 'true' }],
  ['Bool', 'aws:SecureTransport', ['true'], { 'aws:SecureTransport': 'yes' }],
  ['Bool', 'aws:SecureTransport', ['false'], {}],
  ['BoolIfExists', 'aws:SecureTransport', ['false'], {}],
  ['DateLessThan', 'aws:CurrentTime', ['2026-01-01T00:00:00Z'], { 'aws:CurrentTime': '1700000000' }],
  ['DateLessThan', 'aws:CurrentTime', ['2026-01-01'], { 'aws:CurrentTime': '2025-12-31T23:59:59Z' }],
  ['DateEquals', 'aws:CurrentTime', ['2026-01-01T01:00:00+01:00'], { 'aws:CurrentTime': '2026-01-01T00:00:00Z' }],
  ['DateGreaterThan', 'aws:CurrentTime', ['2026-01-01T00:00:00Z'], { 'aws:CurrentTime': '2025-01-01T00:00:00Z' }],
  ['IpAddress', 'aws:SourceIp', ['2001:db8::/32'], { 'aws:SourceIp': '2001:db8::1' }],
  ['IpAddress', 'aws:SourceIp', ['10.0.0.5/24'], { 'aws:SourceIp': '10.0.0.77' }],
  ['IpAddress', 'aws:SourceIp', ['10.0.0.0/24'], { 'aws:SourceIp': '10.0.1.1' }],
  ['NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8'], { 'aws:SourceIp': '192.0.2.1' }],
  ['NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8'], { 'aws:SourceIp': 'garbage' }],
  ['BinaryEquals', 'aws:PrincipalTag/t', ['QUJD'], { 'aws:PrincipalTag/t': 'QUJD' }],
  ['Null', 'aws:PrincipalTag/t', ['true'], {}],
  ['Null', 'aws:PrincipalTag/t', ['false'], {}],
  ['Null', 'aws:PrincipalTag/t', ['false'], { 'aws:PrincipalTag/t': 'x' }],
];

const principalArn = 'arn:aws:iam::111122223333:user/alice';

async function peerAllows([operator, key, values, context]: Case): Promise<boolean> {
  const result = await runSimulation(
    {
      request: {
        principal: principalArn,
        action: 's3:GetObject',
        resource: { resource: 'arn:aws:s3:::bucket/key', accountId: '111122223333' },
        contextVariables: context,
      },
      identityPolicies: [
        {
          name: 'p',
          policy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { [operator]: { [key]: [...values] } } }] },
        },
      ],
      serviceControlPolicies: [],
      resourceControlPolicies: [],
    },
    {},
  );
  if (result.resultType !== 'single') throw new Error(`peer could not run ${operator}: ${JSON.stringify(result)}`);
  return result.overallResult === 'Allowed';
}

describe('agreement with the peer simulator, clause by clause', () => {
  it.each(cases)('%s %s %j with %j', async (...testCase) => {
    const [operator, key, values, context] = testCase;
    const ours = check(operator, key, values, context).matched;
    expect(ours).toBe(await peerAllows(testCase));
  });
});

describe('agreement with the peer simulator on generated string conditions', () => {
  const SINGLE = 'aws:PrincipalTag/t';
  const MULTI = 'aws:CalledVia';
  const word = fc.stringMatching(/^[abA*?]{0,3}$/);
  const base = fc.constantFrom('StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike');
  const generated = fc
    .record({
      set: fc.constantFrom('', 'ForAnyValue:', 'ForAllValues:'),
      base,
      ifExists: fc.boolean(),
      multi: fc.boolean(),
      policy: fc.array(word, { minLength: 1, maxLength: 3 }),
      request: fc.option(fc.array(fc.stringMatching(/^[abA*?]{0,3}$/), { maxLength: 3 }), { nil: undefined }),
    })
    // Single-valued keys hold one string; multivalued keys hold a list (the peer reads key types from its catalog).
    .filter(({ multi, request }) => multi || request === undefined || request.length === 1)
    // Documented departures (see evaluateCondition.test.ts): ForAnyValue:...IfExists on an absent key, and an
    // empty list under an operator without set qualifier (we read it as "no value", the peer as a present list).
    .filter(({ set, ifExists, request }) => !(set === 'ForAnyValue:' && ifExists && (request === undefined || request.length === 0)))
    .filter(({ set, request }) => !(set === '' && request !== undefined && request.length === 0));

  it('matches the peer clause by clause (seeded)', async () => {
    await fc.assert(
      fc.asyncProperty(generated, async ({ set, base, ifExists, multi, policy, request }) => {
        const operator = `${set}${base}${ifExists ? 'IfExists' : ''}`;
        const key = multi ? MULTI : SINGLE;
        const context: Record<string, string | string[]> =
          request === undefined ? {} : multi ? { [key]: request } : { [key]: request[0] as string };
        const testCase: Case = [operator, key, policy, context];
        expect(check(operator, key, policy, context).matched).toBe(await peerAllows(testCase));
      }),
      { seed: 20261129, numRuns: 300 },
    );
  });
});
