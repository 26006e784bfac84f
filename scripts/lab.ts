// npm run lab -- [--lab lab.json] [--as root|user/NAME] [--seed N] script.txt
// Runs a file of terminal lines (one command a line, # comments) against a fresh default lab, or an
// exported one (an IAM Lab export file: its first lab), and prints each command with its output exactly as the terminal would.
// Exit status: 0 when the script ran (even if commands failed); 2 when the script or the options are malformed.
import { readFileSync } from 'node:fs';
import jmespath from 'jmespath';
import { webCrypto } from '../src/lib/domain/authentication/crypto';
import { parseScriptIdentity, runScript, signInForScript } from '../src/lib/domain/cli';
import type { ScriptIdentity } from '../src/lib/domain/cli';
import { send } from '../src/lib/domain/pipeline';
import type { Json } from '../src/lib/domain/policy/types';
import { labFileFormat, readLabFile } from '../src/lib/domain/sharing';
import { createDefaultLab, validateWorld } from '../src/lib/domain/world';
import { seededIdSource } from '../src/lib/domain/world/ids';
import type { World } from '../src/lib/domain/world/types';

export interface LabOptions {
  readonly lab?: string;
  readonly as: ScriptIdentity;
  readonly seed: number;
  readonly script: string;
}

const usage = 'usage: npm run lab -- [--lab lab.json] [--as root|user/NAME] [--seed N] script.txt';

/** Parses the command line; a string is the error to print. */
export function parseLabArgs(argv: readonly string[]): LabOptions | string {
  let lab: string | undefined;
  let as: ScriptIdentity = { kind: 'root' };
  let seed = 2026;
  let script: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] ?? '';
    if (a === '--lab' || a === '--as' || a === '--seed') {
      const v = argv[i + 1];
      i += 1;
      if (v === undefined) return `${a} needs a value\n${usage}`;
      if (a === '--lab') lab = v;
      else if (a === '--seed') {
        if (!/^\d+$/.test(v)) return `--seed takes a whole number\n${usage}`;
        seed = Number(v);
      } else {
        const parsed = parseScriptIdentity(v);
        if (!parsed) return `--as takes root or user/NAME, not ${v}\n${usage}`;
        as = parsed;
      }
    } else if (a.startsWith('--')) return `unknown option ${a}\n${usage}`;
    else if (script === undefined) script = a;
    else return `only one script file, got ${script} and ${a}\n${usage}`;
  }
  if (script === undefined) return `a script file is required\n${usage}`;
  return { ...(lab !== undefined ? { lab } : {}), as, seed, script };
}

/** Reads an exported lab: IAM Lab's export file (its first lab), or a world, bare or under `world`. */
export function readLab(text: string): World | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return `the lab file is not JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (data !== null && typeof data === 'object' && (data as { format?: unknown }).format === labFileFormat) {
    const file = readLabFile(text);
    if (!file.ok) return `the lab file is not a valid IAM Lab export:\n${file.problems.slice(0, 10).map((p) => `  ${p.path || '/'}: ${p.message}`).join('\n')}`;
    const first = file.value.labs[0];
    return first ? first.world : 'the lab file holds no lab';
  }
  const candidate = data !== null && typeof data === 'object' && 'world' in data ? (data as { world: unknown }).world : data;
  const checked = validateWorld(candidate);
  if (!checked.ok) return `the lab file is not a valid lab:\n${checked.problems.slice(0, 10).map((p) => `  ${p.path || '/'}: ${p.message}`).join('\n')}`;
  return checked.world;
}

/** Runs the lab script; resolves to the transcript, or an error message for malformed input. */
export async function runLab(options: LabOptions, readText: (path: string) => string): Promise<{ ok: true; transcript: string } | { ok: false; error: string }> {
  const crypto = webCrypto();
  const ids = seededIdSource(options.seed);
  let script: string;
  let world: World;
  try {
    script = readText(options.script);
  } catch {
    return { ok: false, error: `cannot read the script ${options.script}` };
  }
  if (options.lab !== undefined) {
    let text: string;
    try {
      text = readText(options.lab);
    } catch {
      return { ok: false, error: `cannot read the lab ${options.lab}` };
    }
    const lab = readLab(text);
    if (typeof lab === 'string') return { ok: false, error: lab };
    world = lab;
  } else {
    world = await createDefaultLab({ crypto, seed: options.seed, passwordIterations: 1000 });
  }
  const signedIn = signInForScript(world, options.as, 'cli-script-session');
  if ('error' in signedIn) return { ok: false, error: signedIn.error };
  const run = await runScript(signedIn.world, script, signedIn.sessionId, {
    send: (w, request) => send(w, request, { crypto, ids }),
    search: (expression, data) => jmespath.search(data, expression) as Json,
  });
  return { ok: true, transcript: run.transcript };
}

async function main(): Promise<void> {
  const options = parseLabArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`);
    process.exit(2);
  }
  const result = await runLab(options, (path) => readFileSync(path, 'utf8'));
  if (!result.ok) {
    process.stderr.write(`lab: ${result.error}\n`);
    process.exit(2);
  }
  process.stdout.write(result.transcript);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) void main();
