// The policy model: raw IAM JSON as users write it, the normalized form the engine evaluates,
// and the diagnostics that validation produces. Everything here is plain, serializable data.

/** JSON as parsed: the engine never trusts it until `validatePolicy` has looked at it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Which place a policy sits in; it decides which elements are required or forbidden. */
export type PolicyKind =
  | 'identity' // user, group or role policy (inline or managed)
  | 'boundary' // permissions boundary (an identity-style document)
  | 'session' // session policy passed to AssumeRole* / GetFederationToken
  | 'scp' // service control policy
  | 'rcp' // resource control policy
  | 'resource' // bucket policy, key policy, queue policy...
  | 'trust'; // a role's trust policy (a resource-based policy on the role)

export type Severity = 'error' | 'warning';

/** One finding about a policy document. `path` is a JSON pointer into the document. */
export interface Diagnostic {
  readonly severity: Severity;
  /** Dotted, stable code from one table (e.g. 'policy.statement.effect.invalid'). */
  readonly code: string;
  /** Human sentence in English; the UI may re-word it from `code` and `params`. */
  readonly message: string;
  /** JSON pointer, e.g. '/Statement/0/Effect'. '' is the whole document. */
  readonly path: string;
  /** 1-based line and column, present when the input was text. */
  readonly line?: number;
  readonly column?: number;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Effect = 'Allow' | 'Deny';

/** A normalized principal block: every list is an array; `"*"` becomes `{ anyone: true }`. */
export interface PrincipalBlock {
  /** `"Principal": "*"` (everyone, including anonymous). */
  readonly anyone: boolean;
  readonly aws: readonly string[];
  readonly service: readonly string[];
  readonly federated: readonly string[];
  readonly canonicalUser: readonly string[];
}

export interface ConditionClause {
  /** The operator exactly as written, e.g. 'ForAnyValue:StringLikeIfExists'. */
  readonly operator: string;
  /** The condition key as written (keys are case-insensitive when matched). */
  readonly key: string;
  /** Values as strings (booleans and numbers are stringified as AWS does). */
  readonly values: readonly string[];
  /** JSON pointer of this key's values, e.g. '/Statement/0/Condition/StringEquals/aws:username'. */
  readonly path: string;
}

export interface NormalizedStatement {
  /** Position in the Statement list (0 when Statement was a single object). */
  readonly index: number;
  /** JSON pointer to the statement: '/Statement/2' or '/Statement' for a single object. */
  readonly path: string;
  readonly sid?: string;
  readonly effect: Effect;
  readonly action?: readonly string[];
  readonly notAction?: readonly string[];
  readonly resource?: readonly string[];
  readonly notResource?: readonly string[];
  readonly principal?: PrincipalBlock;
  readonly notPrincipal?: PrincipalBlock;
  readonly conditions: readonly ConditionClause[];
}

export interface NormalizedPolicy {
  /** '2012-10-17' enables policy variables; '2008-10-17' or absent does not. */
  readonly version: '2012-10-17' | '2008-10-17' | null;
  readonly id?: string;
  readonly statements: readonly NormalizedStatement[];
}

/** Result of turning text or JSON into something the engine can evaluate. */
export type CompileResult =
  | { readonly ok: true; readonly policy: NormalizedPolicy; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };
