// Test helper: evaluate one condition clause as a policy would write it.
import { evaluateCondition, type ConditionResult } from '../../../src/lib/domain/conditions/evaluateCondition';
import type { RequestContext } from '../../../src/lib/domain/evaluation/types';
import type { NormalizedPolicy } from '../../../src/lib/domain/policy/types';

export function clause(operator: string, key: string, values: string | readonly string[]) {
  const list = typeof values === 'string' ? [values] : values;
  return { operator, key, values: list, path: `/Statement/0/Condition/${operator}/${key}` };
}

export function check(
  operator: string,
  key: string,
  values: string | readonly string[],
  context: RequestContext,
  version: NormalizedPolicy['version'] = '2012-10-17',
): ConditionResult {
  return evaluateCondition(clause(operator, key, values), context, version);
}
