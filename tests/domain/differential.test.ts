// Differential test: our engine's decision against the peer simulator's (@cloud-copilot/iam-simulate) on
// generated cases. Invariant: every comparable case agrees; the only shapes left out are the ones listed in
// tests/peer-differences.md, where AWS's documentation and the peer disagree (AWS wins there).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/lib/domain/evaluation/evaluate';
import type { Decision } from '../../src/lib/domain/evaluation/types';
import { evaluationInput } from '../support/generators';
import { peerDifference, runPeer } from '../support/peer';

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
      expect(tally.compared).toBeGreaterThanOrEqual(minCompared);
      // Every decision must be common, or the comparison says little about that outcome.
      for (const decision of ['allowed', 'explicitDeny', 'implicitDeny'] as const) {
        expect(decisions[decision] / tally.compared, decision).toBeGreaterThan(0.05);
      }
    },
    120_000,
  );
});
