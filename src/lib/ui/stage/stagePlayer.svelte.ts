// Bridges one request-machine actor to runes (createSubscriber, the shape of svelte.dev's `Persisted`):
// reading `snapshot` inside an effect or template subscribes to the actor for as long as it is read.
// Invariant: the player only forwards events; what is on screen is always the actor's own snapshot.
import { createSubscriber } from 'svelte/reactivity';
import type { Actor } from 'xstate';
import type { RequestRecord } from '../../domain/pipeline/types';
import type { Frame, Outcome } from '../../machines/frames';
import type { requestMachine } from '../../machines/requestMachine';

export type StagePhase = 'idle' | 'authenticating' | 'authorizing' | 'processing' | 'done';

export class StagePlayer {
  readonly #actor: Actor<typeof requestMachine>;
  readonly #subscribe: () => void;

  constructor(actor: Actor<typeof requestMachine>) {
    this.#actor = actor;
    this.#subscribe = createSubscriber((update) => {
      const subscription = actor.subscribe(update);
      return () => subscription.unsubscribe();
    });
  }

  get snapshot() {
    this.#subscribe();
    return this.#actor.getSnapshot();
  }

  get record(): RequestRecord | null {
    return this.snapshot.context.record;
  }

  get frames(): readonly Frame[] {
    return this.snapshot.context.frames;
  }

  get index(): number {
    return this.snapshot.context.index;
  }

  get frame(): Frame | null {
    return this.frames[this.index] ?? null;
  }

  get playing(): boolean {
    return this.snapshot.context.playing;
  }

  get speed(): number {
    return this.snapshot.context.speed;
  }

  get phase(): StagePhase {
    const value = this.snapshot.value;
    return (typeof value === 'string' ? value : Object.keys(value)[0]) as StagePhase;
  }

  get outcome(): Outcome | null {
    const frame = this.frames.at(-1);
    return this.phase === 'done' && frame?.kind === 'outcome' ? frame.outcome : null;
  }

  /** Puts a record on the stage (unless it is already there) and optionally starts playing it. */
  load(record: RequestRecord, options: { play?: boolean } = {}): void {
    if (this.#actor.getSnapshot().context.record?.id === record.id) return;
    this.#actor.send({ type: 'trace.load', record });
    if (options.play) this.#actor.send({ type: 'trace.play' });
  }

  play = () => this.#actor.send({ type: 'trace.play' });
  pause = () => this.#actor.send({ type: 'trace.pause' });
  toggle = () => (this.#actor.getSnapshot().context.playing ? this.pause() : this.play());
  next = () => this.#actor.send({ type: 'trace.next' });
  prev = () => this.#actor.send({ type: 'trace.prev' });
  restart = () => this.#actor.send({ type: 'trace.restart' });
  skip = () => this.#actor.send({ type: 'trace.skip' });
  setSpeed = (value: number) => this.#actor.send({ type: 'trace.speed', value });

  /** Subscribes to `trace.finished` (e.g. to announce the outcome); returns the unsubscribe function. */
  onFinished(listener: (outcome: Outcome) => void): () => void {
    const sub = this.#actor.on('trace.finished', (e) => listener(e.outcome));
    return () => sub.unsubscribe();
  }
}
