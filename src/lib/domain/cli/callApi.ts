// One AWS API call from the terminal: which credentials and region it uses, the pipeline request it
// becomes (always `via: 'cli'`), and the AWS CLI's error line when it fails.
// Invariant: reads the configuration, never changes it; every failure has the CLI's exit status.
// AWS: AWS CLI User Guide, "Configuration settings and precedence" and "Command line return codes".
import type { ApiRequest, Credentials, RequestRecord } from '../pipeline/types';
import type { Json } from '../policy/types';
import { resolveCredentials, resolveRegion } from './cliConfig';
import type { CliConfig, ResolvedCredentials } from './cliConfig';
import type { GlobalOptions } from './parseCommand';

/** What the terminal (UI) or the script runner (Node) gives the CLI. */
export interface CliPorts {
  /** Sends a request through the pipeline: `lab.send` in the UI, the pure `send` headless. */
  send(request: ApiRequest): Promise<RequestRecord>;
  /** JMESPath search for --query (the library is injected so the domain imports nothing). */
  search(expression: string, data: Json): Json;
  /**
   * Credentials used when none are configured, as AWS CloudShell uses the signed-in identity's;
   * undefined means "Unable to locate credentials".
   */
  ambientCredentials?(): Credentials | undefined;
}

export interface CliLine {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

const err = (text: string): CliLine => ({ stream: 'stderr', text });

/** The AWS CLI's line for a service error. */
export function apiErrorText(code: string, message: string, operationName: string): string {
  return `An error occurred (${code}) when calling the ${operationName} operation: ${message}`;
}

type CredentialsOrError = Credentials | { readonly error: CliLine; readonly exitCode: number };

const noCredentials = { error: err('\nUnable to locate credentials. You can configure credentials by running "aws configure".'), exitCode: 253 };

function field(value: Json | undefined, name: string): Json | undefined {
  return value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value) ? value[name] : undefined;
}

/** Keys as they are, or a role profile's temporary credentials from an AssumeRole call (visible in the history). */
async function fromResolved(resolved: ResolvedCredentials, region: string, ports: CliPorts): Promise<CredentialsOrError> {
  if (resolved.kind === 'keys') {
    return { kind: 'accessKey', accessKeyId: resolved.accessKeyId, secretAccessKey: resolved.secretAccessKey, ...(resolved.sessionToken ? { sessionToken: resolved.sessionToken } : {}) };
  }
  if (resolved.kind === 'none') return resolved.profileNotFound ? { error: err(`\nThe config profile (${resolved.profileNotFound}) could not be found`), exitCode: 255 } : noCredentials;
  const source = await fromResolved(resolved.source, region, ports);
  if ('error' in source) return source;
  const record = await ports.send({ operation: 'sts:AssumeRole', params: { RoleArn: resolved.roleArn, RoleSessionName: resolved.sessionName }, credentials: source, region, via: 'cli' });
  const response = record.response;
  if (!response.ok) return { error: err(`\n${apiErrorText(response.code, response.message, 'AssumeRole')}`), exitCode: 254 };
  const c = field(response.result, 'Credentials');
  const [id, secret, token] = [field(c, 'AccessKeyId'), field(c, 'SecretAccessKey'), field(c, 'SessionToken')];
  if (typeof id !== 'string' || typeof secret !== 'string') return noCredentials;
  return { kind: 'accessKey', accessKeyId: id, secretAccessKey: secret, ...(typeof token === 'string' ? { sessionToken: token } : {}) };
}

/**
 * Where the API request's credentials come from: --no-sign-request, configured keys (or a role profile),
 * then the ambient identity.
 */
export async function credentialsFor(config: CliConfig, globals: GlobalOptions, ports: CliPorts): Promise<CredentialsOrError> {
  if (globals.noSignRequest) return { kind: 'anonymous' };
  const resolved = resolveCredentials(config, globals.profile);
  if (resolved.kind !== 'none' || resolved.profileNotFound) return fromResolved(resolved, resolveRegion(config, globals.region, globals.profile), ports);
  const ambient = ports.ambientCredentials?.();
  if (ambient && ambient.kind !== 'anonymous') return ambient;
  return noCredentials;
}

/** Sends one API call with the line's globals; returns the response or the printed error. */
export async function callApi(
  config: CliConfig,
  globals: GlobalOptions,
  ports: CliPorts,
  operation: string,
  params: Readonly<Record<string, Json>>,
): Promise<{ readonly ok: true; readonly result: Json } | { readonly ok: false; readonly line: CliLine; readonly exitCode: number; readonly code?: string; readonly message?: string }> {
  const credentials = await credentialsFor(config, globals, ports);
  if ('error' in credentials) return { ok: false, line: credentials.error, exitCode: credentials.exitCode };
  const request: ApiRequest = { operation, params, credentials, region: resolveRegion(config, globals.region, globals.profile), via: 'cli' };
  const record = await ports.send(request);
  const response = record.response;
  if (response.ok) return { ok: true, result: response.result };
  const name = operation.split(':')[1] ?? operation;
  return { ok: false, line: err(`\n${apiErrorText(response.code, response.message, name)}`), exitCode: 254, code: response.code, message: response.message };
}
