// Numeric condition operators: NumericEquals, NumericLessThan(Equals), NumericGreaterThan(Equals), NumericNotEquals.
// Invariant: both sides must be decimal numbers (`10`, `-3`, `2.5`, `1e3`); anything else is a type error,
// never coerced (JavaScript's Number('') is 0, which must not equal `0`).
// AWS: IAM JSON policy elements: Condition operators, "Numeric condition operators".
import { orderedHolds, type OperatorFamily } from './comparison';

const decimal = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseNumber(text: string): number | null {
  return decimal.test(text) ? Number(text) : null;
}

export const numericOperators: OperatorFamily = {
  variables: false,
  readsRequest: (request) => parseNumber(request) !== null,
  typed: {
    readPolicy: parseNumber,
    readRequest: parseNumber,
    holds: (base, want, have) => orderedHolds(base, have as number, want as number) === true,
  },
  compare(base, policy, request) {
    const want = parseNumber(policy.value);
    if (want === null) return 'policyTypeError';
    const have = parseNumber(request);
    if (have === null) return 'requestTypeError';
    let holds: boolean;
    switch (base) {
      case 'NumericEquals':
      case 'NumericNotEquals':
        holds = have === want;
        break;
      case 'NumericLessThan':
        holds = have < want;
        break;
      case 'NumericLessThanEquals':
        holds = have <= want;
        break;
      case 'NumericGreaterThan':
        holds = have > want;
        break;
      case 'NumericGreaterThanEquals':
        holds = have >= want;
        break;
      default:
        return 'policyTypeError';
    }
    return holds ? 'match' : 'noMatch';
  },
};
