// The terminal's configuration: named profiles (~/.aws/credentials and ~/.aws/config in one place) and
// environment variables, and which credentials, region and output format a command uses.
// Invariant: plain data, replaced never mutated; resolution follows the CLI's precedence.
// AWS: AWS CLI User Guide, "Configuration and credential file settings" and
// "Environment variables to configure the AWS CLI" (precedence: options, environment, files).
import type { OutputFormat } from './parseCommand';
import { outputFormats } from './parseCommand';

export interface Profile {
  readonly aws_access_key_id?: string;
  readonly aws_secret_access_key?: string;
  readonly aws_session_token?: string;
  readonly region?: string;
  readonly output?: string;
  /** With source_profile: the CLI assumes this role with the source profile's keys before each command. */
  readonly role_arn?: string;
  readonly source_profile?: string;
  readonly role_session_name?: string;
}

export interface CliConfig {
  /** Keyed by profile name; 'default' is the one used when none is named. */
  readonly profiles: Readonly<Record<string, Profile>>;
  /** Exported variables (AWS_ACCESS_KEY_ID, AWS_PROFILE, …). */
  readonly env: Readonly<Record<string, string>>;
}

export const emptyCliConfig: CliConfig = { profiles: {}, env: {} };

export const profileKeys: readonly (keyof Profile)[] = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'region', 'output', 'role_arn', 'source_profile', 'role_session_name'];

export type ResolvedCredentials =
  | { readonly kind: 'keys'; readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string; readonly source: 'env' | 'profile'; readonly profile?: string }
  /** AWS CLI User Guide, "Use an IAM role in the AWS CLI": role_arn + source_profile. */
  | { readonly kind: 'role'; readonly roleArn: string; readonly sessionName: string; readonly profile: string; readonly source: ResolvedCredentials }
  | { readonly kind: 'none'; readonly profileNotFound?: string };

export function profileName(config: CliConfig, flag?: string): string {
  return flag ?? config.env.AWS_PROFILE ?? 'default';
}

/** Environment keys beat the profile unless --profile names one (as the CLI does). */
export function resolveCredentials(config: CliConfig, profileFlag?: string): ResolvedCredentials {
  const env = config.env;
  if (profileFlag === undefined && env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    return {
      kind: 'keys',
      accessKeyId: env.AWS_ACCESS_KEY_ID,
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
      ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
      source: 'env',
    };
  }
  return resolveProfile(config, profileName(config, profileFlag), 0);
}

function resolveProfile(config: CliConfig, name: string, depth: number): ResolvedCredentials {
  const profile = config.profiles[name];
  if (!profile) return name === 'default' && depth === 0 ? { kind: 'none' } : { kind: 'none', profileNotFound: name };
  // A role profile assumes its role with the source profile's credentials (chains stop after a few hops).
  if (profile.role_arn && profile.source_profile && depth < 4) {
    const source = resolveProfile(config, profile.source_profile, depth + 1);
    return { kind: 'role', roleArn: profile.role_arn, sessionName: profile.role_session_name ?? `aws-cli-${name}`, profile: name, source };
  }
  if (profile.aws_access_key_id && profile.aws_secret_access_key) {
    return {
      kind: 'keys',
      accessKeyId: profile.aws_access_key_id,
      secretAccessKey: profile.aws_secret_access_key,
      ...(profile.aws_session_token ? { sessionToken: profile.aws_session_token } : {}),
      source: 'profile',
      profile: name,
    };
  }
  return { kind: 'none' };
}

export function resolveRegion(config: CliConfig, regionFlag?: string, profileFlag?: string): string {
  return regionFlag ?? config.env.AWS_REGION ?? config.env.AWS_DEFAULT_REGION ?? config.profiles[profileName(config, profileFlag)]?.region ?? 'us-east-1';
}

export function resolveOutput(config: CliConfig, outputFlag?: OutputFormat, profileFlag?: string): OutputFormat {
  const candidate = outputFlag ?? config.env.AWS_DEFAULT_OUTPUT ?? config.profiles[profileName(config, profileFlag)]?.output;
  return (outputFormats as readonly string[]).includes(candidate ?? '') ? (candidate as OutputFormat) : 'json';
}

/** `aws configure set` keys: `region`, `profile.NAME.region`, `default.region`. */
export function configureSet(config: CliConfig, varname: string, value: string, profileFlag?: string): CliConfig | { readonly error: string } {
  const parts = varname.split('.');
  let name = profileName(config, profileFlag);
  let key = varname;
  if (parts.length === 3 && parts[0] === 'profile') [, name = name, key = key] = parts;
  else if (parts.length === 2 && parts[0] === 'default') [name, key] = ['default', parts[1] ?? key];
  if (!(profileKeys as readonly string[]).includes(key)) {
    return { error: `The lab's profiles keep ${profileKeys.join(', ')}; '${varname}' is not one of them.` };
  }
  const profile = { ...(config.profiles[name] ?? {}), [key]: value };
  return { ...config, profiles: { ...config.profiles, [name]: profile } };
}

export function configureGet(config: CliConfig, varname: string, profileFlag?: string): string | undefined {
  const parts = varname.split('.');
  if (parts.length === 3 && parts[0] === 'profile') return config.profiles[parts[1] ?? '']?.[parts[2] as keyof Profile];
  return config.profiles[profileName(config, profileFlag)]?.[varname as keyof Profile];
}

export function setEnv(config: CliConfig, name: string, value: string | undefined): CliConfig {
  const env: Record<string, string> = { ...config.env };
  if (value === undefined) delete env[name];
  else env[name] = value;
  return { ...config, env };
}

/** What `aws configure` shows in brackets: the last four characters behind asterisks. */
export function maskSecret(value: string | undefined): string {
  if (!value) return 'None';
  return `${'*'.repeat(16)}${value.slice(-4)}`;
}

/** `aws configure list`: where each value comes from. */
export function configureList(config: CliConfig, profileFlag?: string): string {
  const name = profileName(config, profileFlag);
  const profile = config.profiles[name];
  const creds = resolveCredentials(config, profileFlag);
  const row = (n: string, v: string, t: string, l: string) => `${n.padStart(10)} ${v.padStart(24)} ${t.padStart(16)}    ${l}`;
  const profileRow =
    profileFlag !== undefined ? row('profile', name, 'manual', '--profile') : config.env.AWS_PROFILE ? row('profile', name, 'env', 'AWS_PROFILE') : row('profile', '<not set>', 'None', 'None');
  const keyRow = (label: string, value: string | undefined) =>
    creds.kind === 'keys' ? row(label, maskSecret(value), creds.source === 'env' ? 'env' : 'shared-credentials-file', creds.source === 'env' ? '' : '~/.aws/credentials') : row(label, '<not set>', 'None', 'None');
  const region = config.env.AWS_REGION ?? config.env.AWS_DEFAULT_REGION;
  return [
    row('Name', 'Value', 'Type', 'Location'),
    row('----', '-----', '----', '--------'),
    profileRow,
    keyRow('access_key', creds.kind === 'keys' ? creds.accessKeyId : undefined),
    keyRow('secret_key', creds.kind === 'keys' ? creds.secretAccessKey : undefined),
    region ? row('region', region, 'env', config.env.AWS_REGION ? 'AWS_REGION' : 'AWS_DEFAULT_REGION') : profile?.region ? row('region', profile.region, 'config-file', '~/.aws/config') : row('region', '<not set>', 'None', 'None'),
  ].join('\n');
}
