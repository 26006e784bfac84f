// Runs one terminal line: expansions, shell built-ins (NAME=value, export, unset, read, env, echo, clear,
// history, help) and `aws ...` commands, each call a pipeline request sent through the injected port.
// Invariant: the configuration is returned, never mutated; every request carries `via: 'cli'`.
// AWS: AWS CLI User Guide, "Command line return codes" (252 usage, 253 configuration, 254 service error, 255 other).
import type { ApiRequest } from '../pipeline/types';
import { callApi } from './callApi';
import type { CliLine, CliPorts } from './callApi';
import type { Json } from '../policy/types';
import { configureGet, configureList, configureSet, emptyCliConfig, maskSecret, profileName, resolveOutput, setEnv } from './cliConfig';
import type { CliConfig, Profile } from './cliConfig';
import { commandsOf, findCommand, services } from './commandTable';
import { formatJson, formatOutput, isEmptyResponse } from './formatOutput';
import { parseAws } from './parseCommand';
import type { GlobalOptions, ParsedAws } from './parseCommand';
import { runS3 } from './s3Commands';
import { expandLine } from './expandLine';
import { tokenize } from './tokenize';

/** One question of interactive `aws configure`. */
export interface ConfigurePrompt {
  readonly key: keyof Profile;
  readonly label: string;
}

export interface CliResult {
  readonly config: CliConfig;
  readonly output: readonly CliLine[];
  readonly exitCode: number;
  /** `clear` was typed. */
  readonly clear?: boolean;
  /** `history` was typed: the terminal prints its own history. */
  readonly history?: boolean;
  /** Interactive `aws configure`: ask these, then call `applyConfigure`. */
  readonly prompts?: { readonly profile: string; readonly questions: readonly ConfigurePrompt[] };
}

export interface CliSession {
  readonly config: CliConfig;
  readonly lastExitCode: number;
}

export const newCliSession = (config: CliConfig = emptyCliConfig): CliSession => ({ config, lastExitCode: 0 });

/** Recognises a request sent from the terminal (for scenarios that ask for a CLI step). */
export function isCliRequest(request: Pick<ApiRequest, 'via'>): boolean {
  return request.via === 'cli';
}

export type { CliLine, CliPorts };

const out = (text: string): CliLine => ({ stream: 'stdout', text });
const err = (text: string): CliLine => ({ stream: 'stderr', text });

function result(config: CliConfig, output: CliLine[], exitCode = 0, extra: Partial<CliResult> = {}): CliResult {
  return { config, output, exitCode, ...extra };
}

export const configurePrompts: readonly ConfigurePrompt[] = [
  { key: 'aws_access_key_id', label: 'AWS Access Key ID' },
  { key: 'aws_secret_access_key', label: 'AWS Secret Access Key' },
  { key: 'region', label: 'Default region name' },
  { key: 'output', label: 'Default output format' },
];

/** The prompt text for one question, with the current value in brackets as the CLI shows it. */
export function promptText(config: CliConfig, profile: string, q: ConfigurePrompt): string {
  const current = config.profiles[profile]?.[q.key];
  const shown = q.key === 'aws_access_key_id' || q.key === 'aws_secret_access_key' ? maskSecret(current) : (current ?? 'None');
  return `${q.label} [${shown}]: `;
}

/** Applies answers to interactive `aws configure`; an empty answer keeps the current value. */
export function applyConfigure(config: CliConfig, profile: string, answers: readonly string[]): CliConfig {
  const next: Record<string, string> = { ...(config.profiles[profile] ?? {}) };
  configurePrompts.forEach((q, i) => {
    const a = (answers[i] ?? '').trim();
    if (a) next[q.key] = a;
  });
  return { ...config, profiles: { ...config.profiles, [profile]: next } };
}

function printResult(config: CliConfig, globals: GlobalOptions, ports: CliPorts, value: Json, title: string): CliResult {
  if (isEmptyResponse(value) && globals.query === undefined) return result(config, []);
  let shown = value;
  if (globals.query !== undefined) {
    try {
      shown = ports.search(globals.query, value);
    } catch (e) {
      return result(config, [err(`\nBad value for --query ${globals.query}: ${e instanceof Error ? e.message : String(e)}`)], 255);
    }
  }
  const format = resolveOutput(config, globals.output, globals.profile);
  if (globals.query !== undefined && (shown === null || typeof shown !== 'object')) {
    const text = format === 'json' ? formatJson(shown) : shown === null ? 'None' : String(shown);
    return result(config, [out(text)]);
  }
  const text = formatOutput(shown, format, title);
  return result(config, text === '' ? [] : [out(text)]);
}

async function runApi(parsed: Extract<ParsedAws, { kind: 'api' }>, config: CliConfig, ports: CliPorts): Promise<CliResult> {
  const { command, globals } = parsed;
  const name = command.operation.split(':')[1] ?? command.operation;
  const toStdout = parsed.positional === '-' || parsed.positional === '/dev/stdout';
  if (command.operation === 's3:GetObject' && !toStdout) {
    return result(config, [err(`The lab's terminal has no file system, so the object cannot be written to ${parsed.positional ?? 'a file'}: give - as outfile to print it.`)], 255);
  }
  const response = await callApi(config, globals, ports, command.operation, parsed.params);
  if (!response.ok) return result(config, [response.line], response.exitCode);
  // s3api get-object writes the body to its outfile; the lab can only print it (outfile "-").
  if (command.operation === 's3:GetObject' && response.result !== null && typeof response.result === 'object' && !Array.isArray(response.result)) {
    const { Body, ...meta } = response.result;
    const printed = printResult(config, globals, ports, meta, name);
    return { ...printed, output: [out(typeof Body === 'string' ? Body : ''), ...printed.output] };
  }
  return printResult(config, globals, ports, withoutPaging(response.result, command.pagingKeys), name);
}

function withoutPaging(value: Json, keys: readonly string[] | undefined): Json {
  if (!keys || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)));
}

function runConfigure(parsed: Extract<ParsedAws, { kind: 'configure' }>, config: CliConfig): CliResult {
  const { globals } = parsed;
  switch (parsed.command) {
    case 'interactive':
      return result(config, [], 0, { prompts: { profile: profileName(config, globals.profile), questions: configurePrompts } });
    case 'set': {
      const next = configureSet(config, parsed.args[0] ?? '', parsed.args[1] ?? '', globals.profile);
      return 'error' in next ? result(config, [err(next.error)], 255) : result(next, []);
    }
    case 'get': {
      const value = configureGet(config, parsed.args[0] ?? '', globals.profile);
      return value === undefined ? result(config, [], 1) : result(config, [out(value)]);
    }
    case 'list':
      return result(config, [out(configureList(config, globals.profile))]);
    case 'list-profiles':
      return result(config, Object.keys(config.profiles).length ? [out(Object.keys(config.profiles).join('\n'))] : []);
  }
}

function helpText(parsed: Extract<ParsedAws, { kind: 'help' }>): string {
  if (!parsed.service) {
    return ['AWS CLI in IAM Lab: aws [options] <command> <subcommand> [parameters]', '', 'Available services:', ...services.map((s) => `  o ${s}`), '', 'Global options: --output json|text|table, --query <JMESPath>, --profile <name>, --region <region>, --no-sign-request'].join('\n');
  }
  if (!parsed.command) return [`${parsed.service}`, '', 'Available commands:', ...commandsOf(parsed.service).map((c) => `  o ${c}`)].join('\n');
  const spec = findCommand(parsed.service, parsed.command);
  if (!spec) return `aws ${parsed.service} ${parsed.command}: see "aws ${parsed.service} help".`;
  const synopsis = spec.options.map((o) => {
    const value = o.type === 'boolean' ? `${o.flag} | --no-${o.flag.slice(2)}` : `${o.flag} <value>`;
    return o.required ? `  ${value}` : `  [${value}]`;
  });
  return [
    `${spec.name}`,
    '',
    `Calls the ${spec.operation} operation.`,
    ...(spec.note ? ['', spec.note] : []),
    '',
    'SYNOPSIS',
    `  ${spec.name}`,
    ...synopsis,
    ...(spec.positional ? [`  <${spec.positional.name}>`] : []),
  ].join('\n');
}

const shellHelp = [
  'IAM Lab terminal. Every aws command is a signed request to the lab: watch it on the stage and in the history.',
  '',
  '  aws <service> <command> [options]   e.g. aws sts get-caller-identity',
  '  aws configure [--profile NAME]      store an access key (also: configure set|get|list|list-profiles)',
  '  aws configure set role_arn ARN --profile P; aws configure set source_profile S --profile P   a role profile',
  '  export NAME=value · unset NAME · env   AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_PROFILE, AWS_DEFAULT_REGION',
  '  NAME=$(aws ...) · read A B <<< "$(aws ...)" · echo $NAME   keep a value from one command for the next',
  '  echo text | aws s3 cp - s3://bucket/key   upload text (there is no file system: file:// cannot be read)',
  '  history · clear · help · aws help · aws <service> help · aws <service> <command> help',
  '',
  'Tab completes commands, options and names from the lab; up and down arrows walk the history.',
].join('\n');

/** Runs one line: expansions first ($NAME, $?, $(...)), then the command. */
export async function runLine(session: CliSession, line: string, ports: CliPorts): Promise<CliResult> {
  const config = session.config;
  // Command substitution runs in a subshell: its configuration changes are dropped, its errors shown.
  const substituted: CliLine[] = [];
  const expanded = await expandLine(line, {
    vars: config.env,
    lastExitCode: session.lastExitCode,
    substitute: async (command) => {
      const inner = await runLine(session, command, ports);
      substituted.push(...inner.output.filter((o) => o.stream === 'stderr'));
      return inner.output.filter((o) => o.stream === 'stdout').map((o) => o.text).join('\n');
    },
  });
  if (!expanded.ok) return result(config, [err(`bash: ${expanded.message}`)], 2);
  const r = await runWords(session, expanded.line, ports);
  return substituted.length ? { ...r, output: [...substituted, ...r.output] } : r;
}

async function runWords(session: CliSession, line: string, ports: CliPorts): Promise<CliResult> {
  const config = session.config;
  const tokens = tokenize(line);
  if (!tokens.ok) return result(config, [err(`bash: ${tokens.message}`)], 2);
  const stages = tokens.pipes;
  if (stages.length === 1 && stages[0]?.length === 0) return result(config, [], session.lastExitCode);
  let stdin: string | undefined;
  let words = stages[0] ?? [];
  if (stages.length > 1) {
    if (stages.length !== 2 || words[0] !== 'echo') return result(config, [err('The lab terminal pipes only `echo ... | aws s3 cp - s3://bucket/key`.')], 2);
    stdin = `${words.slice(1).join(' ')}\n`;
    words = stages[1] ?? [];
  }
  const [head, ...rest] = words;
  if (head !== undefined && words.every((w) => /^[A-Za-z_]\w*=/.test(w))) {
    return result(words.reduce((c, w) => setEnv(c, w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)), config), []);
  }
  switch (head) {
    case 'read': {
      // read A B <<< "text": the here-string's words go to the names, the last name takes the rest.
      const at = rest.indexOf('<<<');
      const names = at < 0 ? rest : rest.slice(0, at);
      const values = at < 0 ? [] : rest.slice(at + 1).join(' ').trim().split(/\s+/);
      if (at < 0 || names.length === 0) return result(config, [err('The lab terminal reads only from a here-string: read NAME... <<< "text"')], 2);
      let next = config;
      names.forEach((name, i) => {
        const value = i === names.length - 1 ? values.slice(i).join(' ') : (values[i] ?? '');
        next = setEnv(next, name, value);
      });
      return result(next, []);
    }
    case 'clear':
      return result(config, [], 0, { clear: true });
    case 'help':
      return result(config, [out(shellHelp)]);
    case 'history':
      return result(config, [], 0, { history: true });
    case 'echo':
      return result(config, [out(rest.join(' '))]);
    case 'env':
    case 'printenv':
      return result(config, Object.keys(config.env).length ? [out(Object.entries(config.env).map(([k, v]) => `${k}=${v}`).join('\n'))] : []);
    case 'export': {
      let next = config;
      for (const w of rest) {
        const eq = w.indexOf('=');
        // Every variable of the lab's shell is already exported: `export NAME` has nothing to do.
        if (eq < 0 && /^[A-Za-z_]\w*$/.test(w)) continue;
        if (eq <= 0) return result(config, [err(`bash: export: \`${w}': not a valid identifier`)], 1);
        next = setEnv(next, w.slice(0, eq), w.slice(eq + 1));
      }
      return result(next, []);
    }
    case 'unset':
      return result(
        rest.reduce((c, name) => setEnv(c, name, undefined), config),
        [],
      );
    case 'aws': {
      const parsed = parseAws(rest);
      switch (parsed.kind) {
        case 'usageError':
          return result(config, [err(parsed.text)], 252);
        case 'help':
          return result(config, [out(helpText(parsed))]);
        case 'configure':
          return runConfigure(parsed, config);
        case 's3': {
          const r = await runS3(parsed, config, ports, stdin);
          return result(config, [...r.output], r.exitCode);
        }
        case 'api':
          return runApi(parsed, config, ports);
      }
      break;
    }
    case undefined:
      return result(config, [], 0);
  }
  return result(config, [err(`bash: ${head}: command not found`)], 127);
}
