// What every stage shares during one evaluate call: the request, the optional trace, and the scan of a
// list of policies for statements of one effect. Invariant: a statement is checked at most once per call
// (Deny statements in the deny stage, Allow statements in the stage of their policy type).
import { statementApplies, traceStatement } from '../checkStatement';
import type { CompiledPolicy, CompiledStatement } from '../compiledPolicy';
import type { TraceBuilder } from '../trace';
import type { Caller } from '../../matching/caller';
import type { AuthorizationRequest, DecisiveStatement, RequestContext, StageName, TraceRef } from '../types';

/**
 * One statement of a loaded policy with everything the trace and the result need, built once per loaded
 * policy: its trace refs (statement and each condition clause) and its DecisiveStatement. A stage that
 * finds the statement applies hands this very object on, so the hot path allocates nothing for it.
 */
export interface Applied {
  readonly policy: LoadedPolicy;
  readonly statement: CompiledStatement;
  readonly ref: TraceRef;
  readonly conditionRefs: readonly TraceRef[];
  readonly decisive: DecisiveStatement;
}

/** A compiled policy together with the stage (policy type) it belongs to and its organization level. */
export interface LoadedPolicy {
  readonly id: string;
  readonly label: string | undefined;
  readonly level: string | undefined;
  readonly stage: StageName;
  readonly compiled: CompiledPolicy;
  readonly ref: TraceRef;
  /** `[id]`, for the stage.enter of a stage that looks at this policy alone. */
  readonly ids: readonly string[];
  /** Parallel to compiled.allows / compiled.denies. */
  readonly allows: readonly Applied[];
  readonly denies: readonly Applied[];
}

function entriesOf(policy: LoadedPolicy, statements: readonly CompiledStatement[], out: Applied[]): void {
  const policyId = policy.id;
  for (const st of statements) {
    // These objects go into every result and trace that names the statement, so they are frozen.
    const decisive: DecisiveStatement = Object.freeze(
      st.sid === undefined
        ? { stage: policy.stage, policyId, statementIndex: st.index, effect: st.effect }
        : { stage: policy.stage, policyId, statementIndex: st.index, sid: st.sid, effect: st.effect },
    );
    out.push({
      policy,
      statement: st,
      ref: Object.freeze({ policyId, statementIndex: st.index, path: st.path }),
      conditionRefs: st.conditions.map((clause) => Object.freeze({ policyId, statementIndex: st.index, path: clause.path })),
      decisive,
    });
  }
}

export function loadedPolicy(id: string, label: string | undefined, level: string | undefined, stage: StageName, compiled: CompiledPolicy): LoadedPolicy {
  const allows: Applied[] = [];
  const denies: Applied[] = [];
  const policy: LoadedPolicy = { id, label, level, stage, compiled, ref: Object.freeze({ policyId: id }), ids: Object.freeze([id]), allows, denies };
  entriesOf(policy, compiled.allows, allows);
  entriesOf(policy, compiled.denies, denies);
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
 * Checks every statement of `effect` in the policies and appends those that apply to `out`.
 * Every statement is checked (not only up to the first hit) so that the reasons are the same
 * with and without the trace.
 */
export function scanPolicies(run: EvaluationRun, stage: StageName, stageId: number, policies: readonly LoadedPolicy[], effect: 'Allow' | 'Deny', out: Applied[]): void {
  const trace = run.trace;
  for (let p = 0; p < policies.length; p++) {
    const policy = policies[p]!;
    const entries = effect === 'Allow' ? policy.allows : policy.denies;
    if (trace === null) {
      for (let s = 0; s < entries.length; s++) {
        const entry = entries[s]!;
        if (statementApplies(entry.statement, run)) out.push(entry);
      }
      continue;
    }
    // The deny stage looks at every policy, but only those with Deny statements have anything to show.
    if (entries.length === 0 && stage === 'denyEvaluation') continue;
    const policyStepId = trace.enterPolicy(stage, stageId, policy.ref, policy.label, policy.level);
    for (let s = 0; s < entries.length; s++) {
      const entry = entries[s]!;
      if (traceStatement(entry.statement, run, trace, stage, policyStepId, entry.ref, entry.conditionRefs)) out.push(entry);
    }
  }
}

export function toDecisive(applied: Applied): DecisiveStatement {
  return applied.decisive;
}
