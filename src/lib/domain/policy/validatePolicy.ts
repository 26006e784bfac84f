// Validates a policy document the way AWS does before it stores one, for each kind of policy.
// AWS: "IAM JSON policy elements reference" and "IAM JSON policy grammar"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
// Invariant: never throws, whatever JSON it is given; every finding is a Diagnostic with a JSON pointer.
import type { Diagnostic, Json, PolicyKind } from './types';
import type { PositionIndex } from './parsePolicyText';
import type { PolicySizeLimit } from './policySize';
import type { JsonObject, ValidationContext } from './validationContext';
import type { PolicyKindRules } from './policyKindRules';
import { isValidArnPattern } from './arn';
import { childPointer } from './jsonPointer';
import { policyKindRules } from './policyKindRules';
import { measurePolicy, policySizeQuotas } from './policySize';
import { validateCondition } from './validateCondition';
import { admitsAnyone, validatePrincipal } from './validatePrincipal';
import { createValidationContext, describeValue, hasMember, isObject, member, memberNames } from './validationContext';
import { makeDiagnostic } from './diagnosticCodes';

export interface ValidateOptions {
  /** Which size quota to check; by default trust, scp and rcp use their own and others none. */
  readonly limit?: PolicySizeLimit;
  /** The original text, so size is counted as AWS counts it (whitespace, escapes). */
  readonly text?: string;
  /** Lets the world reject principals that do not exist, as IAM and S3 do when saving a policy. */
  readonly principalExists?: (arn: string) => boolean;
}

export const policyVersions = ['2012-10-17', '2008-10-17'] as const;
const topLevelElements = ['Version', 'Id', 'Statement'];
const statementElements = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];
// A service prefix, a colon and an action name, wildcards allowed: s3:GetObject, iam:*, ec2:Describe*.
const actionPattern = /^[A-Za-z0-9*?-]+:[A-Za-z0-9*?_.-]+$/;
const alphanumeric = /^[A-Za-z0-9]*$/;
// IAM refuses a role trust policy whose actions are outside STS (MalformedPolicyDocument on
// CreateRole / UpdateAssumeRolePolicy); "*" and "sts:*" still cover sts:AssumeRole.
const stsActionPattern = /^(\*|sts:.+)$/i;

const defaultLimits: Partial<Record<PolicyKind, PolicySizeLimit>> = { trust: 'trust', scp: 'scp', rcp: 'rcp' };

/** Whether any key or string holds a policy variable; iterative, so depth cannot overflow the stack. */
function containsVariable(doc: Json): boolean {
  const stack: Json[] = [doc];
  while (stack.length > 0) {
    const value = stack.pop() ?? null;
    if (typeof value === 'string') {
      if (value.includes('${')) return true;
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    }
    else if (isObject(value)) {
      for (const key of memberNames(value)) {
        if (key.includes('${')) return true;
        stack.push(value[key] ?? null);
      }
    }
  }
  return false;
}

/** Reads Action/Resource-style lists: a string or a non-empty array of strings. */
function validateStringList(
  value: Json,
  path: string,
  element: string,
  codes: { readonly invalid: 'policy.statement.action.invalid' | 'policy.statement.resource.invalid'; readonly empty: 'policy.statement.action.empty' | 'policy.statement.resource.empty' },
  ctx: ValidationContext,
): { readonly value: string; readonly path: string }[] {
  if (typeof value === 'string') return [{ value, path }];
  if (!Array.isArray(value)) {
    ctx.report(codes.invalid, path, { element });
    return [];
  }
  if (value.length === 0) {
    ctx.report(codes.empty, path, { element });
    return [];
  }
  const items: { value: string; path: string }[] = [];
  value.forEach((item, i) => {
    if (typeof item === 'string') items.push({ value: item, path: childPointer(path, i) });
    else ctx.report(codes.invalid, childPointer(path, i), { element });
  });
  return items;
}

function isRcpFullAccess(statement: JsonObject): boolean {
  return (
    member(statement, 'Principal') === '*' &&
    member(statement, 'Action') === '*' &&
    member(statement, 'Resource') === '*' &&
    !hasMember(statement, 'Condition')
  );
}

function validateStatement(
  statement: Json,
  path: string,
  kind: PolicyKind,
  rules: PolicyKindRules,
  seenSids: Set<string>,
  options: ValidateOptions,
  ctx: ValidationContext,
): void {
  if (!isObject(statement)) {
    ctx.report('policy.statement.notObject', path);
    return;
  }
  const at = (element: string) => childPointer(path, element);
  const kindLabel = rules.label;

  for (const element of memberNames(statement)) {
    if (!statementElements.includes(element)) ctx.report('policy.statement.unknownElement', at(element), { element }, true);
  }

  // Sid: optional; unique within the policy; IAM-stored policies allow only ASCII letters and digits.
  if (hasMember(statement, 'Sid')) {
    const sid = statement['Sid'];
    if (typeof sid !== 'string') ctx.report('policy.statement.sid.invalid', at('Sid'));
    else {
      if (rules.sidAlphanumeric && !alphanumeric.test(sid)) {
        ctx.report('policy.statement.sid.notAlphanumeric', at('Sid'), { sid, kind: kindLabel });
      }
      if (sid !== '' && seenSids.has(sid)) ctx.report('policy.statement.sid.duplicate', at('Sid'), { sid });
      seenSids.add(sid);
    }
  }

  // Effect
  const effect = member(statement, 'Effect');
  if (effect === undefined) ctx.report('policy.statement.effect.missing', at('Effect'));
  else if (effect !== 'Allow' && effect !== 'Deny') {
    ctx.report('policy.statement.effect.invalid', at('Effect'), { value: describeValue(effect) });
  } else if (rules.denyOnly && effect === 'Allow' && !isRcpFullAccess(statement)) {
    ctx.report('policy.statement.effect.notAllowed', at('Effect'), { kind: kindLabel, allowed: 'Deny' });
  }

  // Action / NotAction: exactly one.
  const hasAction = hasMember(statement, 'Action');
  const hasNotAction = hasMember(statement, 'NotAction');
  if (hasAction && hasNotAction) ctx.report('policy.statement.action.both', at('NotAction'), {}, true);
  else if (!hasAction && !hasNotAction) ctx.report('policy.statement.action.missing', path);
  if (hasNotAction && !rules.notActionAllowed) {
    ctx.report('policy.statement.forbiddenElement', at('NotAction'), { kind: kindLabel, element: 'NotAction' }, true);
  }
  for (const element of ['Action', 'NotAction'] as const) {
    const value = member(statement, element);
    if (value === undefined) continue;
    const codes = { invalid: 'policy.statement.action.invalid', empty: 'policy.statement.action.empty' } as const;
    for (const item of validateStringList(value, at(element), element, codes, ctx)) {
      if (item.value.includes('${')) {
        ctx.report('policy.statement.variable.literal', item.path, { element, value: item.value });
      } else if (item.value !== '*' && !actionPattern.test(item.value)) {
        ctx.report('policy.statement.action.malformed', item.path, { value: item.value });
      } else if (kind === 'trust' && element === 'Action' && !stsActionPattern.test(item.value)) {
        ctx.report('policy.statement.action.trustNotSts', item.path, { value: item.value });
      }
    }
  }

  // Resource / NotResource
  const hasResource = hasMember(statement, 'Resource');
  const hasNotResource = hasMember(statement, 'NotResource');
  if (rules.resource === 'forbidden') {
    for (const element of ['Resource', 'NotResource']) {
      if (hasMember(statement, element)) {
        ctx.report('policy.statement.forbiddenElement', at(element), { kind: kindLabel, element }, true);
      }
    }
  } else {
    if (hasResource && hasNotResource) ctx.report('policy.statement.resource.both', at('NotResource'), {}, true);
    else if (!hasResource && !hasNotResource) ctx.report('policy.statement.resource.missing', path, { kind: kindLabel });
    for (const element of ['Resource', 'NotResource'] as const) {
      const value = member(statement, element);
      if (value === undefined) continue;
      const codes = { invalid: 'policy.statement.resource.invalid', empty: 'policy.statement.resource.empty' } as const;
      for (const item of validateStringList(value, at(element), element, codes, ctx)) {
        if (item.value !== '*' && !isValidArnPattern(item.value)) {
          ctx.report('policy.statement.resource.malformedArn', item.path, { value: item.value });
        }
      }
    }
  }

  // Principal / NotPrincipal
  const hasPrincipal = hasMember(statement, 'Principal');
  const hasNotPrincipal = hasMember(statement, 'NotPrincipal');
  if (rules.principal === 'forbidden') {
    for (const element of ['Principal', 'NotPrincipal']) {
      if (hasMember(statement, element)) {
        ctx.report('policy.statement.forbiddenElement', at(element), { kind: kindLabel, element }, true);
      }
    }
  } else {
    if (hasPrincipal && hasNotPrincipal) ctx.report('policy.statement.principal.both', at('NotPrincipal'), {}, true);
    else if (!hasPrincipal && !hasNotPrincipal) ctx.report('policy.statement.principal.missing', path, { kind: kindLabel });
    if (hasNotPrincipal && !rules.notPrincipalAllowed) {
      ctx.report('policy.statement.forbiddenElement', at('NotPrincipal'), { kind: kindLabel, element: 'NotPrincipal' }, true);
    } else if (hasNotPrincipal && effect === 'Allow') {
      // "NotPrincipal must be used with "Effect":"Deny"" (AWS JSON policy elements: NotPrincipal).
      ctx.report('policy.statement.principal.notPrincipalWithAllow', at('NotPrincipal'), {}, true);
    }
    for (const element of ['Principal', 'NotPrincipal'] as const) {
      const value = member(statement, element);
      if (value === undefined) continue;
      if (element === 'NotPrincipal' && !rules.notPrincipalAllowed) continue;
      const principalRules = { element, onlyAnyone: rules.principalOnlyAnyone, kindLabel, principalExists: options.principalExists };
      validatePrincipal(value, at(element), principalRules, ctx);
    }
    if (kind === 'trust' && effect === 'Allow' && admitsAnyone(member(statement, 'Principal')) && !hasMember(statement, 'Condition')) {
      ctx.report('policy.statement.principal.wildcardTrust', at('Principal'));
    }
  }

  const condition = member(statement, 'Condition');
  if (condition !== undefined) validateCondition(condition, at('Condition'), ctx);
}

// Outside tab, LF, CR and U+0020-U+00FF (IAM and AWS STS quotas: IAM name requirements).
const outsideIamCharacterSet = /[^\t\n\r\u0020-\u00ff]/;

/** Reports the first disallowed character of each key or string, walking without recursion. */
function validateCharacterSet(doc: Json, kindLabel: string, ctx: ValidationContext): void {
  const stack: { readonly value: Json; readonly path: string }[] = [{ value: doc, path: '' }];
  const check = (text: string, path: string, atKey: boolean) => {
    const match = outsideIamCharacterSet.exec(text);
    if (!match) return;
    const code = match[0].codePointAt(0) ?? 0;
    const character = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    ctx.report('policy.document.invalidCharacter', path, { character, kind: kindLabel }, atKey);
  };
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: Json; path: string };
    // Children go on the stack last-first so findings come out in document order.
    if (typeof value === 'string') check(value, path, false);
    else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i] ?? null, path: childPointer(path, i) });
    } else if (isObject(value)) {
      const keys = memberNames(value);
      for (const key of keys) check(key, childPointer(path, key), true);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] ?? '';
        stack.push({ value: value[key] ?? null, path: childPointer(path, key) });
      }
    }
  }
}

export function validatePolicy(
  doc: Json,
  kind: PolicyKind,
  positions?: PositionIndex,
  options: ValidateOptions = {},
): Diagnostic[] {
  const ctx = createValidationContext(positions);
  try {
    validateDocument(doc, kind, options, ctx);
  } catch {
    // Defensive only: the rules are written not to throw, but a validator must never crash its caller.
    ctx.diagnostics.push(makeDiagnostic('policy.document.unreadable', ''));
  }
  return ctx.diagnostics;
}

function validateDocument(doc: Json, kind: PolicyKind, options: ValidateOptions, ctx: ValidationContext): void {
  const rules = policyKindRules[kind] ?? policyKindRules.identity;
  if (!isObject(doc)) {
    ctx.report('policy.document.notObject', '');
    return;
  }
  for (const element of memberNames(doc)) {
    if (!topLevelElements.includes(element)) ctx.report('policy.document.unknownElement', childPointer('', element), { element }, true);
  }

  // Version: absent means 2008-10-17, where ${...} is literal text (IAM JSON policy elements: Version).
  const version = member(doc, 'Version');
  if (version === undefined) ctx.report('policy.version.missing', '/Version');
  else if (typeof version !== 'string' || !(policyVersions as readonly string[]).includes(version)) {
    ctx.report('policy.version.invalid', '/Version', { value: describeValue(version) });
  } else if (version === '2008-10-17' && containsVariable(doc)) ctx.report('policy.version.old', '/Version');

  const id = member(doc, 'Id');
  if (id !== undefined && typeof id !== 'string') ctx.report('policy.id.invalid', '/Id');

  const statement = member(doc, 'Statement');
  const seenSids = new Set<string>();
  if (statement === undefined) ctx.report('policy.statement.missing', '/Statement');
  else if (Array.isArray(statement)) {
    if (statement.length === 0) ctx.report('policy.statement.empty', '/Statement');
    statement.forEach((item, i) => validateStatement(item, childPointer('/Statement', i), kind, rules, seenSids, options, ctx));
  } else if (isObject(statement)) validateStatement(statement, '/Statement', kind, rules, seenSids, options, ctx);
  else ctx.report('policy.statement.invalid', '/Statement');

  if (rules.iamCharacterSet) validateCharacterSet(doc, rules.label, ctx);

  const limit = options.limit ?? defaultLimits[kind];
  if (limit !== undefined) {
    const quota = policySizeQuotas[limit];
    const size = measurePolicy(doc, quota, options.text);
    if (size > quota.max) ctx.report('policy.size.exceeded', '', { size, max: quota.max, limit: quota.label });
  }
}
