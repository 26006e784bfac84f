// The shared shape of the operator families: each compares ONE policy value with ONE request value in the
// operator's positive sense (StringNotEquals compares like StringEquals; evaluateCondition negates).
// Invariant: a request value a family cannot read is reported, never silently treated as "no match".
import type { BaseOperator } from './operators';

/**
 * - match / noMatch: the comparison ran.
 * - policyTypeError: the policy value is not of the operator's type (it can match nothing).
 * - requestTypeError: the request value is not of the operator's type (the condition cannot hold).
 */
export type Comparison = 'match' | 'noMatch' | 'policyTypeError' | 'requestTypeError';

/** A policy value ready to compare: after policy variables, when the family takes them. */
export interface PolicyOperand {
  /** The value as written in the policy. */
  readonly raw: string;
  /** After substitution (equal to `raw` for families without variables). */
  readonly value: string;
  /** Escaped-glob form of `value` (see matching/wildcard.ts) for the families with wildcards. */
  readonly pattern: string;
  /** A policy variable had no value: this operand equals and is like nothing. */
  readonly unresolved: boolean;
}

export interface OperatorFamily {
  /** Whether policy variables are substituted in this family's values (strings and ARNs only). */
  readonly variables: boolean;
  compare(base: BaseOperator, policy: PolicyOperand, request: string): Comparison;
  /** For typed families: can this request value be read at all? (Absent: every string is readable.) */
  readonly readsRequest?: (request: string) => boolean;
}
