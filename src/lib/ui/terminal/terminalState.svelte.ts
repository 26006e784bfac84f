// The terminal's state: scrollback, the line being typed, command history, the CLI configuration and
// interactive `aws configure` answers. Every aws command goes through `lab.send`, so it is animated on the
// stage and recorded in the history. Invariant: one command runs at a time; scrollback is capped.
import jmespath from 'jmespath';
import { applyConfigure, commonPrefix, completeLine, newCliSession, promptText, runLine } from '../../domain/cli';
import type { CliPorts, CliSession, ConfigurePrompt } from '../../domain/cli';
import type { Json } from '../../domain/policy/types';
import type { RequestRecord } from '../../domain/pipeline/types';
import type { LabState } from '../state/lab.svelte';

export interface TermLine {
  readonly id: number;
  readonly kind: 'input' | 'stdout' | 'stderr';
  readonly text: string;
  /** Requests the command sent, so the line can offer to show them on the stage. */
  readonly records?: readonly RequestRecord[];
}

const maxLines = 2000;
const maxHistory = 200;

interface PendingConfigure {
  readonly profile: string;
  readonly questions: readonly ConfigurePrompt[];
  readonly answers: readonly string[];
}

export class TerminalState {
  lines = $state.raw<readonly TermLine[]>([]);
  input = $state('');
  busy = $state(false);
  session = $state.raw<CliSession>(newCliSession());
  pending = $state.raw<PendingConfigure | null>(null);
  history = $state.raw<readonly string[]>([]);

  /** The prompt before the input: "$ " or the current `aws configure` question. */
  readonly prompt = $derived.by(() => {
    const p = this.pending;
    const q = p?.questions[p.answers.length];
    return p && q ? promptText(this.session.config, p.profile, q) : '$ ';
  });

  #nextId = 0;
  #historyIndex = -1;
  #draft = '';

  constructor(private readonly lab: LabState) {}

  #ports(sent: RequestRecord[]): CliPorts {
    return {
      send: async (request) => {
        const record = await this.lab.send(request);
        sent.push(record);
        return record;
      },
      search: (expression, data) => jmespath.search(data, expression) as Json,
      ambientCredentials: () => this.lab.identity.credentials,
    };
  }

  #print(kind: TermLine['kind'], text: string, records?: readonly RequestRecord[]): void {
    const line: TermLine = { id: this.#nextId++, kind, text, ...(records && records.length ? { records } : {}) };
    const next = [...this.lines, line];
    this.lines = next.length > maxLines ? next.slice(-maxLines) : next;
  }

  /** Runs what is typed (or answers the current `aws configure` question). */
  async submit(): Promise<void> {
    if (this.busy) return;
    const text = this.input;
    this.input = '';
    this.#historyIndex = -1;
    const pending = this.pending;
    if (pending) {
      this.#print('input', `${this.prompt}${text}`);
      const answers = [...pending.answers, text];
      if (answers.length < pending.questions.length) this.pending = { ...pending, answers };
      else {
        this.pending = null;
        this.session = { ...this.session, config: applyConfigure(this.session.config, pending.profile, answers) };
      }
      return;
    }
    this.#print('input', `$ ${text}`);
    if (text.trim() !== '' && this.history.at(-1) !== text) this.history = [...this.history, text].slice(-maxHistory);
    this.busy = true;
    try {
      const sent: RequestRecord[] = [];
      const result = await runLine(this.session, text, this.#ports(sent));
      this.session = { config: result.config, lastExitCode: result.exitCode };
      if (result.clear) this.lines = [];
      if (result.history) this.#print('stdout', this.history.map((h, i) => `${String(i + 1).padStart(5)}  ${h}`).join('\n'));
      result.output.forEach((o, i) => this.#print(o.stream, o.text, i === result.output.length - 1 ? sent : undefined));
      if (result.output.length === 0 && sent.length > 0) this.#print('stdout', '', sent);
      if (result.prompts) this.pending = { ...result.prompts, answers: [] };
    } finally {
      this.busy = false;
    }
  }

  /** Up arrow: older command; the line being typed is kept to come back to. */
  older(): void {
    if (this.history.length === 0) return;
    if (this.#historyIndex === -1) {
      this.#draft = this.input;
      this.#historyIndex = this.history.length - 1;
    } else if (this.#historyIndex > 0) this.#historyIndex -= 1;
    this.input = this.history[this.#historyIndex] ?? '';
  }

  /** Down arrow: newer command, then back to what was being typed. */
  newer(): void {
    if (this.#historyIndex === -1) return;
    if (this.#historyIndex < this.history.length - 1) {
      this.#historyIndex += 1;
      this.input = this.history[this.#historyIndex] ?? '';
    } else {
      this.#historyIndex = -1;
      this.input = this.#draft;
    }
  }

  /** Tab: completes the word being typed; with several candidates, inserts their common prefix and lists them. */
  complete(): void {
    if (this.pending) return;
    const { start, candidates } = completeLine(this.input, this.lab.world, this.session.config);
    if (candidates.length === 0) return;
    const partial = this.input.slice(start);
    if (candidates.length === 1) {
      const only = candidates[0] ?? '';
      this.input = `${this.input.slice(0, start)}${only}${only.endsWith('/') || only.endsWith('=') ? '' : ' '}`;
      return;
    }
    const prefix = commonPrefix(candidates);
    if (prefix.length > partial.length) this.input = `${this.input.slice(0, start)}${prefix}`;
    else {
      this.#print('input', `$ ${this.input}`);
      this.#print('stdout', candidates.join('  '));
    }
  }

  /** Ctrl+C: abandons the line (or the `aws configure` questions). */
  cancel(): void {
    this.#print('input', `${this.prompt}${this.input}^C`);
    this.input = '';
    this.pending = null;
  }

  clear(): void {
    this.lines = [];
  }

  /** Everything on screen as plain text (for copying). */
  transcript(): string {
    return this.lines.map((l) => l.text).join('\n');
  }
}

const states = new WeakMap<LabState, TerminalState>();

/** One terminal per lab, kept while the learner visits other views. */
export function terminalFor(lab: LabState): TerminalState {
  let state = states.get(lab);
  if (!state) {
    state = new TerminalState(lab);
    states.set(lab, state);
  }
  return state;
}
