// Plays one pipeline RequestRecord frame by frame: idle → authenticating → authorizing (one sub-state per
// engine stage the trace entered) → processing → done. It never evaluates anything: every transition is
// routed by the frame it lands on (frames.ts), so the record alone decides where the request goes.
import { assign, emit, raise, setup } from 'xstate';
import type { RequestRecord } from '../domain/pipeline/types';
import { framesOf, stateOfFrame, type Frame, type FrameState, type Outcome } from './frames';

export interface RequestMachineContext {
  readonly record: RequestRecord | null;
  /** framesOf(record), kept so guards and the UI read the same list. */
  readonly frames: readonly Frame[];
  /** Index of the frame on show; -1 before the first one (idle). */
  readonly index: number;
  /** Play-speed multiplier: 1 is normal, 2 twice as fast. */
  readonly speed: number;
  readonly playing: boolean;
}

export type RequestMachineEvent =
  | { readonly type: 'trace.load'; readonly record: RequestRecord }
  | { readonly type: 'trace.play' }
  | { readonly type: 'trace.pause' }
  | { readonly type: 'trace.next' }
  | { readonly type: 'trace.prev' }
  | { readonly type: 'trace.restart' }
  | { readonly type: 'trace.speed'; readonly value: number }
  | { readonly type: 'trace.skip' };

export type RequestMachineEmitted = { readonly type: 'trace.finished'; readonly recordId: string; readonly outcome: Outcome };

export const minSpeed = 0.25;
export const maxSpeed = 4;
/** How long a frame stays on screen at speed 1, in ms. */
export const baseFrameMs = 1600;

/** Every state a frame can land on, so transitions can be generated for each. */
export const frameStates: readonly FrameState[] = [
  'authenticating',
  'authorizing.gathering',
  'authorizing.denyEvaluation',
  'authorizing.scp',
  'authorizing.rcp',
  'authorizing.resource',
  'authorizing.identity',
  'authorizing.permissionsBoundary',
  'authorizing.session',
  'processing',
  'done.allowed',
  'done.explicitDeny',
  'done.implicitDeny',
  'done.unauthenticated',
  'done.failed',
];

export function clampSpeed(value: number): number {
  if (!Number.isFinite(value)) return 1;
  return Math.min(maxSpeed, Math.max(minSpeed, value));
}

/** The frame delay for a speed, in ms. */
export function frameDelay(speed: number): number {
  return Math.round(baseFrameMs / clampSpeed(speed));
}

function stateAt(context: RequestMachineContext, index: number): FrameState | null {
  const frame = context.frames[index];
  return frame ? stateOfFrame(frame) : null;
}

const machineSetup = setup({
  types: {
    context: {} as RequestMachineContext,
    events: {} as RequestMachineEvent,
    emitted: {} as RequestMachineEmitted,
  },
  guards: {
    /** The frame at index + offset exists and belongs to `state`. */
    landsOn: ({ context }, params: { offset: number; state: FrameState }) => stateAt(context, context.index + params.offset) === params.state,
    lastLandsOn: ({ context }, params: { state: FrameState }) => stateAt(context, context.frames.length - 1) === params.state,
    atFirstFrame: ({ context }) => context.index === 0,
    hasFrames: ({ context }) => context.frames.length > 0,
    isPlaying: ({ context }) => context.playing,
  },
  actions: {
    load: assign((_, params: { record: RequestRecord }) => ({ record: params.record, frames: framesOf(params.record), index: -1, playing: false })),
    forward: assign({ index: ({ context }) => context.index + 1 }),
    back: assign({ index: ({ context }) => context.index - 1 }),
    toStart: assign({ index: -1 }),
    toEnd: assign({ index: ({ context }) => context.frames.length - 1 }),
    play: assign({ playing: true }),
    pause: assign({ playing: false }),
    setSpeed: assign((_, params: { value: number }) => ({ speed: clampSpeed(params.value) })),
    stepNow: raise({ type: 'trace.next' }),
    finished: emit(({ context }) => ({
      type: 'trace.finished' as const,
      recordId: context.record?.id ?? '',
      outcome: outcomeAt(context),
    })),
  },
  delays: {
    frameDelay: ({ context }) => frameDelay(context.speed),
  },
});

function outcomeAt(context: RequestMachineContext): Outcome {
  const frame = context.frames[context.index];
  return frame?.kind === 'outcome' ? frame.outcome : 'failed';
}

/** One guarded transition per state a step can land on; re-entering restarts the frame timer. */
function stepTo(offset: 1 | -1, extra: readonly ('pause')[] = []) {
  return frameStates.map((state) => ({
    guard: { type: 'landsOn' as const, params: { offset, state } },
    target: `#request.${state}`,
    reenter: true,
    actions: [offset === 1 ? ('forward' as const) : ('back' as const), ...extra],
  }));
}

/** A stepping state: while playing, the next frame comes after the frame delay. */
function stepping(description: string, timed: boolean) {
  return timed ? { description, after: { frameDelay: { guard: 'isPlaying' as const, actions: 'stepNow' as const } } } : { description };
}

function doneState(tag: 'allowed' | 'denied' | 'unauthenticated' | 'failed', description: string) {
  return {
    description,
    tags: [tag],
    entry: ['pause' as const, 'finished' as const],
    on: {
      'trace.play': { target: '#request.idle', actions: ['toStart' as const, 'play' as const, 'stepNow' as const] },
    },
  };
}

function buildRequestMachine(timed: boolean) {
  return machineSetup.createMachine({
    id: 'request',
    description: 'Plays the record of one request through the three stages AWS runs for every API call.',
    context: { record: null, frames: [], index: -1, speed: 1, playing: false },
    initial: 'idle',
    on: {
      'trace.load': { target: '.idle', reenter: true, actions: { type: 'load', params: ({ event }) => ({ record: event.record }) } },
      'trace.next': stepTo(1),
      'trace.prev': [{ guard: 'atFirstFrame', target: '.idle', actions: ['toStart', 'pause'] }, ...stepTo(-1, ['pause'])],
      'trace.restart': { target: '.idle', actions: ['toStart', 'pause'] },
      'trace.play': { guard: 'hasFrames', actions: ['play', 'stepNow'] },
      'trace.pause': { actions: 'pause' },
      'trace.speed': { actions: { type: 'setSpeed', params: ({ event }) => ({ value: event.value }) } },
      'trace.skip': frameStates.map((state) => ({
        guard: { type: 'lastLandsOn' as const, params: { state } },
        target: `#request.${state}`,
        reenter: true,
        actions: ['toEnd' as const, 'pause' as const],
      })),
    },
    states: {
      idle: {
        description: 'The request is ready. Nothing has been checked yet.',
      },
      authenticating: stepping(
        'Authentication: AWS first proves who is calling — a password, a console session, or a SigV4 signature made with an access key.',
        timed,
      ),
      authorizing: {
        description: 'Authorization: the policy evaluation engine decides whether the authenticated principal may do this.',
        initial: 'gathering',
        states: {
          gathering: stepping('AWS gathers every policy that applies to this request: identity, resource, boundary, session, SCPs and RCPs.', timed),
          denyEvaluation: stepping('First AWS looks for an explicit Deny in every applicable policy. One is enough to refuse.', timed),
          rcp: stepping('Resource control policies of the organization set the maximum permissions on the resources.', timed),
          scp: stepping('Service control policies of the organization set the maximum permissions of its principals: every level must allow.', timed),
          resource: stepping('The resource-based policy (bucket policy, key policy, trust policy) can allow on its own within an account.', timed),
          identity: stepping('Identity-based policies of the user or role: at least one statement must allow.', timed),
          permissionsBoundary: stepping('The permissions boundary caps what identity-based policies can grant.', timed),
          session: stepping('Session policies passed when the session was created cap the session further.', timed),
        },
      },
      processing: stepping('Processing: the service carries the request out and creates, reads, updates or deletes something.', timed),
      done: {
        description: 'The request is finished: allowed, denied, not authenticated, or failed.',
        // Only ever entered through a frame's own sub-state; the initial state is a formality.
        initial: 'failed',
        states: {
          allowed: doneState('allowed', 'Allowed: every stage let the request through and the service carried it out.'),
          explicitDeny: doneState('denied', 'Explicitly denied: a Deny statement applied. Nothing can override it.'),
          implicitDeny: doneState('denied', 'Implicitly denied: no statement allowed the request.'),
          unauthenticated: doneState('unauthenticated', 'Not authenticated: AWS could not prove who called, so it checked no policy.'),
          failed: doneState('failed', 'Failed: the request was allowed but the service refused it, or a policy was malformed.'),
        },
      },
    },
  });
}

/** The request machine the app runs: timed play with `after` and the `frameDelay` delay. */
export const requestMachine = buildRequestMachine(true);

/**
 * The same machine without the play timer, for model-based path generation (xstate/graph refuses `after`).
 * Every transition but the timer's is identical; timed play is tested on `requestMachine` with a SimulatedClock.
 */
export const untimedRequestMachine = buildRequestMachine(false);
