// The live lab in the UI: the world, the request history, who the learner is acting as, and `send`.
// Invariant: the world only changes through `send` (the pipeline), the simulated clock, or a whole
// replacement (load, import, undo); every change is announced to subscribers (persistence, other tabs).
//
// API for the rest of the UI:
//   lab.world / lab.records / lab.identity / lab.selected  — read as runes state
//   await lab.send({ operation, params, ... })              — as the current identity unless credentials given
//   lab.setIdentity(identity) · lab.advanceClock(seconds) · lab.select(recordId) · lab.replace(world, records)
//   lab.subscribe(listener) → unsubscribe                    — LabChange after every change
import type { ApiRequest, Credentials, RequestRecord, SendDeps } from '../../domain/pipeline/types';
import type { World } from '../../domain/world/types';
import { t } from '../../i18n';

/** Who the learner is acting as; `credentials` go into every request they send. */
export interface Identity {
  readonly kind: 'root' | 'user' | 'role' | 'federated' | 'anonymous';
  /** What the header shows: user name, role/session, root email… */
  readonly name: string;
  /** How the credentials are presented. */
  readonly via: 'console' | 'accessKey' | 'temporaryCredentials' | 'anonymous';
  readonly credentials: Credentials;
  readonly accountId?: string;
  /** The principal ARN, when known. */
  readonly arn?: string;
}

export const anonymousIdentity: Identity = {
  kind: 'anonymous',
  name: 'anonymous',
  via: 'anonymous',
  credentials: { kind: 'anonymous' },
};

export type LabChange =
  | { readonly kind: 'request'; readonly record: RequestRecord; readonly world: World }
  | { readonly kind: 'clock'; readonly world: World }
  | { readonly kind: 'identity'; readonly identity: Identity }
  | { readonly kind: 'replace'; readonly world: World; readonly records: readonly RequestRecord[] };

export type SendFn = (world: World, request: ApiRequest, deps: SendDeps) => Promise<{ record: RequestRecord; world: World }>;

/** A request as the UI composes it: credentials default to the current identity's. */
export type LabRequest = Omit<ApiRequest, 'credentials'> & { readonly credentials?: Credentials };

const maxRecords = 500;

/** Thrown by `send` on a read-only (shared) lab; forms show its message where the request was made. */
export class ReadOnlyLabError extends Error {
  constructor() {
    super(t('lab.readOnly'));
    this.name = 'ReadOnlyLabError';
  }
}

export class LabState {
  world = $state.raw<World>(undefined as unknown as World);
  records = $state.raw<readonly RequestRecord[]>([]);
  identity = $state.raw<Identity>(anonymousIdentity);
  selectedId = $state<string | null>(null);
  /** True while a request is in flight (the pipeline is async because of Web Crypto). */
  busy = $state(false);
  /** A shared lab opened from a link: every request is refused until the learner saves a copy. */
  readOnly = $state(false);

  readonly selected = $derived(this.records.find((r) => r.id === this.selectedId) ?? this.records.at(-1) ?? null);

  #listeners = new Set<(change: LabChange) => void>();
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    world: World,
    private readonly sendFn: SendFn,
    private readonly deps: SendDeps,
    records: readonly RequestRecord[] = [],
  ) {
    this.world = world;
    this.records = records;
  }

  /** Sends one request through the pipeline. Requests are serialized so each sees the previous one's world. */
  send(request: LabRequest): Promise<RequestRecord> {
    if (this.readOnly) return Promise.reject(new ReadOnlyLabError());
    const run = async () => {
      this.busy = true;
      try {
        const full: ApiRequest = { ...request, credentials: request.credentials ?? this.identity.credentials };
        const { record, world } = await this.sendFn(this.world, full, this.deps);
        this.world = world;
        const records = [...this.records, record];
        this.records = records.length > maxRecords ? records.slice(-maxRecords) : records;
        this.selectedId = record.id;
        this.#emit({ kind: 'request', record, world });
        return record;
      } finally {
        this.busy = false;
      }
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  setIdentity(identity: Identity): void {
    this.identity = identity;
    this.#emit({ kind: 'identity', identity });
  }

  /** Moves the simulated clock forward (sessions expire, MFA ages, aws:CurrentTime moves). */
  advanceClock(seconds: number): void {
    const next = new Date(Date.parse(this.world.clock) + seconds * 1000).toISOString();
    this.world = { ...this.world, clock: next };
    this.#emit({ kind: 'clock', world: this.world });
  }

  select(recordId: string | null): void {
    this.selectedId = recordId;
  }

  /** Replaces the whole lab (load, import, undo/redo, another tab's change). */
  replace(world: World, records: readonly RequestRecord[] = this.records, options: { silent?: boolean } = {}): void {
    this.world = world;
    this.records = records;
    if (this.selectedId && !records.some((r) => r.id === this.selectedId)) this.selectedId = null;
    if (!options.silent) this.#emit({ kind: 'replace', world, records });
  }

  subscribe(listener: (change: LabChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(change: LabChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}
