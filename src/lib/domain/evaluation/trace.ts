// Builds the flat, ordered trace of one evaluation: every step gets the next numeric id and points at
// its parent (stage → policy → statement → condition). Invariant: a step is pushed once and never
// changed, so ids follow the order in which the engine made its checks.
import type { ElementMatch, Decision, DecisiveStatement, MismatchReason, StageName, StageOutcome, TraceRef, TraceStep } from './types';
import type { Effect } from '../policy/types';

/** The explanation keys a stage.result can carry; the UI turns them into sentences. */
export const stageBecause = [
  'deny.found', // a Deny statement applies to the request
  'deny.none', // no Deny statement applies: evaluation continues
  'rcp.fullAccessImplicit', // RCPFullAWSAccess sits at every level, and no RCP denies
  'scp.everyLevelAllows',
  'scp.levelWithoutAllow', // params.level: the first level where no SCP allows the action
  'resource.none', // no resource-based policy: the identity side decides
  'resource.required', // trust and KMS key policies must allow even within the account, and there is none / no allow
  'resource.requiredForCaller', // anonymous callers, services and identity providers need a resource policy that allows
  'resource.crossAccountRequired', // the resource is in another account: its policy must allow
  'resource.noAllow', // the policy allows nothing here: the identity side decides
  'resource.grantsDirectly', // it names the user or session itself (or everyone): the grant stands on its own
  'resource.grantsRole', // it names the role: boundary and session policy still limit it
  'resource.grantsAccount', // it names the account: the account's identity policies must allow too
  'resource.allows', // it allows (cross-account, or the only policy for this caller)
  'identity.allows',
  'identity.noAllow',
  'identity.rootFullAccess', // the root user needs no identity policy in its own account
  'identity.notNeeded', // a resource-based grant to the role covers the request
  'boundary.allows',
  'boundary.noAllow',
  'session.allows',
  'session.noAllow',
  'session.federatedWithoutPolicy', // a GetFederationToken session without session policy has no identity-side permissions
] as const;
export type StageBecause = (typeof stageBecause)[number];

/** Accumulates trace steps. One instance per evaluate call with trace on; absent when trace is off. */
export class TraceBuilder {
  readonly steps: TraceStep[] = [];
  private nextId = 1;

  enterStage(stage: StageName, policyIds: readonly string[]): number {
    const id = this.nextId++;
    this.steps.push({ id, kind: 'stage.enter', stage, policyIds });
    return id;
  }

  enterPolicy(stage: StageName, parentId: number, ref: TraceRef, label: string | undefined, level: string | undefined): number {
    const id = this.nextId++;
    const step: TraceStep =
      level === undefined
        ? { id, parentId, kind: 'policy.enter', stage, ref, label }
        : { id, parentId, kind: 'policy.enter', stage, ref, label, level };
    this.steps.push(step);
    return id;
  }

  statement(
    stage: StageName,
    parentId: number,
    ref: TraceRef,
    sid: string | undefined,
    effect: Effect,
    matches: readonly ElementMatch[],
    conditions: 'matched' | 'notMatched' | 'none',
    applies: boolean,
  ): number {
    const id = this.nextId++;
    this.steps.push({ id, parentId, kind: 'statement.check', stage, ref, sid, effect, matches, conditions, applies });
    return id;
  }

  condition(
    stage: StageName,
    parentId: number,
    ref: TraceRef,
    operator: string,
    key: string,
    policyValues: readonly string[],
    requestValues: readonly string[] | null,
    matched: boolean,
    reason: MismatchReason | undefined,
  ): void {
    const id = this.nextId++;
    this.steps.push({ id, parentId, kind: 'condition.check', stage, ref, operator, key, policyValues, requestValues, matched, reason });
  }

  stageResult(stage: StageName, parentId: number, outcome: StageOutcome, because: StageBecause, params?: Readonly<Record<string, string>>): void {
    const id = this.nextId++;
    this.steps.push(
      params === undefined
        ? { id, parentId, kind: 'stage.result', stage, outcome, because }
        : { id, parentId, kind: 'stage.result', stage, outcome, because, params },
    );
  }

  decision(decision: Decision, reasons: readonly DecisiveStatement[]): void {
    const id = this.nextId++;
    this.steps.push({ id, kind: 'decision', decision, reasons });
  }
}
