// `npm run bench`: throughput of our engine (full trace, decision only) against the peer simulator on one
// case set (tests/cases/ + generated cases), interleaved in one process. Invariant: every engine sees the same
// cases in the same order; the last line printed is always `throughput ratio vs peer: <X>x`.
// Sections run in the order they are registered; add a section with `section('name', async () => { ... })`.
import { runSimulation } from '@cloud-copilot/iam-simulate';
import type { Simulation } from '@cloud-copilot/iam-simulate';
import { evaluate } from '../src/lib/domain/evaluation/evaluate';
import type { EvaluationInput } from '../src/lib/domain/evaluation/types';
import { loadCaseFiles, toEvaluationInput } from './lib/caseFile';
import { defaultSeed, generatedCases } from './lib/generatedCases';
import { toSimulation } from '../tests/support/peer';

type SectionBody = () => Promise<void> | void;
const sections: { readonly name: string; readonly body: SectionBody }[] = [];

export function section(name: string, body: SectionBody): void {
  sections.push({ name, body });
}

/** Filled by the engine section; printed last so appended sections never push it off the final line. */
const summary: { throughputRatio: number | null } = { throughputRatio: null };

const gc = (globalThis as { gc?: (options?: { type?: 'major' | 'minor' }) => void }).gc;

/**
 * Empties the young generation, where each engine's short-lived garbage lives, so no engine pays for
 * the garbage another left. A minor collection only: a full one would compact the old generation and
 * evict every engine's long-lived data (compiled policies, the peer's loaded data) from the CPU caches,
 * charging the measurement's own cost to whoever runs next.
 */
function collectYoung(): void {
  gc?.({ type: 'minor' });
}

function heapUsed(): number {
  gc?.();
  return process.memoryUsage().heapUsed;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function perSecond(evaluations: number, ms: number): string {
  return `${Math.round((evaluations * 1000) / ms).toLocaleString('en-US')} evaluations/s`;
}

interface BenchCase {
  readonly input: EvaluationInput;
  readonly simulation: Simulation;
}

interface CaseSet {
  readonly cases: BenchCase[];
  readonly fromFiles: number;
  readonly generated: number;
  readonly skipped: number;
  /** heapUsed growth from our engine's first pass: its compiled-policy caches for the whole set. */
  readonly engineCacheBytes: number;
}

/** The case set: decision cases from tests/cases/ that load, plus the generated sample. */
async function caseSet(): Promise<CaseSet> {
  const fromFiles = loadCaseFiles(['tests/cases'])
    .filter((loaded) => loaded.kind === 'case')
    .map((loaded) => toEvaluationInput(loaded.case));
  const generated = generatedCases(2000, defaultSeed);
  const all = [...fromFiles, ...generated];
  const heapBefore = heapUsed();
  // Only cases both engines can run: a malformed policy would flatter ours, a peer refusal (which
  // returns early) would flatter the peer.
  const ours = all.filter((input) => evaluate(input, { trace: false }).kind === 'decision');
  const engineCacheBytes = heapUsed() - heapBefore;
  const cases: BenchCase[] = [];
  for (const input of ours) {
    let simulation: Simulation;
    try {
      simulation = toSimulation(input);
    } catch {
      continue;
    }
    const peer = await runSimulation(simulation, {});
    if (peer.resultType === 'single') cases.push({ input, simulation });
  }
  return { cases, fromFiles: fromFiles.length, generated: generated.length, skipped: all.length - cases.length, engineCacheBytes };
}

function runTraced(cases: readonly BenchCase[]): number {
  let steps = 0;
  for (const c of cases) {
    const result = evaluate(c.input);
    if (result.kind === 'decision') steps += result.trace.length;
  }
  return steps;
}

function runLean(cases: readonly BenchCase[]): number {
  let allowed = 0;
  for (const c of cases) {
    const result = evaluate(c.input, { trace: false });
    if (result.kind === 'decision' && result.decision === 'allowed') allowed += 1;
  }
  return allowed;
}

async function runPeerSet(cases: readonly BenchCase[]): Promise<number> {
  let allowed = 0;
  for (const c of cases) {
    const result = await runSimulation(c.simulation, {});
    if (result.resultType !== 'error' && result.overallResult === 'Allowed') allowed += 1;
  }
  return allowed;
}

/**
 * Milliseconds of this process's CPU time (user + system) spent in `run`. CPU time, not wall time: on a
 * shared 2-core machine other processes' load would otherwise land on whichever engine happened to run.
 */
async function timed(run: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

section('engine', async () => {
  const { cases, fromFiles, generated, skipped, engineCacheBytes } = await caseSet();
  console.log(`cases: ${cases.length} (${fromFiles} from tests/cases, ${generated} generated with seed ${defaultSeed}; ${skipped} skipped)`);

  const heapBefore = heapUsed();
  // Warm-up: let every engine's JIT and caches settle before anything is measured.
  for (let i = 0; i < 3; i++) {
    runTraced(cases);
    runLean(cases);
    await runPeerSet(cases);
  }
  const rounds = 7;
  const chunkSize = 100;
  const ms: Record<'traced' | 'lean' | 'peer', number[]> = { traced: [], lean: [], peer: [] };
  // Interleaved chunk by chunk, so that load from other processes on a shared 2-core machine falls on
  // all three alike; the median round is reported because some rounds are outliers all the same.
  for (let round = 0; round < rounds; round++) {
    const total = { traced: 0, lean: 0, peer: 0 };
    for (let start = 0; start < cases.length; start += chunkSize) {
      const chunk = cases.slice(start, start + chunkSize);
      // Each engine starts its chunk on an empty young generation (collected outside the timer), so none
      // pays for the garbage another left; the order rotates each round so none always runs right after the peer.
      const runs: Record<'traced' | 'lean' | 'peer', () => unknown> = {
        traced: () => runTraced(chunk),
        lean: () => runLean(chunk),
        peer: () => runPeerSet(chunk),
      };
      const order = (['traced', 'lean', 'peer'] as const).map((_, i, all) => all[(i + round) % all.length]!);
      for (const name of order) {
        collectYoung();
        total[name] += await timed(runs[name]);
      }
    }
    ms.traced.push(total.traced);
    ms.lean.push(total.lean);
    ms.peer.push(total.peer);
  }
  const heapAfter = heapUsed();
  const median = { traced: medianOf(ms.traced), lean: medianOf(ms.lean), peer: medianOf(ms.peer) };
  console.log(`median of ${rounds} rounds over ${cases.length} cases, interleaved in chunks of ${chunkSize} (per CPU-second of this process):`);
  console.log(`engine, full trace:    ${perSecond(cases.length, median.traced)}`);
  console.log(`engine, decision only: ${perSecond(cases.length, median.lean)}`);
  console.log(`peer (runSimulation):  ${perSecond(cases.length, median.peer)}`);
  const note = gc ? '' : ' (no --expose-gc: includes garbage)';
  console.log(`heapUsed delta, engine compile caches for the set: ${megabytes(engineCacheBytes)}${note}`);
  console.log(`heapUsed delta over warm-up and measured rounds: ${megabytes(heapAfter - heapBefore)}${note}`);
  summary.throughputRatio = median.peer / median.traced;
});

section('persistence: save and load a 5,000-entity lab', async () => {
  await (await import('./bench/persistenceBench')).persistenceBench();
});

section('graph: frames painted while a 1,032-node layout runs', async () => {
  await (await import('./bench/graphFps')).graphFpsBench();
});

// Register further sections above this line; the runner below prints them in order and the ratio last.
// `npm run bench -- engine graph` runs only the sections whose names start with one of the words given.
const only = process.argv.slice(2);
for (const { name, body } of sections) {
  if (only.length > 0 && !only.some((word) => name.startsWith(word))) continue;
  console.log(`\n== ${name} ==`);
  await body();
}
console.log('');
console.log(`throughput ratio vs peer: ${summary.throughputRatio === null ? 'n/a' : summary.throughputRatio.toFixed(1)}x`);
