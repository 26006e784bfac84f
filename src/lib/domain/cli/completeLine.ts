// Tab completion for the terminal: commands, services, options and names taken from the lab (users,
// groups, roles, policy ARNs, buckets, tables, instances, keys, profiles).
// Invariant: pure; candidates share the typed prefix and are sorted; `start` is where the word being completed begins.
import type { World } from '../world/types';
import { awsManagedPolicies } from '../world/awsManagedPolicies';
import type { CliConfig } from './cliConfig';
import { profileKeys } from './cliConfig';
import { commandsOf, findCommand, services } from './commandTable';
import type { Completion } from './commandTable';
import { globalFlags, outputFormats } from './parseCommand';
import { tokenize } from './tokenize';

export interface CompletionResult {
  /** Index in the line where the completed word starts. */
  readonly start: number;
  readonly candidates: readonly string[];
}

const shellWords = ['aws', 'clear', 'echo', 'env', 'export', 'help', 'history', 'unset'];
const envNames = ['AWS_ACCESS_KEY_ID=', 'AWS_SECRET_ACCESS_KEY=', 'AWS_SESSION_TOKEN=', 'AWS_PROFILE=', 'AWS_DEFAULT_REGION=', 'AWS_DEFAULT_OUTPUT='];
const regions = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-1', 'ap-northeast-1'];

/** The lab's names of one kind, from every account. */
export function labNames(world: World, kind: Completion): string[] {
  const accounts = Object.values(world.accounts);
  switch (kind) {
    case 'user':
      return accounts.flatMap((a) => Object.keys(a.users));
    case 'group':
      return accounts.flatMap((a) => Object.keys(a.groups));
    case 'role':
      return accounts.flatMap((a) => Object.keys(a.roles));
    case 'roleArn':
      return accounts.flatMap((a) => Object.values(a.roles).map((r) => r.arn));
    case 'policyArn':
      return [...accounts.flatMap((a) => Object.keys(a.policies)), ...Object.keys(awsManagedPolicies)];
    case 'userInlinePolicy':
      return accounts.flatMap((a) => Object.values(a.users).flatMap((u) => Object.keys(u.inlinePolicies)));
    case 'bucket':
      return accounts.flatMap((a) => Object.keys(a.s3.buckets));
    case 'table':
      return accounts.flatMap((a) => Object.keys(a.dynamodb.tables));
    case 'instanceId':
      return accounts.flatMap((a) => Object.keys(a.ec2.instances));
    case 'keyId':
      return accounts.flatMap((a) => Object.keys(a.kms.keys));
    case 'accessKeyId':
      return accounts.flatMap((a) => [...a.root.accessKeys, ...Object.values(a.users).flatMap((u) => u.accessKeys)].map((k) => k.accessKeyId));
    case 'instanceProfile':
      return accounts.flatMap((a) => Object.keys(a.instanceProfiles));
  }
}

function matching(candidates: readonly string[], partial: string): string[] {
  return [...new Set(candidates.filter((c) => c.startsWith(partial)))].sort();
}

/** Completes the word that ends at the end of `line`. */
export function completeLine(line: string, world: World, config: CliConfig): CompletionResult {
  const trailingSpace = /\s$/.test(line) || line === '';
  const tokens = tokenize(line);
  const words = tokens.ok ? [...tokens.words] : line.trim().split(/\s+/);
  const partial = trailingSpace ? '' : (words.pop() ?? '');
  const start = line.length - partial.length;
  const done = (candidates: readonly string[]): CompletionResult => ({ start, candidates: matching(candidates, partial) });
  if (words.length === 0) return done(shellWords);
  if (words[0] === 'export' || words[0] === 'unset') return done(words[0] === 'export' ? envNames : envNames.map((n) => n.slice(0, -1)));
  if (words[0] !== 'aws') return done([]);
  const previous = words.at(-1) ?? '';
  if (previous === '--profile') return done(Object.keys(config.profiles));
  if (previous === '--output') return done(outputFormats);
  if (previous === '--region') return done(regions);
  const positional = words.slice(1).filter((w, i, all) => !w.startsWith('--') && !['--profile', '--output', '--region', '--query'].includes(all[i - 1] ?? ''));
  const [service, command] = positional;
  if (partial.startsWith('--') && command === undefined) return done(globalFlags);
  if (service === undefined) return done([...services, 'help']);
  if (command === undefined) return done([...commandsOf(service), 'help']);
  if (service === 'configure') return done(command === 'set' || command === 'get' ? [...profileKeys] : []);
  if (service === 's3') {
    if (partial.startsWith('--')) return done(['--recursive', '--force', ...globalFlags]);
    if (partial.startsWith('s3://') && partial.slice(5).includes('/')) return done([]);
    return done([...labNames(world, 'bucket').map((b) => `s3://${b}/`), ...(command === 'cp' ? ['-'] : [])]);
  }
  const spec = findCommand(service, command);
  if (!spec) return done([]);
  const option = spec.options.find((o) => o.flag === previous);
  if (option && option.type !== 'boolean') {
    if (option.choices) return done(option.choices);
    return done(option.complete ? labNames(world, option.complete) : []);
  }
  if (partial.startsWith('-') || trailingSpace) {
    const used = new Set(words);
    return done([...spec.options.filter((o) => !used.has(o.flag)).map((o) => o.flag), ...(partial.startsWith('-') ? ['--cli-input-json', ...globalFlags] : [])]);
  }
  return done([]);
}

/** The longest prefix all candidates share (what Tab inserts when several match). */
export function commonPrefix(candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  let prefix = candidates[0] ?? '';
  for (const c of candidates) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
