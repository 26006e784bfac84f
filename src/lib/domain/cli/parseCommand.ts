// Turns the words of an `aws ...` line into a command to run, or the usage error the AWS CLI prints.
// Invariant: pure and total; the error texts are the AWS CLI's (argparse usage errors, "Error parsing
// parameter" for bad values), plus one of our own for file:// since the lab has no file system.
// AWS: AWS CLI User Guide, "Command structure in the AWS CLI" and "Specifying parameter values".
import type { Json } from '../policy/types';
import { commandsOf, findCommand, s3Commands, services } from './commandTable';
import type { CommandSpec, OptionSpec } from './commandTable';
import { parseJsonArgument, parseStructure } from './shorthand';
import type { ValueResult } from './shorthand';

export type OutputFormat = 'json' | 'text' | 'table';
export const outputFormats: readonly OutputFormat[] = ['json', 'text', 'table'];

/** Options every command takes (AWS CLI Command Reference, "Global Options"). */
export interface GlobalOptions {
  readonly output?: OutputFormat;
  readonly query?: string;
  readonly profile?: string;
  readonly region?: string;
  /** Send the request unsigned (anonymous), as `--no-sign-request` does. */
  readonly noSignRequest?: boolean;
}

export const globalFlags: readonly string[] = ['--output', '--query', '--profile', '--region', '--no-sign-request', '--no-cli-pager', '--debug'];

export type ParsedAws =
  | { readonly kind: 'api'; readonly command: CommandSpec; readonly params: Readonly<Record<string, Json>>; readonly positional?: string; readonly globals: GlobalOptions }
  | { readonly kind: 's3'; readonly command: string; readonly args: readonly string[]; readonly recursive: boolean; readonly force: boolean; readonly globals: GlobalOptions }
  | { readonly kind: 'configure'; readonly command: 'interactive' | 'set' | 'get' | 'list' | 'list-profiles'; readonly args: readonly string[]; readonly globals: GlobalOptions }
  | { readonly kind: 'help'; readonly service?: string; readonly command?: string }
  /** `text` is printed on stderr as is; exit status 252 like the AWS CLI v2's parse errors. */
  | { readonly kind: 'usageError'; readonly text: string };

const usageHeader = [
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]',
  'To see help text, you can run:',
  '',
  '  aws help',
  '  aws <command> help',
  '  aws <command> <subcommand> help',
  '',
].join('\n');

function usage(message: string): ParsedAws {
  return { kind: 'usageError', text: `${usageHeader}\naws: error: ${message}` };
}

function paramError(flag: string, message: string): ParsedAws {
  return { kind: 'usageError', text: `\nError parsing parameter '${flag}': ${message}` };
}

function invalidChoice(what: string, choices: readonly string[]): ParsedAws {
  return usage(`argument ${what}: Invalid choice, valid choices are:\n\n${choices.join(' | ')}`);
}

/** There is no file system in the lab: refuse file:// and fileb:// with the way to do it instead. */
function fileReference(flag: string, value: string): ParsedAws | undefined {
  const m = /^(fileb?):\/\/(.*)$/.exec(value);
  if (!m) return undefined;
  return paramError(
    flag,
    `Unable to load paramfile ${value}: the lab's terminal has no file system, so ${m[1]}:// cannot be read. ` +
      `Paste the content itself instead, in single quotes, e.g. ${flag} '{"Version": "2012-10-17", "Statement": [...]}'`,
  );
}

function extractGlobals(words: readonly string[]): { rest: string[]; globals: GlobalOptions } | { error: ParsedAws } {
  const rest: string[] = [];
  const g: { -readonly [K in keyof GlobalOptions]: GlobalOptions[K] } = {};
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i] ?? '';
    const [flag = '', inline] = w.startsWith('--') && w.includes('=') ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)] : [w, undefined];
    if (flag === '--no-sign-request') g.noSignRequest = true;
    else if (flag === '--no-cli-pager' || flag === '--debug') continue;
    else if (flag === '--output' || flag === '--query' || flag === '--profile' || flag === '--region') {
      const value = inline ?? words[i + 1];
      if (inline === undefined) i += 1;
      if (value === undefined) return { error: usage(`argument ${flag}: expected one argument`) };
      if (flag === '--output') {
        if (!(outputFormats as readonly string[]).includes(value)) return { error: invalidChoice('--output', outputFormats) };
        g.output = value as OutputFormat;
      } else if (flag === '--query') g.query = value;
      else if (flag === '--profile') g.profile = value;
      else g.region = value;
    } else rest.push(w);
  }
  return { rest, globals: g };
}

function convert(spec: OptionSpec, values: readonly string[]): ValueResult | ParsedAws {
  for (const v of values) {
    const refused = fileReference(spec.flag, v);
    if (refused) return refused;
  }
  const single = values[0] ?? '';
  switch (spec.type) {
    case 'string':
    case 'document':
      return { ok: true, value: single };
    case 'integer':
      return /^-?\d+$/.test(single.trim()) ? { ok: true, value: Number(single) } : paramError(spec.flag, `invalid literal for int() with base 10: '${single}'`);
    case 'boolean':
      return { ok: true, value: true };
    case 'structure': {
      const parsed = parseStructure(single);
      return parsed.ok ? parsed : paramError(spec.flag, parsed.message);
    }
    case 'list':
    case 'structureList': {
      if (values.length === 1 && single.trim().startsWith('[')) {
        const parsed = parseJsonArgument(single.trim());
        if (!parsed.ok) return paramError(spec.flag, parsed.message);
        return Array.isArray(parsed.value) ? parsed : paramError(spec.flag, `Invalid JSON: expected a list\nJSON received: ${single}`);
      }
      if (spec.type === 'list') return { ok: true, value: [...values] };
      const items: Json[] = [];
      for (const v of values) {
        const parsed = parseStructure(v);
        if (!parsed.ok) return paramError(spec.flag, parsed.message);
        items.push(parsed.value);
      }
      return { ok: true, value: items };
    }
  }
}

function parseApi(command: CommandSpec, args: readonly string[], globals: GlobalOptions): ParsedAws {
  const params: Record<string, Json> = {};
  let fromInput: Readonly<Record<string, Json>> = {};
  const unknown: string[] = [];
  const positionals: string[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < args.length) {
    const w = args[i] ?? '';
    i += 1;
    if (!w.startsWith('--')) {
      if (command.positional && positionals.length === 0) positionals.push(w);
      else unknown.push(w);
      continue;
    }
    const eq = w.indexOf('=');
    const flag = eq > 0 ? w.slice(0, eq) : w;
    if (flag === '--cli-input-json') {
      // AWS CLI User Guide, "AWS CLI skeletons and input files": the parameters as one JSON object;
      // options given on the command line win.
      const text = eq > 0 ? w.slice(eq + 1) : (args[i++] ?? '');
      const refused = fileReference(flag, text);
      if (refused) return refused;
      const parsed = parseJsonArgument(text);
      if (!parsed.ok) return paramError(flag, parsed.message);
      const value = parsed.value;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return paramError(flag, `Invalid JSON: expected an object\nJSON received: ${text}`);
      fromInput = value;
      continue;
    }
    const spec = command.options.find((o) => o.flag === flag);
    const negated = !spec && flag.startsWith('--no-') ? command.options.find((o) => o.type === 'boolean' && o.flag === `--${flag.slice(5)}`) : undefined;
    if (negated) {
      params[negated.param] = false;
      seen.add(negated.flag);
      continue;
    }
    if (!spec) {
      unknown.push(w);
      continue;
    }
    seen.add(spec.flag);
    if (spec.type === 'boolean') {
      params[spec.param] = true;
      continue;
    }
    // argparse: a list option takes every word up to the next option; the others take exactly one.
    const multi = spec.type === 'list' || spec.type === 'structureList';
    const values: string[] = [];
    if (eq > 0) values.push(w.slice(eq + 1));
    else if (multi) while (i < args.length && !(args[i] ?? '').startsWith('--')) values.push(args[i++] ?? '');
    else if (i < args.length && !(args[i] ?? '').startsWith('--')) values.push(args[i++] ?? '');
    if (values.length === 0) return usage(`argument ${spec.flag}: expected one argument`);
    const converted = convert(spec, values);
    if ('kind' in converted) return converted;
    if (!converted.ok) return paramError(spec.flag, converted.message);
    const value = converted.value;
    if (spec.spread && value !== null && typeof value === 'object' && !Array.isArray(value)) Object.assign(params, value);
    else params[spec.param] = value;
  }
  const missing = command.options.filter((o) => o.required && !seen.has(o.flag) && !(o.param in fromInput)).map((o) => o.flag);
  if (command.positional?.required && positionals.length === 0) missing.push(command.positional.name);
  if (missing.length > 0) return usage(`the following arguments are required: ${missing.join(', ')}`);
  if (unknown.length > 0) return { kind: 'usageError', text: `${usageHeader}\nUnknown options: ${unknown.join(', ')}` };
  const merged = { ...fromInput, ...params };
  const derived = command.derive ? command.derive(merged) : merged;
  return { kind: 'api', command, params: derived, ...(positionals[0] !== undefined ? { positional: positionals[0] } : {}), globals };
}

function parseS3(command: string, args: readonly string[], globals: GlobalOptions): ParsedAws {
  const positional: string[] = [];
  let recursive = false;
  let force = false;
  const unknown: string[] = [];
  for (const a of args) {
    if (a === '--recursive') recursive = true;
    else if (a === '--force') force = true;
    else if (a.startsWith('--')) unknown.push(a);
    else positional.push(a);
  }
  const arity: Record<string, [number, number, string[]]> = {
    ls: [0, 1, []],
    mb: [1, 1, ['path']],
    rb: [1, 1, ['path']],
    rm: [1, 1, ['paths']],
    cp: [2, 2, ['paths']],
  };
  const [min = 0, max = 0, names = []] = arity[command] ?? [];
  if (positional.length < min) return usage(`the following arguments are required: ${names.join(', ')}`);
  if (unknown.length > 0 || positional.length > max) return { kind: 'usageError', text: `${usageHeader}\nUnknown options: ${[...positional.slice(max), ...unknown].join(', ')}` };
  return { kind: 's3', command, args: positional, recursive, force, globals };
}

/** Parses the words after `aws`. */
export function parseAws(words: readonly string[]): ParsedAws {
  const extracted = extractGlobals(words);
  if ('error' in extracted) return extracted.error;
  const { rest, globals } = extracted;
  const [service, command, ...args] = rest;
  if (service === undefined) return usage('the following arguments are required: command');
  if (service === 'help') return { kind: 'help' };
  if (!services.includes(service)) return invalidChoice('command', services);
  if (service === 'configure') {
    if (command === undefined) return { kind: 'configure', command: 'interactive', args: [], globals };
    if (command === 'help') return { kind: 'help', service };
    if (command !== 'set' && command !== 'get' && command !== 'list' && command !== 'list-profiles') return invalidChoice('operation', commandsOf('configure'));
    const needs = command === 'set' ? ['varname', 'value'] : command === 'get' ? ['varname'] : [];
    if (args.length < needs.length) return usage(`the following arguments are required: ${needs.slice(args.length).join(', ')}`);
    if (args.length > needs.length) return { kind: 'usageError', text: `${usageHeader}\nUnknown options: ${args.slice(needs.length).join(', ')}` };
    return { kind: 'configure', command, args, globals };
  }
  if (command === undefined) return usage('the following arguments are required: operation');
  if (command === 'help') return { kind: 'help', service };
  if (args[0] === 'help') return { kind: 'help', service, command };
  if (service === 's3') {
    if (!s3Commands.includes(command)) return invalidChoice('operation', s3Commands);
    return parseS3(command, args, globals);
  }
  const spec = findCommand(service, command);
  if (!spec) return invalidChoice('operation', commandsOf(service));
  return parseApi(spec, args, globals);
}
