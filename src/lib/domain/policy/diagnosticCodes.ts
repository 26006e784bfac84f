// The one table of policy diagnostic codes: each stable dotted code with its severity and an
// English message template whose {placeholders} are filled from the diagnostic's params.
import type { Diagnostic, Severity } from './types';

export const diagnosticCodes = {
  'policy.json.syntax': { severity: 'error', template: 'JSON syntax error: {detail}.' },
  'policy.json.tooDeep': { severity: 'error', template: 'The document nests deeper than {max} levels.' },
  'policy.json.duplicateKey': {
    severity: 'warning',
    template: 'The key "{key}" appears more than once in this object; only the last one counts.',
  },
  'policy.document.notObject': { severity: 'error', template: 'A policy document must be a JSON object.' },
  'policy.document.unreadable': { severity: 'error', template: 'The document could not be read as a policy.' },
  'policy.document.unknownElement': {
    severity: 'error',
    template: '"{element}" is not a policy element; a document may contain only Version, Id and Statement.',
  },
  'policy.document.invalidCharacter': {
    severity: 'error',
    template:
      'The character {character} is not accepted in {kind} policies: only tab, line feed, carriage return and U+0020 to U+00FF are.',
  },
  'policy.version.missing': {
    severity: 'warning',
    template:
      'Version is missing, so AWS treats the policy as version 2008-10-17 and policy variables such as ${aws:username} are read as plain text. Add "Version": "2012-10-17".',
  },
  'policy.version.old': {
    severity: 'warning',
    template: 'Version 2008-10-17 does not support policy variables; use "2012-10-17".',
  },
  'policy.version.invalid': {
    severity: 'error',
    template: 'Version must be "2012-10-17" or "2008-10-17", not {value}.',
  },
  'policy.id.invalid': { severity: 'error', template: 'Id must be a string.' },
  'policy.statement.missing': { severity: 'error', template: 'The policy has no Statement element.' },
  'policy.statement.invalid': {
    severity: 'error',
    template: 'Statement must be an object or an array of objects.',
  },
  'policy.statement.empty': { severity: 'error', template: 'Statement must contain at least one statement.' },
  'policy.statement.notObject': { severity: 'error', template: 'Each statement must be a JSON object.' },
  'policy.statement.unknownElement': {
    severity: 'error',
    template: '"{element}" is not a statement element.',
  },
  'policy.statement.forbiddenElement': {
    severity: 'error',
    template: '{element} is not allowed in {kind} policies.',
  },
  'policy.statement.sid.invalid': { severity: 'error', template: 'Sid must be a string.' },
  'policy.statement.sid.notAlphanumeric': {
    severity: 'error',
    template: 'In {kind} policies a Sid may contain only letters A-Z, a-z and digits 0-9; "{sid}" has other characters.',
  },
  'policy.statement.sid.duplicate': {
    severity: 'error',
    template: 'The Sid "{sid}" is already used by another statement; statement ids must be unique.',
  },
  'policy.statement.effect.missing': { severity: 'error', template: 'The statement has no Effect.' },
  'policy.statement.effect.invalid': {
    severity: 'error',
    template: 'Effect must be exactly "Allow" or "Deny", not {value}.',
  },
  'policy.statement.effect.notAllowed': {
    severity: 'error',
    template: 'Only "Effect": "{allowed}" is supported in {kind} policies.',
  },
  'policy.statement.action.missing': {
    severity: 'error',
    template: 'The statement needs an Action or a NotAction element.',
  },
  'policy.statement.action.both': {
    severity: 'error',
    template: 'A statement cannot contain both Action and NotAction.',
  },
  'policy.statement.action.invalid': {
    severity: 'error',
    template: '{element} must be a string or an array of strings.',
  },
  'policy.statement.action.empty': { severity: 'error', template: '{element} must not be an empty list.' },
  'policy.statement.action.malformed': {
    severity: 'error',
    template: 'The action "{value}" must be "*" or have the form service:ActionName (e.g. s3:GetObject).',
  },
  'policy.statement.action.trustNotSts': {
    severity: 'error',
    template:
      'A role trust policy can only allow or deny STS actions such as sts:AssumeRole, sts:AssumeRoleWithSAML, sts:AssumeRoleWithWebIdentity, sts:TagSession or sts:SetSourceIdentity; "{value}" is not one.',
  },
  'policy.statement.resource.missing': {
    severity: 'error',
    template: 'Statements in {kind} policies need a Resource or a NotResource element.',
  },
  'policy.statement.resource.both': {
    severity: 'error',
    template: 'A statement cannot contain both Resource and NotResource.',
  },
  'policy.statement.resource.invalid': {
    severity: 'error',
    template: '{element} must be a string or an array of strings.',
  },
  'policy.statement.resource.empty': { severity: 'error', template: '{element} must not be an empty list.' },
  'policy.statement.resource.malformedArn': {
    severity: 'error',
    template: 'The resource "{value}" must be "*" or an ARN (arn:partition:service:region:account:resource).',
  },
  'policy.statement.principal.missing': {
    severity: 'error',
    template: 'Statements in {kind} policies need a Principal or a NotPrincipal element.',
  },
  'policy.statement.principal.both': {
    severity: 'error',
    template: 'A statement cannot contain both Principal and NotPrincipal.',
  },
  'policy.statement.principal.shape': {
    severity: 'error',
    template: '{element} must be "*" or an object whose keys are AWS, Service, Federated or CanonicalUser.',
  },
  'policy.statement.principal.unknownType': {
    severity: 'error',
    template: '"{type}" is not a principal type; use AWS, Service, Federated or CanonicalUser.',
  },
  'policy.statement.principal.empty': { severity: 'error', template: '{element} must name at least one principal.' },
  'policy.statement.principal.invalid': {
    severity: 'error',
    template: 'Invalid principal in policy: "{type}":"{value}" ({reason}).',
  },
  'policy.statement.principal.notPrincipalWithAllow': {
    severity: 'error',
    template: 'NotPrincipal works only in a statement with "Effect": "Deny".',
  },
  'policy.statement.principal.onlyAnyone': {
    severity: 'error',
    template: 'Only "Principal": "*" is supported in {kind} policies; narrow callers with conditions.',
  },
  'policy.statement.principal.wildcardTrust': {
    severity: 'warning',
    template: 'This trust policy lets any principal in any account assume the role unless a condition narrows it.',
  },
  'policy.statement.condition.invalid': {
    severity: 'error',
    template: 'Condition must be an object whose keys are condition operators.',
  },
  'policy.statement.condition.unknownOperator': {
    severity: 'error',
    template: '"{operator}" is not a condition operator.',
  },
  'policy.statement.condition.block': {
    severity: 'error',
    template: 'The value of the operator {operator} must be an object of condition keys to values.',
  },
  'policy.statement.condition.emptyBlock': {
    severity: 'error',
    template: 'The operator {operator} lists no condition keys.',
  },
  'policy.statement.condition.key': {
    severity: 'error',
    template: 'The condition key "{key}" must have the form prefix:name (e.g. aws:SourceIp).',
  },
  'policy.statement.condition.value': {
    severity: 'error',
    template: 'A condition value must be a string, a number, a boolean or an array of them.',
  },
  'policy.statement.condition.emptyValues': {
    severity: 'error',
    template: 'The condition key "{key}" has an empty list of values.',
  },
  'policy.statement.condition.valueType': {
    severity: 'warning',
    template: 'The {operator} operator expects {expected}, so the value "{value}" can never match.',
  },
  'policy.statement.variable.literal': {
    severity: 'warning',
    template:
      'Policy variables are replaced only in Resource, NotResource and condition values; in {element} the text "{value}" is taken literally.',
  },
  'policy.size.exceeded': {
    severity: 'warning',
    template: 'The policy has {size} characters (not counting whitespace); the {limit} quota is {max}.',
  },
} as const satisfies Record<string, { readonly severity: Severity; readonly template: string }>;

export type DiagnosticCode = keyof typeof diagnosticCodes;

export type DiagnosticParams = Readonly<Record<string, string | number>>;

/** Fills a code's template; unknown placeholders stay visible rather than vanish silently. */
export function formatMessage(code: DiagnosticCode, params: DiagnosticParams = {}): string {
  return diagnosticCodes[code].template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

export function makeDiagnostic(
  code: DiagnosticCode,
  path: string,
  params: DiagnosticParams = {},
  position?: { readonly line: number; readonly column: number },
): Diagnostic {
  const base = { severity: diagnosticCodes[code].severity, code, message: formatMessage(code, params), path, params };
  return position ? { ...base, line: position.line, column: position.column } : base;
}
