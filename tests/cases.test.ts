// Every decision case under tests/cases/ must reach the decision AWS documents (one test per case).
// Invariant: a case file that does not parse fails here too, so a broken case can never pass silently.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/lib/domain/evaluation/evaluate';
import { loadCaseFiles, toEvaluationInput } from '../scripts/lib/caseFile';
import type { DecisionCase } from '../scripts/lib/caseFile';

const root = fileURLToPath(new URL('..', import.meta.url));
const loaded = loadCaseFiles(['tests/cases'], root);
const cases = loaded.flatMap((entry) => (entry.kind === 'case' ? [{ file: entry.file, c: entry.case }] : []));
const broken = loaded.flatMap((entry) => (entry.kind === 'error' ? [entry] : []));

describe('decision cases (tests/cases)', () => {
  it('holds at least 100 well-formed cases with unique names, each citing an AWS documentation page', () => {
    expect(broken.map((b) => `${b.file}: ${b.problem}`)).toEqual([]);
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const names = cases.map(({ c }) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    // Expected decisions come from AWS's documentation, so every case must say which page.
    expect(cases.filter(({ c }) => !c.source.includes('https://docs.aws.amazon.com/')).map(({ file }) => file)).toEqual([]);
  });

  it.each(cases.map(({ file, c }) => [c.name, file, c] as [string, string, DecisionCase]))('%s', (_name, file, c) => {
    const result = evaluate(toEvaluationInput(c));
    if (result.kind === 'malformed') {
      throw new Error(`${file}: ${result.code} in ${result.policyId}: ${result.diagnostics[0]?.message ?? result.message}`);
    }
    expect({ file, decision: result.decision }).toEqual({ file, decision: c.expect.decision });
  });
});
