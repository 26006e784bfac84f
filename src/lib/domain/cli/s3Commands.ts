// The high-level `aws s3` commands (ls, cp, mb, rb, rm), built from S3 API calls as the AWS CLI does,
// with its one-line outputs ("make_bucket: NAME", "delete: s3://…"). Invariant: there is no file system,
// so only s3:// paths and "-" (stdin from `echo … |`, or stdout) are accepted; anything else is refused.
// AWS: AWS CLI Command Reference, "s3" (ls, cp, mb, rb, rm) and "Using high-level (s3) commands".
import type { Json } from '../policy/types';
import type { CliConfig } from './cliConfig';
import type { ParsedAws } from './parseCommand';
import { callApi } from './callApi';
import type { CliLine, CliPorts } from './callApi';

type S3Parsed = Extract<ParsedAws, { kind: 's3' }>;

interface S3Path {
  readonly bucket: string;
  readonly key: string;
}

const out = (text: string): CliLine => ({ stream: 'stdout', text });
const err = (text: string): CliLine => ({ stream: 'stderr', text });

function s3Path(arg: string): S3Path | undefined {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(arg);
  return m ? { bucket: m[1] ?? '', key: m[2] ?? '' } : undefined;
}

/** '2026-01-15T09:00:00Z' → '2026-01-15 09:00:00', as `aws s3 ls` prints times. */
function lsTime(iso: unknown): string {
  return typeof iso === 'string' ? iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '') : '';
}

function field(value: Json, name: string): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value[name] : undefined;
}

function list(value: Json | undefined): readonly Json[] {
  return Array.isArray(value) ? value : [];
}

const noFileSystem = (arg: string): CliLine =>
  err(`The lab's terminal has no file system, so the local path ${arg} cannot be read or written. Use "-" (e.g. echo 'text' | aws s3 cp - s3://bucket/key, or aws s3 cp s3://bucket/key -).`);

/** Failure line of a high-level command: "<what> failed: <target> An error occurred (...)". */
function failed(what: string, target: string, line: CliLine): CliLine {
  return err(`${what} failed: ${target} ${line.text.trim()}`);
}

interface S3Result {
  readonly output: readonly CliLine[];
  readonly exitCode: number;
}

async function listKeys(config: CliConfig, parsed: S3Parsed, ports: CliPorts, bucket: string, prefix: string) {
  return callApi(config, parsed.globals, ports, 's3:ListObjectsV2', { Bucket: bucket, ...(prefix ? { Prefix: prefix } : {}) });
}

async function ls(parsed: S3Parsed, config: CliConfig, ports: CliPorts): Promise<S3Result> {
  const arg = parsed.args[0];
  if (arg === undefined || arg === 's3://') {
    const r = await callApi(config, parsed.globals, ports, 's3:ListBuckets', {});
    if (!r.ok) return { output: [r.line], exitCode: r.exitCode };
    const lines = list(field(r.result, 'Buckets')).map((b) => `${lsTime(field(b, 'CreationDate'))} ${String(field(b, 'Name') ?? '')}`);
    return { output: lines.length ? [out(lines.join('\n'))] : [], exitCode: 0 };
  }
  const path = s3Path(arg);
  if (!path) return { output: [noFileSystem(arg)], exitCode: 255 };
  const r = await callApi(config, parsed.globals, ports, 's3:ListObjectsV2', {
    Bucket: path.bucket,
    ...(path.key ? { Prefix: path.key } : {}),
    ...(parsed.recursive ? {} : { Delimiter: '/' }),
  });
  if (!r.ok) return { output: [r.line], exitCode: r.exitCode };
  // Without --recursive, names are shown relative to the "folder" typed.
  const base = parsed.recursive ? '' : path.key.slice(0, path.key.lastIndexOf('/') + 1);
  const prefixes = list(field(r.result, 'CommonPrefixes')).map((p) => `${'PRE'.padStart(30)} ${String(field(p, 'Prefix') ?? '').slice(base.length)}`);
  const objects = list(field(r.result, 'Contents')).map(
    (o) => `${lsTime(field(o, 'LastModified'))} ${String(field(o, 'Size') ?? 0).padStart(10)} ${String(field(o, 'Key') ?? '').slice(base.length)}`,
  );
  const lines = [...prefixes, ...objects];
  return { output: lines.length ? [out(lines.join('\n'))] : [], exitCode: lines.length ? 0 : 1 };
}

async function cp(parsed: S3Parsed, config: CliConfig, ports: CliPorts, stdin: string | undefined): Promise<S3Result> {
  const [src = '', dst = ''] = parsed.args;
  const from = s3Path(src);
  const to = s3Path(dst);
  if (!from && src !== '-') return { output: [noFileSystem(src)], exitCode: 255 };
  if (!to && dst !== '-') return { output: [noFileSystem(dst)], exitCode: 255 };
  if (!from && !to) return { output: [err('Error: Invalid argument type: one of the paths must be an s3:// path.')], exitCode: 252 };
  let body: string;
  if (from) {
    if (!from.key) return { output: [err(`fatal error: An error occurred (404) when calling the HeadObject operation: Key "" does not exist`)], exitCode: 1 };
    const got = await callApi(config, parsed.globals, ports, 's3:GetObject', { Bucket: from.bucket, Key: from.key });
    if (!got.ok) return { output: [failed(to ? 'copy' : 'download', `${src} to ${dst}`, got.line)], exitCode: 1 };
    const b = field(got.result, 'Body');
    body = typeof b === 'string' ? b : '';
    if (!to) return { output: [out(body.replace(/\n$/, ''))], exitCode: 0 };
  } else {
    if (stdin === undefined) return { output: [err('The lab has no standard input to read: pipe text in, e.g. echo \'hello\' | aws s3 cp - s3://bucket/key')], exitCode: 252 };
    body = stdin;
  }
  if (!to) return { output: [], exitCode: 0 };
  // The AWS CLI copies with one CopyObject call; the lab reads then writes, so both permissions show.
  const key = to.key === '' || to.key.endsWith('/') ? `${to.key}${from ? (from.key.split('/').pop() ?? '') : ''}` : to.key;
  if (!key) return { output: [err('upload failed: - to ' + dst + ' a key name is needed when uploading from standard input')], exitCode: 1 };
  const put = await callApi(config, parsed.globals, ports, 's3:PutObject', { Bucket: to.bucket, Key: key, Body: body });
  const what = from ? 'copy' : 'upload';
  if (!put.ok) return { output: [failed(what, `${src} to s3://${to.bucket}/${key}`, put.line)], exitCode: 1 };
  return { output: [out(`${what}: ${src} to s3://${to.bucket}/${key}`)], exitCode: 0 };
}

async function rm(parsed: S3Parsed, config: CliConfig, ports: CliPorts): Promise<S3Result> {
  const arg = parsed.args[0] ?? '';
  const path = s3Path(arg);
  if (!path) return { output: [noFileSystem(arg)], exitCode: 255 };
  let keys = [path.key];
  if (parsed.recursive) {
    const listed = await listKeys(config, parsed, ports, path.bucket, path.key);
    if (!listed.ok) return { output: [listed.line], exitCode: listed.exitCode };
    keys = list(field(listed.result, 'Contents')).map((o) => String(field(o, 'Key') ?? ''));
  }
  const lines: CliLine[] = [];
  let code = 0;
  for (const key of keys) {
    const r = await callApi(config, parsed.globals, ports, 's3:DeleteObject', { Bucket: path.bucket, Key: key });
    if (r.ok) lines.push(out(`delete: s3://${path.bucket}/${key}`));
    else {
      lines.push(failed('delete', `s3://${path.bucket}/${key}`, r.line));
      code = 1;
    }
  }
  return { output: lines, exitCode: code };
}

async function bucketCommand(parsed: S3Parsed, config: CliConfig, ports: CliPorts): Promise<S3Result> {
  const arg = parsed.args[0] ?? '';
  const path = s3Path(arg);
  if (!path) return { output: [err(`\nParameter validation failed:\nInvalid bucket name "${arg}": use s3://bucket-name`)], exitCode: 252 };
  const make = parsed.command === 'mb';
  const label = make ? 'make_bucket' : 'remove_bucket';
  const lines: CliLine[] = [];
  if (!make && parsed.force) {
    const removed = await rm({ ...parsed, command: 'rm', args: [`s3://${path.bucket}/`], recursive: true }, config, ports);
    lines.push(...removed.output);
  }
  const r = await callApi(config, parsed.globals, ports, make ? 's3:CreateBucket' : 's3:DeleteBucket', { Bucket: path.bucket });
  if (!r.ok) return { output: [...lines, failed(label, `s3://${path.bucket}`, r.line)], exitCode: 1 };
  return { output: [...lines, out(`${label}: ${path.bucket}`)], exitCode: 0 };
}

/** Runs a high-level s3 command. */
export async function runS3(parsed: S3Parsed, config: CliConfig, ports: CliPorts, stdin: string | undefined): Promise<S3Result> {
  switch (parsed.command) {
    case 'ls':
      return ls(parsed, config, ports);
    case 'cp':
      return cp(parsed, config, ports, stdin);
    case 'rm':
      return rm(parsed, config, ports);
    default:
      return bucketCommand(parsed, config, ports);
  }
}
