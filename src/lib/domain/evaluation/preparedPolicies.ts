// Prepares a PolicySet for evaluation once: every policy compiled and loaded, the per-stage id lists and
// the deny-stage list for each kind of caller. Cached by PolicySet object (and resource-policy kind), so
// a policy set evaluated again costs one lookup. Invariant: policy sets are immutable once evaluated
// (the contract's readonly types); a changed set must be a new object.
import type { CallerClass } from '../matching/caller';
import type { PolicyKind } from '../policy/types';
import { compiledPolicy } from './compiledPolicy';
import type { Applied, LoadedPolicy } from './stages/evaluationRun';
import { loadedPolicy } from './stages/evaluationRun';
import type { EvaluationResult, PolicyInput, PolicySet, StageName } from './types';

export type Malformed = Extract<EvaluationResult, { kind: 'malformed' }>;

export interface LoadedLevel {
  readonly id: string;
  readonly policies: readonly LoadedPolicy[];
}


/** What the deny stage looks at for one kind of caller. */
export interface DenyList {
  /** Every policy that applies to the caller, in stage order (for the trace's stage.enter). */
  readonly ids: readonly string[];
  /** Every Deny statement of those policies, in the same order: the deny stage scans this one list. */
  readonly statements: readonly Applied[];
}

export interface PreparedPolicies {
  readonly kind: 'prepared';
  readonly rcpLevels: readonly LoadedLevel[] | null;
  readonly rcpIds: readonly string[];
  readonly scpLevels: readonly LoadedLevel[] | null;
  readonly scpIds: readonly string[];
  readonly resource: LoadedPolicy | null;
  readonly identity: readonly LoadedPolicy[];
  readonly identityIds: readonly string[];
  readonly boundary: LoadedPolicy | null;
  readonly session: readonly LoadedPolicy[];
  readonly sessionIds: readonly string[];
  /**
   * The deny stage's lists for each kind of caller (see DenyList), built with the set and kept as plain fields
   * of this object, not a table or an object of their own: they are read on every evaluation.
   */
  readonly denyIdsOutside: readonly string[];
  readonly denyStatementsOutside: readonly Applied[];
  readonly denyIdsRoot: readonly string[];
  readonly denyStatementsRoot: readonly Applied[];
  readonly denyIdsUser: readonly string[];
  readonly denyStatementsUser: readonly Applied[];
  readonly denyIdsSession: readonly string[];
  readonly denyStatementsSession: readonly Applied[];
}

function load(input: PolicyInput, kind: PolicyKind, stage: StageName, level: string | undefined): LoadedPolicy | Malformed {
  const entry = compiledPolicy(input.document, kind);
  if (!entry.ok) {
    const firstError = entry.diagnostics.find((d) => d.severity === 'error');
    return {
      kind: 'malformed',
      code: 'MalformedPolicyDocument',
      policyId: input.id,
      diagnostics: entry.diagnostics,
      message: firstError ? firstError.message : 'The policy document is malformed.',
    };
  }
  return loadedPolicy(input.id, input.label, level, stage, entry);
}

function isMalformed(x: LoadedPolicy | Malformed): x is Malformed {
  return 'kind' in x;
}

function loadLevels(levels: PolicySet['scps'], kind: 'scp' | 'rcp'): LoadedLevel[] | Malformed {
  const out: LoadedLevel[] = [];
  for (const level of levels ?? []) {
    const loaded: LoadedPolicy[] = [];
    for (const p of level.policies) {
      const l = load(p, kind, kind, level.id);
      if (isMalformed(l)) return l;
      loaded.push(l);
    }
    out.push({ id: level.id, policies: loaded });
  }
  return out;
}

function levelIds(levels: readonly LoadedLevel[] | null): string[] {
  const ids: string[] = [];
  if (levels) for (const level of levels) for (const p of level.policies) ids.push(p.id);
  return ids;
}

/** Compiles every policy of the set; the first malformed one (in stage order) makes the whole set malformed. */
function prepare(set: PolicySet, roleTrust: boolean): PreparedPolicies | Malformed {
  const rcpLevels = set.rcps ? loadLevels(set.rcps, 'rcp') : null;
  if (rcpLevels !== null && !Array.isArray(rcpLevels)) return rcpLevels;
  const scpLevels = set.scps ? loadLevels(set.scps, 'scp') : null;
  if (scpLevels !== null && !Array.isArray(scpLevels)) return scpLevels;
  let resource: LoadedPolicy | null = null;
  if (set.resource) {
    // A role's trust policy has its own grammar (no Resource element), so it is validated as one.
    const l = load(set.resource, roleTrust ? 'trust' : 'resource', 'resource', undefined);
    if (isMalformed(l)) return l;
    resource = l;
  }
  const identity: LoadedPolicy[] = [];
  for (const p of set.identity) {
    const l = load(p, 'identity', 'identity', undefined);
    if (isMalformed(l)) return l;
    identity.push(l);
  }
  let boundary: LoadedPolicy | null = null;
  if (set.permissionsBoundary) {
    const l = load(set.permissionsBoundary, 'boundary', 'permissionsBoundary', undefined);
    if (isMalformed(l)) return l;
    boundary = l;
  }
  const session: LoadedPolicy[] = [];
  for (const p of set.session ?? []) {
    const l = load(p, 'session', 'session', undefined);
    if (isMalformed(l)) return l;
    session.push(l);
  }
  const sets = { rcpLevels, scpLevels, resource, identity, boundary, session };
  const outside = denyList(sets, 'outside');
  const root = denyList(sets, 'root');
  const user = denyList(sets, 'user');
  const sessionList = denyList(sets, 'session');
  // In the order evaluate reads them (the usual callers, users and sessions, first).
  return {
    kind: 'prepared',
    denyIdsUser: user.ids,
    denyStatementsUser: user.statements,
    denyIdsSession: sessionList.ids,
    denyStatementsSession: sessionList.statements,
    rcpLevels,
    scpLevels,
    resource,
    identity,
    identityIds: Object.freeze(identity.map((p) => p.id)),
    boundary,
    session,
    sessionIds: Object.freeze(session.map((p) => p.id)),
    rcpIds: Object.freeze(levelIds(rcpLevels)),
    scpIds: Object.freeze(levelIds(scpLevels)),
    denyIdsRoot: root.ids,
    denyStatementsRoot: root.statements,
    denyIdsOutside: outside.ids,
    denyStatementsOutside: outside.statements,
  };
}

/** One cache per reading of the resource policy (as a role trust policy, or not), each straight to the prepared set. */
const plainCache = new WeakMap<PolicySet, PreparedPolicies | Malformed>();
const trustCache = new WeakMap<PolicySet, PreparedPolicies | Malformed>();

/** The prepared form of a policy set (from the cache when this object was seen before). */
export function preparedPolicies(set: PolicySet, roleTrust: boolean): PreparedPolicies | Malformed {
  const cache = roleTrust ? trustCache : plainCache;
  let prepared = cache.get(set);
  if (prepared === undefined) {
    prepared = prepare(set, roleTrust);
    cache.set(set, prepared);
  }
  return prepared;
}

/** The policy ids the deny stage looks at for this kind of caller. */
export function denyIdsFor(prepared: PreparedPolicies, caller: CallerClass): readonly string[] {
  return caller === 'user' ? prepared.denyIdsUser : caller === 'session' ? prepared.denyIdsSession : caller === 'root' ? prepared.denyIdsRoot : prepared.denyIdsOutside;
}

/** The Deny statements the deny stage checks for this kind of caller. */
export function denyStatementsFor(prepared: PreparedPolicies, caller: CallerClass): readonly Applied[] {
  return caller === 'user'
    ? prepared.denyStatementsUser
    : caller === 'session'
      ? prepared.denyStatementsSession
      : caller === 'root'
        ? prepared.denyStatementsRoot
        : prepared.denyStatementsOutside;
}

type PreparedSets = Pick<PreparedPolicies, 'rcpLevels' | 'scpLevels' | 'resource' | 'identity' | 'boundary' | 'session'>;

/** Every policy the deny stage looks at for this kind of caller, in stage order. */
function denyList(prepared: PreparedSets, caller: CallerClass): DenyList {
  const policies: LoadedPolicy[] = [];
  if (prepared.rcpLevels) for (const level of prepared.rcpLevels) for (const p of level.policies) policies.push(p);
  if (caller !== 'outside' && prepared.scpLevels) for (const level of prepared.scpLevels) for (const p of level.policies) policies.push(p);
  if (prepared.resource !== null) policies.push(prepared.resource);
  if (caller === 'user' || caller === 'session') {
    for (const p of prepared.identity) policies.push(p);
    if (prepared.boundary !== null) policies.push(prepared.boundary);
  }
  if (caller === 'session') for (const p of prepared.session) policies.push(p);
  // Id lists go into every trace of this policy set (stage.enter), so they are frozen.
  return { ids: Object.freeze(policies.map((p) => p.id)), statements: policies.flatMap((p) => p.denies) };
}
