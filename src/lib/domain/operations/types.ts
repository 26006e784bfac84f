// The shape every simulated operation has: what it needs authorized (plan) and what it does (run).
// Invariant: `plan` only reads; `run` edits a draft copy of the world that the pipeline discards on failure.
import type { RequestContext, RequestPrincipal } from '../evaluation/types';
import type { Json } from '../policy/types';
import type { Draft } from '../world/draft';
import type { Account, PolicyText, World } from '../world/types';
import type { ApiRequest, AuthenticatedPrincipal, Change, Crud, PolicySource, SendDeps } from '../pipeline/types';

export type Params = Readonly<Record<string, Json>>;

/** One authorization the operation needs before it runs. */
export interface AuthorizationTarget {
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount?: string;
  /** The resource-based policy that applies (bucket policy, key policy, trust policy). */
  readonly resourcePolicy?: { readonly source: PolicySource; readonly label: string; readonly document: PolicyText };
  /** Service-specific and tag keys this request adds (s3:prefix, aws:RequestTag/*, aws:ResourceTag/*…). */
  readonly context?: RequestContext;
  /** Evaluate as this principal instead of the caller (web identity, SAML, service); no identity policies then. */
  readonly principalOverride?: RequestPrincipal;
  /**
   * The root user of the resource's own account may always do this (e.g. S3's bucket-policy operations
   * for the bucket owner's root): AWS lets the owner's root recover from a lock-out policy.
   */
  readonly ownerRootBypass?: boolean;
}

export interface PlanContext {
  readonly world: World;
  readonly deps: SendDeps;
  readonly caller: AuthenticatedPrincipal;
  /** The caller's account (absent for anonymous callers). */
  readonly callerAccount?: Account;
  readonly params: Params;
  readonly request: ApiRequest;
  readonly region: string;
  /** The simulated clock at the time of the request. */
  readonly now: string;
}

export interface RunContext extends PlanContext {
  readonly draft: Draft<World>;
  /** Push one entry per thing created, changed or deleted. */
  readonly changes: Change[];
}

/** Which error code the service uses for authorization failures. */
export type AccessDeniedCode = 'AccessDenied' | 'AccessDeniedException' | 'UnauthorizedOperation';

export interface OperationSpec {
  /** 'iam:CreateUser' */
  readonly name: string;
  readonly crud: Crud;
  readonly accessDeniedCode: AccessDeniedCode;
  /** Unsigned callers may reach authorization (S3, STS federation); otherwise MissingAuthenticationToken. */
  readonly allowsAnonymous?: boolean;
  /** Returns the root-only task this request performs, if it is one (AWS: tasks that require root user credentials). */
  readonly rootOnlyTask?: (params: Params) => string | undefined;
  readonly plan: (ctx: PlanContext) => readonly AuthorizationTarget[] | Promise<readonly AuthorizationTarget[]>;
  readonly run: (ctx: RunContext) => Json | Promise<Json>;
}

/** Mutable account of the draft: the caller's own. */
export type DraftAccount = Draft<Account>;
