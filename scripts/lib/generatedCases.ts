// The generated half of the benchmark's case set: a fixed-seed sample of the differential test's generator.
// Invariant: the same seed and count always give the same cases, so bench runs are comparable over time.
import fc from 'fast-check';
import type { EvaluationInput } from '../../src/lib/domain/evaluation/types';
import { evaluationInput } from '../../tests/support/generators';

export const defaultSeed = 20261129;

export function generatedCases(count = 2000, seed = defaultSeed): EvaluationInput[] {
  return fc.sample(evaluationInput, { numRuns: count, seed });
}
