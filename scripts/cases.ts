// `npm run cases -- <files or folders...> [--json <report-path>]`: runs decision case files through the engine.
// Invariant: every case file counts exactly once, as passed or failed (a malformed case or policy is a failure),
// the last line printed is `N passed, N failed`, and the exit code is 1 when anything failed.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { evaluate } from '../src/lib/domain/evaluation/evaluate';
import type { Decision, StageName } from '../src/lib/domain/evaluation/types';
import { loadCaseFiles, toEvaluationInput } from './lib/caseFile';
import type { LoadedCaseFile } from './lib/caseFile';

export interface CaseResult {
  readonly file: string;
  /** null when the case file itself could not be read. */
  readonly name: string | null;
  readonly expected: Decision | null;
  /** The engine's decision; null when there was none (malformed case file or policy). */
  readonly got: Decision | null;
  readonly decisiveStage: StageName | null;
  readonly status: 'passed' | 'failed' | 'error';
  /** What went wrong for status 'error'. */
  readonly error?: string;
}

export interface CaseReport {
  readonly passed: number;
  readonly failed: number;
  readonly results: readonly CaseResult[];
}

export const usage = 'usage: npm run cases -- <case files or folders...> [--json <report-path>]';

/** Runs loaded case files through `evaluate` and returns the report plus the lines to print (failures, then the tally). */
export function runCases(loaded: readonly LoadedCaseFile[]): { report: CaseReport; lines: string[] } {
  const lines: string[] = [];
  const results: CaseResult[] = [];
  for (const entry of loaded) {
    if (entry.kind === 'error') {
      lines.push(`ERROR ${entry.file}: ${entry.problem}`);
      results.push({ file: entry.file, name: null, expected: null, got: null, decisiveStage: null, status: 'error', error: entry.problem });
      continue;
    }
    const { file, case: c } = entry;
    const expected = c.expect.decision;
    let result;
    try {
      result = evaluate(toEvaluationInput(c), { trace: false });
    } catch (error) {
      // An engine crash on one case must not hide the others' results.
      const problem = `engine threw: ${error instanceof Error ? error.message : String(error)}`;
      lines.push(`ERROR ${c.name}: ${problem}`);
      results.push({ file, name: c.name, expected, got: null, decisiveStage: null, status: 'error', error: problem });
      continue;
    }
    if (result.kind === 'malformed') {
      const first = result.diagnostics.find((d) => d.severity === 'error') ?? result.diagnostics[0];
      const detail = first ? `${first.message}${first.path ? ` (at ${first.path})` : ''}` : result.message;
      const problem = `${result.code} in ${result.policyId}: ${detail}`;
      lines.push(`ERROR ${c.name}: ${problem}`);
      results.push({ file, name: c.name, expected, got: null, decisiveStage: null, status: 'error', error: problem });
      continue;
    }
    const passed = result.decision === expected;
    if (!passed) {
      lines.push(
        `FAIL ${c.name} (${file}): expected ${expected}, got ${result.decision}, decided at ${result.decisiveStage ?? 'no stage'}`,
      );
    }
    results.push({
      file,
      name: c.name,
      expected,
      got: result.decision,
      decisiveStage: result.decisiveStage,
      status: passed ? 'passed' : 'failed',
    });
  }
  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.length - passed;
  lines.push(`${passed} passed, ${failed} failed`);
  return { report: { passed, failed, results }, lines };
}

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly cwd: string;
}

/** The command line: returns the exit code (0 all passed, 1 something failed, 2 bad usage). */
export function runCli(argv: readonly string[], io: CliIo): number {
  const paths: string[] = [];
  let jsonPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    if (arg === '--json') {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) {
        io.err('--json needs a report path');
        io.err(usage);
        return 2;
      }
      jsonPath = next;
      i++;
    } else if (arg.startsWith('--')) {
      io.err(`unknown option ${arg}`);
      io.err(usage);
      return 2;
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) {
    io.err(usage);
    return 2;
  }
  const { report, lines } = runCases(loadCaseFiles(paths, io.cwd));
  for (const line of lines) io.out(line);
  if (jsonPath !== undefined) writeFileSync(resolve(io.cwd, jsonPath), `${JSON.stringify(report, null, 2)}\n`);
  return report.failed > 0 ? 1 : 0;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  process.exitCode = runCli(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    cwd: process.cwd(),
  });
}
