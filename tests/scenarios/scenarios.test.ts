// Every scenario: a valid starting lab, and a solution that — played through the real pipeline — completes
// every step in order; every prediction the lesson expects is what the pipeline decides.
// AWS: IAM User Guide "Policy evaluation logic", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
import { describe, expect, it } from 'vitest';
import { webCrypto } from '../../src/lib/domain/authentication/crypto';
import { seededIdSource } from '../../src/lib/domain/authentication/credentials';
import { createDefaultLab } from '../../src/lib/domain/world/defaultLab';
import { validateWorld } from '../../src/lib/domain/world/validateWorld';
import type { World } from '../../src/lib/domain/world/types';
import { advanceScenario, playSolution, revealOf, decidingChoice, scenarios, startProgress, startingWorld } from '../../src/lib/scenarios';
import type { PredictStep } from '../../src/lib/scenarios';

const crypto = webCrypto();
const deps = () => ({ crypto, ids: seededIdSource(11) });
let base: Promise<World> | undefined;
const defaultLab = () => (base ??= createDefaultLab({ crypto, passwordIterations: 100 }));

describe('catalog', () => {
  it('has at least the 14 lessons of the issue, numbered in order with unique ids', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(14);
    expect(scenarios.map((s) => s.number)).toEqual(scenarios.map((_, i) => i + 1));
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
  });

  it.each(scenarios.map((s) => [s.id, s] as const))('%s: unique step ids, hints, docs on AWS pages, quizzes with one right answer', (_, s) => {
    expect(new Set(s.steps.map((st) => st.id)).size).toBe(s.steps.length);
    expect(s.docs.length).toBeGreaterThan(0);
    for (const d of s.docs) expect(d.url).toMatch(/^https:\/\/(docs\.)?aws\.amazon\.com\//);
    for (const st of s.steps) {
      expect(st.hints.length).toBeGreaterThan(0);
      if (st.kind === 'quiz') expect(st.choices.filter((c) => c.correct)).toHaveLength(1);
      if (st.kind === 'predict' && st.expectedPolicy) expect(st.policyChoices?.map((c) => c.id)).toContain(st.expectedPolicy);
    }
  });
});

describe.each(scenarios.map((s) => [s.id, s] as const))('%s', (_, scenario) => {
  it('starts from a valid lab, with the first step not yet done', async () => {
    const world = await startingWorld(scenario, { crypto, deps: deps(), base: await defaultLab() });
    const validation = validateWorld(world);
    expect(validation.ok ? [] : validation.problems).toEqual([]);
    expect(advanceScenario(scenario, startProgress(scenario), world, []).stepIndex).toBe(0);
  });

  it('its solution, played through send, completes every step in order', async () => {
    const world = await startingWorld(scenario, { crypto, deps: deps(), base: await defaultLab() });
    const run = await playSolution(scenario, world, deps());
    expect(run.progress.completed).toBe(true);
    expect(run.progress.stepIndex).toBe(scenario.steps.length);
    // Steps never go backwards and end at the last one.
    expect([...run.stepAfterMove].sort((a, b) => a - b)).toEqual(run.stepAfterMove);
  });

});

const withPredictions = scenarios.filter((s) => s.steps.some((st) => st.kind === 'predict'));
describe.each(withPredictions.map((s) => [s.id, s] as const))('%s predictions', (_, scenario) => {
  const predicts = scenario.steps.filter((s): s is PredictStep => s.kind === 'predict');
  it('every predict step expects what the pipeline decides (decision and deciding policy)', async () => {
    const world = await startingWorld(scenario, { crypto, deps: deps(), base: await defaultLab() });
    const run = await playSolution(scenario, world, deps());
    for (const step of predicts) {
      const operation = step.request({ world: run.world, records: run.records, recent: run.records }).operation;
      // The request the learner sends right after predicting is the first record of that operation after the prediction.
      const index = scenario.solution.findIndex((m) => m.kind === 'predict' && m.stepId === step.id);
      const requestsBefore = scenario.solution.slice(0, index).filter((m) => m.kind === 'request').length;
      const record = run.records.slice(requestsBefore).find((r) => r.request.operation === operation);
      expect(record, step.id).toBeDefined();
      const reveal = revealOf(record!);
      expect(reveal.decision, step.id).toBe(step.expected);
      if (step.policyChoices && step.expectedPolicy) expect(decidingChoice(step.policyChoices, reveal)?.id, step.id).toBe(step.expectedPolicy);
    }
  });
});
