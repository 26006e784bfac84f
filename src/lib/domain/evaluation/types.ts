// The engine's contract: what a request to authorize looks like, which policies apply to it,
// and the decision with its reasons and an ordered, serializable trace of every check made.
import type { Diagnostic, Effect, Json } from '../policy/types';

/** AWS's EvalDecision names. */
export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** Who is asking. `arn` is the ARN AWS puts in aws:PrincipalArn / the denial message. */
export type RequestPrincipal =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'root'; readonly arn: string; readonly accountId: string }
  | { readonly kind: 'user'; readonly arn: string; readonly accountId: string }
  | {
      readonly kind: 'assumedRole';
      /** arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION */
      readonly arn: string;
      /** arn:aws:iam::ACCOUNT:role/PATH/ROLE */
      readonly roleArn: string;
      readonly accountId: string;
    }
  | { readonly kind: 'federatedUser'; readonly arn: string; readonly accountId: string }
  /** An AWS service principal such as ec2.amazonaws.com (only when evaluating trust policies). */
  | { readonly kind: 'service'; readonly service: string }
  /** A web-identity or SAML caller of AssumeRoleWith* (only when evaluating trust policies). */
  | { readonly kind: 'webIdentity'; readonly provider: string }
  | { readonly kind: 'saml'; readonly provider: string };

/** A request context: values are strings or arrays of strings (multi-valued keys). */
export type RequestContext = Readonly<Record<string, string | readonly string[]>>;

export interface AuthorizationRequest {
  readonly principal: RequestPrincipal;
  readonly action: string;
  /** The resource ARN ('*' for actions that take no resource). */
  readonly resource: string;
  /** Account that owns the resource; derived from the ARN when it carries one. */
  readonly resourceAccount?: string;
  readonly context: RequestContext;
}

/**
 * A policy as given to the engine: an id that the trace refers to, a label for people,
 * and the document as JSON text or parsed JSON. The engine compiles each document once
 * (cached by object identity or by text) so repeated evaluation does not re-parse.
 */
export interface PolicyInput {
  readonly id: string;
  readonly label?: string;
  readonly document: string | Json;
}

/** One level of an organization (root, OU, ..., account) and the SCPs/RCPs attached there. */
export interface OrgLevel {
  readonly id: string;
  readonly label?: string;
  readonly policies: readonly PolicyInput[];
}

export interface PolicySet {
  /** Every identity-based policy of the principal: user + its groups' policies, or the role's. */
  readonly identity: readonly PolicyInput[];
  readonly permissionsBoundary?: PolicyInput;
  /** One entry per level, root first, account last. Absent: no organization applies. */
  readonly scps?: readonly OrgLevel[];
  /** Same shape; RCPFullAWSAccess is implicitly attached at every level. */
  readonly rcps?: readonly OrgLevel[];
  /** The resource-based policy (bucket policy, key policy, trust policy...). */
  readonly resource?: PolicyInput;
  /** Session policies passed when the session was created (role or federated sessions). */
  readonly session?: readonly PolicyInput[];
}

export interface EvaluationInput {
  readonly request: AuthorizationRequest;
  readonly policies: PolicySet;
}

export interface EvaluateOptions {
  /** false: decision and reasons only, no trace (faster). Default true. */
  readonly trace?: boolean;
}

/** AWS's evaluation stages, in AWS's order. */
export type StageName =
  | 'denyEvaluation'
  | 'scp'
  | 'rcp'
  | 'resource'
  | 'identity'
  | 'permissionsBoundary'
  | 'session';

/** What one stage concluded. `notApplicable`: no policy of this type applies to the request. */
export type StageOutcome = 'allow' | 'explicitDeny' | 'implicitDeny' | 'notApplicable';

/** Points at exact text in a policy so the UI can highlight it. */
export interface TraceRef {
  readonly policyId: string;
  readonly statementIndex?: number;
  /** JSON pointer within that policy document. */
  readonly path?: string;
}

/** Why a part of a statement did not match; one table of reasons, `as const`. */
export const mismatchReasons = [
  'actionNotListed', // no Action pattern matches the request's action
  'actionExcluded', // the action matches a NotAction pattern
  'resourceNotListed',
  'resourceExcluded',
  'principalNotListed',
  'principalExcluded',
  'conditionKeyMissing', // the request has no value for the key (and the operator is not ...IfExists)
  'conditionValueMismatch',
  'conditionTypeMismatch', // e.g. a non-number compared with Numeric*
  'variableUnresolved', // a policy variable had no value, so the pattern matches nothing
] as const;
export type MismatchReason = (typeof mismatchReasons)[number];

/** The outcome of matching one element (Action, Resource, Principal...) of a statement. */
export interface ElementMatch {
  readonly element: 'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Principal' | 'NotPrincipal';
  readonly matched: boolean;
  /** The request value compared (action name, resource ARN, principal ARN). */
  readonly value: string;
  /** The pattern that matched (for Action/Resource/Principal) or excluded (for Not*), after variables were substituted. */
  readonly pattern?: string;
  readonly reason?: MismatchReason;
}

interface StepBase {
  readonly id: number;
  readonly parentId?: number;
}

export type TraceStep =
  | (StepBase & {
      readonly kind: 'stage.enter';
      readonly stage: StageName;
      /** Ids of the policies this stage looks at, in order. */
      readonly policyIds: readonly string[];
    })
  | (StepBase & {
      readonly kind: 'policy.enter';
      readonly stage: StageName;
      readonly ref: TraceRef;
      readonly label?: string;
      /** For SCP/RCP stages: the organization level. */
      readonly level?: string;
    })
  | (StepBase & {
      readonly kind: 'statement.check';
      readonly stage: StageName;
      readonly ref: TraceRef;
      readonly sid?: string;
      readonly effect: Effect;
      readonly matches: readonly ElementMatch[];
      /** 'none' when the statement has no Condition block. */
      readonly conditions: 'matched' | 'notMatched' | 'none';
      /** True when every element and every condition matched: the statement applies. */
      readonly applies: boolean;
    })
  | (StepBase & {
      readonly kind: 'condition.check';
      readonly stage: StageName;
      readonly ref: TraceRef;
      readonly operator: string;
      readonly key: string;
      /** Policy values after policy variables were substituted. */
      readonly policyValues: readonly string[];
      /** The request's values for the key; null when the key is absent. */
      readonly requestValues: readonly string[] | null;
      readonly matched: boolean;
      readonly reason?: MismatchReason;
    })
  | (StepBase & {
      readonly kind: 'stage.result';
      readonly stage: StageName;
      readonly outcome: StageOutcome;
      /** A one-line, code-like explanation key for the UI (e.g. 'scp.levelWithoutAllow'). */
      readonly because: string;
      readonly params?: Readonly<Record<string, string>>;
    })
  | (StepBase & {
      readonly kind: 'decision';
      readonly decision: Decision;
      readonly reasons: readonly DecisiveStatement[];
    });

/** A statement that decided the outcome (Cedar's `reason`). */
export interface DecisiveStatement {
  readonly stage: StageName;
  readonly policyId: string;
  readonly statementIndex: number;
  readonly sid?: string;
  readonly effect: Effect;
}

export type EvaluationResult =
  | {
      readonly kind: 'decision';
      readonly decision: Decision;
      readonly reasons: readonly DecisiveStatement[];
      /** The stage that settled the decision (the first deny, or the last stage for an allow). */
      readonly decisiveStage: StageName | null;
      readonly trace: readonly TraceStep[];
      /** AWS-style message for a denial ("User: arn:... is not authorized to perform: ..."); absent when allowed. */
      readonly message?: string;
    }
  | {
      /** A policy had error diagnostics: AWS refuses it with MalformedPolicyDocument. */
      readonly kind: 'malformed';
      readonly code: 'MalformedPolicyDocument';
      readonly policyId: string;
      readonly diagnostics: readonly Diagnostic[];
      readonly message: string;
    };
