// Checks policy documents handed to an operation, the way IAM/S3/KMS refuse them: MalformedPolicyDocument.
// Invariant: a document that passes is stored as given; one with error diagnostics is never stored.
// AWS: IAM API Reference, MalformedPolicyDocument; IAM User Guide, "AWS JSON policy elements: Principal".
import { compilePolicy } from '../policy/compilePolicy';
import { measurePolicy, policySizeQuotas } from '../policy/policySize';
import type { PolicySizeLimit } from '../policy/policySize';
import type { Json, PolicyKind } from '../policy/types';
import type { World } from '../world/types';
import { fail } from './operationError';

export interface DocumentCheckOptions {
  /** Error code of the service (IAM: MalformedPolicyDocument, S3: MalformedPolicy, KMS: MalformedPolicyDocumentException). */
  readonly code?: string;
  /** When given, principals naming users/roles of simulated accounts must exist, as IAM checks on save. */
  readonly world?: World;
}

function awsPrincipalValues(doc: Json): string[] {
  const out: string[] = [];
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return out;
  const statements = doc.Statement;
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  for (const s of list) {
    if (s === null || typeof s !== 'object' || Array.isArray(s)) continue;
    for (const element of ['Principal', 'NotPrincipal']) {
      const p = s[element];
      if (p === null || typeof p !== 'object' || Array.isArray(p)) continue;
      const aws = p.AWS;
      for (const v of Array.isArray(aws) ? aws : aws === undefined ? [] : [aws]) if (typeof v === 'string') out.push(v);
    }
  }
  return out;
}

/** IAM resolves principal ARNs when a policy is saved: a group or an unknown user/role is refused. */
function checkPrincipalsExist(doc: Json, world: World, code: string): void {
  for (const value of awsPrincipalValues(doc)) {
    const m = /^arn:aws:iam::(\d{12}):(user|role|group)\/(?:.*\/)?([^/]+)$/.exec(value);
    if (!m) continue;
    const [, accountId, type, name] = m;
    if (type === 'group') fail(code, `Invalid principal in policy: "AWS":"${value}"`, 400);
    const account = accountId ? world.accounts[accountId] : undefined;
    if (!account || !name) continue;
    const names = Object.keys(type === 'user' ? account.users : account.roles).map((n) => n.toLowerCase());
    if (!names.includes(name.toLowerCase())) fail(code, `Invalid principal in policy: "AWS":"${value}"`, 400);
  }
}

/** Validates `text` as a policy of `kind`; throws the service's malformed-policy error on the first error. */
export function checkPolicyDocument(text: string, kind: PolicyKind, options: DocumentCheckOptions = {}): void {
  const code = options.code ?? 'MalformedPolicyDocument';
  const compiled = compilePolicy(text, kind);
  if (!compiled.ok) {
    const first = compiled.diagnostics.find((d) => d.severity === 'error') ?? compiled.diagnostics[0];
    const principalProblem = compiled.diagnostics.find((d) => d.code === 'policy.statement.principal.invalid');
    if (principalProblem) fail(code, principalProblem.message, 400);
    const syntax = compiled.diagnostics.find((d) => d.code === 'policy.json.syntax');
    fail(code, syntax ? 'Syntax errors in policy.' : (first?.message ?? 'Syntax errors in policy.'), 400);
  }
  if (kind === 'trust' || kind === 'resource') {
    let parsed: Json = null;
    try {
      parsed = JSON.parse(text) as Json;
    } catch {
      parsed = null;
    }
    if (options.world) checkPrincipalsExist(parsed, options.world, code);
    else checkPrincipalsExist(parsed, { version: 1, clock: '', accounts: {}, sessions: {}, consoleSessions: {} }, code);
  }
}

/** IAM's size of a document (whitespace outside strings is not counted). */
export function policySize(text: string, limit: PolicySizeLimit): number {
  return measurePolicy(null, policySizeQuotas[limit], text);
}

/**
 * Refuses a document (or the sum of an identity's inline documents) over IAM's quota with LimitExceeded.
 * AWS: "IAM and AWS STS quotas" — managed policy 6,144; inline per user 2,048, group 5,120, role 10,240;
 * role trust policy 2,048 characters, whitespace not counted.
 */
export function checkPolicySize(texts: readonly string[], limit: PolicySizeLimit, message: (max: number) => string): void {
  const max = policySizeQuotas[limit].max;
  const size = texts.reduce((sum, t) => sum + policySize(t, limit), 0);
  if (size > max) fail('LimitExceeded', message(max), 409);
}
