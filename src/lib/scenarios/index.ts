// Public API of the guided scenarios: the catalog, the engine, the reveal, and solution playing.
export type * from './types';
export { scenarios, findScenario } from './scenarios';
export { advanceScenario, answerQuiz, currentStep, predict, restoreProgress, startProgress } from './advanceScenario';
export type { QuizAnswer } from './advanceScenario';
export { decidingChoice, judgePrediction, revealOf } from './reveal';
export type { PredictionVerdict, Reveal } from './reveal';
export { playMove, playSolution, startingWorld } from './playSolution';
export type { Played, SolutionRun, StartingLabOptions } from './playSolution';
export { exportProgress, importProgress, progressFileKind } from './progressFile';
export type { ProgressFile, ProgressImport } from './progressFile';
export { parseGoal, checkGoal, compileCustomScenario, readCustomScenario, customScenarioId, customScenarioKind, customScenarioVersion } from './custom/customScenario';
export type { CustomScenarioSpec, CustomStepSpec, GoalSpec, ParsedGoal } from './custom/customScenario';
export { encodeCustomScenario, decodeCustomScenario, serializeCustomScenario, parseCustomScenarioFile, customLinkPrefix } from './custom/customLink';
