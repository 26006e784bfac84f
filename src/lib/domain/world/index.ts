// Public API of the simulated world: its types, constructors, the default lab and validation.
export type * from './types';
export { worldVersion } from './types';
export { createEmptyWorld, newAccount, withAccount, defaultClock } from './createEmptyWorld';
export { createDefaultLab, defaultLabCredentials, labAccessKeys, companyAccountId, partnerAccountId, appBucket, partnerBucket, ordersTable } from './defaultLab';
export type { DefaultLabOptions } from './defaultLab';
export { validateWorld } from './validateWorld';
export type { WorldProblem, WorldValidation } from './validateWorld';
export { advanceClock, addSeconds } from './clock';
export { awsManagedPolicies, awsManagedPolicyArnByName } from './awsManagedPolicies';
export * as arns from './arns';
export {
  createOrganization,
  addOrganizationalUnit,
  placeAccount,
  addOrganizationPolicy,
  attachOrganizationPolicy,
  detachOrganizationPolicy,
  fullAwsAccessPolicyId,
} from './organization';
export type { Draft } from './draft';
