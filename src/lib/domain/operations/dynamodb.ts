// Amazon DynamoDB: tables and items (create, read, update, delete, query and scan).
// Invariant: items are unique on the table's key (partition key, plus sort key when the table has one).
// AWS: Amazon DynamoDB API Reference (CreateTable, GetItem, PutItem, UpdateItem, DeleteItem, Query, Scan);
// DynamoDB Developer Guide "Using IAM policy conditions for fine-grained access control" (dynamodb:LeadingKeys).
import type { RequestContext } from '../evaluation/types';
import type { Json } from '../policy/types';
import { tableArn, splitArn } from '../world/arns';
import type { Draft } from '../world/draft';
import type { AttributeValue, Item, Table, World } from '../world/types';
import { fail } from './operationError';
import { readTags, requireString, optionalString } from './params';
import type { AuthorizationTarget, OperationSpec, PlanContext, RunContext } from './types';

const notFound = (): never => fail('ResourceNotFoundException', 'Requested resource not found', 400);
const invalid = (message: string): never => fail('ValidationException', message, 400);

/** TableName may be a name (caller's account and region) or a table ARN (any account). */
function tableLocation(ctx: PlanContext): { accountId: string; region: string; name: string; arn: string } {
  const raw = requireString(ctx.params, 'TableName');
  const parts = raw.startsWith('arn:') ? splitArn(raw) : null;
  if (parts && parts.resource.startsWith('table/')) {
    const name = parts.resource.slice('table/'.length);
    return { accountId: parts.account, region: parts.region, name, arn: raw };
  }
  const accountId = ctx.caller.accountId ?? '';
  return { accountId, region: ctx.region, name: raw, arn: tableArn(ctx.region, accountId, raw) };
}

function findTable(world: World | Draft<World>, ctx: PlanContext): Table | Draft<Table> | undefined {
  const loc = tableLocation(ctx);
  const t = world.accounts[loc.accountId]?.dynamodb.tables[loc.name];
  return t && t.region === loc.region ? t : undefined;
}

function requireTable(ctx: RunContext): Draft<Table> {
  const t = findTable(ctx.draft, ctx) as Draft<Table> | undefined;
  return t ?? notFound();
}

/** Accepts DynamoDB's typed form ({ S: 'x' }, { N: '1' }, { BOOL: true }) or a plain value. */
function fromWire(v: Json | undefined): AttributeValue | undefined {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    if (typeof v.S === 'string') return v.S;
    if (typeof v.N === 'string' || typeof v.N === 'number') return Number(v.N);
    if (typeof v.BOOL === 'boolean') return v.BOOL;
  }
  return undefined;
}

function toWire(v: AttributeValue): Json {
  return typeof v === 'string' ? { S: v } : typeof v === 'number' ? { N: String(v) } : { BOOL: v };
}

function itemToWire(item: Item): Json {
  return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, toWire(v)]));
}

function readItem(raw: Json | undefined, member: string): Record<string, AttributeValue> {
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
    return invalid(`1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  }
  const out: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(raw)) {
    const value = fromWire(v);
    if (value === undefined) return invalid(`One or more parameter values were invalid: unsupported attribute value for ${k}`);
    out[k] = value;
  }
  return out;
}

function keyOf(table: Table | Draft<Table>, item: Readonly<Record<string, AttributeValue>>): AttributeValue[] {
  const pk = item[table.partitionKey];
  if (pk === undefined) return invalid(`One or more parameter values were invalid: Missing the key ${table.partitionKey} in the item`);
  if (!table.sortKey) return [pk];
  const sk = item[table.sortKey];
  if (sk === undefined) return invalid(`One or more parameter values were invalid: Missing the key ${table.sortKey} in the item`);
  return [pk, sk];
}

function sameKey(table: Table | Draft<Table>, a: Item, key: readonly AttributeValue[]): boolean {
  return a[table.partitionKey] === key[0] && (!table.sortKey || a[table.sortKey] === key[1]);
}

/** The Key parameter must name exactly the table's key attributes. */
function readKey(table: Table | Draft<Table>, ctx: PlanContext): AttributeValue[] {
  const key = readItem(ctx.params.Key, 'key');
  const expected = table.sortKey ? 2 : 1;
  if (Object.keys(key).length !== expected) return invalid('The provided key element does not match the schema');
  return keyOf(table, key);
}

/** dynamodb:LeadingKeys is the partition key value of the item(s) the request touches. */
function leadingKeys(ctx: PlanContext): RequestContext {
  const table = findTable(ctx.world, ctx);
  if (!table) return {};
  const source = ctx.params.Key ?? ctx.params.Item;
  if (source && typeof source === 'object' && !Array.isArray(source)) {
    const v = fromWire((source as { [k: string]: Json })[table.partitionKey]);
    if (v !== undefined) return { 'dynamodb:LeadingKeys': [String(v)] };
  }
  const values = ctx.params.ExpressionAttributeValues;
  const expr = optionalString(ctx.params, 'KeyConditionExpression');
  if (expr && values && typeof values === 'object' && !Array.isArray(values)) {
    const m = new RegExp(`${table.partitionKey}\\s*=\\s*(:\\w+)`).exec(expr);
    const v = m?.[1] ? fromWire(values[m[1]]) : undefined;
    if (v !== undefined) return { 'dynamodb:LeadingKeys': [String(v)] };
  }
  return {};
}

function tableTarget(action: string, extra?: (ctx: PlanContext) => RequestContext) {
  return (ctx: PlanContext): AuthorizationTarget[] => {
    const loc = tableLocation(ctx);
    const table = findTable(ctx.world, ctx);
    const tags: Record<string, string> = {};
    for (const [k, v] of Object.entries(table?.tags ?? {})) tags[`aws:ResourceTag/${k}`] = v;
    return [{ action: `dynamodb:${action}`, resource: loc.arn, resourceAccount: loc.accountId, context: { ...tags, ...(extra ? extra(ctx) : {}) } }];
  };
}

function op(name: string, crud: OperationSpec['crud'], plan: OperationSpec['plan'], run: OperationSpec['run']): OperationSpec {
  return { name: `dynamodb:${name}`, crud, accessDeniedCode: 'AccessDeniedException', plan, run };
}

function tableDescription(t: Table | Draft<Table>): Json {
  return {
    TableName: t.name,
    TableArn: t.arn,
    TableStatus: t.status,
    CreationDateTime: t.createdAt,
    ItemCount: t.items.length,
    KeySchema: [
      { AttributeName: t.partitionKey, KeyType: 'HASH' },
      ...(t.sortKey ? [{ AttributeName: t.sortKey, KeyType: 'RANGE' }] : []),
    ],
  };
}

/** The lab supports "pk = :v" optionally followed by "AND sk = :s" or "AND begins_with(sk, :p)". */
function queryMatcher(table: Draft<Table>, ctx: RunContext): (item: Item) => boolean {
  const expr = requireString(ctx.params, 'KeyConditionExpression');
  const values = ctx.params.ExpressionAttributeValues;
  const valueOf = (name: string): AttributeValue => {
    const v = values && typeof values === 'object' && !Array.isArray(values) ? fromWire(values[name]) : undefined;
    return v ?? invalid(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${name}}`);
  };
  const pk = new RegExp(`^\\s*${table.partitionKey}\\s*=\\s*(:\\w+)`).exec(expr);
  if (!pk?.[1]) return invalid('Query condition missed key schema element: ' + table.partitionKey);
  const pkValue = valueOf(pk[1]);
  const rest = expr.slice(pk[0].length).trim();
  if (!rest) return (item) => item[table.partitionKey] === pkValue;
  const sk = table.sortKey ?? '';
  const eq = new RegExp(`^AND\\s+${sk}\\s*=\\s*(:\\w+)\\s*$`, 'i').exec(rest);
  if (eq?.[1]) {
    const v = valueOf(eq[1]);
    return (item) => item[table.partitionKey] === pkValue && item[sk] === v;
  }
  const begins = new RegExp(`^AND\\s+begins_with\\(\\s*${sk}\\s*,\\s*(:\\w+)\\s*\\)\\s*$`, 'i').exec(rest);
  if (begins?.[1]) {
    const v = String(valueOf(begins[1]));
    return (item) => item[table.partitionKey] === pkValue && String(item[sk] ?? '').startsWith(v);
  }
  return invalid('Invalid KeyConditionExpression: the lab supports "pk = :v", "AND sk = :s" and "AND begins_with(sk, :p)"');
}

export const dynamodbOperations: readonly OperationSpec[] = [
  op(
    'CreateTable',
    'Create',
    tableTarget('CreateTable', (ctx) => {
      const tags = readTags(ctx.params);
      const keys = Object.keys(tags);
      return keys.length ? { 'aws:TagKeys': keys, ...Object.fromEntries(keys.map((k) => [`aws:RequestTag/${k}`, tags[k] ?? ''])) } : {};
    }),
    (ctx) => {
      const loc = tableLocation(ctx);
      const account = ctx.draft.accounts[loc.accountId];
      if (!account || loc.accountId !== ctx.caller.accountId) return fail('AccessDeniedException', 'Tables can only be created in the caller\'s account.', 400);
      if (account.dynamodb.tables[loc.name]) fail('ResourceInUseException', `Table already exists: ${loc.name}`, 400);
      const schema = ctx.params.KeySchema;
      const entries = Array.isArray(schema) ? schema : [];
      const nameOf = (type: string): string | undefined => {
        const e = entries.find((x) => x !== null && typeof x === 'object' && !Array.isArray(x) && x.KeyType === type);
        return e && typeof e === 'object' && !Array.isArray(e) && typeof e.AttributeName === 'string' ? e.AttributeName : undefined;
      };
      const partitionKey = nameOf('HASH');
      if (!partitionKey) return invalid('1 validation error detected: Value null at \'keySchema\' failed to satisfy constraint: Member must not be null');
      const sortKey = nameOf('RANGE');
      const table: Draft<Table> = {
        name: loc.name,
        arn: loc.arn,
        region: loc.region,
        createdAt: ctx.now,
        status: 'ACTIVE',
        partitionKey,
        ...(sortKey ? { sortKey } : {}),
        items: [],
        tags: readTags(ctx.params),
      };
      account.dynamodb.tables[loc.name] = table;
      ctx.changes.push({ kind: 'created', entity: 'table', id: loc.name, parent: account.id });
      return { TableDescription: tableDescription(table) };
    },
  ),
  op('DeleteTable', 'Delete', tableTarget('DeleteTable'), (ctx) => {
    const loc = tableLocation(ctx);
    const table = requireTable(ctx);
    const description = tableDescription(table);
    delete ctx.draft.accounts[loc.accountId]?.dynamodb.tables[loc.name];
    ctx.changes.push({ kind: 'deleted', entity: 'table', id: loc.name, parent: loc.accountId });
    return { TableDescription: description };
  }),
  op('DescribeTable', 'Read', tableTarget('DescribeTable'), (ctx) => ({ Table: tableDescription(requireTable(ctx)) })),
  op(
    'ListTables',
    'List',
    () => [{ action: 'dynamodb:ListTables', resource: '*' }],
    (ctx) => {
      const account = ctx.caller.accountId ? ctx.draft.accounts[ctx.caller.accountId] : undefined;
      return { TableNames: Object.values(account?.dynamodb.tables ?? {}).filter((t) => t.region === ctx.region).map((t) => t.name).sort() };
    },
  ),
  op('GetItem', 'Read', tableTarget('GetItem', leadingKeys), (ctx): Json => {
    const table = requireTable(ctx);
    const key = readKey(table, ctx);
    const item = table.items.find((i) => sameKey(table, i, key));
    return item ? { Item: itemToWire(item) } : {};
  }),
  op('PutItem', 'Create', tableTarget('PutItem', leadingKeys), (ctx) => {
    const table = requireTable(ctx);
    const item = readItem(ctx.params.Item, 'item');
    const key = keyOf(table, item);
    const index = table.items.findIndex((i) => sameKey(table, i, key));
    if (index >= 0) table.items[index] = item;
    else table.items.push(item);
    ctx.changes.push({ kind: index >= 0 ? 'updated' : 'created', entity: 'item', id: key.map(String).join('/'), parent: table.name });
    return {};
  }),
  op('UpdateItem', 'Update', tableTarget('UpdateItem', leadingKeys), (ctx) => {
    const table = requireTable(ctx);
    const key = readKey(table, ctx);
    // The lab supports "SET a = :x, b = :y" (and AttributeUpdates { a: { Value } } from the legacy API).
    const updates: Record<string, AttributeValue> = {};
    const expr = optionalString(ctx.params, 'UpdateExpression');
    const values = ctx.params.ExpressionAttributeValues;
    if (expr) {
      const m = /^\s*SET\s+(.+)$/i.exec(expr);
      if (!m?.[1]) return invalid('Invalid UpdateExpression: the lab supports SET a = :v, b = :w');
      for (const part of m[1].split(',')) {
        const pm = /^\s*(\w+)\s*=\s*(:\w+)\s*$/.exec(part);
        const v = pm?.[2] && values && typeof values === 'object' && !Array.isArray(values) ? fromWire(values[pm[2]]) : undefined;
        if (!pm?.[1] || v === undefined) return invalid(`Invalid UpdateExpression: ${part.trim()}`);
        updates[pm[1]] = v;
      }
    }
    if ([table.partitionKey, table.sortKey].some((k) => k !== undefined && k in updates)) {
      return invalid('One or more parameter values were invalid: Cannot update attribute ' + table.partitionKey + '. This attribute is part of the key');
    }
    const index = table.items.findIndex((i) => sameKey(table, i, key));
    const base: Record<string, AttributeValue> = index >= 0 ? { ...table.items[index] } : { [table.partitionKey]: key[0] as AttributeValue, ...(table.sortKey ? { [table.sortKey]: key[1] as AttributeValue } : {}) };
    const next = { ...base, ...updates };
    if (index >= 0) table.items[index] = next;
    else table.items.push(next);
    ctx.changes.push({ kind: index >= 0 ? 'updated' : 'created', entity: 'item', id: key.map(String).join('/'), parent: table.name, fields: Object.fromEntries(Object.entries(updates).map(([k, v]) => [k, String(v)])) });
    return { Attributes: itemToWire(next) };
  }),
  op('DeleteItem', 'Delete', tableTarget('DeleteItem', leadingKeys), (ctx) => {
    const table = requireTable(ctx);
    const key = readKey(table, ctx);
    const index = table.items.findIndex((i) => sameKey(table, i, key));
    if (index >= 0) {
      table.items.splice(index, 1);
      ctx.changes.push({ kind: 'deleted', entity: 'item', id: key.map(String).join('/'), parent: table.name });
    }
    return {};
  }),
  op('Query', 'List', tableTarget('Query', leadingKeys), (ctx) => {
    const table = requireTable(ctx);
    const match = queryMatcher(table, ctx);
    const items = table.items.filter(match);
    return { Items: items.map(itemToWire), Count: items.length, ScannedCount: items.length };
  }),
  op('Scan', 'List', tableTarget('Scan'), (ctx) => {
    const table = requireTable(ctx);
    return { Items: table.items.map(itemToWire), Count: table.items.length, ScannedCount: table.items.length };
  }),
];
