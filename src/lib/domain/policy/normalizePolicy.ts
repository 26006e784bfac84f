// Turns a validated policy document into the engine's normalized form: every list an array,
// condition values as strings, principals as blocks. Assumes validation found no errors, yet
// never throws: anything unexpected is dropped rather than guessed at.
import type { ConditionClause, Effect, Json, NormalizedPolicy, NormalizedStatement, PrincipalBlock } from './types';
import type { JsonObject } from './validationContext';
import { childPointer } from './jsonPointer';
import { isObject, member, memberNames } from './validationContext';

function toStringList(value: Json | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

/** AWS compares condition values as text: true → "true", 10 → "10". */
function conditionValueText(value: Json): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

function normalizePrincipal(value: Json | undefined): PrincipalBlock | undefined {
  if (value === undefined) return undefined;
  if (value === '*') return { anyone: true, aws: [], service: [], federated: [], canonicalUser: [] };
  const block: JsonObject = isObject(value) ? value : {};
  return {
    anyone: false,
    aws: toStringList(member(block, 'AWS')),
    service: toStringList(member(block, 'Service')),
    federated: toStringList(member(block, 'Federated')),
    canonicalUser: toStringList(member(block, 'CanonicalUser')),
  };
}

function normalizeConditions(value: Json | undefined, path: string): ConditionClause[] {
  if (!isObject(value)) return [];
  const clauses: ConditionClause[] = [];
  for (const operator of memberNames(value)) {
    const block = member(value, operator);
    if (!isObject(block)) continue;
    for (const key of memberNames(block)) {
      const raw = member(block, key);
      const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
      const values = list.map(conditionValueText).filter((text): text is string => text !== null);
      clauses.push({ operator, key, values, path: childPointer(childPointer(path, operator), key) });
    }
  }
  return clauses;
}

function normalizeStatement(statement: JsonObject, index: number, path: string): NormalizedStatement {
  const effect: Effect = member(statement, 'Effect') === 'Deny' ? 'Deny' : 'Allow';
  const sid = member(statement, 'Sid');
  const optional = (element: string) => {
    const value = member(statement, element);
    return value === undefined ? undefined : toStringList(value);
  };
  const result: {
    -readonly [K in keyof NormalizedStatement]: NormalizedStatement[K];
  } = {
    index,
    path,
    effect,
    conditions: normalizeConditions(member(statement, 'Condition'), childPointer(path, 'Condition')),
  };
  if (typeof sid === 'string') result.sid = sid;
  const action = optional('Action');
  if (action) result.action = action;
  const notAction = optional('NotAction');
  if (notAction) result.notAction = notAction;
  const resource = optional('Resource');
  if (resource) result.resource = resource;
  const notResource = optional('NotResource');
  if (notResource) result.notResource = notResource;
  const principal = normalizePrincipal(member(statement, 'Principal'));
  if (principal) result.principal = principal;
  const notPrincipal = normalizePrincipal(member(statement, 'NotPrincipal'));
  if (notPrincipal) result.notPrincipal = notPrincipal;
  return result;
}

export function normalizePolicy(doc: Json): NormalizedPolicy {
  const root: JsonObject = isObject(doc) ? doc : {};
  const versionValue = member(root, 'Version');
  const version = versionValue === '2012-10-17' || versionValue === '2008-10-17' ? versionValue : null;
  const statementValue = member(root, 'Statement');
  const statements: NormalizedStatement[] = [];
  if (Array.isArray(statementValue)) {
    statementValue.forEach((item, i) => {
      if (isObject(item)) statements.push(normalizeStatement(item, i, childPointer('/Statement', i)));
    });
  } else if (isObject(statementValue)) {
    statements.push(normalizeStatement(statementValue, 0, '/Statement'));
  }
  const id = member(root, 'Id');
  return typeof id === 'string' ? { version, id, statements } : { version, statements };
}
