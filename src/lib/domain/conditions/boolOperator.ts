// The Bool condition operator (e.g. aws:SecureTransport, aws:MultiFactorAuthPresent).
// Invariant: only `true` and `false` (in any letter case) are booleans; other text is a type error.
// AWS: IAM JSON policy elements: Condition operators, "Boolean condition operators".
import type { OperatorFamily } from './comparison';

function parseBool(text: string): boolean | null {
  const lower = text.toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : null;
}

export const boolOperator: OperatorFamily = {
  variables: false,
  readsRequest: (request) => parseBool(request) !== null,
  typed: {
    readPolicy: parseBool,
    readRequest: parseBool,
    holds: (_base, want, have) => want === have,
  },
  compare(_base, policy, request) {
    const want = parseBool(policy.value);
    if (want === null) return 'policyTypeError';
    const have = parseBool(request);
    if (have === null) return 'requestTypeError';
    return want === have ? 'match' : 'noMatch';
  },
};
