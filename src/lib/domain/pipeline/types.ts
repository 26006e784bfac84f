// What a request into the simulated world looks like, and the record the pipeline returns:
// authenticate → authorize → process. Invariant: records are plain JSON (no functions, no Dates),
// so they can be persisted, shared and replayed; a failed or denied request leaves the world unchanged.
import type { Json } from '../policy/types';
import type { ConsoleSignInCheck } from '../authentication/consoleSignIn';
import type { CryptoPort } from '../authentication/crypto';
import type { SigV4CheckResult, SigV4Computation } from '../authentication/sigv4';
import type { Decision, EvaluationResult, RequestContext, RequestPrincipal } from '../evaluation/types';

// ---------------------------------------------------------------- requests

/** How the caller proves who it is. */
export type Credentials =
  /** Unsigned request: only resource policies with a public principal can allow it. */
  | { readonly kind: 'anonymous' }
  /** A request made from a console session obtained with `signin:ConsoleLogin`. */
  | { readonly kind: 'console'; readonly sessionId: string }
  /** IAM user console sign-in: account id or alias + user name + password (+ MFA code). */
  | {
      readonly kind: 'password';
      readonly accountIdOrAlias: string;
      readonly userName: string;
      readonly password: string;
      readonly mfaCode?: string;
    }
  /** Root user sign-in: the account's email address + password (+ MFA code). */
  | { readonly kind: 'rootPassword'; readonly email: string; readonly password: string; readonly mfaCode?: string }
  /**
   * Programmatic access (CLI/SDK): the client signs the request with SigV4 using this secret;
   * the receiving side recomputes the signature from the secret it stores. `sessionToken` for ASIA… keys.
   */
  | {
      readonly kind: 'accessKey';
      readonly accessKeyId: string;
      readonly secretAccessKey: string;
      readonly sessionToken?: string;
    }
  /** A request whose SigV4 signature was computed elsewhere (e.g. tampered with by the learner). */
  | {
      readonly kind: 'signature';
      readonly accessKeyId: string;
      readonly signature: string;
      /** YYYYMMDD'T'HHMMSS'Z' used when signing. */
      readonly amzDate: string;
      readonly sessionToken?: string;
    }
  /** An application on an EC2 instance using its instance profile's role (credentials from IMDS). */
  | { readonly kind: 'instanceProfile'; readonly instanceId: string };

export type Transport = 'https' | 'http';

export interface ApiRequest {
  /** Service prefix + AWS operation name, e.g. 'iam:CreateUser', 's3:GetObject', 'signin:ConsoleLogin'. */
  readonly operation: string;
  /** The operation's parameters with AWS's names (UserName, PolicyDocument, Bucket, Key…). */
  readonly params: Readonly<Record<string, Json>>;
  readonly credentials: Credentials;
  /** Context keys the learner adds or overrides; they win over the values the pipeline fills in. */
  readonly contextOverrides?: RequestContext;
  /** Default 'https' (aws:SecureTransport). */
  readonly transport?: Transport;
  /** Default '203.0.113.10' (aws:SourceIp). */
  readonly sourceIp?: string;
  /** Default 'us-east-1' (aws:RequestedRegion). */
  readonly region?: string;
  /** Which client sent it, when the UI knows ('cli' for the terminal), so scenarios can ask for a CLI step. */
  readonly via?: 'cli' | 'console';
}

// ---------------------------------------------------------------- authentication

export type AuthenticationStepKind =
  | 'credentials.kind'
  | 'anonymous'
  | 'console.session'
  | 'console.password'
  | 'console.root'
  | 'mfa.check'
  | 'accessKey.lookup'
  | 'accessKey.status'
  | 'sigv4.sign'
  | 'sigv4.verify'
  | 'session.lookup'
  | 'session.expiry'
  | 'instanceProfile.credentials'
  | 'account.status'
  | 'principal.resolved';

/** One check made while authenticating, with what it looked at (strings only, for the UI). */
export interface AuthenticationStep {
  readonly kind: AuthenticationStepKind;
  readonly ok: boolean;
  readonly params?: Readonly<Record<string, string>>;
  /** For console sign-in steps: which check of the sign-in page this was. */
  readonly signInCheck?: ConsoleSignInCheck;
  /** For 'sigv4.sign' / 'sigv4.verify': every intermediate of the computation (canonical request, string to sign, keys). */
  readonly sigv4?: SigV4Computation;
  /** For 'sigv4.verify': the verifier's checks in order. */
  readonly sigv4Checks?: readonly SigV4CheckResult[];
}

/** Who the request was authenticated as, with what AWS derives from it for the request context. */
export interface AuthenticatedPrincipal {
  /** The engine's view of the principal. */
  readonly principal: RequestPrincipal;
  /** Account the principal belongs to (absent for anonymous). */
  readonly accountId?: string;
  /** aws:PrincipalType values: Account (root), User, AssumedRole, FederatedUser, Anonymous. */
  readonly principalType: 'Account' | 'User' | 'AssumedRole' | 'FederatedUser' | 'Anonymous';
  readonly userName?: string;
  /** aws:userid: AIDA… for users, ROLEID:session for roles, the account id for root. */
  readonly userId?: string;
  readonly roleName?: string;
  readonly sessionName?: string;
  /** How the credentials were presented. */
  readonly via: 'anonymous' | 'console' | 'accessKey' | 'temporaryCredentials' | 'instanceProfile';
  /** When MFA was proven, if it was. */
  readonly mfaAuthenticatedAt?: string;
  /** The access key used (AKIA… or ASIA…). */
  readonly accessKeyId?: string;
  /** For an application on EC2: the instance whose profile supplied the credentials (ec2:SourceInstanceARN). */
  readonly sourceInstanceArn?: string;
  /** The MFA device and TOTP step accepted at sign-in (recorded so the same code cannot be replayed). */
  readonly mfaUsed?: { readonly serialNumber: string; readonly timeStep: number };
}

export interface AuthenticationOutcome {
  readonly ok: boolean;
  readonly steps: readonly AuthenticationStep[];
  readonly principal?: AuthenticatedPrincipal;
  readonly error?: ApiError;
}

// ---------------------------------------------------------------- authorization

/** Where a gathered policy came from, so the UI can say "group Developers · managed policy X". */
export type PolicySource =
  | { readonly kind: 'userInline'; readonly userName: string; readonly policyName: string }
  | { readonly kind: 'userManaged'; readonly userName: string; readonly policyArn: string }
  | { readonly kind: 'groupInline'; readonly groupName: string; readonly policyName: string }
  | { readonly kind: 'groupManaged'; readonly groupName: string; readonly policyArn: string }
  | { readonly kind: 'roleInline'; readonly roleName: string; readonly policyName: string }
  | { readonly kind: 'roleManaged'; readonly roleName: string; readonly policyArn: string }
  | { readonly kind: 'permissionsBoundary'; readonly policyArn: string }
  | { readonly kind: 'sessionPolicy'; readonly index: number; readonly policyArn?: string }
  | { readonly kind: 'scp'; readonly targetId: string; readonly policyId: string }
  | { readonly kind: 'rcp'; readonly targetId: string; readonly policyId: string }
  | { readonly kind: 'bucketPolicy'; readonly bucket: string }
  | { readonly kind: 'keyPolicy'; readonly keyId: string }
  | { readonly kind: 'trustPolicy'; readonly roleName: string };

export interface GatheredPolicy {
  /** The id the engine's trace refers to (PolicyInput.id). */
  readonly id: string;
  readonly label: string;
  readonly source: PolicySource;
  /** The document as evaluated, so a record replays (and "what if" re-evaluates) after the lab changed. */
  readonly document: Json;
}

/** One call to the engine: an operation may need several (e.g. RunInstances also checks iam:PassRole). */
export interface AuthorizationCheck {
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount?: string;
  /** The full request context given to the engine (after overrides). */
  readonly context: RequestContext;
  readonly policies: readonly GatheredPolicy[];
  readonly result: EvaluationResult;
}

export interface AuthorizationOutcome {
  /** allowed only when every check is allowed; the first non-allowed check decides otherwise. */
  readonly decision: Decision;
  readonly checks: readonly AuthorizationCheck[];
  /** Set when the request was refused before evaluation because only the root user may do it. */
  readonly rootOnly?: { readonly task: string; readonly reason: string };
}

// ---------------------------------------------------------------- processing

export type Crud = 'Create' | 'Read' | 'Update' | 'Delete' | 'List';

/** The kinds of things an operation can create, change or delete. */
export type EntityKind =
  | 'account'
  | 'rootUser'
  | 'user'
  | 'loginProfile'
  | 'accessKey'
  | 'group'
  | 'groupMembership'
  | 'role'
  | 'managedPolicy'
  | 'organizationPolicy'
  | 'policyVersion'
  | 'policyAttachment'
  | 'inlinePolicy'
  | 'permissionsBoundary'
  | 'mfaDevice'
  | 'tag'
  | 'identityProvider'
  | 'instanceProfile'
  | 'session'
  | 'consoleSession'
  | 'bucket'
  | 'bucketPolicy'
  | 'publicAccessBlock'
  | 'bucketVersioning'
  | 'object'
  | 'table'
  | 'item'
  | 'instance'
  | 'kmsKey'
  | 'keyPolicy'
  | 'cloudFrontKeyPair';

/** One structured change, e.g. { kind: 'created', entity: 'user', id: 'dave', parent: '111122223333' }. */
export interface Change {
  readonly kind: 'created' | 'updated' | 'deleted';
  readonly entity: EntityKind;
  /** Name, ARN or id of the thing changed. */
  readonly id: string;
  /** Owner (account id, user name, bucket…) when the id alone is ambiguous. */
  readonly parent?: string;
  /** What changed, for updates: field → new value (strings only). */
  readonly fields?: Readonly<Record<string, string>>;
}

export interface ProcessingOutcome {
  readonly operation: string;
  readonly crud: Crud;
  readonly changes: readonly Change[];
}

// ---------------------------------------------------------------- response and record

export interface ApiError {
  /** AWS's error code, e.g. 'NoSuchEntity', 'AccessDenied', 'LimitExceeded'. */
  readonly code: string;
  readonly message: string;
  readonly httpStatus: number;
}

export type ApiResponse =
  | { readonly ok: true; readonly result: Json }
  | ({ readonly ok: false } & ApiError);

export interface RequestRecord {
  /** From the injected id source. */
  readonly id: string;
  /** The simulated clock when the request was received. */
  readonly at: string;
  readonly request: ApiRequest;
  readonly authentication: AuthenticationOutcome;
  readonly authorization?: AuthorizationOutcome;
  readonly processing?: ProcessingOutcome;
  readonly response: ApiResponse;
  /** True when the operation is one AWS reserves for the root user. */
  readonly rootOnly?: boolean;
}

// ---------------------------------------------------------------- dependencies

/** Web Crypto behind a port (authentication/crypto.ts). */
export type SendCrypto = CryptoPort;

/** Randomness behind a port, so tests and default labs are deterministic. */
export interface SendIdSource {
  nextBytes(n: number): Uint8Array;
}

export interface SendDeps {
  readonly crypto: SendCrypto;
  readonly ids: SendIdSource;
}
