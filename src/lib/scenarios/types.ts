// What a guided scenario is: plain lesson data plus small pure predicates over the lab's world and the
// requests sent since the scenario started. Invariant: nothing here touches the DOM, storage or timers;
// the progress a learner makes is plain JSON so it can be saved, exported and imported.
import type { Decision, StageName } from '../domain/evaluation/types';
import type { ApiRequest, RequestRecord } from '../domain/pipeline/types';
import type { World } from '../domain/world/types';

/** What a goal sees: the world now, every request of this attempt, and those sent since the step began. */
export interface GoalContext {
  readonly world: World;
  readonly records: readonly RequestRecord[];
  readonly recent: readonly RequestRecord[];
}

export type Goal = (ctx: GoalContext) => boolean;

/** A link to the AWS page that tells the full story. */
export interface DocLink {
  readonly title: string;
  readonly url: string;
}

/** Which policy a learner may name as deciding a request; `policyLabel` is matched inside the gathered policy labels. */
export interface PolicyChoice {
  readonly id: string;
  readonly text: string;
  /** Substring of the deciding GatheredPolicy label. */
  readonly policyLabel?: string;
  /** For an implicit deny settled by a stage with no matching statement (e.g. the permissions boundary). */
  readonly stage?: StageName;
}

/** A request the learner (or "show me") sends, built from the current lab so it can use fresh credentials. */
export type RequestBuilder = (ctx: GoalContext) => ApiRequest;

export interface StepBase {
  readonly id: string;
  /** What to do, in one or two short sentences. */
  readonly instruction: string;
  readonly hints: readonly string[];
  /** Shown once the step is done: what just happened and why. */
  readonly explanation: string;
}

/** Do something in the lab; done when `goal` holds. */
export interface TaskStep extends StepBase {
  readonly kind: 'task';
  readonly goal: Goal;
}

/** Predict the decision of a request before it plays; done once the request was sent, right or wrong. */
export interface PredictStep extends StepBase {
  readonly kind: 'predict';
  readonly request: RequestBuilder;
  /** One line describing the request ("bob calls s3:GetObject on …"). */
  readonly summary: string;
  /** The decision the lab gives (checked against the real pipeline by the scenario tests). */
  readonly expected: Decision;
  readonly policyChoices?: readonly PolicyChoice[];
  /** Id of the policy choice that decides. */
  readonly expectedPolicy?: string;
}

export interface QuizChoice {
  readonly id: string;
  readonly text: string;
  readonly correct: boolean;
  /** Why this answer is right or wrong. */
  readonly explanation: string;
}

/** A multiple-choice question; done when answered correctly. */
export interface QuizStep extends StepBase {
  readonly kind: 'quiz';
  readonly question: string;
  readonly choices: readonly QuizChoice[];
}

export type ScenarioStep = TaskStep | PredictStep | QuizStep;

/** One move of a solution: a request, the clock moving, or an answer. */
export type SolutionMove =
  | { readonly kind: 'request'; readonly label: string; readonly request: RequestBuilder }
  | { readonly kind: 'clock'; readonly label: string; readonly seconds: number }
  | { readonly kind: 'answer'; readonly stepId: string; readonly choiceId: string }
  | { readonly kind: 'predict'; readonly stepId: string; readonly decision: Decision; readonly policy?: string };

export interface Scenario {
  /** Stable id used in links (#/scenario/<id>) and saved progress. */
  readonly id: string;
  readonly number: number;
  readonly title: string;
  /** The learning goal in one sentence. */
  readonly goal: string;
  readonly docs: readonly DocLink[];
  /** Requests played on the starting lab before the learner starts (their records are not shown). */
  readonly setup: readonly SolutionMove[];
  /** The starting lab when it is not the default lab (a teacher's scenario carries its own). */
  readonly world?: World;
  readonly steps: readonly ScenarioStep[];
  readonly solution: readonly SolutionMove[];
}

/** The learner's prediction for a predict step. */
export interface Prediction {
  readonly decision: Decision;
  readonly policy?: string;
}

/** Progress through one scenario: plain JSON (saved per scenario id, exported, imported). */
export interface ScenarioProgress {
  readonly scenarioId: string;
  /** Index of the first step not yet done; equals steps.length when the scenario is complete. */
  readonly stepIndex: number;
  /** Number of records of this attempt when the current step began (its goal looks at the ones after). */
  readonly recordOffset: number;
  readonly answers: Readonly<Record<string, string>>;
  readonly predictions: Readonly<Record<string, Prediction>>;
  readonly completed: boolean;
}
