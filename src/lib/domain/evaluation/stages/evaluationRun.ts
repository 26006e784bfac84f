// What every stage shares during one evaluate call: the request, the optional trace, and the scan of a
// list of policies for statements of one effect. Invariant: a statement is checked at most once per call
// (Deny statements in the deny stage, Allow statements in the stage of their policy type).
import { statementApplies, traceStatement } from '../checkStatement';
import type { CompiledPolicy, CompiledStatement } from '../compiledPolicy';
import type { TraceBuilder } from '../trace';
import type { AuthorizationRequest, DecisiveStatement, StageName, TraceRef } from '../types';

/** Trace refs of one statement and of each of its condition clauses, built once per loaded policy. */
export interface StatementRefs {
  readonly statement: TraceRef;
  readonly conditions: readonly TraceRef[];
}

/**
 * A compiled policy together with the stage (policy type) it belongs to, its organization level and
 * the trace refs of its statements (parallel to compiled.allows / compiled.denies).
 */
export interface LoadedPolicy {
  readonly id: string;
  readonly label: string | undefined;
  readonly level: string | undefined;
  readonly stage: StageName;
  readonly compiled: CompiledPolicy;
  readonly ref: TraceRef;
  /** `[id]`, for the stage.enter of a stage that looks at this policy alone. */
  readonly ids: readonly string[];
  readonly allowRefs: readonly StatementRefs[];
  readonly denyRefs: readonly StatementRefs[];
}

function refsOf(policyId: string, statements: readonly CompiledStatement[]): StatementRefs[] {
  return statements.map((st) => ({
    statement: { policyId, statementIndex: st.index, path: st.path },
    conditions: st.conditions.map((clause) => ({ policyId, statementIndex: st.index, path: clause.path })),
  }));
}

export function loadedPolicy(id: string, label: string | undefined, level: string | undefined, stage: StageName, compiled: CompiledPolicy): LoadedPolicy {
  return {
    id,
    label,
    level,
    stage,
    compiled,
    ref: { policyId: id },
    ids: [id],
    allowRefs: refsOf(id, compiled.allows),
    denyRefs: refsOf(id, compiled.denies),
  };
}

export interface Applied {
  readonly policy: LoadedPolicy;
  readonly statement: CompiledStatement;
}

export interface EvaluationRun {
  readonly request: AuthorizationRequest;
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
    const statements = effect === 'Allow' ? policy.compiled.allows : policy.compiled.denies;
    if (trace === null) {
      for (let s = 0; s < statements.length; s++) {
        const st = statements[s]!;
        if (statementApplies(st, run.request, run.boundary)) out.push({ policy, statement: st });
      }
      continue;
    }
    // The deny stage looks at every policy, but only those with Deny statements have anything to show.
    if (statements.length === 0 && stage === 'denyEvaluation') continue;
    const refs = effect === 'Allow' ? policy.allowRefs : policy.denyRefs;
    const policyStepId = trace.enterPolicy(stage, stageId, policy.ref, policy.label, policy.level);
    for (let s = 0; s < statements.length; s++) {
      const st = statements[s]!;
      if (traceStatement(st, run.request, trace, stage, policyStepId, refs[s]!, run.boundary)) out.push({ policy, statement: st });
    }
  }
}

export function toDecisive(applied: Applied): DecisiveStatement {
  const st = applied.statement;
  return st.sid === undefined
    ? { stage: applied.policy.stage, policyId: applied.policy.id, statementIndex: st.index, effect: st.effect }
    : { stage: applied.policy.stage, policyId: applied.policy.id, statementIndex: st.index, sid: st.sid, effect: st.effect };
}
