// Turns a pipeline RequestRecord into the ordered "frames" the stage plays: authentication checks, each
// engine trace stage / policy / statement, processing, then the outcome. Pure: the record is only read.
// Invariant: a record always yields at least one frame, and the last frame is the outcome.
import type { Decision, StageName, TraceStep } from '../domain/evaluation/types';
import type { RequestRecord } from '../domain/pipeline/types';

/** How a played request ends; `failed` covers malformed policies and operation errors after an allow. */
export type Outcome = Decision | 'unauthenticated' | 'failed';

/** The authorizing sub-states: one per engine stage, plus `gathering` for what comes before the trace. */
export type AuthorizingState = 'gathering' | StageName;

/** Every state a frame can put the machine in (the `idle` state has no frame). */
export type FrameState = 'authenticating' | `authorizing.${AuthorizingState}` | 'processing' | `done.${Outcome}`;

type StepOf<K extends TraceStep['kind']> = Extract<TraceStep, { kind: K }>;

export type Frame =
  /** One authentication check (`record.authentication.steps[stepIndex]`). */
  | { readonly kind: 'auth.step'; readonly stepIndex: number }
  /** The start of one engine call: which action on which resource, with which policies. */
  | { readonly kind: 'authz.check'; readonly checkIndex: number }
  /** Refused before evaluation: only the root user may do this. */
  | { readonly kind: 'authz.rootOnly' }
  /** A policy of the check was malformed: the engine refused to evaluate. */
  | { readonly kind: 'authz.malformed'; readonly checkIndex: number }
  | { readonly kind: 'trace.stage'; readonly checkIndex: number; readonly stage: StageName; readonly step: StepOf<'stage.enter'> }
  | { readonly kind: 'trace.policy'; readonly checkIndex: number; readonly stage: StageName; readonly step: StepOf<'policy.enter'> }
  | {
      readonly kind: 'trace.statement';
      readonly checkIndex: number;
      readonly stage: StageName;
      readonly step: StepOf<'statement.check'>;
      /** The statement's condition checks, folded in: the stage shows them together. */
      readonly conditions: readonly StepOf<'condition.check'>[];
    }
  | { readonly kind: 'trace.result'; readonly checkIndex: number; readonly stage: StageName; readonly step: StepOf<'stage.result'> }
  | { readonly kind: 'processing' }
  | { readonly kind: 'outcome'; readonly outcome: Outcome };

/** How the record ends, read from the record only (the engine's decision, the response). */
export function outcomeOf(record: RequestRecord): Outcome {
  if (!record.authentication.ok) return 'unauthenticated';
  const authorization = record.authorization;
  if (authorization) {
    if (authorization.checks.some((c) => c.result.kind === 'malformed')) return 'failed';
    if (authorization.decision !== 'allowed') return authorization.decision;
  }
  return record.response.ok ? 'allowed' : 'failed';
}

function traceFrames(checkIndex: number, trace: readonly TraceStep[]): Frame[] {
  const frames: Frame[] = [];
  const conditionsByParent = new Map<number, StepOf<'condition.check'>[]>();
  for (const step of trace) {
    if (step.kind === 'condition.check' && step.parentId !== undefined) {
      const list = conditionsByParent.get(step.parentId) ?? [];
      list.push(step);
      conditionsByParent.set(step.parentId, list);
    }
  }
  for (const step of trace) {
    switch (step.kind) {
      case 'stage.enter':
        frames.push({ kind: 'trace.stage', checkIndex, stage: step.stage, step });
        break;
      case 'policy.enter':
        frames.push({ kind: 'trace.policy', checkIndex, stage: step.stage, step });
        break;
      case 'statement.check':
        frames.push({ kind: 'trace.statement', checkIndex, stage: step.stage, step, conditions: conditionsByParent.get(step.id) ?? [] });
        break;
      case 'stage.result':
        frames.push({ kind: 'trace.result', checkIndex, stage: step.stage, step });
        break;
      // Conditions are folded into their statement; the decision is the outcome frame's job.
      case 'condition.check':
      case 'decision':
        break;
    }
  }
  return frames;
}

/** The record as an ordered list of frames; the last one is always the outcome. */
export function framesOf(record: RequestRecord): Frame[] {
  const frames: Frame[] = record.authentication.steps.map((_, stepIndex) => ({ kind: 'auth.step', stepIndex }));
  const authorization = record.authentication.ok ? record.authorization : undefined;
  if (authorization) {
    if (authorization.rootOnly) frames.push({ kind: 'authz.rootOnly' });
    authorization.checks.forEach((check, checkIndex) => {
      frames.push({ kind: 'authz.check', checkIndex });
      if (check.result.kind === 'malformed') frames.push({ kind: 'authz.malformed', checkIndex });
      else frames.push(...traceFrames(checkIndex, check.result.trace));
    });
  }
  if (record.processing) frames.push({ kind: 'processing' });
  frames.push({ kind: 'outcome', outcome: outcomeOf(record) });
  return frames;
}

/** The machine state a frame belongs to. */
export function stateOfFrame(frame: Frame): FrameState {
  switch (frame.kind) {
    case 'auth.step':
      return 'authenticating';
    case 'authz.check':
    case 'authz.rootOnly':
    case 'authz.malformed':
      return 'authorizing.gathering';
    case 'trace.stage':
    case 'trace.policy':
    case 'trace.statement':
    case 'trace.result':
      return `authorizing.${frame.stage}`;
    case 'processing':
      return 'processing';
    case 'outcome':
      return `done.${frame.outcome}`;
  }
}

/** The engine stages a record's trace enters, deduplicated, in the order it entered them. */
export function stagesOf(record: RequestRecord): StageName[] {
  const seen: StageName[] = [];
  for (const frame of framesOf(record)) {
    if (frame.kind === 'trace.stage' && !seen.includes(frame.stage)) seen.push(frame.stage);
  }
  return seen;
}
