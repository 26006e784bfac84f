// The matching API: wildcards, actions, resources, principals, policy variables and context-key lookup.
// Callers import from here; the modules behind it may be reorganized.
export { matchWildcard, matchEscapedWildcard, escapeWildcard, globToEscaped, compileWildcard, hasWildcard } from './wildcard';
export type { CompiledWildcard } from './wildcard';
export { matchAction } from './matchAction';
export { matchResource, matchResourceEscaped, matchResourceWithVariables } from './matchResource';
export type { ResourceMatch } from './matchResource';
export { matchPrincipal, accountPrincipalOf } from './matchPrincipal';
export type { PrincipalMatch } from './matchPrincipal';
export { substituteVariables } from './policyVariables';
export type { Substitution, PolicyVersion } from './policyVariables';
export { lookupContextKey, contextValues } from './contextLookup';
export { splitArn } from './arnSegments';
export type { ArnParts } from './arnSegments';
