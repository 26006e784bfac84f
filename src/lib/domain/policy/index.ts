// The public API of policy documents: parse text with positions, validate per policy kind,
// normalize for the engine, and compile (all three). Other layers import from here only.
export type * from './types';
export { parsePolicyText, maxNestingDepth } from './parsePolicyText';
export type { ParseResult, PositionIndex, SourcePosition } from './parsePolicyText';
export { validatePolicy, policyVersions } from './validatePolicy';
export type { ValidateOptions } from './validatePolicy';
export { normalizePolicy } from './normalizePolicy';
export { compilePolicy } from './compilePolicy';
export type { CompileOptions } from './compilePolicy';
export { parseArn, isValidArnPattern, formatArn } from './arn';
export type { Arn } from './arn';
export { diagnosticCodes, formatMessage, makeDiagnostic } from './diagnosticCodes';
export type { DiagnosticCode, DiagnosticParams } from './diagnosticCodes';
export { policyKindRules } from './policyKindRules';
export type { PolicyKindRules } from './policyKindRules';
export { policySizeQuotas, measurePolicy, countNonWhitespace } from './policySize';
export type { PolicySizeLimit, PolicySizeQuota } from './policySize';
export { awsPrincipalProblem, principalTypes } from './validatePrincipal';
export { childPointer, escapePointerToken, parentPointer } from './jsonPointer';
