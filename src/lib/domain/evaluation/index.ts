// The evaluation API: evaluate a request against its policies, the principal parser of decision cases,
// the monotone combination of stage outcomes, and the contract types. Callers import from here.
export { evaluate } from './evaluate';
export { principalFromArn } from './principalFromArn';
export { combine, outcomeDecision, isDenied } from './decide';
export { denialMessage } from './denialMessage';
export { stageBecause } from './trace';
export type { StageBecause } from './trace';
export { isRoleTrustRequest, isKmsKeyRequest, resourceAccountOf, principalAccountOf } from './requestKind';
export { mismatchReasons } from './types';
export type * from './types';
