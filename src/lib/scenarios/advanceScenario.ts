// The scenario engine: starts progress, moves it forward when the current step's goal holds, records
// quiz answers and predictions. Invariant: pure — the same progress, world and records always give the
// same next progress; steps complete strictly in order, each judged on the requests sent since it began.
import type { RequestRecord } from '../domain/pipeline/types';
import type { World } from '../domain/world/types';
import type { GoalContext, Prediction, QuizChoice, Scenario, ScenarioProgress, ScenarioStep } from './types';

export function startProgress(scenario: Scenario): ScenarioProgress {
  return { scenarioId: scenario.id, stepIndex: 0, recordOffset: 0, answers: {}, predictions: {}, completed: scenario.steps.length === 0 };
}

export function currentStep(scenario: Scenario, progress: ScenarioProgress): ScenarioStep | undefined {
  return scenario.steps[progress.stepIndex];
}

function contextFor(world: World, records: readonly RequestRecord[], offset: number): GoalContext {
  return { world, records, recent: records.slice(offset) };
}

function stepDone(step: ScenarioStep, progress: ScenarioProgress, ctx: GoalContext): boolean {
  switch (step.kind) {
    case 'task':
      return step.goal(ctx);
    case 'quiz':
      return step.choices.some((c) => c.correct && c.id === progress.answers[step.id]);
    case 'predict': {
      if (!progress.predictions[step.id]) return false;
      const operation = step.request(ctx).operation;
      return ctx.recent.some((r) => r.request.operation === operation);
    }
  }
}

/** Completes as many steps, in order, as the lab now satisfies. */
export function advanceScenario(scenario: Scenario, progress: ScenarioProgress, world: World, records: readonly RequestRecord[]): ScenarioProgress {
  let next = progress;
  for (;;) {
    const step = scenario.steps[next.stepIndex];
    if (!step) return next.completed ? next : { ...next, completed: true };
    if (!stepDone(step, next, contextFor(world, records, next.recordOffset))) return next;
    // The next step's window starts right after the record that completed this one, so requests that
    // arrive together (a solution played quickly) still count for the steps they belong to.
    let end = next.recordOffset;
    while (end < records.length && !stepDone(step, next, contextFor(world, records.slice(0, end), next.recordOffset))) end += 1;
    const stepIndex = next.stepIndex + 1;
    next = { ...next, stepIndex, recordOffset: end, completed: stepIndex >= scenario.steps.length };
  }
}

export interface QuizAnswer {
  readonly progress: ScenarioProgress;
  readonly choice: QuizChoice | undefined;
  readonly correct: boolean;
}

/** Records an answer to the current quiz step; a wrong answer is kept so the UI can explain it. */
export function answerQuiz(scenario: Scenario, progress: ScenarioProgress, stepId: string, choiceId: string): QuizAnswer {
  const step = scenario.steps.find((s) => s.id === stepId);
  const choice = step?.kind === 'quiz' ? step.choices.find((c) => c.id === choiceId) : undefined;
  if (!step || step.kind !== 'quiz' || !choice) return { progress, choice: undefined, correct: false };
  return { progress: { ...progress, answers: { ...progress.answers, [stepId]: choiceId } }, choice, correct: choice.correct };
}

/** Records the learner's prediction for a predict step (before its request is sent). */
export function predict(progress: ScenarioProgress, stepId: string, prediction: Prediction): ScenarioProgress {
  return { ...progress, predictions: { ...progress.predictions, [stepId]: prediction } };
}

/** Progress of a scenario that was changed or removed since it was saved starts over rather than pointing past the end. */
export function restoreProgress(scenario: Scenario, value: unknown): ScenarioProgress {
  if (!value || typeof value !== 'object') return startProgress(scenario);
  const v = value as Partial<ScenarioProgress>;
  if (v.scenarioId !== scenario.id || typeof v.stepIndex !== 'number' || v.stepIndex < 0 || v.stepIndex > scenario.steps.length) return startProgress(scenario);
  const strings = (o: unknown): Record<string, string> =>
    o && typeof o === 'object' ? Object.fromEntries(Object.entries(o).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
  const predictions: Record<string, Prediction> = {};
  for (const [k, p] of Object.entries(v.predictions && typeof v.predictions === 'object' ? v.predictions : {})) {
    const d = (p as Partial<Prediction> | null)?.decision;
    if (d === 'allowed' || d === 'explicitDeny' || d === 'implicitDeny') predictions[k] = { decision: d, ...(typeof p.policy === 'string' ? { policy: p.policy } : {}) };
  }
  return {
    scenarioId: scenario.id,
    stepIndex: Math.floor(v.stepIndex),
    recordOffset: 0,
    answers: strings(v.answers),
    predictions,
    completed: v.stepIndex >= scenario.steps.length,
  };
}
