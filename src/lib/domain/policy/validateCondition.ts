// Validation of a statement's Condition block: operator → { key → value(s) }.
// AWS: "IAM JSON policy elements: Condition" and "Condition operators"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
// Invariant: operators are recognised by the shared table in conditions/operators, never here.
import type { Json } from './types';
import type { ValidationContext } from './validationContext';
import { parseOperator } from '../conditions/operators';
import { childPointer } from './jsonPointer';
import { isObject, member, memberNames } from './validationContext';

// A condition key is a prefix and a name: aws:SourceIp, s3:prefix, accounts.google.com:aud.
const conditionKeyPattern = /^[^:\s]+:\S+$/;

function isScalar(value: Json): boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

export function validateCondition(condition: Json, path: string, ctx: ValidationContext): void {
  if (!isObject(condition)) {
    ctx.report('policy.statement.condition.invalid', path);
    return;
  }
  for (const operator of memberNames(condition)) {
    const operatorPath = childPointer(path, operator);
    if (parseOperator(operator) === null) {
      ctx.report('policy.statement.condition.unknownOperator', operatorPath, { operator }, true);
      continue;
    }
    const block = member(condition, operator);
    if (!isObject(block)) {
      ctx.report('policy.statement.condition.block', operatorPath, { operator });
      continue;
    }
    const keys = memberNames(block);
    if (keys.length === 0) {
      ctx.report('policy.statement.condition.emptyBlock', operatorPath, { operator });
      continue;
    }
    for (const key of keys) {
      const keyPath = childPointer(operatorPath, key);
      if (!conditionKeyPattern.test(key)) ctx.report('policy.statement.condition.key', keyPath, { key }, true);
      const value = member(block, key);
      if (value === undefined) continue;
      if (Array.isArray(value)) {
        if (value.length === 0) ctx.report('policy.statement.condition.emptyValues', keyPath, { key });
        value.forEach((item, i) => {
          if (!isScalar(item)) ctx.report('policy.statement.condition.value', childPointer(keyPath, i), { key });
        });
      } else if (!isScalar(value)) {
        ctx.report('policy.statement.condition.value', keyPath, { key });
      }
    }
  }
}
