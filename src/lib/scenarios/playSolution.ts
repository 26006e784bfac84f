// Builds a scenario's starting lab and plays its solution through the real pipeline (`send`), moving
// the progress after every move — what the tests use to prove each lesson can be completed, in order.
// Invariant: only public domain APIs are used (createDefaultLab, send, advanceClock), never a shortcut.
import type { CryptoPort } from '../domain/authentication/crypto';
import { send } from '../domain/pipeline/send';
import type { RequestRecord, SendDeps } from '../domain/pipeline/types';
import { createDefaultLab } from '../domain/world/defaultLab';
import { addSeconds } from '../domain/world/clock';
import type { World } from '../domain/world/types';
import { advanceScenario, answerQuiz, predict, startProgress } from './advanceScenario';
import type { Scenario, ScenarioProgress, SolutionMove } from './types';

export interface Played {
  readonly world: World;
  readonly records: readonly RequestRecord[];
}

/** Plays one request or clock move (answers and predictions do not touch the lab). */
export async function playMove(move: SolutionMove, lab: Played, deps: SendDeps): Promise<Played> {
  if (move.kind === 'clock') return { world: { ...lab.world, clock: addSeconds(lab.world.clock, move.seconds) }, records: lab.records };
  if (move.kind !== 'request') return lab;
  const req = move.request({ world: lab.world, records: lab.records, recent: lab.records });
  const { record, world } = await send(lab.world, req, deps);
  return { world, records: [...lab.records, record] };
}

export interface StartingLabOptions {
  readonly crypto: CryptoPort;
  readonly deps: SendDeps;
  /** Only tests lower this (password hashing is deliberately slow). */
  readonly passwordIterations?: number;
  /** A default lab already built, to skip rebuilding it for every scenario. */
  readonly base?: World;
}

/** The default lab with the scenario's setup played on it. */
export async function startingWorld(scenario: Scenario, options: StartingLabOptions): Promise<World> {
  let lab: Played = {
    world: scenario.world ?? options.base ?? (await createDefaultLab({ crypto: options.crypto, ...(options.passwordIterations ? { passwordIterations: options.passwordIterations } : {}) })),
    records: [],
  };
  for (const move of scenario.setup) lab = await playMove(move, lab, options.deps);
  return lab.world;
}

export interface SolutionRun extends Played {
  readonly progress: ScenarioProgress;
  /** The step index reached after each move, for tests that check the order. */
  readonly stepAfterMove: readonly number[];
}

/** Plays the whole solution from `world`, advancing the progress after each move. */
export async function playSolution(scenario: Scenario, world: World, deps: SendDeps): Promise<SolutionRun> {
  let lab: Played = { world, records: [] };
  let progress = startProgress(scenario);
  const stepAfterMove: number[] = [];
  for (const move of scenario.solution) {
    if (move.kind === 'answer') progress = answerQuiz(scenario, progress, move.stepId, move.choiceId).progress;
    else if (move.kind === 'predict') progress = predict(progress, move.stepId, { decision: move.decision, ...(move.policy ? { policy: move.policy } : {}) });
    else lab = await playMove(move, lab, deps);
    progress = advanceScenario(scenario, progress, lab.world, lab.records);
    stepAfterMove.push(progress.stepIndex);
  }
  return { ...lab, progress, stepAfterMove };
}
