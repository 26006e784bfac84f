// The table of AWS condition operators and the parser for qualified names
// ('ForAnyValue:StringLikeIfExists'). Shared by validation and evaluation, so both agree on what exists.
// AWS: IAM JSON policy elements: Condition operators.

export const baseOperators = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnLike',
  'ArnNotEquals',
  'ArnNotLike',
  'Null',
] as const;
export type BaseOperator = (typeof baseOperators)[number];

export type SetQualifier = 'ForAnyValue' | 'ForAllValues' | null;

export interface ParsedOperator {
  readonly base: BaseOperator;
  readonly set: SetQualifier;
  readonly ifExists: boolean;
  /** Negated operators (StringNotEquals, NotIpAddress, ArnNotLike...) match when no value matches. */
  readonly negated: boolean;
}

const negatedOperators: ReadonlySet<BaseOperator> = new Set<BaseOperator>([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'NumericNotEquals',
  'DateNotEquals',
  'NotIpAddress',
  'ArnNotEquals',
  'ArnNotLike',
]);

const byLowerName = new Map<string, BaseOperator>(baseOperators.map((op) => [op.toLowerCase(), op]));

/**
 * Parses an operator name. Operator names are case-insensitive in AWS's parser, but
 * the `Null` operator takes no `IfExists` suffix. Returns null for an unknown operator.
 */
export function parseOperator(name: string): ParsedOperator | null {
  let rest = name;
  let set: SetQualifier = null;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon).toLowerCase();
    if (qualifier === 'foranyvalue') set = 'ForAnyValue';
    else if (qualifier === 'forallvalues') set = 'ForAllValues';
    else return null;
    rest = rest.slice(colon + 1);
  }
  let ifExists = false;
  if (rest.toLowerCase().endsWith('ifexists')) {
    ifExists = true;
    rest = rest.slice(0, -'ifexists'.length);
  }
  const base = byLowerName.get(rest.toLowerCase());
  if (!base) return null;
  if (base === 'Null' && (ifExists || set)) return null;
  return { base, set, ifExists, negated: negatedOperators.has(base) };
}
