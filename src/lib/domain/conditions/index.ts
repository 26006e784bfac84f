// The conditions API: evaluate Condition clauses, plus the operator table and the per-family parsers
// that validation can reuse to check policy values. Callers import from here.
export { evaluateCondition, evaluateConditions } from './evaluateCondition';
export type { ConditionResult, ClauseResult, ConditionsResult, EvaluateConditionsOptions } from './evaluateCondition';
export { baseOperators, parseOperator } from './operators';
export type { BaseOperator, ParsedOperator, SetQualifier } from './operators';
export type { Comparison, OperatorFamily, PolicyOperand } from './comparison';
export { parseNumber } from './numericOperators';
export { parseDate } from './dateOperators';
export { decodeBase64 } from './binaryOperator';
export { parseIpAddress, parseIpBlock, ipInBlock } from './ipOperators';
export type { IpAddress, IpBlock } from './ipOperators';
export { nullHolds } from './nullOperator';
