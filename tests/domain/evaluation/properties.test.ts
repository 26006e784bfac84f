// Invariants of evaluate over generated, valid requests and policy sets (tests/support/generators.ts):
// a Deny that matches always wins, Allow statements are the only way in (except the root user's implicit
// access in its own account), and building the trace never changes the outcome.
// AWS: Policy evaluation logic, "The difference between explicit and implicit denies" ("An explicit deny in
// any of these policies overrides the allow"; "By default, all requests are implicitly denied with the
// exception of the AWS account root user"), https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../src/lib/domain/evaluation/evaluate';
import { isRoleTrustRequest, principalAccountOf, resourceAccountOf } from '../../../src/lib/domain/evaluation/requestKind';
import { stageBecause } from '../../../src/lib/domain/evaluation/trace';
import { mismatchReasons } from '../../../src/lib/domain/evaluation/types';
import type { EvaluationInput, EvaluationResult, OrgLevel, PolicyInput, PolicySet } from '../../../src/lib/domain/evaluation/types';
import type { Json } from '../../../src/lib/domain/policy/types';
import { evaluationInput } from '../../support/generators';

const runs = { numRuns: 400, seed: 20261129 };

function decisionOf(result: EvaluationResult) {
  if (result.kind !== 'decision') throw new Error(`case refused: ${result.message}`);
  return result;
}

/** Generated cases the validator refuses are another suite's concern (the differential test counts them). */
const accepted = evaluationInput.filter((input) => evaluate(input, { trace: false }).kind === 'decision');

type Doc = { Version?: string; Statement: Json };

function statementsOf(document: PolicyInput['document']): Json[] {
  const doc = (typeof document === 'string' ? JSON.parse(document) : document) as Doc;
  return Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
}

function withStatements(p: PolicyInput, statements: Json[]): PolicyInput {
  return { ...p, document: { Version: '2012-10-17', Statement: statements } };
}

/** The same policies, each with only its Deny statements; a policy left empty is dropped. */
function denyOnly(policies: PolicySet): PolicySet {
  const strip = (p: PolicyInput): PolicyInput | null => {
    const denies = statementsOf(p.document).filter((s) => (s as { Effect: string }).Effect === 'Deny');
    return denies.length === 0 ? null : withStatements(p, denies);
  };
  const list = (ps: readonly PolicyInput[] | undefined) => ps?.map(strip).filter((p): p is PolicyInput => p !== null);
  const levels = (ls: readonly OrgLevel[] | undefined) => ls?.map((l) => ({ ...l, policies: list(l.policies) ?? [] }));
  const boundary = policies.permissionsBoundary ? strip(policies.permissionsBoundary) : null;
  const resource = policies.resource ? strip(policies.resource) : null;
  return {
    identity: list(policies.identity) ?? [],
    ...(boundary ? { permissionsBoundary: boundary } : {}),
    ...(resource ? { resource } : {}),
    ...(policies.scps ? { scps: levels(policies.scps) } : {}),
    ...(policies.rcps ? { rcps: levels(policies.rcps) } : {}),
    ...(policies.session ? { session: list(policies.session) } : {}),
  };
}

/** Adds a Deny for exactly this action to a policy type that applies to every caller: the resource policy. */
function withMatchingDeny(input: EvaluationInput, where: 'resource' | 'identity' | 'rcp'): EvaluationInput {
  const { request, policies } = input;
  const kind = request.principal.kind;
  const target = where === 'identity' && (kind === 'user' || kind === 'assumedRole' || kind === 'federatedUser') ? 'identity' : where === 'rcp' ? 'rcp' : 'resource';
  if (target === 'identity') {
    const deny = { Effect: 'Deny', Action: request.action, Resource: '*' };
    return { ...input, policies: { ...policies, identity: [...policies.identity, { id: 'addedDeny', document: { Version: '2012-10-17', Statement: [deny] } }] } };
  }
  if (target === 'rcp') {
    const deny = { Effect: 'Deny', Principal: '*', Action: request.action, Resource: '*' };
    const level: OrgLevel = { id: 'added', policies: [{ id: 'addedDeny', document: { Version: '2012-10-17', Statement: [deny] } }] };
    return { ...input, policies: { ...policies, rcps: [...(policies.rcps ?? []), level] } };
  }
  // A role's trust policy has no Resource element.
  const deny: Record<string, Json> = { Effect: 'Deny', Principal: '*', Action: request.action };
  if (!isRoleTrustRequest(request)) deny.Resource = '*';
  const existing = policies.resource ? statementsOf(policies.resource.document) : [];
  return { ...input, policies: { ...policies, resource: withStatements(policies.resource ?? { id: 'resource', document: '' }, [...existing, deny]) } };
}

describe('evaluate: invariants', () => {
  it('a Deny statement that matches the request always ends in explicitDeny', () => {
    fc.assert(
      fc.property(accepted, fc.constantFrom('resource', 'identity', 'rcp') as fc.Arbitrary<'resource' | 'identity' | 'rcp'>, (input, where) => {
        const before = decisionOf(evaluate(input));
        const after = decisionOf(evaluate(withMatchingDeny(input, where)));
        expect(after.decision).toBe('explicitDeny');
        expect(after.decisiveStage).toBe('denyEvaluation');
        expect(after.reasons.some((r) => r.policyId === 'addedDeny' || r.policyId === 'resource')).toBe(true);
        if (before.decision === 'explicitDeny') expect(after.reasons.length).toBeGreaterThanOrEqual(before.reasons.length);
      }),
      runs,
    );
  });

  it('without any Allow statement nothing is allowed, except the root user in its own account', () => {
    fc.assert(
      fc.property(accepted, (input) => {
        const stripped = decisionOf(evaluate({ ...input, policies: denyOnly(input.policies) }));
        if (stripped.decision !== 'allowed') return;
        const { principal } = input.request;
        expect(principal.kind).toBe('root');
        expect(resourceAccountOf(input.request) ?? principalAccountOf(principal)).toBe(principalAccountOf(principal));
        expect(stripped.reasons).toEqual([]);
      }),
      runs,
    );
  });

  it('the trace never changes the decision, the reasons, the decisive stage or the message', () => {
    fc.assert(
      fc.property(accepted, (input) => {
        const on = decisionOf(evaluate(input));
        const off = decisionOf(evaluate(input, { trace: false }));
        expect(off.trace).toEqual([]);
        expect({ ...off, trace: null }).toEqual({ ...on, trace: null });
        const last = on.trace[on.trace.length - 1];
        expect(last).toEqual({ id: on.trace.length, kind: 'decision', decision: on.decision, reasons: on.reasons });
      }),
      runs,
    );
  });

  it('evaluating the same input twice gives the same result (caches hold no per-call state)', () => {
    fc.assert(
      fc.property(accepted, (input) => {
        expect(evaluate(input)).toEqual(evaluate(input));
      }),
      { ...runs, numRuns: 100 },
    );
  });

  it('every trace is well formed: ids in order, parents earlier and of the right kind, keys from the tables', () => {
    const parentKind: Record<string, string> = {
      'policy.enter': 'stage.enter',
      'statement.check': 'policy.enter',
      'condition.check': 'statement.check',
      'stage.result': 'stage.enter',
    };
    const becauseKeys = new Set<string>(stageBecause);
    const reasons = new Set<string>(mismatchReasons);
    fc.assert(
      fc.property(accepted, (input) => {
        const { trace } = decisionOf(evaluate(input));
        const kinds = new Map<number, string>();
        trace.forEach((step, i) => {
          expect(step.id).toBe(i + 1);
          if (step.kind === 'stage.enter' || step.kind === 'decision') expect(step.parentId).toBeUndefined();
          else expect(kinds.get(step.parentId ?? -1)).toBe(parentKind[step.kind]);
          if (step.kind === 'stage.result') expect(becauseKeys.has(step.because)).toBe(true);
          if (step.kind === 'statement.check') {
            for (const m of step.matches) if (m.reason !== undefined) expect(reasons.has(m.reason)).toBe(true);
            expect(step.applies).toBe(step.matches.every((m) => m.matched) && step.conditions !== 'notMatched');
          }
          if (step.kind === 'condition.check' && step.reason !== undefined) expect(reasons.has(step.reason)).toBe(true);
          kinds.set(step.id, step.kind);
        });
        // Every stage entered is closed by exactly one result, before the next stage starts.
        const enters = trace.filter((s) => s.kind === 'stage.enter').length;
        expect(trace.filter((s) => s.kind === 'stage.result')).toHaveLength(enters);
      }),
      runs,
    );
  });
});
