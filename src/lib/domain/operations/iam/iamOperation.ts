// A compact constructor for IAM operation specs, so each operation reads as its plan and its run.
// Invariant: IAM operations need signed requests and answer authorization failures with AccessDenied.
import type { Json } from '../../policy/types';
import type { Crud } from '../../pipeline/types';
import type { AuthorizationTarget, OperationSpec, PlanContext, RunContext } from '../types';
import { callerAccountId } from './iamShared';

export function iamOperation(
  action: string,
  crud: Crud,
  plan: (ctx: PlanContext, accountId: string) => readonly AuthorizationTarget[],
  run: (ctx: RunContext) => Json | Promise<Json>,
): OperationSpec {
  return {
    name: `iam:${action}`,
    crud,
    accessDeniedCode: 'AccessDenied',
    plan: (ctx) => plan(ctx, callerAccountId(ctx)),
    run,
  };
}

/** The usual single target: the action on one IAM resource. */
export function target(action: string, resource: string, context?: AuthorizationTarget['context']): AuthorizationTarget[] {
  return [{ action: `iam:${action}`, resource, ...(context ? { context } : {}) }];
}
