// The visual builder's model and its two pure conversions: model → policy JSON and JSON → model.
// Invariant: for every document the builder can show, toPolicyJson(fromPolicyJson(doc).model) equals the
// doc with single-item lists written as strings; anything it cannot show is listed, never dropped silently.
// AWS: IAM JSON policy element reference https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
import type { Effect, Json } from '../policy/types';

export interface BuilderCondition {
  readonly operator: string;
  readonly key: string;
  readonly values: readonly string[];
}

export type BuilderPrincipal =
  | { readonly kind: 'none' }
  | { readonly kind: 'anyone' }
  | { readonly kind: 'list'; readonly aws: readonly string[]; readonly service: readonly string[]; readonly federated: readonly string[] };

export interface BuilderStatement {
  /** '' when the statement has no Sid. */
  readonly sid: string;
  readonly effect: Effect;
  readonly actions: readonly string[];
  /** Empty when the statement has no Resource element (trust policies). */
  readonly resources: readonly string[];
  readonly principal: BuilderPrincipal;
  readonly conditions: readonly BuilderCondition[];
}

export interface BuilderPolicy {
  readonly version: '2012-10-17' | '2008-10-17' | null;
  readonly id?: string;
  readonly statements: readonly BuilderStatement[];
}

/** A part of the document the builder cannot show; `path` is a JSON pointer. */
export interface Unsupported {
  readonly path: string;
  readonly reason: 'notElement' | 'canonicalUser' | 'unknownElement' | 'notString' | 'shape';
  readonly element: string;
}

export interface FromJsonResult {
  /** What the builder can show (possibly partial when `unsupported` is not empty). */
  readonly model: BuilderPolicy;
  readonly unsupported: readonly Unsupported[];
}

export const emptyStatement: BuilderStatement = {
  sid: '',
  effect: 'Allow',
  actions: [],
  resources: [],
  principal: { kind: 'none' },
  conditions: [],
};

type JsonObject = { [key: string]: Json };
const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const one = (values: readonly string[]): Json => (values.length === 1 ? (values[0] as string) : [...values]);

function principalJson(p: BuilderPrincipal): Json | undefined {
  if (p.kind === 'none') return undefined;
  if (p.kind === 'anyone') return '*';
  const out: JsonObject = {};
  if (p.aws.length) out.AWS = one(p.aws);
  if (p.service.length) out.Service = one(p.service);
  if (p.federated.length) out.Federated = one(p.federated);
  return out;
}

export function statementJson(s: BuilderStatement): JsonObject {
  const out: JsonObject = {};
  if (s.sid) out.Sid = s.sid;
  out.Effect = s.effect;
  const principal = principalJson(s.principal);
  if (principal !== undefined) out.Principal = principal;
  out.Action = one(s.actions);
  if (s.resources.length) out.Resource = one(s.resources);
  if (s.conditions.length) {
    const cond: Record<string, JsonObject> = {};
    for (const c of s.conditions) {
      const block = (cond[c.operator] ??= {});
      block[c.key] = one(c.values);
    }
    out.Condition = cond;
  }
  return out;
}

export function toPolicyJson(model: BuilderPolicy): Json {
  const out: JsonObject = {};
  if (model.version) out.Version = model.version;
  if (model.id !== undefined) out.Id = model.id;
  out.Statement = model.statements.map(statementJson);
  return out;
}

function strings(value: Json | undefined, path: string, element: string, unsupported: Unsupported[]): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  list.forEach((v, i) => {
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'number' || typeof v === 'boolean') out.push(String(v));
    else unsupported.push({ path: Array.isArray(value) ? `${path}/${i}` : path, reason: 'notString', element });
  });
  return out;
}

function readPrincipal(value: Json | undefined, path: string, unsupported: Unsupported[]): BuilderPrincipal {
  if (value === undefined) return { kind: 'none' };
  if (value === '*') return { kind: 'anyone' };
  if (!isObject(value)) {
    unsupported.push({ path, reason: 'shape', element: 'Principal' });
    return { kind: 'none' };
  }
  for (const k of Object.keys(value)) {
    if (k === 'CanonicalUser') unsupported.push({ path: `${path}/${k}`, reason: 'canonicalUser', element: 'Principal' });
    else if (!['AWS', 'Service', 'Federated'].includes(k)) unsupported.push({ path: `${path}/${k}`, reason: 'unknownElement', element: k });
  }
  return {
    kind: 'list',
    aws: strings(value.AWS, `${path}/AWS`, 'Principal', unsupported),
    service: strings(value.Service, `${path}/Service`, 'Principal', unsupported),
    federated: strings(value.Federated, `${path}/Federated`, 'Principal', unsupported),
  };
}

const pointer = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

function readStatement(st: Json, path: string, unsupported: Unsupported[]): BuilderStatement {
  if (!isObject(st)) {
    unsupported.push({ path, reason: 'shape', element: 'Statement' });
    return emptyStatement;
  }
  for (const k of Object.keys(st)) {
    if (['NotAction', 'NotResource', 'NotPrincipal'].includes(k)) unsupported.push({ path: `${path}/${k}`, reason: 'notElement', element: k });
    else if (!['Sid', 'Effect', 'Principal', 'Action', 'Resource', 'Condition'].includes(k)) {
      unsupported.push({ path: `${path}/${k}`, reason: 'unknownElement', element: k });
    }
  }
  const conditions: BuilderCondition[] = [];
  if (st.Condition !== undefined && !isObject(st.Condition)) unsupported.push({ path: `${path}/Condition`, reason: 'shape', element: 'Condition' });
  if (isObject(st.Condition)) {
    for (const [operator, block] of Object.entries(st.Condition)) {
      const opPath = `${path}/Condition/${pointer(operator)}`;
      if (!isObject(block)) {
        unsupported.push({ path: opPath, reason: 'shape', element: 'Condition' });
        continue;
      }
      for (const [key, values] of Object.entries(block)) {
        conditions.push({ operator, key, values: strings(values, `${opPath}/${pointer(key)}`, 'Condition', unsupported) });
      }
    }
  }
  if (st.Effect !== 'Allow' && st.Effect !== 'Deny') unsupported.push({ path: `${path}/Effect`, reason: 'shape', element: 'Effect' });
  return {
    sid: typeof st.Sid === 'string' ? st.Sid : '',
    effect: st.Effect === 'Deny' ? 'Deny' : 'Allow',
    actions: strings(st.Action, `${path}/Action`, 'Action', unsupported),
    resources: strings(st.Resource, `${path}/Resource`, 'Resource', unsupported),
    principal: readPrincipal(st.Principal, `${path}/Principal`, unsupported),
    conditions,
  };
}

/** Reads a policy document into the builder's model, listing every part the builder cannot show. */
export function fromPolicyJson(doc: Json): FromJsonResult {
  const unsupported: Unsupported[] = [];
  if (!isObject(doc)) return { model: { version: '2012-10-17', statements: [] }, unsupported: [{ path: '', reason: 'shape', element: 'Policy' }] };
  for (const k of Object.keys(doc)) {
    if (!['Version', 'Id', 'Statement'].includes(k)) unsupported.push({ path: `/${pointer(k)}`, reason: 'unknownElement', element: k });
  }
  const version = doc.Version === '2012-10-17' || doc.Version === '2008-10-17' ? doc.Version : null;
  if (doc.Version !== undefined && version === null) unsupported.push({ path: '/Version', reason: 'shape', element: 'Version' });
  const s = doc.Statement;
  const statements = Array.isArray(s) ? s.map((st, i) => readStatement(st, `/Statement/${i}`, unsupported)) : s === undefined ? [] : [readStatement(s, '/Statement', unsupported)];
  const model: BuilderPolicy = typeof doc.Id === 'string' ? { version, id: doc.Id, statements } : { version, statements };
  return { model, unsupported };
}
