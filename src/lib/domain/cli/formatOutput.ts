// Prints a response the way the AWS CLI does for --output json, text and table.
// Invariant: pure; an empty response prints nothing (the CLI prints nothing for {}), and key order is the
// response's for json, sorted for text and table as the CLI sorts them.
// AWS: AWS CLI User Guide, "Setting the output format in the AWS CLI" (JSON, text, table).
import type { Json } from '../policy/types';
import type { OutputFormat } from './parseCommand';

type Obj = { readonly [k: string]: Json };

const isObj = (v: Json | undefined): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const isScalar = (v: Json | undefined): boolean => v === null || typeof v !== 'object';
/** Empty lists and objects get no section of their own in a table. */
const isEmpty = (v: Json | undefined): boolean => (Array.isArray(v) ? v.length === 0 : isObj(v) && Object.keys(v).length === 0);

/** How the CLI (Python) writes a scalar in text and table output. */
function scalarText(v: Json | undefined): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

/** json.dumps(indent=4): the same layout as JSON.stringify with four spaces. */
export function formatJson(value: Json): string {
  return JSON.stringify(value, null, 4);
}

// ---------------------------------------------------------------- text

function textInto(out: string[], item: Json, identifier?: string, scalarKeys?: readonly string[]): void {
  if (Array.isArray(item)) textList(out, item, identifier);
  else if (isObj(item)) textDict(out, item, identifier, scalarKeys);
  else out.push(scalarText(item));
}

function textList(out: string[], list: readonly Json[], identifier?: string): void {
  if (list.length === 0) return;
  if (list.some(isObj)) {
    const keys = [...new Set(list.flatMap((el) => (isObj(el) ? Object.keys(el).filter((k) => isScalar(el[k])) : [])))].sort();
    for (const el of list) textInto(out, el, identifier, keys);
    return;
  }
  const scalars = list.filter(isScalar);
  const nested = list.filter((el) => !isScalar(el));
  if (scalars.length > 0) {
    if (identifier !== undefined) for (const s of scalars) out.push(`${identifier.toUpperCase()}\t${scalarText(s)}`);
    else out.push(scalars.map(scalarText).join('\t'));
  }
  for (const n of nested) textInto(out, n, identifier);
}

function textDict(out: string[], obj: Obj, identifier?: string, scalarKeys?: readonly string[]): void {
  const scalars: string[] = [];
  const nested: [string, Json][] = [];
  if (scalarKeys === undefined) {
    for (const k of Object.keys(obj).sort()) {
      const v = obj[k] ?? null;
      if (isScalar(v)) scalars.push(scalarText(v));
      else nested.push([k, v]);
    }
  } else {
    for (const k of scalarKeys) scalars.push(k in obj ? scalarText(obj[k]) : '');
    for (const k of Object.keys(obj).filter((k) => !scalarKeys.includes(k)).sort()) nested.push([k, obj[k] ?? null]);
  }
  if (scalars.length > 0) out.push((identifier !== undefined ? [identifier.toUpperCase(), ...scalars] : scalars).join('\t'));
  for (const [k, v] of nested) textInto(out, v, k);
}

/** --output text: tab-separated scalars, one line per object, nested lists prefixed with their key. */
export function formatText(value: Json): string {
  const out: string[] = [];
  textInto(out, value);
  return out.join('\n');
}

// ---------------------------------------------------------------- table

interface Section {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly children: readonly Section[];
}

function sectionOf(title: string, value: Json): Section {
  if (Array.isArray(value)) {
    if (value.some(isObj)) {
      const objs = value.filter(isObj);
      const headers = [...new Set(objs.flatMap((el) => Object.keys(el).filter((k) => isScalar(el[k]))))].sort();
      const rows = headers.length > 0 ? objs.map((el) => headers.map((h) => (h in el ? scalarText(el[h]) : ''))) : [];
      const children = objs.flatMap((el) => Object.keys(el).sort().filter((k) => !isScalar(el[k]) && !isEmpty(el[k])).map((k) => sectionOf(k, el[k] ?? null)));
      return { title, headers, rows, children };
    }
    // A projection such as Users[].[UserName,Arn]: one row per inner list.
    if (value.length > 0 && value.every((v) => Array.isArray(v) && v.every(isScalar))) {
      return { title, headers: [], rows: value.map((v) => (Array.isArray(v) ? v.map(scalarText) : [])), children: [] };
    }
    return { title, headers: [], rows: value.filter(isScalar).map((v) => [scalarText(v)]), children: value.filter((v) => !isScalar(v)).map((v) => sectionOf(title, v)) };
  }
  if (isObj(value)) {
    const keys = Object.keys(value).sort();
    const headers = keys.filter((k) => isScalar(value[k]));
    return {
      title,
      headers,
      rows: headers.length > 0 ? [headers.map((h) => scalarText(value[h]))] : [],
      children: keys.filter((k) => !isScalar(value[k]) && !isEmpty(value[k])).map((k) => sectionOf(k, value[k] ?? null)),
    };
  }
  return { title, headers: [], rows: [[scalarText(value)]], children: [] };
}

function columnWidths(s: Section): number[] {
  const count = Math.max(s.headers.length, ...s.rows.map((r) => r.length), 0);
  return Array.from({ length: count }, (_, i) => Math.max((s.headers[i] ?? '').length, ...s.rows.map((r) => (r[i] ?? '').length)) + 4);
}

/** The inner width (between the outer bars) a section needs. */
function neededWidth(s: Section): number {
  const cols = columnWidths(s);
  const table = cols.length > 0 ? cols.reduce((a, b) => a + b, 0) + cols.length - 1 : 0;
  return Math.max(s.title.length + 4, table, ...s.children.map((c) => neededWidth(c) + 2));
}

function center(text: string, width: number): string {
  const left = Math.floor((width - text.length) / 2);
  return ' '.repeat(Math.max(0, left)) + text + ' '.repeat(Math.max(0, width - text.length - left));
}

/** Spreads `inner` over the columns: each keeps its need, the rest goes to the columns left to right. */
function stretch(cols: readonly number[], inner: number): number[] {
  const used = cols.reduce((a, b) => a + b, 0) + cols.length - 1;
  const extra = inner - used;
  const each = Math.floor(extra / cols.length);
  let rest = extra - each * cols.length;
  return cols.map((w) => {
    const add = rest > 0 ? 1 : 0;
    rest -= add;
    return w + each + add;
  });
}

function renderSection(s: Section, inner: number): string[] {
  const lines = [`|${center(s.title, inner)}|`];
  const cols = columnWidths(s);
  if (cols.length > 0 && s.rows.length > 0) {
    const widths = stretch(cols, inner);
    const sep = `+${widths.map((w) => '-'.repeat(w)).join('+')}+`;
    lines.push(sep);
    if (s.headers.length > 0) {
      lines.push(`|${widths.map((w, i) => center(s.headers[i] ?? '', w)).join('|')}|`);
      lines.push(sep);
    }
    for (const row of s.rows) lines.push(`|${widths.map((w, i) => `  ${row[i] ?? ''}`.padEnd(w)).join('|')}|`);
    lines.push(sep);
  } else {
    lines.push(`+${'-'.repeat(inner)}+`);
  }
  for (const child of s.children) lines.push(...renderSection(child, inner - 2).map((l) => `|${l}|`));
  return lines;
}

/** --output table: boxed sections titled by the operation, then by each nested key. */
export function formatTable(value: Json, title: string): string {
  const section = sectionOf(title, value);
  const inner = neededWidth(section);
  return [`${'-'.repeat(inner + 2)}`, ...renderSection(section, inner)].join('\n');
}

/** True when the CLI would print nothing for this response. */
export function isEmptyResponse(value: Json): boolean {
  return value === null || (isObj(value) && Object.keys(value).length === 0);
}

/** Formats `value` in `format`; '' when the CLI prints nothing. */
export function formatOutput(value: Json, format: OutputFormat, title: string): string {
  if (isEmptyResponse(value)) return '';
  if (format === 'text') return formatText(value);
  if (format === 'table') return formatTable(value, title);
  return formatJson(value);
}
