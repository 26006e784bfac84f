// Autocomplete for policy JSON: element names by nesting, Effect/Version values, actions from the catalog,
// condition operators and keys, and ARNs of the lab's resources and principals.
// Invariant: the context comes from a small tolerant scan of the text before the cursor, so completion works
// while the document is still incomplete (unterminated strings, missing braces).
import type { CompletionContext, CompletionResult, Completion, CompletionSource } from '@codemirror/autocomplete';
import { baseOperators } from '../../domain/conditions/operators';
import { actionsOf, servicesNamedIn } from '../../domain/catalog';
import type { Catalog } from '../../domain/catalog';
import { parsePolicyText } from '../../domain/policy';
import type { LabArn } from './labArns';

export interface CompletionDeps {
  readonly labArns: () => readonly LabArn[];
}

type Frame = { kind: 'object'; key: string | null; afterColon: boolean } | { kind: 'array' };

export type PolicyContext =
  | { readonly kind: 'key'; readonly parents: readonly string[] }
  | { readonly kind: 'value'; readonly key: string; readonly parents: readonly string[] };

/** Where the cursor is: completing a key (with the keys of the enclosing objects) or a value of `key`. */
export function contextAt(text: string): PolicyContext | null {
  const stack: Frame[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const str = text.slice(i + 1, j);
      const top = stack.at(-1);
      if (top?.kind === 'object' && !top.afterColon) top.key = str;
      i = j + 1;
      continue;
    }
    const top = stack.at(-1);
    if (ch === '{') stack.push({ kind: 'object', key: null, afterColon: false });
    else if (ch === '[') stack.push({ kind: 'array' });
    else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === ':' && top?.kind === 'object') top.afterColon = true;
    else if (ch === ',' && top?.kind === 'object') {
      top.afterColon = false;
      top.key = null;
    }
    i++;
  }
  const top = stack.at(-1);
  if (!top) return null;
  const keysOf = (frames: Frame[]): string[] => frames.flatMap((f) => (f.kind === 'object' && f.key !== null ? [f.key] : []));
  if (top.kind === 'object' && !top.afterColon) return { kind: 'key', parents: keysOf(stack.slice(0, -1)) };
  if (top.kind === 'object' && top.key !== null) return { kind: 'value', key: top.key, parents: keysOf(stack.slice(0, -1)) };
  const below = stack.at(-2);
  if (top.kind === 'array' && below?.kind === 'object' && below.key !== null) return { kind: 'value', key: below.key, parents: keysOf(stack.slice(0, -2)) };
  return null;
}

const topElements = ['Version', 'Id', 'Statement'];
const statementElements = ['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];
const principalTypes = ['AWS', 'Service', 'Federated', 'CanonicalUser'];
const servicePrincipals = ['ec2.amazonaws.com', 'lambda.amazonaws.com', 's3.amazonaws.com', 'cloudtrail.amazonaws.com', 'ecs-tasks.amazonaws.com'];

export const conditionOperatorNames: readonly string[] = baseOperators.flatMap((b) =>
  b === 'Null' ? [b] : [b, `${b}IfExists`, `ForAnyValue:${b}`, `ForAllValues:${b}`],
);

const words = (labels: readonly string[], type: string, detail?: string): Completion[] => labels.map((label) => ({ label, type, detail }));

function keyOptions(parents: readonly string[], catalog: Catalog | undefined, doc: string): Completion[] {
  const last = parents.at(-1);
  const prev = parents.at(-2);
  if (last === undefined) return words(topElements, 'property');
  if (last === 'Statement') return words(statementElements, 'property');
  if (last === 'Principal' || last === 'NotPrincipal') return words(principalTypes, 'property');
  if (last === 'Condition') return words(conditionOperatorNames, 'keyword');
  if (prev === 'Condition') return conditionKeyOptions(catalog, doc);
  return [];
}

function conditionKeyOptions(catalog: Catalog | undefined, doc: string): Completion[] {
  if (!catalog) return [];
  const out = Object.entries(catalog.index.globalConditionKeys).map(([k, type]) => ({ label: k, type: 'variable', detail: type }));
  const parsed = parsePolicyText(doc);
  const services = parsed.ok ? servicesNamedIn(parsed.value) : [];
  for (const p of services) {
    for (const [k, type] of Object.entries(catalog.service(p)?.conditionKeys ?? {})) out.push({ label: k, type: 'variable', detail: type });
  }
  return out;
}

async function actionOptions(typed: string, catalog: Catalog | undefined): Promise<Completion[]> {
  if (!catalog) return [];
  const colon = typed.indexOf(':');
  if (colon < 0) {
    return catalog.index.services.map(([p, name, count]) => ({ label: `${p}:`, type: 'namespace', detail: `${name} · ${count}` }));
  }
  const prefix = typed.slice(0, colon).toLowerCase();
  await catalog.ensure([prefix]);
  return [
    { label: `${prefix}:*`, type: 'keyword', detail: 'all' },
    ...actionsOf(catalog, prefix).map((a) => ({ label: a.name, type: 'function', detail: a.accessLevel })),
  ];
}

function arnOptions(deps: CompletionDeps, principals: boolean): Completion[] {
  const principalTypesWanted = new Set(['root', 'user', 'role']);
  const arns = deps.labArns().filter((a) => (principals ? principalTypesWanted.has(a.type) : a.type !== 'root' && a.type !== 'group'));
  return [{ label: '*', type: 'keyword' }, ...arns.map((a) => ({ label: a.arn, type: 'constant', detail: a.type }))];
}

async function valueOptions(key: string, parents: readonly string[], typed: string, deps: CompletionDeps, catalog: Catalog | undefined): Promise<Completion[]> {
  switch (key) {
    case 'Effect':
      return words(['Allow', 'Deny'], 'keyword');
    case 'Version':
      return words(['2012-10-17'], 'keyword');
    case 'Action':
    case 'NotAction':
      return actionOptions(typed, catalog);
    case 'Resource':
    case 'NotResource':
      return arnOptions(deps, false);
    case 'AWS':
      return parents.at(-1) === 'Principal' || parents.at(-1) === 'NotPrincipal' ? arnOptions(deps, true) : [];
    case 'Service':
      return words(servicePrincipals, 'constant');
    case 'Principal':
      return words(['*'], 'keyword');
    default:
      return [];
  }
}

/** The completion source; `catalog` resolves once the lazy catalog index is loaded. */
export function policyCompletions(deps: CompletionDeps, catalog: () => Promise<Catalog>): CompletionSource {
  return async (ctx: CompletionContext): Promise<CompletionResult | null> => {
    const before = ctx.state.doc.sliceString(0, ctx.pos);
    const open = /"([^"\\]*)$/.exec(before);
    const quoteStart = open ? ctx.pos - (open[1]?.length ?? 0) - 1 : -1;
    // Inside a string the token is what follows its quote; outside one, complete only on request.
    if (quoteStart < 0 && !ctx.explicit) return null;
    const scanned = contextAt(quoteStart >= 0 ? before.slice(0, quoteStart) : before);
    if (!scanned) return null;
    const typed = open?.[1] ?? '';
    const loaded = await catalog().catch(() => undefined);
    const doc = ctx.state.doc.toString();
    const options =
      scanned.kind === 'key'
        ? keyOptions(scanned.parents, loaded, doc)
        : await valueOptions(scanned.key, scanned.parents, typed, deps, loaded);
    if (options.length === 0) return null;
    const from = quoteStart >= 0 ? quoteStart + 1 : ctx.pos;
    const wrapped = quoteStart >= 0 ? options : options.map((o) => ({ ...o, apply: `"${o.label}"` }));
    return { from, options: wrapped, validFor: /^[\w:*\-./${}]*$/ };
  };
}
