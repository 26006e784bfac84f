// The "check policy" panel's logic, in the spirit of IAM Access Analyzer policy validation: errors,
// security warnings, warnings and suggestions, each with a short explanation and the AWS page to read.
// Invariant: pure and total — any text yields findings (a document that does not parse yields its errors).
// AWS: Access Analyzer policy check reference
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
import type { Diagnostic, Json, NormalizedPolicy, NormalizedStatement, PolicyKind, PrincipalBlock } from '../policy/types';
import { compilePolicy } from '../policy/compilePolicy';
import { parsePolicyText } from '../policy/parsePolicyText';
import { matchAction } from '../matching/matchAction';
import { hasWildcard, matchWildcard } from '../matching/wildcard';
import type { Catalog } from '../catalog/catalog';
import { catalogDiagnostics } from '../catalog/catalogDiagnostics';
import { expandActions } from '../catalog/expandActions';

export type FindingKind = 'error' | 'securityWarning' | 'warning' | 'suggestion';

export interface Finding {
  readonly kind: FindingKind;
  readonly code: string;
  readonly message: string;
  /** JSON pointer into the document. */
  readonly path: string;
  readonly line?: number;
  readonly column?: number;
  /** The AWS documentation page that explains the rule. */
  readonly docUrl: string;
}

const docs = {
  grammar: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html',
  checks: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html',
  passRole: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
  notAction: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html',
  principal: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html',
  publicAccess: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  action: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html',
  bestPractices: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html',
} as const;

/** The security and suggestion rules this module adds to the engine's and the catalog's diagnostics. */
export const checkRules = {
  'check.passRole.star': {
    kind: 'securityWarning',
    docUrl: docs.passRole,
    message: 'This statement allows iam:PassRole on every role ("Resource": "*"): whoever holds it can hand any role, even an administrator role, to a service. Name the roles instead.',
  },
  'check.notAction.allow': {
    kind: 'securityWarning',
    docUrl: docs.notAction,
    message: 'Allow with NotAction allows every action except the ones listed, including actions of services added later. Prefer listing what you allow.',
  },
  'check.principal.public': {
    kind: 'securityWarning',
    docUrl: docs.principal,
    message: 'This statement allows everyone ("Principal": "*"), including anonymous callers, with no condition to narrow it.',
  },
  'check.bucket.worldWritable': {
    kind: 'securityWarning',
    docUrl: docs.publicAccess,
    message: 'Anyone on the internet may write to or delete from this bucket: the statement allows {actions} to "Principal": "*" with no condition.',
  },
  'check.statement.redundant': {
    kind: 'suggestion',
    docUrl: docs.checks,
    message: 'Statement {index} adds nothing: statement {other} already allows the same actions on the same resources without conditions.',
  },
  'check.action.redundant': {
    kind: 'suggestion',
    docUrl: docs.action,
    message: '"{action}" is already covered by "{by}" in the same list; remove it.',
  },
  'check.wildcard.single': {
    kind: 'suggestion',
    docUrl: docs.action,
    message: '"{pattern}" matches only {action}; write the action name so the policy says exactly what it allows.',
  },
} as const;
export type CheckCode = keyof typeof checkRules;

function finding(code: CheckCode, path: string, params: Record<string, string | number> = {}): Finding {
  const rule = checkRules[code];
  const message = rule.message.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  return { kind: rule.kind, code, message, path, docUrl: rule.docUrl };
}

function isPublic(p: PrincipalBlock | undefined): boolean {
  return p !== undefined && (p.anyone || p.aws.includes('*'));
}

/** A pattern covers another when it matches every string the other can match (wildcards read literally). */
function covers(a: string, b: string, caseInsensitive: boolean): boolean {
  if (a.includes('?') && hasWildcard(b)) return false;
  return matchWildcard(a, b, caseInsensitive);
}

function allCovered(inner: readonly string[] | undefined, outer: readonly string[] | undefined, ci: boolean): boolean {
  if (!inner || !outer) return false;
  return inner.every((b) => outer.some((a) => covers(a, b, ci)));
}

function sameBlock(a: PrincipalBlock | undefined, b: PrincipalBlock | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

const s3Writes = ['s3:PutObject', 's3:DeleteObject', 's3:PutObjectAcl', 's3:PutBucketPolicy', 's3:DeleteBucket'];

function securityChecks(st: NormalizedStatement, kind: PolicyKind): Finding[] {
  if (st.effect !== 'Allow') return [];
  const out: Finding[] = [];
  const actions = st.action ?? [];
  if (actions.some((a) => matchAction(a, 'iam:PassRole')) && (st.resource ?? []).includes('*')) {
    out.push(finding('check.passRole.star', `${st.path}/Resource`));
  }
  if (st.notAction) out.push(finding('check.notAction.allow', `${st.path}/NotAction`));
  if ((kind === 'resource' || kind === 'trust') && isPublic(st.principal) && st.conditions.length === 0) {
    const writes = s3Writes.filter((w) => actions.some((a) => matchAction(a, w)));
    const onBuckets = (st.resource ?? []).some((r) => r === '*' || r.startsWith('arn:aws:s3:::'));
    if (writes.length > 0 && onBuckets) out.push(finding('check.bucket.worldWritable', `${st.path}/Principal`, { actions: writes.join(', ') }));
    else out.push(finding('check.principal.public', `${st.path}/Principal`));
  }
  return out;
}

function redundancyChecks(policy: NormalizedPolicy): Finding[] {
  const out: Finding[] = [];
  const sts = policy.statements;
  sts.forEach((st, i) => {
    const other = sts.findIndex(
      (o, j) =>
        j !== i &&
        o.effect === st.effect &&
        o.conditions.length === 0 &&
        sameBlock(o.principal, st.principal) &&
        !o.notPrincipal &&
        !st.notPrincipal &&
        allCovered(st.action, o.action, true) &&
        allCovered(st.resource, o.resource, false) &&
        // Of two identical statements, only the later one is reported.
        !(j > i && allCovered(o.action, st.action, true) && allCovered(o.resource, st.resource, false) && st.conditions.length === 0),
    );
    const o = sts[other];
    if (o) out.push(finding('check.statement.redundant', st.path, { index: st.sid ?? String(i + 1), other: o.sid ?? String(other + 1) }));
    const actions = st.action ?? [];
    actions.forEach((a, k) => {
      const by = actions.find((b, m) => m !== k && covers(b, a, true) && !(covers(a, b, true) && m > k));
      if (by !== undefined) out.push(finding('check.action.redundant', `${st.path}/Action`, { action: a, by }));
    });
  });
  return out;
}

function wildcardChecks(policy: NormalizedPolicy, catalog: Catalog): Finding[] {
  const out: Finding[] = [];
  for (const st of policy.statements) {
    for (const a of st.action ?? []) {
      if (!hasWildcard(a) || a === '*' || !a.includes(':') || hasWildcard(a.slice(0, a.indexOf(':')))) continue;
      if (!catalog.service(a.slice(0, a.indexOf(':')))) continue;
      const { actions } = expandActions(catalog, a);
      const only = actions[0];
      if (actions.length === 1 && only) out.push(finding('check.wildcard.single', `${st.path}/Action`, { pattern: a, action: only.name }));
    }
  }
  return out;
}

function fromDiagnostic(d: Diagnostic, kind: FindingKind, docUrl: string): Finding {
  return { kind, code: d.code, message: d.message, path: d.path, line: d.line, column: d.column, docUrl };
}

export interface CheckResult {
  readonly findings: readonly Finding[];
  /** The parsed document when the text was JSON (for the editor's catalog lint and the builder). */
  readonly doc?: Json;
}

const order: Readonly<Record<FindingKind, number>> = { error: 0, securityWarning: 1, warning: 2, suggestion: 3 };

/**
 * Checks a policy's text: the engine's diagnostics (errors and warnings), the catalog's warnings when a
 * catalog is given (load the document's services first: `servicesNamedIn`), then security warnings and
 * suggestions. Findings carry line/column when the text locates them.
 */
export function checkPolicy(text: string, kind: PolicyKind, catalog?: Catalog): CheckResult {
  const parsed = parsePolicyText(text);
  const compiled = compilePolicy(text, kind);
  const findings: Finding[] = compiled.diagnostics.map((d) => fromDiagnostic(d, d.severity === 'error' ? 'error' : 'warning', docs.grammar));
  if (!parsed.ok) return { findings };
  const locate = (f: Finding): Finding => {
    if (f.line !== undefined) return f;
    const at = parsed.positions.locate(f.path);
    return at ? { ...f, line: at.line, column: at.column } : f;
  };
  if (catalog) findings.push(...catalogDiagnostics(parsed.value, catalog).map((d) => fromDiagnostic(d, 'warning', docs.checks)));
  if (compiled.ok) {
    findings.push(...compiled.policy.statements.flatMap((st) => securityChecks(st, kind)));
    findings.push(...redundancyChecks(compiled.policy));
    if (catalog) findings.push(...wildcardChecks(compiled.policy, catalog));
  }
  const located = findings.map(locate);
  located.sort((a, b) => order[a.kind] - order[b.kind] || (a.line ?? 0) - (b.line ?? 0));
  return { findings: located, doc: parsed.value };
}
