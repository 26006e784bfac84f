// Small builders for evaluation tests: a request from a principal string, policies from inline statements.
import { principalFromArn } from '../../../src/lib/domain/evaluation/principalFromArn';
import type { EvaluationInput, PolicyInput, PolicySet, RequestContext, TraceStep } from '../../../src/lib/domain/evaluation/types';
import type { Json } from '../../../src/lib/domain/policy/types';

export const ALICE = 'arn:aws:iam::111122223333:user/alice';
export const SESSION = 'arn:aws:sts::111122223333:assumed-role/Reader/s1';
export const ROLE = 'arn:aws:iam::111122223333:role/Reader';
export const FEDERATED = 'arn:aws:sts::111122223333:federated-user/bob';
export const ROOT = 'arn:aws:iam::111122223333:root';
export const OTHER_USER = 'arn:aws:iam::444455556666:user/carol';
export const OBJECT = 'arn:aws:s3:::b/k';

export function statement(effect: 'Allow' | 'Deny', action: string | string[], resource: string | string[] = '*', extra: Record<string, Json> = {}): Json {
  return { Effect: effect, Action: action, Resource: resource, ...extra };
}

export function doc(...statements: Json[]): Json {
  return { Version: '2012-10-17', Statement: statements };
}

export function policy(id: string, ...statements: Json[]): PolicyInput {
  return { id, document: doc(...statements) };
}

export const allowAll = (id = 'allowAll'): PolicyInput => policy(id, statement('Allow', '*'));

/** A resource-based policy (bucket, key or trust policy) with these statements. */
export function resourcePolicy(id: string, ...statements: Json[]): PolicyInput {
  return { id, document: doc(...statements) };
}

/** A resource-based policy statement naming principals. */
export function grant(effect: 'Allow' | 'Deny', principal: Json, action: string | string[], resource: string | string[] = OBJECT, extra: Record<string, Json> = {}): Json {
  return { Effect: effect, Principal: principal, Action: action, Resource: resource, ...extra };
}

export function input(
  principal: string,
  policies: Partial<PolicySet>,
  request: { action?: string; resource?: string; resourceAccount?: string; context?: RequestContext } = {},
): EvaluationInput {
  return {
    request: {
      principal: principalFromArn(principal),
      action: request.action ?? 's3:GetObject',
      resource: request.resource ?? OBJECT,
      resourceAccount: request.resourceAccount ?? (request.resource === undefined ? '111122223333' : undefined),
      context: request.context ?? {},
    },
    policies: { identity: [], ...policies },
  };
}

/** Stage names in the order their stage.enter steps appear. */
export function enteredStages(trace: readonly TraceStep[]): string[] {
  return trace.filter((s) => s.kind === 'stage.enter').map((s) => (s.kind === 'stage.enter' ? s.stage : ''));
}
