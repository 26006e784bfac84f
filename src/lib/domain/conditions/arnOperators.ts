// ARN condition operators: ArnEquals, ArnLike, ArnNotEquals, ArnNotLike.
// Invariant: ArnEquals and ArnLike behave the same: AWS documents both as case-sensitive, checking each of
// the six colon-delimited parts on its own, each allowing `*` and `?` — the same rule as Resource matching.
// AWS: IAM JSON policy elements: Condition operators, "Amazon Resource Name (ARN) condition operators".
import type { OperatorFamily } from './comparison';
import { matchResourceCompiled, matchResourceEscaped } from '../matching/matchResource';

export const arnOperators: OperatorFamily = {
  variables: true,
  compare(_base, policy, request) {
    if (policy.unresolved) return 'noMatch';
    return (policy.arn === undefined ? matchResourceEscaped(policy.pattern, request) : matchResourceCompiled(policy.arn, request)) ? 'match' : 'noMatch';
  },
};
