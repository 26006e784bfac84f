// Catalog-backed warnings for a policy document: names AWS does not know, actions that cannot apply
// to the resources named, condition keys an action never sets, and operators of the wrong type.
// Invariant: only warnings (the engine still evaluates the policy); only loaded services are judged.
// AWS: IAM Access Analyzer policy validation — "Access Analyzer policy check reference".
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
import type { Diagnostic, Json } from '../policy/types';
import { escapePointerToken } from '../policy/jsonPointer';
import { parseOperator } from '../conditions/operators';
import type { BaseOperator } from '../conditions/operators';
import { hasWildcard } from '../matching/wildcard';
import type { Catalog, CatalogAction } from './catalog';
import { servicePrefixOf } from './catalog';
import { expandActions } from './expandActions';
import { resourceTypesOfArn, serviceOfArn } from './resourceTypes';

export const catalogCodes = {
  'catalog.service.unknown': 'The service prefix "{service}" is not an AWS service, so "{action}" matches nothing.',
  'catalog.action.unknown': '"{action}" is not an action of {serviceName}.',
  'catalog.action.noMatch': '"{action}" matches no action of {serviceName}.',
  'catalog.resource.notApplicable':
    '{action} does not act on any resource named in this statement; it takes {expected}.',
  'catalog.resource.starOnly':
    '{action} does not support resource-level permissions: it is allowed only with "Resource": "*".',
  'catalog.condition.keyUnknown': 'The condition key "{key}" is not a key AWS defines.',
  'catalog.condition.keyNotSupported':
    '{actions} never set the condition key "{key}", so this condition cannot match for them.',
  'catalog.condition.operatorType':
    '{operator} compares {expected} values, but "{key}" is of type {type}; use {suggestion}.',
} as const;
export type CatalogCode = keyof typeof catalogCodes;

function diagnostic(code: CatalogCode, path: string, params: Record<string, string | number>): Diagnostic {
  const message = catalogCodes[code].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  return { severity: 'warning', code, message, path, params };
}

type JsonObject = { [key: string]: Json };
const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The strings of an element with their JSON pointers (a single string sits at the element itself). */
function stringsAt(value: Json | undefined, path: string): { value: string; path: string }[] {
  if (typeof value === 'string') return [{ value, path }];
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => (typeof v === 'string' ? [{ value: v, path: `${path}/${i}` }] : []));
  }
  return [];
}

function statementsOf(doc: Json): { st: JsonObject; path: string }[] {
  if (!isObject(doc)) return [];
  const s = doc.Statement;
  if (isObject(s)) return [{ st: s, path: '/Statement' }];
  if (Array.isArray(s)) return s.flatMap((st, i) => (isObject(st) ? [{ st, path: `/Statement/${i}` }] : []));
  return [];
}

/** Every service prefix a document's Action/NotAction elements name, to `ensure` before checking. */
export function servicesNamedIn(doc: Json): string[] {
  const out = new Set<string>();
  for (const { st, path } of statementsOf(doc)) {
    for (const el of ['Action', 'NotAction']) {
      for (const a of stringsAt(st[el], path)) {
        const p = servicePrefixOf(a.value);
        if (p && !hasWildcard(p)) out.add(p);
      }
    }
    if (isObject(st.Condition)) {
      for (const block of Object.values(st.Condition)) {
        if (!isObject(block)) continue;
        for (const key of Object.keys(block)) {
          const p = servicePrefixOf(key);
          if (p && p !== 'aws') out.add(p);
        }
      }
    }
  }
  return [...out];
}

const keyPatterns = new Map<string, RegExp>();
/** Catalog keys such as 'aws:ResourceTag/${TagKey}' or 's3-outposts:ExistingObjectTag/<key>' as patterns. */
function keyPattern(key: string): RegExp {
  let re = keyPatterns.get(key);
  if (!re) {
    const source = key
      .split(/(\$\{[^}]+\}|<[^>]+>)/)
      .map((p) => (p.startsWith('${') || p.startsWith('<') ? '.+' : p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    re = new RegExp(`^${source}$`, 'i');
    keyPatterns.set(key, re);
  }
  return re;
}

export function keyMatches(defined: string, used: string): boolean {
  return defined.toLowerCase() === used.toLowerCase() || keyPattern(defined).test(used);
}

/** The catalog type of a condition key (String, ARN, Bool, Numeric, Date, IPAddress, ArrayOf...), if known. */
export function conditionKeyType(catalog: Catalog, key: string): string | undefined {
  const prefix = servicePrefixOf(key);
  const table = prefix === 'aws' ? catalog.index.globalConditionKeys : prefix ? catalog.service(prefix)?.conditionKeys : undefined;
  if (!table) return undefined;
  for (const [defined, type] of Object.entries(table)) if (keyMatches(defined, key)) return type;
  if (prefix === 'aws') {
    // Tag keys are listed per service, not among the global keys.
    if (/^aws:(RequestTag|ResourceTag|PrincipalTag)\/.+/i.test(key)) return 'String';
    if (/^aws:TagKeys$/i.test(key)) return 'ArrayOfString';
  }
  return undefined;
}

/** Operators that fit each key type (AWS: Condition operators, and each global key's "Data type"). */
const operatorsForType: Readonly<Record<string, readonly string[]>> = {
  String: ['String'],
  ARN: ['Arn', 'String'],
  Numeric: ['Numeric'],
  Date: ['Date'],
  Bool: ['Bool'],
  IPAddress: ['Ip'],
  Binary: ['Binary'],
};
/** aws:EpochTime is documented to take numeric as well as date operators. */
const extraOperators: Readonly<Record<string, readonly string[]>> = { 'aws:epochtime': ['Numeric'] };

export function operatorFamily(base: BaseOperator): string {
  if (base === 'Null') return 'Null';
  if (base === 'IpAddress' || base === 'NotIpAddress') return 'Ip';
  if (base === 'BinaryEquals') return 'Binary';
  return (/^(String|Numeric|Date|Bool|Arn)/.exec(base) ?? ['String'])[0];
}

/** Operator families that suit a key of the given catalog type ('ArrayOfString' → like 'String'). */
export function familiesForKey(key: string, type: string): readonly string[] {
  const scalar = type.replace(/^ArrayOf/, '');
  return [...(operatorsForType[scalar] ?? ['String']), ...(extraOperators[key.toLowerCase()] ?? []), 'Null'];
}

const familyWords: Readonly<Record<string, string>> = {
  String: 'string',
  Arn: 'ARN',
  Numeric: 'numeric',
  Date: 'date',
  Bool: 'Boolean',
  Ip: 'IP address',
  Binary: 'binary',
};
const familyExample: Readonly<Record<string, string>> = {
  String: 'StringEquals or StringLike',
  Arn: 'ArnEquals or ArnLike',
  Numeric: 'NumericEquals or NumericLessThan',
  Date: 'DateGreaterThan or DateLessThan',
  Bool: 'Bool',
  Ip: 'IpAddress or NotIpAddress',
  Binary: 'BinaryEquals',
};

function actionsOfStatement(catalog: Catalog, st: JsonObject, path: string, out: Diagnostic[]): CatalogAction[] {
  const actions: CatalogAction[] = [];
  for (const el of ['Action', 'NotAction'] as const) {
    for (const { value, path: p } of stringsAt(st[el], `${path}/${el}`)) {
      if (value === '*') continue;
      const prefix = servicePrefixOf(value);
      if (!prefix || hasWildcard(prefix)) continue;
      if (!catalog.hasService(prefix)) {
        out.push(diagnostic('catalog.service.unknown', p, { service: prefix, action: value }));
        continue;
      }
      const file = catalog.service(prefix);
      if (!file) continue;
      if (hasWildcard(value)) {
        if (expandActions(catalog, value).count === 0) {
          out.push(diagnostic('catalog.action.noMatch', p, { action: value, serviceName: file.name }));
        }
        continue;
      }
      const found = catalog.action(value);
      if (!found) out.push(diagnostic('catalog.action.unknown', p, { action: value, serviceName: file.name }));
      else if (el === 'Action') actions.push(found);
    }
  }
  return actions;
}

function checkResources(catalog: Catalog, st: JsonObject, path: string, actions: readonly CatalogAction[], out: Diagnostic[]): void {
  const resources = stringsAt(st.Resource, `${path}/Resource`).map((r) => r.value);
  if (resources.length === 0 || resources.includes('*')) return;
  for (const a of actions) {
    const file = catalog.service(a.service);
    if (!file) continue;
    if (a.resourceTypes.length === 0) {
      out.push(diagnostic('catalog.resource.starOnly', `${path}/Action`, { action: a.name }));
      continue;
    }
    // Judge only resources we can read: an ARN of this service whose type we recognise, or another service's ARN.
    const judged = resources.filter((r) => serviceOfArn(r) !== undefined && !hasWildcard(serviceOfArn(r) ?? ''));
    if (judged.length < resources.length) continue;
    const wanted = new Set(a.resourceTypes.map((t) => t.name));
    const applies = judged.some((r) => {
      if (serviceOfArn(r) !== a.service) return false;
      const types = resourceTypesOfArn(file, r);
      return types.length === 0 || types.some((t) => wanted.has(t));
    });
    if (!applies) {
      out.push(diagnostic('catalog.resource.notApplicable', `${path}/Resource`, { action: a.name, expected: [...wanted].join(', ') }));
    }
  }
}

function checkConditions(catalog: Catalog, st: JsonObject, path: string, actions: readonly CatalogAction[], out: Diagnostic[]): void {
  const cond = st.Condition;
  if (!isObject(cond)) return;
  for (const [operator, block] of Object.entries(cond)) {
    if (!isObject(block)) continue;
    const parsed = parseOperator(operator);
    for (const key of Object.keys(block)) {
      const p = `${path}/Condition/${escapePointerToken(operator)}/${escapePointerToken(key)}`;
      const prefix = servicePrefixOf(key);
      if (!prefix) continue;
      const type = conditionKeyType(catalog, key);
      const serviceKnown = prefix === 'aws' || catalog.service(prefix) !== undefined;
      if (type === undefined) {
        if (serviceKnown) out.push(diagnostic('catalog.condition.keyUnknown', p, { key }));
        continue;
      }
      if (prefix !== 'aws') {
        const unsupported = actions.filter((a) => !a.conditionKeys.some((k) => keyMatches(k, key)));
        if (unsupported.length > 0) {
          out.push(diagnostic('catalog.condition.keyNotSupported', p, { key, actions: unsupported.map((a) => a.name).join(', ') }));
        }
      }
      if (parsed) {
        const family = operatorFamily(parsed.base);
        const fits = familiesForKey(key, type);
        if (!fits.includes(family)) {
          out.push(
            diagnostic('catalog.condition.operatorType', p, {
              operator,
              key,
              type,
              expected: familyWords[family] ?? family,
              suggestion: familyExample[fits[0] ?? 'String'] ?? 'StringEquals',
            }),
          );
        }
      }
    }
  }
}

/** Catalog warnings for a parsed (not necessarily valid) policy document; see the module header. */
export function catalogDiagnostics(doc: Json, catalog: Catalog): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { st, path } of statementsOf(doc)) {
    const actions = actionsOfStatement(catalog, st, path, out);
    checkResources(catalog, st, path, actions, out);
    checkConditions(catalog, st, path, actions, out);
  }
  return out;
}
