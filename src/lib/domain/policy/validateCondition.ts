// Validation of a statement's Condition block: operator → { key → value(s) }.
// AWS: "IAM JSON policy elements: Condition" and "Condition operators"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
// Invariant: operators are recognised by the shared table in conditions/operators, never here.
import type { Json } from './types';
import type { BaseOperator } from '../conditions/operators';
import type { ValidationContext } from './validationContext';
import { parseOperator } from '../conditions/operators';
import { childPointer } from './jsonPointer';
import { isObject, member, memberNames } from './validationContext';

// A condition key is a prefix and a name: aws:SourceIp, s3:prefix, accounts.google.com:aud.
const conditionKeyPattern = /^[^:\s]+:\S+$/;

const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(\/(3[0-2]|[12]?\d))?$/;
const ipv6 = /^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(\/(12[0-8]|1[01]\d|[1-9]?\d))?$/;
const isoDate = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * What each operator family can compare, for values that would never match (a warning: IAM
 * stores such policies; the condition silently fails). AWS: "IAM JSON policy elements: Condition
 * operators" — numeric, date (ISO 8601 or epoch seconds), Boolean, IP (CIDR), binary (base64).
 */
const valueExpectations: Partial<Record<BaseOperator, { readonly expected: string; readonly test: (value: string) => boolean }>> = {
  NumericEquals: { expected: 'a number', test: (v) => /^-?\d+(\.\d+)?$/.test(v) },
  DateEquals: { expected: 'an ISO 8601 date or epoch seconds', test: (v) => isoDate.test(v) || /^-?\d+$/.test(v) },
  Bool: { expected: 'true or false', test: (v) => /^(true|false)$/i.test(v) },
  Null: { expected: 'true or false', test: (v) => /^(true|false)$/i.test(v) },
  IpAddress: { expected: 'an IPv4 or IPv6 address or CIDR range', test: (v) => ipv4.test(v) || ipv6.test(v) },
  BinaryEquals: { expected: 'base64-encoded bytes', test: (v) => /^[A-Za-z0-9+/]*={0,2}$/.test(v) && v.length % 4 === 0 },
};

function expectationFor(base: BaseOperator) {
  if (base.startsWith('Numeric')) return valueExpectations.NumericEquals;
  if (base.startsWith('Date')) return valueExpectations.DateEquals;
  if (base === 'NotIpAddress') return valueExpectations.IpAddress;
  return valueExpectations[base];
}

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
    const parsed = parseOperator(operator);
    if (parsed === null) {
      ctx.report('policy.statement.condition.unknownOperator', operatorPath, { operator }, true);
      continue;
    }
    const expectation = expectationFor(parsed.base);
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
      const checkType = (item: Json, itemPath: string) => {
        if (!expectation || !isScalar(item)) return;
        const text = String(item);
        // A policy variable is resolved at request time; its value cannot be judged here.
        if (text.includes('${')) return;
        if (!expectation.test(text)) {
          ctx.report('policy.statement.condition.valueType', itemPath, { operator, expected: expectation.expected, value: text });
        }
      };
      if (Array.isArray(value)) {
        if (value.length === 0) ctx.report('policy.statement.condition.emptyValues', keyPath, { key });
        value.forEach((item, i) => {
          if (!isScalar(item)) ctx.report('policy.statement.condition.value', childPointer(keyPath, i), { key });
          else checkType(item, childPointer(keyPath, i));
        });
      } else if (!isScalar(value)) {
        ctx.report('policy.statement.condition.value', keyPath, { key });
      } else checkType(value, keyPath);
    }
  }
}
