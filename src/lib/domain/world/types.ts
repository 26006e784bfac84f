// The simulated AWS world: organization, accounts, identities, credentials, sessions and resources.
// Invariant: plain, structured-cloneable data only (records, arrays, strings, numbers, booleans;
// timestamps are ISO strings on the simulated clock) so it can be stored, shared and posted to a worker.

/** Current shape version; `validateWorld` refuses anything else. */
export const worldVersion = 1;

/** Tags as AWS returns them, keyed by tag key (insertion order is the order shown). */
export type Tags = Readonly<Record<string, string>>;

/** A policy document stored as the JSON text the learner wrote (formatting kept for the editor). */
export type PolicyText = string;

/**
 * A salted password hash produced by the authentication layer. Opaque here: the world only
 * stores it; `authentication/` creates and checks it. Never a plain-text password.
 */
export type PasswordHash = string;

export interface World {
  readonly version: typeof worldVersion;
  /** The simulated clock (ISO 8601, UTC). Drives expiry, aws:CurrentTime and MFA age. */
  readonly clock: string;
  /** Present when the accounts belong to an AWS Organization (SCPs/RCPs then apply). */
  readonly organization?: Organization;
  /** Keyed by the 12-digit account id. */
  readonly accounts: Readonly<Record<string, Account>>;
  /** Temporary credentials issued by STS, keyed by their `ASIA…` access key id. */
  readonly sessions: Readonly<Record<string, Session>>;
  /** Console sign-in sessions, keyed by session id. */
  readonly consoleSessions: Readonly<Record<string, ConsoleSession>>;
  /** Saved positions of the graph's nodes (UI metadata, keyed by node id); never read by the pipeline. */
  readonly layout?: Readonly<Record<string, { readonly x: number; readonly y: number }>>;
}

// ---------------------------------------------------------------- organization

/** AWS Organizations: root → OUs → accounts, with SCPs/RCPs attached at each level. */
export interface Organization {
  /** o-xxxxxxxxxx */
  readonly id: string;
  readonly arn: string;
  readonly managementAccountId: string;
  /** The root: r-xxxx. */
  readonly rootId: string;
  /** Keyed by OU id (ou-xxxx-xxxxxxxx). */
  readonly organizationalUnits: Readonly<Record<string, OrganizationalUnit>>;
  /** Parent (root id or OU id) of each member account, keyed by account id. */
  readonly accountParents: Readonly<Record<string, string>>;
  /** SCPs and RCPs, keyed by policy id (p-xxxxxxxx). */
  readonly policies: Readonly<Record<string, OrganizationPolicy>>;
  /** Policy ids attached to each target (root id, OU id or account id), in attachment order. */
  readonly attachments: Readonly<Record<string, readonly string[]>>;
}

export interface OrganizationalUnit {
  readonly id: string;
  readonly name: string;
  /** Root id or another OU id. */
  readonly parentId: string;
}

export interface OrganizationPolicy {
  readonly id: string;
  readonly name: string;
  readonly kind: 'scp' | 'rcp';
  readonly description?: string;
  readonly document: PolicyText;
  /** FullAWSAccess / RCPFullAWSAccess are AWS managed. */
  readonly awsManaged: boolean;
}

// ---------------------------------------------------------------- accounts

export type SupportPlan = 'basic' | 'developer' | 'business' | 'enterprise';

export interface Account {
  /** 12 digits. */
  readonly id: string;
  readonly name: string;
  /** Account alias used in the console sign-in URL. */
  readonly alias?: string;
  readonly status: 'active' | 'closed';
  readonly supportPlan: SupportPlan;
  readonly root: RootUser;
  /** IAM users keyed by user name (names are unique case-insensitively; the key keeps the case). */
  readonly users: Readonly<Record<string, User>>;
  readonly groups: Readonly<Record<string, Group>>;
  readonly roles: Readonly<Record<string, Role>>;
  /** Customer managed policies keyed by ARN. AWS managed policies live in `awsManagedPolicies`. */
  readonly policies: Readonly<Record<string, ManagedPolicy>>;
  /** Instance profiles keyed by name. */
  readonly instanceProfiles: Readonly<Record<string, InstanceProfile>>;
  /** SAML and OIDC identity providers keyed by ARN. */
  readonly identityProviders: Readonly<Record<string, IdentityProvider>>;
  /** Virtual MFA devices keyed by serial number (the device ARN). */
  readonly mfaDevices: Readonly<Record<string, VirtualMfaDevice>>;
  readonly s3: { readonly buckets: Readonly<Record<string, Bucket>> };
  readonly dynamodb: { readonly tables: Readonly<Record<string, Table>> };
  readonly ec2: { readonly instances: Readonly<Record<string, Instance>> };
  /** KMS keys keyed by key id (a UUID). */
  readonly kms: { readonly keys: Readonly<Record<string, KmsKey>> };
  /** CloudFront key pairs (a root-only legacy feature), keyed by key pair id. */
  readonly cloudFrontKeyPairs: Readonly<Record<string, CloudFrontKeyPair>>;
}

/** The account's root user: signs in with the email address; unlimited inside the account. */
export interface RootUser {
  /** arn:aws:iam::ACCOUNT:root */
  readonly arn: string;
  readonly email: string;
  readonly passwordHash: PasswordHash;
  /** Serial of the root's virtual MFA device (a key of `Account.mfaDevices`). */
  readonly mfaSerial?: string;
  /** Root access keys: possible, strongly discouraged (at most two). */
  readonly accessKeys: readonly AccessKey[];
}

// ---------------------------------------------------------------- identities

export interface AccessKey {
  /** AKIA… */
  readonly accessKeyId: string;
  /** Kept so the receiving side can recompute SigV4 signatures, as AWS does server-side. */
  readonly secretAccessKey: string;
  readonly status: 'Active' | 'Inactive';
  readonly createdAt: string;
  readonly lastUsed?: { readonly at: string; readonly service: string; readonly region: string };
}

export interface LoginProfile {
  readonly passwordHash: PasswordHash;
  readonly createdAt: string;
  readonly passwordResetRequired: boolean;
}

export interface User {
  readonly name: string;
  /** '/' or '/division/'. */
  readonly path: string;
  readonly arn: string;
  /** AIDA… unique id (aws:userid for users). */
  readonly id: string;
  readonly createdAt: string;
  readonly tags: Tags;
  /** Console password; absent = no console access. */
  readonly loginProfile?: LoginProfile;
  /** At most two (IAM quota AccessKeysPerUser). */
  readonly accessKeys: readonly AccessKey[];
  /** Serial numbers of the MFA devices enabled for this user. */
  readonly mfaDevices: readonly string[];
  /** Group names, in the order the user was added. Membership is stored here only. */
  readonly groups: readonly string[];
  /** Inline policies keyed by policy name. */
  readonly inlinePolicies: Readonly<Record<string, PolicyText>>;
  /** Managed policy ARNs, in attachment order. */
  readonly attachedPolicies: readonly string[];
  /** ARN of the managed policy used as permissions boundary. */
  readonly permissionsBoundary?: string;
  readonly passwordLastUsed?: string;
}

/** A group holds no credentials and cannot sign in or be a Principal. */
export interface Group {
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  /** AGPA… */
  readonly id: string;
  readonly createdAt: string;
  readonly inlinePolicies: Readonly<Record<string, PolicyText>>;
  readonly attachedPolicies: readonly string[];
}

export interface Role {
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  /** AROA… */
  readonly id: string;
  readonly createdAt: string;
  readonly description?: string;
  /** The trust policy: a resource-based policy saying who may assume the role. */
  readonly trustPolicy: PolicyText;
  /** Seconds, 3600–43200. */
  readonly maxSessionDuration: number;
  readonly tags: Tags;
  readonly inlinePolicies: Readonly<Record<string, PolicyText>>;
  readonly attachedPolicies: readonly string[];
  readonly permissionsBoundary?: string;
  readonly lastUsed?: { readonly at: string; readonly region: string };
}

/** Lets an EC2 instance carry a role; the instance's applications get the role's temporary credentials. */
export interface InstanceProfile {
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  /** AIPA… */
  readonly id: string;
  readonly createdAt: string;
  /** At most one role name. */
  readonly roles: readonly string[];
}

export interface PolicyVersion {
  /** v1, v2, … */
  readonly versionId: string;
  readonly document: PolicyText;
  readonly createdAt: string;
}

/** Customer managed (versions ≤ 5, one default) or AWS managed (read-only). */
export interface ManagedPolicy {
  readonly arn: string;
  readonly name: string;
  readonly path: string;
  /** ANPA… */
  readonly id: string;
  readonly description?: string;
  readonly awsManaged: boolean;
  readonly defaultVersionId: string;
  /** Oldest first. */
  readonly versions: readonly PolicyVersion[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly tags?: Tags;
  /** AWS's document is very large: this is a faithful subset of it. */
  readonly subset?: boolean;
}

export type IdentityProvider =
  | {
      readonly kind: 'saml';
      /** arn:aws:iam::ACCOUNT:saml-provider/NAME */
      readonly arn: string;
      readonly name: string;
      /** The IdP's entity id (the Issuer of its assertions). */
      readonly issuer: string;
      /** The metadata document as uploaded (kept for display). */
      readonly metadataDocument: string;
      readonly createdAt: string;
      readonly tags: Tags;
    }
  | {
      readonly kind: 'oidc';
      /** arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH */
      readonly arn: string;
      /** https://… issuer URL. */
      readonly url: string;
      /** Client ids accepted as the token's aud. */
      readonly clientIds: readonly string[];
      readonly thumbprints: readonly string[];
      readonly createdAt: string;
      readonly tags: Tags;
    };

/** A virtual MFA device: a TOTP secret (RFC 6238) shared with an authenticator app. */
export interface VirtualMfaDevice {
  /** arn:aws:iam::ACCOUNT:mfa/NAME */
  readonly serialNumber: string;
  readonly name: string;
  /** Base32 seed. */
  readonly base32Secret: string;
  readonly createdAt: string;
  /** Who the device is enabled for; absent while created but not enabled. */
  readonly assignedTo?: { readonly kind: 'user'; readonly userName: string } | { readonly kind: 'root' };
  readonly enabledAt?: string;
  /** TOTP time step of the last code accepted at sign-in: the same code cannot be used twice. */
  readonly lastUsedStep?: number;
}

// ---------------------------------------------------------------- sessions

/** Temporary security credentials issued by STS (ASIA… + session token + expiry). */
export interface Session {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly issuedAt: string;
  readonly expiration: string;
  /** Account whose principal the session acts as. */
  readonly accountId: string;
  readonly issuedBy:
    | 'AssumeRole'
    | 'AssumeRoleWithWebIdentity'
    | 'AssumeRoleWithSAML'
    | 'GetSessionToken'
    | 'InstanceProfile';
  readonly identity: SessionIdentity;
  /** Inline session policy documents passed at issue time (intersected with the role's). */
  readonly sessionPolicies: readonly PolicyText[];
  /** Managed policy ARNs passed as session policies. */
  readonly sessionPolicyArns: readonly string[];
  /** When MFA was proven for this session (drives aws:MultiFactorAuthPresent/Age). */
  readonly mfaAuthenticatedAt?: string;
  readonly sourceIdentity?: string;
  /** Session tags (become aws:PrincipalTag/*). */
  readonly tags: Tags;
  /** Federation claims usable as condition keys (e.g. accounts.google.com:sub, saml:sub). */
  readonly federationContext?: Readonly<Record<string, string>>;
}

export type SessionIdentity =
  /** A role session: arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION */
  | { readonly kind: 'role'; readonly roleName: string; readonly sessionName: string }
  /** GetSessionToken for an IAM user: acts as the user, with MFA if proven. */
  | { readonly kind: 'user'; readonly userName: string }
  /** GetSessionToken called with root credentials. */
  | { readonly kind: 'root' };

/** A console sign-in: requests made "in the console" carry this session id. */
export interface ConsoleSession {
  readonly id: string;
  readonly accountId: string;
  readonly identity: { readonly kind: 'user'; readonly userName: string } | { readonly kind: 'root' };
  readonly signedInAt: string;
  readonly expiration: string;
  readonly mfaAuthenticatedAt?: string;
}

// ---------------------------------------------------------------- resources

export interface PublicAccessBlock {
  readonly blockPublicAcls: boolean;
  readonly ignorePublicAcls: boolean;
  readonly blockPublicPolicy: boolean;
  readonly restrictPublicBuckets: boolean;
}

export interface S3Object {
  readonly key: string;
  readonly body: string;
  readonly contentType: string;
  readonly size: number;
  readonly lastModified: string;
  readonly versionId?: string;
  readonly tags: Tags;
}

export interface Bucket {
  readonly name: string;
  readonly arn: string;
  readonly region: string;
  readonly createdAt: string;
  readonly policy?: PolicyText;
  readonly publicAccessBlock?: PublicAccessBlock;
  readonly versioning: 'Unversioned' | 'Enabled' | 'Suspended';
  readonly mfaDelete: 'Disabled' | 'Enabled';
  /** Keyed by object key. */
  readonly objects: Readonly<Record<string, S3Object>>;
  readonly tags: Tags;
}

export type AttributeValue = string | number | boolean;
export type Item = Readonly<Record<string, AttributeValue>>;

export interface Table {
  readonly name: string;
  readonly arn: string;
  readonly region: string;
  readonly createdAt: string;
  readonly status: 'ACTIVE';
  readonly partitionKey: string;
  readonly sortKey?: string;
  /** In insertion order; keys are unique on (partitionKey, sortKey). */
  readonly items: readonly Item[];
  readonly tags: Tags;
}

export type InstanceState = 'pending' | 'running' | 'stopping' | 'stopped' | 'shutting-down' | 'terminated';

export interface Instance {
  /** i-0123… */
  readonly id: string;
  readonly arn: string;
  readonly region: string;
  readonly imageId: string;
  readonly instanceType: string;
  readonly state: InstanceState;
  readonly launchedAt: string;
  readonly tags: Tags;
  /** ARN of the instance profile whose role the instance's applications use. */
  readonly instanceProfileArn?: string;
}

export interface KmsKey {
  /** UUID. */
  readonly keyId: string;
  readonly arn: string;
  readonly region: string;
  readonly description: string;
  readonly createdAt: string;
  readonly keyState: 'Enabled' | 'Disabled' | 'PendingDeletion';
  readonly deletionDate?: string;
  /** Every KMS key has exactly one key policy. */
  readonly policy: PolicyText;
  readonly tags: Tags;
}

export interface CloudFrontKeyPair {
  readonly id: string;
  readonly createdAt: string;
  readonly status: 'Active' | 'Inactive';
}
