// The public API of policy checks (Access-Analyzer-like findings) and the visual builder's model.
// Both are pure: text or JSON in, findings or a builder model out.
export { checkPolicy, checkRules } from './checkPolicy';
export type { CheckCode, CheckResult, Finding, FindingKind } from './checkPolicy';
export { toPolicyJson, fromPolicyJson, statementJson, emptyStatement } from './builderModel';
export type { BuilderPolicy, BuilderStatement, BuilderCondition, BuilderPrincipal, FromJsonResult, Unsupported } from './builderModel';
