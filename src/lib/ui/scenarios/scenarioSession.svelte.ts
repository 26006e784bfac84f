// One scenario being played: its own lab (separate from the sandbox), the learner's progress, the last quiz
// feedback and prediction reveal, and "show me" playing the solution through the real pipeline.
// Invariant: progress only moves through the pure engine (advanceScenario) after a lab change or an answer,
// and every change of progress is handed to `onProgress` (the hub saves it).
import type { RequestRecord } from '../../domain/pipeline/types';
import type { World } from '../../domain/world/types';
import { advanceScenario, answerQuiz, currentStep, judgePrediction, predict, revealOf, startProgress } from '../../scenarios';
import type { GoalContext, Prediction, PredictStep, PredictionVerdict, Reveal, Scenario, ScenarioProgress, SolutionMove } from '../../scenarios';
import type { LabState } from '../state/lab.svelte';

export interface QuizFeedback {
  readonly stepId: string;
  readonly choiceId: string;
  readonly correct: boolean;
  readonly explanation: string;
}

export interface RevealFeedback {
  readonly stepId: string;
  readonly recordId: string;
  readonly prediction: Prediction;
  readonly reveal: Reveal;
  readonly verdict: PredictionVerdict;
}

export interface SessionOptions {
  /** A fresh starting world for this scenario. */
  readonly startingWorld: () => Promise<World>;
  /** Puts the learner back in their starting identity (a real sign-in through the lab). */
  readonly resetIdentity: (lab: LabState) => Promise<unknown>;
  readonly onProgress: (progress: ScenarioProgress) => void;
  /** Pause between "show me" moves so the stage can animate; 0 in tests. */
  readonly paceMs?: number;
}

export class ScenarioSession {
  progress = $state.raw<ScenarioProgress>(undefined as unknown as ScenarioProgress);
  quiz = $state.raw<QuizFeedback | null>(null);
  reveal = $state.raw<RevealFeedback | null>(null);
  /** The explorer entity shown in the scenario's console panel. */
  entity = $state<string | undefined>(undefined);
  /** Number of hints revealed for the current step. */
  hints = $state(0);
  playing = $state(false);
  /** Index of the next solution move for presenter stepping. */
  cursor = $state(0);

  #unsubscribe: () => void;

  constructor(
    readonly scenario: Scenario,
    readonly lab: LabState,
    private readonly options: SessionOptions,
  ) {
    this.progress = { ...startProgress(scenario), recordOffset: lab.records.length };
    this.#unsubscribe = lab.subscribe(() => this.#advance());
  }

  get step() {
    return currentStep(this.scenario, this.progress);
  }

  dispose(): void {
    this.#unsubscribe();
  }

  #set(progress: ScenarioProgress): void {
    if (progress === this.progress) return;
    if (progress.stepIndex !== this.progress.stepIndex) this.hints = 0;
    this.progress = progress;
    this.options.onProgress(progress);
  }

  #advance(): void {
    this.#set(advanceScenario(this.scenario, this.progress, this.lab.world, this.lab.records));
  }

  #context(): GoalContext {
    return { world: this.lab.world, records: this.lab.records, recent: this.lab.records.slice(this.progress.recordOffset) };
  }

  answer(stepId: string, choiceId: string): void {
    const result = answerQuiz(this.scenario, this.progress, stepId, choiceId);
    if (!result.choice) return;
    this.quiz = { stepId, choiceId, correct: result.correct, explanation: result.choice.explanation };
    this.#set(advanceScenario(this.scenario, result.progress, this.lab.world, this.lab.records));
  }

  /** Records the prediction, sends the step's request, and reveals what decided it. */
  async predictAndSend(step: PredictStep, prediction: Prediction): Promise<RequestRecord> {
    this.progress = predict(this.progress, step.id, prediction);
    const record = await this.lab.send(step.request(this.#context()));
    const reveal = revealOf(record);
    this.reveal = { stepId: step.id, recordId: record.id, prediction, reveal, verdict: judgePrediction(prediction, reveal, step.policyChoices) };
    this.#advance();
    return record;
  }

  showHint(): void {
    const step = this.step;
    if (step && this.hints < step.hints.length) this.hints += 1;
  }

  async #play(move: SolutionMove): Promise<void> {
    switch (move.kind) {
      case 'request':
        await this.lab.send(move.request(this.#context()));
        return;
      case 'clock':
        this.lab.advanceClock(move.seconds);
        return;
      case 'answer':
        this.answer(move.stepId, move.choiceId);
        return;
      case 'predict': {
        const step = this.scenario.steps.find((s) => s.id === move.stepId);
        if (step?.kind === 'predict') await this.predictAndSend(step, { decision: move.decision, ...(move.policy ? { policy: move.policy } : {}) });
        return;
      }
    }
  }

  /** The step reached by the solution moves played so far; differs from the progress once the learner acted. */
  #cursorStep = 0;

  async #step(): Promise<void> {
    const move = this.scenario.solution[this.cursor];
    if (!move) return;
    await this.#play(move);
    // A predict move already sent its request: skip the request move that follows it in the solution.
    const following = this.scenario.solution[this.cursor + 1];
    this.cursor += move.kind === 'predict' && following?.kind === 'request' ? 2 : 1;
    this.#cursorStep = this.progress.stepIndex;
  }

  /** Plays the next solution move (presenter stepping); a predict move also sends its request. */
  async next(): Promise<void> {
    if (this.playing) return;
    this.playing = true;
    try {
      // The learner moved on by themself: rebuild the lab the solution's way up to their step, so the
      // next move fits the lab instead of repeating what they already did.
      if (this.progress.stepIndex !== this.#cursorStep) await this.#replayTo(this.progress.stepIndex);
      await this.#step();
    } finally {
      this.playing = false;
    }
  }

  /** Restarts, then plays the whole solution with a pause between moves so each request animates. */
  async showMe(): Promise<void> {
    await this.restart();
    while (this.cursor < this.scenario.solution.length) {
      await this.next();
      if (this.options.paceMs) await new Promise((resolve) => setTimeout(resolve, this.options.paceMs));
    }
  }

  async #replayTo(stepIndex: number): Promise<void> {
    await this.restart();
    while (this.progress.stepIndex < stepIndex && this.cursor < this.scenario.solution.length) await this.#step();
  }

  /** Replays the solution silently until the saved step is reached (restoring a lab state that fits it). */
  async fastForward(stepIndex: number): Promise<void> {
    while (this.progress.stepIndex < stepIndex && this.cursor < this.scenario.solution.length) await this.#step();
    this.quiz = null;
    this.reveal = null;
  }

  async restart(): Promise<void> {
    const world = await this.options.startingWorld();
    this.lab.replace(world, [], { silent: true });
    await this.options.resetIdentity(this.lab);
    this.quiz = null;
    this.reveal = null;
    this.cursor = 0;
    this.#cursorStep = 0;
    this.hints = 0;
    this.entity = undefined;
    const fresh = { ...startProgress(this.scenario), recordOffset: this.lab.records.length };
    this.progress = fresh;
    this.options.onProgress(fresh);
  }
}
