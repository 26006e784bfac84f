// Loads decision case files (format: /work/shared/decision-case-format.md, v1) and maps them to the
// engine's EvaluationInput. Invariant: a malformed case file becomes a `problem` naming the file and the
// field at fault, never an exception; policy documents pass through untouched so the engine judges them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Json } from '../../src/lib/domain/policy/types';
import type { Decision, EvaluationInput, OrgLevel, PolicyInput, RequestContext } from '../../src/lib/domain/evaluation/types';
import { principalFromArn } from '../../src/lib/domain/evaluation/principalFromArn';

/** A policy document as a case gives it: JSON (usually an object) or raw policy text. */
export type CaseDocument = Json;

export interface DecisionCase {
  readonly name: string;
  readonly source: string;
  readonly note?: string;
  readonly request: {
    /** IAM user / role session / root / federated user ARN, or '*' for an anonymous request. */
    readonly principal: string;
    readonly action: string;
    readonly resource: string;
    readonly resourceAccount?: string;
    readonly context: RequestContext;
  };
  readonly policies: {
    readonly identity: readonly CaseDocument[];
    readonly permissionsBoundary?: CaseDocument;
    readonly scps?: readonly (readonly CaseDocument[])[];
    readonly rcps?: readonly (readonly CaseDocument[])[];
    readonly resource?: CaseDocument;
    /** The format gives one session policy; a list is accepted too (AssumeRole takes inline + managed). */
    readonly session?: readonly CaseDocument[];
  };
  readonly expect: { readonly decision: Decision };
}

export type LoadedCaseFile =
  | { readonly kind: 'case'; readonly file: string; readonly case: DecisionCase }
  | { readonly kind: 'error'; readonly file: string; readonly problem: string };

/** Thrown by `parseCase`; `loadCaseFiles` turns it into a `problem`. */
export class CaseFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'CaseFileError';
  }
}

const decisions: readonly Decision[] = ['allowed', 'explicitDeny', 'implicitDeny'];

type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDocument(value: unknown): value is CaseDocument {
  return isObject(value) || typeof value === 'string';
}

/** Checks one case file's JSON against format v1 and returns it typed. Throws CaseFileError. */
export function parseCase(json: unknown, file: string): DecisionCase {
  const fail = (problem: string): never => {
    throw new CaseFileError(file, problem);
  };
  const text = (owner: JsonObject, key: string, where: string): string => {
    const value = owner[key];
    if (value === undefined) return fail(`missing field "${where}"`);
    if (typeof value !== 'string' || value.trim() === '') return fail(`"${where}" must be a non-empty string`);
    return value;
  };
  const document = (value: unknown, where: string): CaseDocument =>
    isDocument(value) ? value : fail(`"${where}" must be a policy document (a JSON object)`);
  const levels = (value: unknown, where: string): CaseDocument[][] => {
    if (!Array.isArray(value)) return fail(`"${where}" must be an array of levels, each an array of policies`);
    return value.map((level: unknown, i) => {
      if (!Array.isArray(level)) return fail(`"${where}[${i}]" must be an array of policies (one organization level)`);
      return level.map((doc: unknown, j) => document(doc, `${where}[${i}][${j}]`));
    });
  };

  if (!isObject(json)) return fail('a case file must hold one JSON object');
  const name = text(json, 'name', 'name');
  const source = text(json, 'source', 'source');
  const note = json['note'];
  if (note !== undefined && typeof note !== 'string') fail('"note" must be a string');

  const request = json['request'];
  if (!isObject(request)) return fail(request === undefined ? 'missing field "request"' : '"request" must be an object');
  const principal = text(request, 'principal', 'request.principal');
  const action = text(request, 'action', 'request.action');
  const resource = text(request, 'resource', 'request.resource');
  const resourceAccount = request['resourceAccount'];
  if (resourceAccount !== undefined && (typeof resourceAccount !== 'string' || !/^\d{12}$/.test(resourceAccount))) {
    fail('"request.resourceAccount" must be a 12-digit account id');
  }
  const rawContext = request['context'] ?? {};
  if (!isObject(rawContext)) return fail('"request.context" must be an object');
  const context: Record<string, string | readonly string[]> = {};
  for (const [key, value] of Object.entries(rawContext)) {
    if (typeof value === 'string') context[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) context[key] = value as string[];
    else fail(`"request.context.${key}" must be a string or an array of strings`);
  }

  const policies = json['policies'];
  if (!isObject(policies)) return fail(policies === undefined ? 'missing field "policies"' : '"policies" must be an object');
  const identityRaw = policies['identity'] ?? [];
  if (!Array.isArray(identityRaw)) return fail('"policies.identity" must be an array of policy documents');
  const identity = identityRaw.map((doc, i) => document(doc, `policies.identity[${i}]`));
  const boundary = policies['permissionsBoundary'];
  const scps = policies['scps'];
  const rcps = policies['rcps'];
  const resourcePolicy = policies['resource'];
  const session = policies['session'];
  const sessionList =
    session === undefined
      ? undefined
      : Array.isArray(session)
        ? session.map((doc, i) => document(doc, `policies.session[${i}]`))
        : [document(session, 'policies.session')];

  const expect = json['expect'];
  if (!isObject(expect)) return fail(expect === undefined ? 'missing field "expect"' : '"expect" must be an object');
  const decision = expect['decision'];
  if (decision === undefined) return fail('missing field "expect.decision"');
  if (typeof decision !== 'string' || !(decisions as readonly string[]).includes(decision)) {
    return fail(`"expect.decision" must be one of ${decisions.join(', ')} (got ${JSON.stringify(decision)})`);
  }

  return {
    name,
    source,
    ...(typeof note === 'string' ? { note } : {}),
    request: {
      principal,
      action,
      resource,
      ...(typeof resourceAccount === 'string' ? { resourceAccount } : {}),
      context,
    },
    policies: {
      identity,
      ...(boundary !== undefined ? { permissionsBoundary: document(boundary, 'policies.permissionsBoundary') } : {}),
      ...(scps !== undefined ? { scps: levels(scps, 'policies.scps') } : {}),
      ...(rcps !== undefined ? { rcps: levels(rcps, 'policies.rcps') } : {}),
      ...(resourcePolicy !== undefined ? { resource: document(resourcePolicy, 'policies.resource') } : {}),
      ...(sessionList ? { session: sessionList } : {}),
    },
    expect: { decision: decision as Decision },
  };
}

function orgLevels(kind: 'scps' | 'rcps', levels: readonly (readonly CaseDocument[])[]): OrgLevel[] {
  return levels.map((level, i) => ({
    id: `${kind}[${i}]`,
    label: i === 0 ? 'root' : i === levels.length - 1 ? 'account' : `level ${i}`,
    policies: level.map((document, j): PolicyInput => ({ id: `${kind}[${i}][${j}]`, document })),
  }));
}

/** Maps a case to the engine's input; policy ids ('identity[0]', 'scps[1][0]', 'resource'...) name where each came from. */
export function toEvaluationInput(c: DecisionCase): EvaluationInput {
  const { policies, request } = c;
  return {
    request: {
      principal: principalFromArn(request.principal),
      action: request.action,
      resource: request.resource,
      ...(request.resourceAccount !== undefined ? { resourceAccount: request.resourceAccount } : {}),
      context: request.context,
    },
    policies: {
      identity: policies.identity.map((document, i) => ({ id: `identity[${i}]`, document })),
      ...(policies.permissionsBoundary !== undefined
        ? { permissionsBoundary: { id: 'permissionsBoundary', document: policies.permissionsBoundary } }
        : {}),
      ...(policies.scps ? { scps: orgLevels('scps', policies.scps) } : {}),
      ...(policies.rcps ? { rcps: orgLevels('rcps', policies.rcps) } : {}),
      ...(policies.resource !== undefined ? { resource: { id: 'resource', document: policies.resource } } : {}),
      ...(policies.session
        ? {
            session: policies.session.map((document, i) => ({
              id: policies.session?.length === 1 ? 'session' : `session[${i}]`,
              document,
            })),
          }
        : {}),
    },
  };
}

function collectJsonFiles(path: string, out: string[]): void {
  const stat = statSync(path);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(path)) collectJsonFiles(join(path, entry), out);
  } else if (path.endsWith('.json')) {
    out.push(path);
  }
}

/**
 * Reads every *.json under the given files or folders (recursively), sorted by path, de-duplicated.
 * A path that does not exist, unreadable JSON, or a file that breaks the format yields a `kind: 'error'` entry.
 */
export function loadCaseFiles(paths: readonly string[], cwd: string = process.cwd()): LoadedCaseFile[] {
  const files: string[] = [];
  const missing: LoadedCaseFile[] = [];
  for (const path of paths) {
    try {
      collectJsonFiles(resolve(cwd, path), files);
    } catch {
      missing.push({ kind: 'error', file: path, problem: 'no such file or folder' });
    }
  }
  const unique = [...new Set(files)].sort();
  const loaded = unique.map((absolute): LoadedCaseFile => {
    const file = relative(cwd, absolute) || absolute;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(absolute, 'utf8'));
    } catch (error) {
      return { kind: 'error', file, problem: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
    }
    try {
      return { kind: 'case', file, case: parseCase(json, file) };
    } catch (error) {
      if (error instanceof CaseFileError) return { kind: 'error', file, problem: error.problem };
      throw error;
    }
  });
  return [...missing, ...loaded];
}
