// String condition operators: StringEquals, StringEqualsIgnoreCase, StringLike and their Not forms.
// Invariant: comparisons are case-sensitive except the IgnoreCase pair; only StringLike/StringNotLike
// treat `*` and `?` as wildcards (StringEquals compares them as plain characters).
// AWS: IAM JSON policy elements: Condition operators, "String condition operators".
import type { OperatorFamily } from './comparison';
import { matchCompiled, matchEscapedWildcard } from '../matching/wildcard';

export const stringOperators: OperatorFamily = {
  variables: true,
  compare(base, policy, request) {
    if (policy.unresolved) return 'noMatch';
    switch (base) {
      case 'StringEquals':
      case 'StringNotEquals':
        return policy.value === request ? 'match' : 'noMatch';
      case 'StringEqualsIgnoreCase':
      case 'StringNotEqualsIgnoreCase':
        return policy.value.toLowerCase() === request.toLowerCase() ? 'match' : 'noMatch';
      case 'StringLike':
      case 'StringNotLike':
        return (policy.like === undefined ? matchEscapedWildcard(policy.pattern, request, false) : matchCompiled(policy.like, request)) ? 'match' : 'noMatch';
      default:
        return 'policyTypeError';
    }
  },
};
