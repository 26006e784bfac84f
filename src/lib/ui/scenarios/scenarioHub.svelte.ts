// The scenarios side of the app: everyone's progress (loaded from and saved to the progress store), and the
// scenario being played in its own lab. Invariant: the sandbox lab is never touched by a scenario; progress
// read from storage or an imported file goes through restoreProgress before it is used.
import { send } from '../../domain/pipeline/send';
import type { SendDeps } from '../../domain/pipeline/types';
import type { CryptoPort } from '../../domain/authentication/crypto';
import { createDefaultLab, defaultLabCredentials } from '../../domain/world/defaultLab';
import type { World } from '../../domain/world/types';
import type { TextCompressor } from '../../domain/sharing/shareLink';
import { compileCustomScenario, customLinkPrefix, decodeCustomScenario, exportProgress, findScenario, importProgress, restoreProgress, scenarios, startingWorld } from '../../scenarios';
import type { CustomScenarioSpec, ProgressImport, Scenario, ScenarioProgress } from '../../scenarios';
import { LabState } from '../state/lab.svelte';
import { signInAsUser } from '../state/signIn';
import { ScenarioSession } from './scenarioSession.svelte';
import { ScenarioDraft } from './scenarioDraft.svelte';

export interface ProgressStore {
  get(scenarioId: string): Promise<unknown>;
  set(scenarioId: string, value: unknown): Promise<void>;
}

export interface HubOptions {
  readonly crypto: CryptoPort;
  readonly deps: SendDeps;
  /** Lower only in tests (password hashing is deliberately slow). */
  readonly passwordIterations?: number;
  readonly paceMs?: number;
  /** Decompresses shared scenario links (#/scenario/shared.v1.…). */
  readonly compressor?: TextCompressor;
}

/** Every scenario starts signed in to the console as alice, the lab's administrator, as the sandbox does. */
function signInAlice(lab: LabState) {
  return signInAsUser(lab, { accountIdOrAlias: defaultLabCredentials.accountAlias, userName: 'alice', password: defaultLabCredentials.users.alice.password });
}

export class ScenarioHub {
  progress = $state.raw<Readonly<Record<string, ScenarioProgress>>>({});
  session = $state.raw<ScenarioSession | null>(null);
  loading = $state<string | null>(null);
  /** Why the last shared link could not be opened. */
  linkProblem = $state<string | null>(null);
  /** Teachers' scenarios opened in this tab (from the builder, a link or a file), by id. */
  #custom = new Map<string, Scenario>();
  /** The builder's draft, kept here so moving around the app does not lose it. */
  #draft: ScenarioDraft | null = null;
  #store: ProgressStore | null = null;
  #base: Promise<World> | null = null;

  constructor(private readonly options: HubOptions) {}

  /** Connects the progress store (it may open after the hub exists) and loads what it holds. */
  async attach(store: ProgressStore): Promise<void> {
    this.#store = store;
    const loaded: Record<string, ScenarioProgress> = {};
    for (const s of scenarios) {
      const value = await store.get(s.id).catch(() => undefined);
      if (value !== undefined) loaded[s.id] = restoreProgress(s, value);
    }
    this.progress = { ...loaded, ...this.progress };
  }

  #save(progress: ScenarioProgress): void {
    this.progress = { ...this.progress, [progress.scenarioId]: progress };
    void this.#store?.set(progress.scenarioId, progress).catch(() => undefined);
  }

  #baseWorld(): Promise<World> {
    this.#base ??= createDefaultLab({ crypto: this.options.crypto, ...(this.options.passwordIterations ? { passwordIterations: this.options.passwordIterations } : {}) });
    return this.#base;
  }

  draft(world: World): ScenarioDraft {
    this.#draft ??= new ScenarioDraft(world);
    return this.#draft;
  }

  /** Makes a teacher's scenario openable at #/scenario/<id>; returns the id. */
  addCustom(spec: CustomScenarioSpec): string {
    const scenario = compileCustomScenario(spec);
    this.#custom.set(scenario.id, scenario);
    if (this.session?.scenario.id === scenario.id) this.close();
    return scenario.id;
  }

  async #find(id: string): Promise<Scenario | undefined> {
    if (!id.startsWith(customLinkPrefix)) return findScenario(id) ?? this.#custom.get(id);
    if (!this.options.compressor) return undefined;
    const decoded = await decodeCustomScenario(id, this.options.compressor);
    this.linkProblem = decoded.ok ? null : decoded.message;
    if (!decoded.ok) return undefined;
    const scenario = compileCustomScenario(decoded.spec);
    this.#custom.set(id, { ...scenario, id });
    return this.#custom.get(id);
  }

  /** Opens a scenario in a fresh lab; saved unfinished progress is restored by replaying the solution up to it. */
  async open(id: string): Promise<ScenarioSession | null> {
    if (this.session?.scenario.id === id) return this.session;
    const scenario = await this.#find(id);
    if (!scenario) return null;
    this.loading = id;
    try {
      const build = async () => startingWorld(scenario, { crypto: this.options.crypto, deps: this.options.deps, base: await this.#baseWorld() });
      const lab = new LabState(await build(), send, this.options.deps);
      await signInAlice(lab);
      const saved = this.progress[id];
      const session = new ScenarioSession(scenario, lab, {
        startingWorld: build,
        resetIdentity: signInAlice,
        onProgress: (p) => this.#save(p),
        ...(this.options.paceMs !== undefined ? { paceMs: this.options.paceMs } : {}),
      });
      if (saved && !saved.completed && saved.stepIndex > 0) await session.fastForward(saved.stepIndex);
      // A finished scenario opens as finished (its lab fresh); Restart plays it again.
      if (saved?.completed) session.progress = saved;
      this.session?.dispose();
      this.session = session;
      return session;
    } finally {
      this.loading = null;
    }
  }

  close(): void {
    this.session?.dispose();
    this.session = null;
  }

  exportFile(now: string): string {
    return exportProgress(this.progress, now);
  }

  importFile(text: string): ProgressImport {
    const result = importProgress(text, scenarios);
    if (result.ok) for (const p of Object.values(result.progress)) this.#save(p);
    return result;
  }
}
