// "What if?" for a played record: the policies that took part in its deciding check, the learner's edits
// (a policy off, statements off, a policy rewritten), the engine's `evaluate` re-run on the modified set,
// and the IAM operations that would make the lab match. Pure: it reads the record's gathered inputs only.
// Invariant: with no edits, the re-run gives the record's own decision (the record carries every input).
import { evaluate } from '../../domain/evaluation';
import type { EvaluationResult, OrgLevel, PolicyInput, PolicySet } from '../../domain/evaluation/types';
import type { Json } from '../../domain/policy/types';
import type { AuthorizationCheck, GatheredPolicy, PolicySource, RequestRecord } from '../../domain/pipeline/types';
import type { Outcome } from '../../machines/frames';

export type WhatIfKind = 'identity' | 'boundary' | 'session' | 'scp' | 'rcp' | 'resource' | 'trust';

/** One policy's edit; absent from the map = unchanged. Plain data so it can live in $state. */
export interface PolicyEdit {
  readonly enabled: boolean;
  /** Indexes (in the current document) of statements switched off. */
  readonly statementsOff: readonly number[];
  /** The learner's JSON text, when they edited the policy. */
  readonly text?: string;
}

export type WhatIfEdits = Readonly<Record<string, PolicyEdit>>;

export interface StatementInfo {
  readonly index: number;
  readonly sid?: string;
  readonly effect?: string;
}

export function kindOf(source: PolicySource): WhatIfKind {
  switch (source.kind) {
    case 'permissionsBoundary':
      return 'boundary';
    case 'sessionPolicy':
      return 'session';
    case 'scp':
    case 'rcp':
      return source.kind;
    case 'bucketPolicy':
    case 'keyPolicy':
      return 'resource';
    case 'trustPolicy':
      return 'trust';
    default:
      return 'identity';
  }
}

/** The check the record's decision came from: the first that did not allow, else the last. */
export function whatIfCheck(record: RequestRecord): { check: AuthorizationCheck; index: number } | null {
  if (!record.authentication.ok || !record.authentication.principal) return null;
  const checks = record.authorization?.checks ?? [];
  const i = checks.findIndex((c) => c.result.kind === 'malformed' || c.result.decision !== 'allowed');
  const index = i >= 0 ? i : checks.length - 1;
  const check = checks[index];
  return check ? { check, index } : null;
}

function statementList(document: Json): Json[] | null {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return null;
  const s = document['Statement'];
  if (Array.isArray(s)) return s;
  return s !== undefined ? [s] : null;
}

export function statementsOf(document: Json): StatementInfo[] {
  return (statementList(document) ?? []).map((s, index) => {
    const o = s !== null && typeof s === 'object' && !Array.isArray(s) ? s : {};
    const sid = typeof o['Sid'] === 'string' ? o['Sid'] : undefined;
    const effect = typeof o['Effect'] === 'string' ? o['Effect'] : undefined;
    return { index, sid, effect };
  });
}

export type DocumentResult = { readonly ok: true; readonly document: Json } | { readonly ok: false; readonly error: string };

/** The document a policy has under an edit: the learner's text (parsed), minus the statements switched off. */
export function editedDocument(policy: GatheredPolicy, edit: PolicyEdit | undefined): DocumentResult {
  let document: Json = policy.document;
  if (edit?.text !== undefined) {
    try {
      document = JSON.parse(edit.text) as Json;
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }
  const off = edit?.statementsOff ?? [];
  const list = statementList(document);
  if (off.length === 0 || !list || document === null || typeof document !== 'object' || Array.isArray(document)) return { ok: true, document };
  return { ok: true, document: { ...document, Statement: list.filter((_, i) => !off.includes(i)) } };
}

export function isEdited(edit: PolicyEdit | undefined): boolean {
  return !!edit && (!edit.enabled || edit.statementsOff.length > 0 || edit.text !== undefined);
}

export type WhatIfRun =
  | { readonly kind: 'result'; readonly result: EvaluationResult; readonly documents: Readonly<Record<string, Json>> }
  | { readonly kind: 'invalid'; readonly policyId: string; readonly error: string };

/** Re-runs the engine on the check's inputs with the edits applied. SCP/RCP levels stay even when emptied. */
export function rerun(record: RequestRecord, check: AuthorizationCheck, edits: WhatIfEdits): WhatIfRun {
  const principal = record.authentication.principal!.principal;
  const documents: Record<string, Json> = {};
  const identity: PolicyInput[] = [];
  const session: PolicyInput[] = [];
  let boundary: PolicyInput | undefined;
  let resource: PolicyInput | undefined;
  const scps = new Map<string, PolicyInput[]>();
  const rcps = new Map<string, PolicyInput[]>();
  for (const policy of check.policies) {
    const s = policy.source;
    if (s.kind === 'scp' && !scps.has(s.targetId)) scps.set(s.targetId, []);
    if (s.kind === 'rcp' && !rcps.has(s.targetId)) rcps.set(s.targetId, []);
    const edit = edits[policy.id];
    if (edit && !edit.enabled) continue;
    const doc = editedDocument(policy, edit);
    if (!doc.ok) return { kind: 'invalid', policyId: policy.id, error: doc.error };
    documents[policy.id] = doc.document;
    const input: PolicyInput = { id: policy.id, label: policy.label, document: doc.document };
    if (s.kind === 'scp') scps.get(s.targetId)!.push(input);
    else if (s.kind === 'rcp') rcps.get(s.targetId)!.push(input);
    else if (s.kind === 'permissionsBoundary') boundary = input;
    else if (s.kind === 'sessionPolicy') session.push(input);
    else if (s.kind === 'bucketPolicy' || s.kind === 'keyPolicy' || s.kind === 'trustPolicy') resource = input;
    else identity.push(input);
  }
  const levels = (m: Map<string, PolicyInput[]>): OrgLevel[] => [...m].map(([id, policies]) => ({ id, policies }));
  const policies: PolicySet = {
    identity,
    ...(boundary ? { permissionsBoundary: boundary } : {}),
    ...(resource ? { resource } : {}),
    ...(session.length ? { session } : {}),
    ...(scps.size ? { scps: levels(scps) } : {}),
    ...(rcps.size ? { rcps: levels(rcps) } : {}),
  };
  const request = {
    principal,
    action: check.action,
    resource: check.resource,
    context: check.context,
    ...(check.resourceAccount ? { resourceAccount: check.resourceAccount } : {}),
  };
  return { kind: 'result', result: evaluate({ request, policies }), documents };
}

export function outcomeOfResult(result: EvaluationResult): Outcome {
  return result.kind === 'malformed' ? 'failed' : result.decision;
}

// ---------------------------------------------------------------- apply

export interface ApplyRequest {
  readonly operation: string;
  readonly params: Readonly<Record<string, Json>>;
}

export type UnsupportedReason = 'scp' | 'rcp' | 'session' | 'keyPolicy' | 'trustPolicy';

export interface ApplyPlan {
  readonly requests: readonly ApplyRequest[];
  readonly unsupported: readonly { readonly policy: GatheredPolicy; readonly reason: UnsupportedReason }[];
}

function removal(policy: GatheredPolicy, record: RequestRecord): ApplyRequest | UnsupportedReason {
  const s = policy.source;
  const who = record.authentication.principal;
  switch (s.kind) {
    case 'userManaged':
      return { operation: 'iam:DetachUserPolicy', params: { UserName: s.userName, PolicyArn: s.policyArn } };
    case 'groupManaged':
      return { operation: 'iam:DetachGroupPolicy', params: { GroupName: s.groupName, PolicyArn: s.policyArn } };
    case 'roleManaged':
      return { operation: 'iam:DetachRolePolicy', params: { RoleName: s.roleName, PolicyArn: s.policyArn } };
    case 'userInline':
      return { operation: 'iam:DeleteUserPolicy', params: { UserName: s.userName, PolicyName: s.policyName } };
    case 'groupInline':
      return { operation: 'iam:DeleteGroupPolicy', params: { GroupName: s.groupName, PolicyName: s.policyName } };
    case 'roleInline':
      return { operation: 'iam:DeleteRolePolicy', params: { RoleName: s.roleName, PolicyName: s.policyName } };
    case 'permissionsBoundary':
      if (who?.roleName) return { operation: 'iam:DeleteRolePermissionsBoundary', params: { RoleName: who.roleName } };
      return { operation: 'iam:DeleteUserPermissionsBoundary', params: { UserName: who?.userName ?? '' } };
    case 'bucketPolicy':
      return { operation: 's3:DeleteBucketPolicy', params: { Bucket: s.bucket } };
    case 'keyPolicy':
      return 'keyPolicy';
    case 'trustPolicy':
      return 'trustPolicy';
    case 'sessionPolicy':
      return 'session';
    case 'scp':
    case 'rcp':
      return s.kind;
  }
}

function rewrite(policy: GatheredPolicy, text: string): ApplyRequest | UnsupportedReason {
  const s = policy.source;
  switch (s.kind) {
    case 'userInline':
      return { operation: 'iam:PutUserPolicy', params: { UserName: s.userName, PolicyName: s.policyName, PolicyDocument: text } };
    case 'groupInline':
      return { operation: 'iam:PutGroupPolicy', params: { GroupName: s.groupName, PolicyName: s.policyName, PolicyDocument: text } };
    case 'roleInline':
      return { operation: 'iam:PutRolePolicy', params: { RoleName: s.roleName, PolicyName: s.policyName, PolicyDocument: text } };
    case 'userManaged':
    case 'groupManaged':
    case 'roleManaged':
    case 'permissionsBoundary':
      return { operation: 'iam:CreatePolicyVersion', params: { PolicyArn: s.policyArn, PolicyDocument: text, SetAsDefault: true } };
    case 'bucketPolicy':
      return { operation: 's3:PutBucketPolicy', params: { Bucket: s.bucket, Policy: text } };
    case 'keyPolicy':
      return { operation: 'kms:PutKeyPolicy', params: { KeyId: s.keyId, PolicyName: 'default', Policy: text } };
    case 'trustPolicy':
      return { operation: 'iam:UpdateAssumeRolePolicy', params: { RoleName: s.roleName, PolicyDocument: text } };
    case 'sessionPolicy':
      return 'session';
    case 'scp':
    case 'rcp':
      return s.kind;
  }
}

/** The real operations that make the lab match the edits: detach/delete what is off, save what was rewritten. */
export function applyPlan(record: RequestRecord, check: AuthorizationCheck, edits: WhatIfEdits): ApplyPlan {
  const requests: ApplyRequest[] = [];
  const unsupported: { policy: GatheredPolicy; reason: UnsupportedReason }[] = [];
  for (const policy of check.policies) {
    const edit = edits[policy.id];
    if (!isEdited(edit)) continue;
    let step: ApplyRequest | UnsupportedReason;
    if (!edit!.enabled) step = removal(policy, record);
    else {
      const doc = editedDocument(policy, edit);
      if (!doc.ok) continue;
      const text = edit!.text !== undefined && edit!.statementsOff.length === 0 ? edit!.text : JSON.stringify(doc.document, null, 2);
      step = rewrite(policy, text);
    }
    if (typeof step === 'string') unsupported.push({ policy, reason: step });
    else requests.push(step);
  }
  return { requests, unsupported };
}
