// The shared shape of the operator families: each compares ONE policy value with ONE request value in the
// operator's positive sense (StringNotEquals compares like StringEquals; evaluateCondition negates).
// Invariant: a request value a family cannot read is reported, never silently treated as "no match".
import type { BaseOperator } from './operators';
import type { CompiledWildcard } from '../matching/wildcard';
import type { CompiledResource } from '../matching/matchResource';

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
  /** `pattern` compiled once (StringLike / ArnLike families), when the operand is fixed at compile time. */
  readonly like?: CompiledWildcard;
  readonly arn?: CompiledResource;
}

/**
 * A typed family's values read once: policy values when the policy is compiled, each request value once per
 * clause, instead of re-parsing both at every comparison. `null` from a reader means "not of this type"
 * (policyTypeError / requestTypeError); `holds` gives the same answer as `compare` on what was read.
 */
export interface TypedReader {
  readPolicy(value: string): unknown;
  readRequest(value: string): unknown;
  holds(base: BaseOperator, want: unknown, have: unknown): boolean;
}

export interface OperatorFamily {
  /** Whether policy variables are substituted in this family's values (strings and ARNs only). */
  readonly variables: boolean;
  compare(base: BaseOperator, policy: PolicyOperand, request: string): Comparison;
  /** For typed families: can this request value be read at all? (Absent: every string is readable.) */
  readonly readsRequest?: (request: string) => boolean;
  /** Present on typed families (numbers, dates, booleans, bytes, IP addresses). */
  readonly typed?: TypedReader;
}

/** The ordering operators shared by Numeric* and Date* once both sides are numbers; null for other operators. */
export function orderedHolds(base: BaseOperator, have: number, want: number): boolean | null {
  switch (base) {
    case 'NumericEquals':
    case 'NumericNotEquals':
    case 'DateEquals':
    case 'DateNotEquals':
      return have === want;
    case 'NumericLessThan':
    case 'DateLessThan':
      return have < want;
    case 'NumericLessThanEquals':
    case 'DateLessThanEquals':
      return have <= want;
    case 'NumericGreaterThan':
    case 'DateGreaterThan':
      return have > want;
    case 'NumericGreaterThanEquals':
    case 'DateGreaterThanEquals':
      return have >= want;
    default:
      return null;
  }
}
