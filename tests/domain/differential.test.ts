// Differential test: our engine's decision against the peer simulator's (@cloud-copilot/iam-simulate) on
// generated cases. Invariant: every comparable case agrees; the only shapes left out are the ones listed in
// tests/peer-differences.md, where AWS's documentation and the peer disagree (AWS wins there).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/lib/domain/evaluation/evaluate';
import { readFileSync } from 'node:fs';
import type {
  Decision,
  EvaluationInput,
  PolicyInput,
  PolicySet,
  RequestContext,
  RequestPrincipal,
} from '../../src/lib/domain/evaluation/types';
import type { Json } from '../../src/lib/domain/policy/types';
import { evaluationInput } from '../support/generators';
import { knownPeerDifferences, peerDifference, runPeer } from '../support/peer';

/** Reproduce a failing run with DIFF_SEED=<seed printed by fast-check>. */
const seed = Number(process.env.DIFF_SEED ?? 20261129);
// Enough runs that, after the excluded shapes and the rare refusal, at least `minCompared` are compared.
const numRuns = 3000;
/** The brief's floor: at least this many cases actually compared per run. */
const minCompared = 2000;

describe('our engine agrees with the peer simulator', () => {
  it(
    `reaches the peer's decision on ${minCompared}+ generated cases (seed ${seed})`,
    async () => {
      const tally = { compared: 0, notComparable: 0 };
      const excluded = new Map<string, number>();
      const decisions: Record<Decision, number> = { allowed: 0, explicitDeny: 0, implicitDeny: 0 };
      const refusals: string[] = [];
      await fc.assert(
        fc.asyncProperty(evaluationInput, async (input) => {
          const traced = evaluate(input);
          const lean = evaluate(input, { trace: false });
          // The generators only write valid policies; a malformed verdict is a generator or validator bug.
          if (traced.kind !== 'decision' || lean.kind !== 'decision') {
            throw new Error(`engine refused a generated case: ${JSON.stringify(traced.kind === 'malformed' ? traced.diagnostics : lean)}`);
          }
          expect(lean.decision, 'decision with trace off').toBe(traced.decision);
          const peer = await runPeer(input);
          if (peer.kind === 'notComparable') {
            tally.notComparable += 1;
            refusals.push(peer.reason);
            return;
          }
          // Shapes where the peer departs from AWS's documentation: see tests/peer-differences.md.
          const difference = peerDifference(input);
          if (difference !== null) {
            excluded.set(difference, (excluded.get(difference) ?? 0) + 1);
            return;
          }
          tally.compared += 1;
          decisions[peer.decision] += 1;
          expect(traced.decision, `peer says ${peer.decision}; ours decided at ${traced.decisiveStage}`).toBe(peer.decision);
        }),
        { numRuns, seed, endOnFailure: false },
      );
      // The peer refusing a case means the generators wrote something AWS would refuse too: keep that rare.
      expect(tally.notComparable / numRuns, refusals.slice(0, 3).join('\n')).toBeLessThanOrEqual(0.01);
      expect(tally.compared, `excluded by shape: ${JSON.stringify([...excluded])}`).toBeGreaterThanOrEqual(minCompared);
      // Every decision must be common, or the comparison says little about that outcome.
      for (const decision of ['allowed', 'explicitDeny', 'implicitDeny'] as const) {
        expect(decisions[decision] / tally.compared, decision).toBeGreaterThan(0.05);
      }
    },
    120_000,
  );
});

const A = '111122223333';
const B = '444455556666';
const alice: RequestPrincipal = { kind: 'user', arn: `arn:aws:iam::${A}:user/alice`, accountId: A };
const devSession: RequestPrincipal = {
  kind: 'assumedRole',
  arn: `arn:aws:sts::${A}:assumed-role/Dev/alice-session`,
  roleArn: `arn:aws:iam::${A}:role/Dev`,
  accountId: A,
};

function policy(id: string, statement: Json, version: string | null = '2012-10-17'): PolicyInput {
  return { id, document: version === null ? { Statement: statement } : { Version: version, Statement: statement } };
}

function input(
  principal: RequestPrincipal,
  action: string,
  resource: string,
  resourceAccount: string,
  policies: Partial<PolicySet>,
  context: RequestContext = {},
): EvaluationInput {
  return { request: { principal, action, resource, resourceAccount, context }, policies: { identity: [], ...policies } };
}

/**
 * The example of each entry in tests/peer-differences.md, run through both engines: ours must give AWS's
 * answer, the peer its documented other answer, and the entry's exclusion shape must catch the example.
 * When a peer upgrade changes its answer, this says which exclusion to drop.
 */
const documentedExamples: readonly {
  readonly entry: string;
  readonly input: EvaluationInput;
  readonly ours: Decision;
  readonly peer: Decision;
}[] = [
  {
    entry: 'A session policy does not limit a resource-based grant to the session itself',
    input: input(
      {
        kind: 'assumedRole',
        arn: `arn:aws:sts::${B}:assumed-role/Auditor/audit-1`,
        roleArn: `arn:aws:iam::${B}:role/Auditor`,
        accountId: B,
      },
      's3:ListBucket',
      'arn:aws:s3:::bucket-b',
      B,
      {
        resource: policy('resource', [{ Effect: 'Allow', Principal: '*', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::bucket-b' }]),
        session: [policy('session[0]', [{ Effect: 'Allow', Action: 'dynamodb:*', Resource: '*' }])],
      },
    ),
    ours: 'allowed',
    peer: 'implicitDeny',
  },
  {
    entry: 'Negated condition operators match a policy variable that has no value',
    input: input(
      devSession,
      's3:GetObject',
      'arn:aws:s3:::bucket-a/reports/q1.csv',
      A,
      {
        identity: [
          policy('identity[0]', [
            {
              Effect: 'Allow',
              Action: '*',
              Resource: '*',
              Condition: { StringNotEquals: { 'aws:PrincipalTag/team': '${aws:username}' } },
            },
          ]),
        ],
      },
      { 'aws:PrincipalTag/team': 'alice' },
    ),
    ours: 'allowed',
    peer: 'implicitDeny',
  },
  {
    entry: 'A NotResource entry with a variable that has no value excludes nothing',
    input: input({ kind: 'user', arn: `arn:aws:iam::${B}:user/bob`, accountId: B }, 's3:PutObject', 'arn:aws:s3:::bucket-b/data.json', B, {
      identity: [
        policy('identity[0]', [
          {
            Effect: 'Allow',
            Action: '*',
            NotResource: ['arn:aws:s3:::Bucket-A/*', 'arn:aws:s3:::bucket-a/home/${aws:username}/*'],
          },
        ]),
      ],
    }),
    ours: 'allowed',
    peer: 'implicitDeny',
  },
  {
    entry: 'sts:GetCallerIdentity is not a policy question',
    input: input(alice, 'sts:GetCallerIdentity', '*', A, {
      identity: [policy('identity[0]', [{ Effect: 'Deny', Action: '*', Resource: '*' }])],
    }),
    ours: 'explicitDeny',
    peer: 'allowed',
  },
  {
    entry: 'NotIpAddress with a bare IPv4 address and an IPv6 caller',
    input: input(
      alice,
      's3:GetObject',
      'arn:aws:s3:::bucket-a/reports/q1.csv',
      A,
      {
        identity: [
          policy('identity[0]', [
            { Effect: 'Allow', Action: '*', Resource: '*', Condition: { NotIpAddress: { 'aws:SourceIp': '192.0.2.7' } } },
          ]),
        ],
      },
      { 'aws:SourceIp': '2001:db8::1' },
    ),
    ours: 'allowed',
    peer: 'implicitDeny',
  },
  {
    entry: 'A federated user session without a session policy has no permissions',
    input: input(
      { kind: 'federatedUser', arn: `arn:aws:sts::${A}:federated-user/fed-alice`, accountId: A },
      's3:GetObject',
      'arn:aws:s3:::bucket-a/reports/q1.csv',
      A,
      { identity: [policy('identity[0]', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }])] },
    ),
    ours: 'implicitDeny',
    peer: 'allowed',
  },
  {
    entry: 'Policy variables work only under Version 2012-10-17',
    input: input(
      alice,
      's3:GetObject',
      'arn:aws:s3:::bucket-a/home/alice/x',
      A,
      {
        identity: [
          policy(
            'identity[0]',
            [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket-a/home/${aws:username}/*' }],
            '2008-10-17',
          ),
        ],
      },
      { 'aws:username': 'alice' },
    ),
    ours: 'implicitDeny',
    peer: 'allowed',
  },
  {
    entry: 'NotPrincipal naming an account exempts only the account, not everyone in it',
    input: input(
      { kind: 'user', arn: `arn:aws:iam::${A}:user/engineering/carol`, accountId: A },
      'kms:Decrypt',
      `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
      A,
      {
        identity: [policy('identity[0]', [{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }])],
        resource: policy('resource', [
          { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'kms:*', Resource: '*' },
          {
            Effect: 'Deny',
            NotPrincipal: { AWS: [`arn:aws:iam::${A}:user/alice`, `arn:aws:iam::${A}:root`] },
            Action: '*',
            Resource: '*',
          },
        ]),
      },
    ),
    ours: 'explicitDeny',
    peer: 'allowed',
  },
];

describe('documented differences from the peer (tests/peer-differences.md)', () => {
  it.each(documentedExamples)('$entry: ours $ours (AWS), peer $peer', async ({ entry, input: example, ours, peer }) => {
    const result = evaluate(example);
    expect(result.kind === 'decision' ? result.decision : result.kind).toBe(ours);
    expect(await runPeer(example)).toEqual({ kind: 'decision', decision: peer });
    expect(peerDifference(example)).toBe(entry);
  });

  it('translates the root user for the peer, so root cases stay compared (entry: root user)', async () => {
    const root = input({ kind: 'root', arn: `arn:aws:iam::${A}:root`, accountId: A }, 's3:GetObject', 'arn:aws:s3:::bucket-a/x', A, {});
    const result = evaluate(root);
    expect(result.kind === 'decision' ? result.decision : result.kind).toBe('allowed');
    expect(await runPeer(root)).toEqual({ kind: 'decision', decision: 'allowed' });
    expect(peerDifference(root)).toBeNull();
  });

  it('lists every excluded shape in tests/peer-differences.md and nothing else', () => {
    const headings = readFileSync(new URL('../peer-differences.md', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('## '))
      .map((line) => line.slice(3).trim());
    const entries = knownPeerDifferences.map((difference) => difference.entry);
    expect([...headings].sort()).toEqual(["The root user's implicit permissions", ...entries].sort());
    expect(documentedExamples.map((example) => example.entry).sort()).toEqual([...entries].sort());
  });
});
