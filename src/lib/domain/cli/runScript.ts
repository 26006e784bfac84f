// Runs a file of terminal lines against a world, headless, and writes the transcript the terminal would
// show ("$ line" then its output). Used by `npm run lab` and the transcript tests.
// Invariant: pure apart from the injected send; comments and blank lines are skipped, and an interactive
// `aws configure` takes its answers from the lines that follow it (as when its input is piped).
import type { ApiRequest, RequestRecord } from '../pipeline/types';
import type { Json } from '../policy/types';
import type { ConsoleSession, World } from '../world/types';
import { tokenize } from './tokenize';
import { applyConfigure, newCliSession, promptText, runLine } from './runCli';
import type { CliSession } from './runCli';

/** Who the script acts as before any credentials are configured: root or an IAM user of the main account. */
export type ScriptIdentity = { readonly kind: 'root' } | { readonly kind: 'user'; readonly userName: string };

/** Parses `root` or `user/NAME` (the --as option). */
export function parseScriptIdentity(text: string): ScriptIdentity | undefined {
  if (text === 'root') return { kind: 'root' };
  const m = /^user\/([\w+=,.@-]+)$/.exec(text);
  return m?.[1] ? { kind: 'user', userName: m[1] } : undefined;
}

/** The lab's main account: the organization's management account, else the first account. */
export function mainAccountId(world: World): string | undefined {
  return world.organization?.managementAccountId ?? Object.keys(world.accounts)[0];
}

/**
 * Signs the identity in, the way AWS CloudShell starts with the console user's credentials: a console
 * session is added to the world (12 hours, from the world's clock) and its id returned.
 */
export function signInForScript(world: World, identity: ScriptIdentity, sessionId: string): { readonly world: World; readonly sessionId: string } | { readonly error: string } {
  const accountId = mainAccountId(world);
  const account = accountId ? world.accounts[accountId] : undefined;
  if (!account) return { error: 'the lab has no account to act in' };
  if (identity.kind === 'user' && !account.users[identity.userName]) return { error: `the main account ${account.id} has no IAM user named ${identity.userName}` };
  const expiration = new Date(Date.parse(world.clock) + 12 * 3600 * 1000).toISOString().replace('.000Z', 'Z');
  const session: ConsoleSession = {
    id: sessionId,
    accountId: account.id,
    identity: identity.kind === 'root' ? { kind: 'root' } : { kind: 'user', userName: identity.userName },
    signedInAt: world.clock,
    expiration,
  };
  return { world: { ...world, consoleSessions: { ...world.consoleSessions, [sessionId]: session } }, sessionId };
}

export interface ScriptPorts {
  send(world: World, request: ApiRequest): Promise<{ readonly record: RequestRecord; readonly world: World }>;
  search(expression: string, data: Json): Json;
}

export interface ScriptRun {
  readonly transcript: string;
  readonly world: World;
  readonly records: readonly RequestRecord[];
  readonly session: CliSession;
}

/** Runs `script` starting from `world`, acting as the console session `sessionId` until credentials are configured. */
export async function runScript(world: World, script: string, sessionId: string, ports: ScriptPorts): Promise<ScriptRun> {
  const lines = script.split(/\r?\n/);
  let current = world;
  let session = newCliSession();
  const records: RequestRecord[] = [];
  const out: string[] = [];
  const cliPorts = {
    send: async (request: ApiRequest) => {
      const r = await ports.send(current, request);
      current = r.world;
      records.push(r.record);
      return r.record;
    },
    search: ports.search,
    ambientCredentials: () => ({ kind: 'console' as const, sessionId }),
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = (lines[i] ?? '').trim();
    const tokens = tokenize(line);
    if (line === '' || (tokens.ok && tokens.words.length === 0)) continue;
    out.push(`$ ${line}`);
    const r = await runLine(session, line, cliPorts);
    for (const o of r.output) out.push(o.text);
    let config = r.config;
    if (r.prompts) {
      const answers: string[] = [];
      for (const q of r.prompts.questions) {
        const answer = (lines[i + 1] ?? '').trim();
        i += 1;
        out.push(`${promptText(config, r.prompts.profile, q)}${answer}`);
        answers.push(answer);
      }
      config = applyConfigure(config, r.prompts.profile, answers);
    }
    session = { config, lastExitCode: r.exitCode };
  }
  return { transcript: out.length ? `${out.join('\n')}\n` : '', world: current, records, session };
}
