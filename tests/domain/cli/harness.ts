// A terminal session against a real default lab and the real pipeline, for CLI tests.
import jmespath from 'jmespath';
import { webCrypto } from '../../../src/lib/domain/authentication/crypto';
import { newCliSession, runLine, signInForScript, applyConfigure } from '../../../src/lib/domain/cli';
import type { CliResult, CliSession, ScriptIdentity } from '../../../src/lib/domain/cli';
import { send } from '../../../src/lib/domain/pipeline';
import type { ApiRequest, RequestRecord } from '../../../src/lib/domain/pipeline/types';
import type { Json } from '../../../src/lib/domain/policy/types';
import { createDefaultLab } from '../../../src/lib/domain/world';
import { seededIdSource } from '../../../src/lib/domain/world/ids';
import type { World } from '../../../src/lib/domain/world/types';

export interface Harness {
  world: World;
  session: CliSession;
  records: RequestRecord[];
  /** Runs a line; answers interactive prompts with `answers`. Returns the result and its printed text. */
  run(line: string, answers?: readonly string[]): Promise<CliResult & { text: string; stdout: string; stderr: string }>;
}

export async function labHarness(as: ScriptIdentity | null = { kind: 'root' }): Promise<Harness> {
  const crypto = webCrypto();
  const ids = seededIdSource(7);
  let world = await createDefaultLab({ crypto, passwordIterations: 1000 });
  let sessionId: string | undefined;
  if (as) {
    const signed = signInForScript(world, as, 'test-session');
    if ('error' in signed) throw new Error(signed.error);
    world = signed.world;
    sessionId = signed.sessionId;
  }
  const h: Harness = {
    world,
    session: newCliSession(),
    records: [],
    async run(line, answers = []) {
      const ports = {
        send: async (request: ApiRequest) => {
          const r = await send(h.world, request, { crypto, ids });
          h.world = r.world;
          h.records.push(r.record);
          return r.record;
        },
        search: (expression: string, data: Json) => jmespath.search(data, expression) as Json,
        ambientCredentials: () => (sessionId ? { kind: 'console' as const, sessionId } : undefined),
      };
      const r = await runLine(h.session, line, ports);
      let config = r.config;
      if (r.prompts) config = applyConfigure(config, r.prompts.profile, answers);
      h.session = { config, lastExitCode: r.exitCode };
      const pick = (s: 'stdout' | 'stderr') => r.output.filter((o) => o.stream === s).map((o) => o.text).join('\n');
      return { ...r, text: r.output.map((o) => o.text).join('\n'), stdout: pick('stdout'), stderr: pick('stderr') };
    },
  };
  return h;
}

export function json(text: string): Record<string, unknown> {
  return JSON.parse(text) as Record<string, unknown>;
}
