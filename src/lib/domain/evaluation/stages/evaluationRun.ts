// What every stage shares during one evaluate call: the request (read once into EvaluationRun), the optional
// trace, the loaded policies and their statements (Applied), and the two scans: of policies for their Allow
// statements, and of one flat list of Deny statements. Invariant: a statement is checked at most once per call
// (Deny statements in the deny stage, Allow statements in the stage of their policy type).
// Layout note: a benchmark of thousands of distinct policy sets is bound by reading cold memory, not by
// computing, so Applied and LoadedPolicy keep the fields a check reads first at their front and the first list
// element inline; measured with `npm run bench -- engine`.
import { statementApplies, traceStatement } from '../checkStatement';
import { ELEMENT_NONE, ELEMENT_NOT, ELEMENT_POSITIVE, type ElementUse } from '../elementUse';
import type { CompiledClause } from '../../conditions/evaluateCondition';
import type { CompiledResource } from '../../matching/matchResource';
import type { CompiledWildcard } from '../../matching/wildcard';
import type { Effect, PrincipalBlock } from '../../policy/types';
import type { CompiledPolicy, CompiledStatement, ResourcePattern } from '../compiledPolicy';
import type { TraceBuilder } from '../trace';
import type { Caller } from '../../matching/caller';
import type { AuthorizationRequest, DecisiveStatement, ElementMatch, RequestContext, RequestPrincipal, StageName, TraceRef } from '../types';

/**
 * One statement of a loaded policy, flattened into one object with everything the checks, the trace and the
 * result need, built once per loaded policy. The fields the checks read first come first, and the first
 * Action and Resource pattern sit inline, so a statement with one of each is checked without following a
 * pointer into its lists. A stage that finds the statement applies hands this very object on, so the hot path
 * allocates nothing for it.
 */
export interface Applied {
  // Fields in the order the checks read them (a statement spans several cache lines; reading them in order
  // lets the processor fetch ahead). The memo* fields are the traced check's last element matches and the
  // request values they were built for: element matches are immutable, so a check of the same action, ARN or
  // principal hands on the same objects instead of new ones; memo*Ok is the match's `matched`, kept here.
  readonly policy: LoadedPolicy;
  readonly actionUse: ElementUse;
  memoAction: string | null;
  memoActionMatch: ElementMatch | undefined;
  memoActionOk: boolean;
  /** The first Action (or NotAction) pattern, compiled; null exactly when actionUse is ELEMENT_NONE (validation refuses empty lists). */
  readonly action0: CompiledWildcard | null;
  readonly action0Pattern: string;
  readonly resourceUse: ElementUse;
  /** No Resource/NotResource pattern holds a policy variable: the resource match depends on the ARN alone. */
  readonly resourceFixed: boolean;
  memoArn: string | null;
  memoResourceMatch: ElementMatch | undefined;
  memoResourceOk: boolean;
  /** The first Resource (or NotResource) pattern when it holds no policy variable; else null. */
  readonly resource0: CompiledResource | null;
  readonly resource0Text: string;
  readonly principal: PrincipalBlock | null;
  readonly notPrincipal: PrincipalBlock | null;
  memoPrincipal: RequestPrincipal | null;
  memoBoundary: boolean;
  memoPrincipalMatch: ElementMatch | undefined;
  memoPrincipalOk: boolean;
  /** The last matches array handed out, reused until one of its parts is built anew (memoStale). */
  memoMatches: readonly ElementMatch[] | null;
  memoStale: boolean;
  /** The Condition block: its clause count, its first clause and that clause's trace ref inline, then all of them. */
  readonly clauseCount: number;
  readonly clause0: CompiledClause | null;
  readonly conditionRef0: TraceRef | null;
  readonly clauses: readonly CompiledClause[];
  readonly ref: TraceRef;
  readonly sid: string | undefined;
  readonly effect: Effect;
  readonly conditionRefs: readonly TraceRef[];
  /** Every Action (or NotAction) pattern as written, and compiled (parallel); empty when neither. */
  readonly actionPatterns: readonly string[];
  readonly actionMatchers: readonly CompiledWildcard[];
  readonly resourcePatterns: readonly ResourcePattern[];
  readonly principalAccounts: readonly (string | null)[];
  readonly version: CompiledStatement['version'];
  readonly decisive: DecisiveStatement;
}

/**
 * A compiled policy together with the stage (policy type) it belongs to and its organization level. The
 * fields the allow scan reads come first, with the first Allow statement inline (most policies have one).
 */
export interface LoadedPolicy {
  readonly allowCount: number;
  readonly allow0: Applied | null;
  readonly ref: TraceRef;
  readonly label: string | undefined;
  readonly level: string | undefined;
  /** Parallel to compiled.allows / compiled.denies. */
  readonly allows: readonly Applied[];
  readonly denies: readonly Applied[];
  readonly id: string;
  readonly stage: StageName;
  /** `[id]`, for the stage.enter of a stage that looks at this policy alone. */
  readonly ids: readonly string[];
  /** `[this]`, for a stage that scans this policy alone. */
  readonly self: readonly LoadedPolicy[];
}

const none: readonly never[] = Object.freeze([]);

function entriesOf(policy: LoadedPolicy, statements: readonly CompiledStatement[], out: Applied[]): void {
  const policyId = policy.id;
  for (const st of statements) {
    // These objects go into every result and trace that names the statement, so they are frozen.
    const decisive: DecisiveStatement = Object.freeze(
      st.sid === undefined
        ? { stage: policy.stage, policyId, statementIndex: st.index, effect: st.effect }
        : { stage: policy.stage, policyId, statementIndex: st.index, sid: st.sid, effect: st.effect },
    );
    const actionPatterns = st.actions ?? st.notActions ?? none;
    const actionMatchers = st.actionMatchers ?? st.notActionMatchers ?? none;
    const resourcePatterns = st.resources ?? st.notResources ?? none;
    const conditionRefs: readonly TraceRef[] = st.conditions.map((clause) => Object.freeze({ policyId, statementIndex: st.index, path: clause.path }));
    out.push({
      policy,
      actionUse: st.actions !== null ? ELEMENT_POSITIVE : st.notActions !== null ? ELEMENT_NOT : ELEMENT_NONE,
      memoAction: null,
      memoActionMatch: undefined,
      memoActionOk: false,
      action0: actionMatchers[0] ?? null,
      action0Pattern: actionPatterns[0] ?? '',
      resourceUse: st.resources !== null ? ELEMENT_POSITIVE : st.notResources !== null ? ELEMENT_NOT : ELEMENT_NONE,
      resourceFixed: resourcePatterns.every((pattern) => pattern.compiled !== null),
      memoArn: null,
      memoResourceMatch: undefined,
      memoResourceOk: false,
      resource0: resourcePatterns[0]?.compiled ?? null,
      resource0Text: resourcePatterns[0]?.text ?? '',
      principal: st.principal,
      notPrincipal: st.notPrincipal,
      memoPrincipal: null,
      memoBoundary: false,
      memoPrincipalMatch: undefined,
      memoPrincipalOk: false,
      memoMatches: null,
      memoStale: true,
      clauseCount: st.clauses.length,
      clause0: st.clauses[0] ?? null,
      conditionRef0: conditionRefs[0] ?? null,
      clauses: st.clauses,
      ref: Object.freeze({ policyId, statementIndex: st.index, path: st.path }),
      sid: st.sid,
      effect: st.effect,
      conditionRefs,
      actionPatterns,
      actionMatchers,
      resourcePatterns,
      principalAccounts: st.principalAccounts,
      version: st.version,
      decisive,
    });
  }
}

export function loadedPolicy(id: string, label: string | undefined, level: string | undefined, stage: StageName, compiled: CompiledPolicy): LoadedPolicy {
  const allows: Applied[] = [];
  const denies: Applied[] = [];
  const self: LoadedPolicy[] = [];
  const ref = Object.freeze({ policyId: id });
  // Built in two steps because each statement points back at its policy; allow0 is filled once they exist.
  const policy: { -readonly [K in keyof LoadedPolicy]: LoadedPolicy[K] } = {
    allowCount: compiled.allows.length,
    allow0: null,
    ref,
    label,
    level,
    allows,
    denies,
    id,
    stage,
    ids: Object.freeze([id]),
    self,
  };
  self.push(policy);
  entriesOf(policy, compiled.allows, allows);
  entriesOf(policy, compiled.denies, denies);
  policy.allow0 = allows[0] ?? null;
  return policy;
}

/**
 * One evaluate call: the request's fields read once into this one fixed shape (requests arrive in several
 * shapes, and every statement check reads them), the caller, and the trace being built (null: trace off).
 */
export interface EvaluationRun {
  readonly request: AuthorizationRequest;
  readonly caller: Caller;
  readonly action: string;
  /** The request's action, lower-cased once (action names are case-insensitive). */
  readonly actionLower: string;
  readonly resource: string;
  readonly context: RequestContext;
  readonly trace: TraceBuilder | null;
  /** The caller has a permissions boundary (it changes how NotPrincipal in a Deny treats it). */
  readonly boundary: boolean;
}

/**
 * Checks every Allow statement of the policies and appends those that apply to `out`. Every statement is
 * checked (not only up to the first hit) so that the reasons are the same with and without the trace; with
 * the trace on, every policy gets a policy.enter, even one without Allow statements (it allows nothing).
 */
export function scanPolicies(run: EvaluationRun, stage: StageName, stageId: number, policies: readonly LoadedPolicy[], out: Applied[]): void {
  const trace = run.trace;
  for (let p = 0; p < policies.length; p++) {
    const policy = policies[p]!;
    const count = policy.allowCount;
    if (trace === null) {
      if (count === 0) continue;
      if (statementApplies(policy.allow0!, run)) out.push(policy.allow0!);
      for (let s = 1; s < count; s++) {
        const entry = policy.allows[s]!;
        if (statementApplies(entry, run)) out.push(entry);
      }
      continue;
    }
    const policyStepId = trace.enterPolicy(stage, stageId, policy.ref, policy.label, policy.level);
    if (count === 0) continue;
    if (traceStatement(policy.allow0!, run, trace, stage, policyStepId)) out.push(policy.allow0!);
    for (let s = 1; s < count; s++) {
      const entry = policy.allows[s]!;
      if (traceStatement(entry, run, trace, stage, policyStepId)) out.push(entry);
    }
  }
}

/**
 * Checks a flat list of statements from several policies (the deny stage's list) and appends those that
 * apply to `out`. With the trace on, each policy gets its policy.enter before its first statement, exactly as
 * scanPolicies gives it to a policy with statements of the scanned effect; policies without any get none.
 */
export function scanStatements(run: EvaluationRun, stage: StageName, stageId: number, statements: readonly Applied[], out: Applied[]): void {
  const trace = run.trace;
  if (trace === null) {
    for (let s = 0; s < statements.length; s++) {
      const entry = statements[s]!;
      if (statementApplies(entry, run)) out.push(entry);
    }
    return;
  }
  let current: LoadedPolicy | null = null;
  let policyStepId = 0;
  for (let s = 0; s < statements.length; s++) {
    const entry = statements[s]!;
    if (entry.policy !== current) {
      current = entry.policy;
      policyStepId = trace.enterPolicy(stage, stageId, current.ref, current.label, current.level);
    }
    if (traceStatement(entry, run, trace, stage, policyStepId)) out.push(entry);
  }
}

export function toDecisive(applied: Applied): DecisiveStatement {
  return applied.decisive;
}
