// The managed policies a learner can attach in one account: its customer managed policies, then AWS's.
// Invariant: ARNs are unique in the list; names are what the select shows.
import { awsManagedPolicies } from '../../domain/world/awsManagedPolicies';
import type { ManagedPolicy, World } from '../../domain/world/types';

export interface PolicyChoice {
  readonly arn: string;
  readonly name: string;
  readonly awsManaged: boolean;
}

export function policyChoices(world: World, accountId: string): PolicyChoice[] {
  const customer = Object.values(world.accounts[accountId]?.policies ?? {});
  const toChoice = (p: ManagedPolicy): PolicyChoice => ({ arn: p.arn, name: p.name, awsManaged: p.awsManaged });
  return [...customer.map(toChoice), ...Object.values(awsManagedPolicies).map(toChoice)];
}

/** Finds a managed policy (customer managed in any account, or AWS managed) by ARN. */
export function findManagedPolicy(world: World, arn: string): ManagedPolicy | undefined {
  if (awsManagedPolicies[arn]) return awsManagedPolicies[arn];
  for (const account of Object.values(world.accounts)) {
    const p = account.policies[arn];
    if (p) return p;
  }
  return undefined;
}

export function policyName(world: World, arn: string): string {
  return findManagedPolicy(world, arn)?.name ?? arn.split('/').pop() ?? arn;
}
