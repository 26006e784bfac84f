// The scenario engine on small hand-made scenarios: order, per-step windows, quizzes, predictions, restore.
import { describe, expect, it } from 'vitest';
import type { RequestRecord } from '../../src/lib/domain/pipeline/types';
import type { World } from '../../src/lib/domain/world/types';
import { createEmptyWorld } from '../../src/lib/domain/world/createEmptyWorld';
import { advanceScenario, answerQuiz, decidingChoice, judgePrediction, predict, restoreProgress, startProgress } from '../../src/lib/scenarios';
import type { Scenario } from '../../src/lib/scenarios';
import { sent } from '../../src/lib/scenarios/goals';

const world: World = createEmptyWorld('2026-01-15T09:00:00.000Z');
const record = (operation: string, ok = true): RequestRecord =>
  ({
    id: operation,
    at: world.clock,
    request: { operation, params: {}, credentials: { kind: 'anonymous' } },
    authentication: { ok: true, steps: [], principal: { principal: { kind: 'anonymous' }, principalType: 'Anonymous', via: 'anonymous' } },
    response: ok ? { ok: true, result: {} } : { ok: false, code: 'AccessDenied', message: 'no', httpStatus: 403 },
  }) as RequestRecord;

const scenario: Scenario = {
  id: 'toy',
  number: 1,
  title: 'Toy',
  goal: 'Test the engine',
  docs: [],
  setup: [],
  solution: [],
  steps: [
    { kind: 'task', id: 'a', instruction: 'a', hints: ['h'], explanation: 'e', goal: sent({ operation: 'x:A', outcome: 'ok' }) },
    { kind: 'task', id: 'b', instruction: 'b', hints: ['h'], explanation: 'e', goal: sent({ operation: 'x:B', outcome: 'ok' }) },
    {
      kind: 'quiz',
      id: 'q',
      instruction: 'q',
      question: '?',
      hints: ['h'],
      explanation: 'e',
      choices: [
        { id: 'right', text: 'r', correct: true, explanation: 'yes' },
        { id: 'wrong', text: 'w', correct: false, explanation: 'no' },
      ],
    },
    { kind: 'predict', id: 'p', instruction: 'p', hints: ['h'], explanation: 'e', summary: 's', expected: 'allowed', request: () => ({ operation: 'x:P', params: {}, credentials: { kind: 'anonymous' } }) },
  ],
};

describe('advanceScenario', () => {
  it('completes steps only in order', () => {
    const p = advanceScenario(scenario, startProgress(scenario), world, [record('x:B')]);
    expect(p.stepIndex).toBe(0);
  });

  it('judges a step on the requests sent after the previous step finished', () => {
    let p = advanceScenario(scenario, startProgress(scenario), world, [record('x:B'), record('x:A')]);
    // B was sent before A: it does not count for step b, which began after A.
    expect(p.stepIndex).toBe(1);
    expect(p.recordOffset).toBe(2);
    p = advanceScenario(scenario, p, world, [record('x:B'), record('x:A'), record('x:B')]);
    expect(p.stepIndex).toBe(2);
  });

  it('requests that arrive together each count for their own step', () => {
    expect(advanceScenario(scenario, startProgress(scenario), world, [record('x:A'), record('x:B')])).toMatchObject({ stepIndex: 2, recordOffset: 2 });
  });

  it('a failed request does not satisfy an "ok" goal', () => {
    expect(advanceScenario(scenario, startProgress(scenario), world, [record('x:A', false)]).stepIndex).toBe(0);
  });

  it('a wrong quiz answer is kept but does not advance; the right one does', () => {
    const records = [record('x:A'), record('x:B')];
    let p = advanceScenario(scenario, startProgress(scenario), world, records);
    const wrong = answerQuiz(scenario, p, 'q', 'wrong');
    expect(wrong.correct).toBe(false);
    expect(wrong.choice?.explanation).toBe('no');
    expect(advanceScenario(scenario, wrong.progress, world, records).stepIndex).toBe(2);
    p = advanceScenario(scenario, answerQuiz(scenario, p, 'q', 'right').progress, world, records);
    expect(p.stepIndex).toBe(3);
  });

  it('a predict step needs the prediction first, then its request', () => {
    const records = [record('x:A'), record('x:B')];
    let p = advanceScenario(scenario, answerQuiz(scenario, startProgress(scenario), 'q', 'right').progress, world, records);
    expect(advanceScenario(scenario, p, world, [...records, record('x:P')]).stepIndex).toBe(3);
    p = predict(p, 'p', { decision: 'implicitDeny' });
    const done = advanceScenario(scenario, p, world, [...records, record('x:P')]);
    expect(done.stepIndex).toBe(4);
    expect(done.completed).toBe(true);
  });
});

describe('restoreProgress', () => {
  it.each([
    ['nothing', undefined],
    ['another scenario', { scenarioId: 'other', stepIndex: 1 }],
    ['past the end', { scenarioId: 'toy', stepIndex: 9 }],
    ['negative', { scenarioId: 'toy', stepIndex: -1 }],
  ])('starts over for %s', (_, value) => {
    expect(restoreProgress(scenario, value)).toEqual(startProgress(scenario));
  });

  it('keeps valid answers and predictions and drops junk', () => {
    const p = restoreProgress(scenario, { scenarioId: 'toy', stepIndex: 3, answers: { q: 'right', bad: 4 }, predictions: { p: { decision: 'allowed' }, x: { decision: 'maybe' } } });
    expect(p).toMatchObject({ stepIndex: 3, answers: { q: 'right' }, predictions: { p: { decision: 'allowed' } }, completed: false });
    expect(Object.keys(p.predictions)).toEqual(['p']);
  });
});

describe('judgePrediction', () => {
  const choices = [
    { id: 'group', text: 'g', policyLabel: 'group Developers' },
    { id: 'boundary', text: 'b', stage: 'permissionsBoundary' as const },
    { id: 'none', text: 'n' },
  ];
  it.each([
    [{ decision: 'allowed' as const, policyLabel: 'group Developers · managed policy X' }, 'group'],
    [{ decision: 'implicitDeny' as const, stage: 'permissionsBoundary' as const }, 'boundary'],
    [{ decision: 'implicitDeny' as const, stage: 'identity' as const }, 'none'],
  ])('names the deciding choice of %o', (reveal, id) => {
    expect(decidingChoice(choices, reveal)?.id).toBe(id);
    expect(judgePrediction({ decision: reveal.decision, policy: id }, reveal, choices)).toEqual({ decisionRight: true, policyRight: true });
    expect(judgePrediction({ decision: 'explicitDeny', policy: 'x' }, reveal, choices)).toEqual({ decisionRight: false, policyRight: false });
  });
});
