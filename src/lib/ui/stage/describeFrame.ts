// Turns one frame of a played record into what the stage shows: a title, plain sentences, bullet items,
// the policy to display with the parts to highlight, and the checked values. Pure; words come from `t`.
// Invariant: everything is derived from the record's own steps and refs; nothing is re-evaluated here.
import { t, type MessageKey } from '../../i18n';
import { en } from '../../i18n/en';
import type { ElementMatch, TraceStep } from '../../domain/evaluation/types';
import type { Json } from '../../domain/policy/types';
import type { AuthenticationStep, GatheredPolicy, RequestRecord } from '../../domain/pipeline/types';
import type { Frame } from '../../machines/frames';
import { pathsOfText, valueAt } from './policyTokens';

export type MarkKind = 'focus' | 'match' | 'miss';

export interface Mark {
  readonly path: string;
  readonly kind: MarkKind;
  /** Highlight the member's name too (a condition key, not just its values). */
  readonly withKey?: boolean;
}

export interface PolicyView {
  readonly id: string;
  readonly label: string;
  readonly document: Json;
  readonly marks: readonly Mark[];
}

export interface Item {
  readonly text: string;
  /** true: matched / passed; false: did not; absent: neutral. */
  readonly ok?: boolean;
}

export interface FrameView {
  readonly title: string;
  readonly lines: readonly string[];
  readonly items: readonly Item[];
  readonly conditions: readonly Item[];
  /** Heading of the `conditions` list when it is not a statement's conditions (e.g. SigV4 checks). */
  readonly conditionsTitle?: string;
  readonly policy?: PolicyView;
  /** Values an authentication step looked at (never secrets: the pipeline puts none there). */
  readonly params: readonly (readonly [string, string])[];
  readonly sigv4?: { readonly canonicalRequest?: string; readonly stringToSign?: string; readonly signature?: string };
}

type StatementStep = Extract<TraceStep, { kind: 'statement.check' }>;
type ConditionStep = Extract<TraceStep, { kind: 'condition.check' }>;

/** Who sent the request, in words. */
export function whoOf(record: RequestRecord): string {
  const p = record.authentication.principal;
  if (!p) return record.request.credentials.kind === 'anonymous' ? t('stage.who.anonymous') : t('stage.who.unknown');
  if (p.principal.kind === 'anonymous') return t('stage.who.anonymous');
  if (p.principal.kind === 'root') return t('stage.who.root', { account: p.principal.accountId });
  if (p.roleName) return p.sessionName ? `${p.roleName}/${p.sessionName}` : p.roleName;
  if (p.userName) return p.userName;
  return 'arn' in p.principal ? p.principal.arn : t('stage.who.unknown');
}

export function policyOf(record: RequestRecord, checkIndex: number, policyId: string): GatheredPolicy | undefined {
  return record.authorization?.checks[checkIndex]?.policies.find((p) => p.id === policyId);
}

export function statementName(sid: string | undefined, index: number | undefined): string {
  return sid ? t('stage.statement.sid', { sid }) : t('stage.statement.index', { n: (index ?? 0) + 1 });
}

/** The JSON pointer of statement `index` in a document (Statement may be one object or a list). */
export function statementPath(document: Json, index: number): string {
  const statement = valueAt(document, '/Statement');
  return Array.isArray(statement) ? `/Statement/${index}` : '/Statement';
}

function elementText(m: ElementMatch): string {
  if (m.matched) return t(`stage.match.${m.element}` as const, { value: m.value, pattern: m.pattern ?? '' });
  if (m.reason) return t(`stage.mismatch.${m.reason}` as const, { value: m.value, pattern: m.pattern ?? '', key: '' });
  return t('stage.mismatch.actionNotListed', { value: m.value });
}

function values(list: readonly string[] | null): string {
  return list === null || list.length === 0 ? t('stage.condition.absent') : list.join(', ');
}

export function conditionItem(c: ConditionStep): Item {
  const line = t('stage.condition.line', {
    operator: c.operator,
    key: c.key,
    request: values(c.requestValues),
    policy: values(c.policyValues),
  });
  const verdict = c.matched ? t('stage.condition.matched') : c.reason ? t(`stage.mismatch.${c.reason}` as const, { key: c.key, value: '', pattern: '' }) : t('stage.condition.notMatched');
  return { text: `${line}: ${verdict}`, ok: c.matched };
}

/** Highlights for one statement check: the statement, each element's pattern, each condition. */
export function statementMarks(document: Json, step: StatementStep, conditions: readonly ConditionStep[]): Mark[] {
  const base = step.ref.path ?? statementPath(document, step.ref.statementIndex ?? 0);
  const marks: Mark[] = [{ path: base, kind: 'focus' }];
  for (const m of step.matches) {
    const elementPath = `${base}/${m.element}`;
    // For Not* elements the pattern is the one that excluded the value: that is the part that failed.
    const hits = m.pattern ? pathsOfText(document, elementPath, m.pattern) : [];
    const kind: MarkKind = m.matched ? 'match' : 'miss';
    if (hits.length > 0) for (const path of hits) marks.push({ path, kind });
    else marks.push({ path: elementPath, kind });
  }
  for (const c of conditions) if (c.ref.path) marks.push({ path: c.ref.path, kind: c.matched ? 'match' : 'miss', withKey: true });
  return marks;
}

function authView(step: AuthenticationStep): FrameView {
  const { canonicalRequest, stringToSign, signature, ...rest } = step.params ?? {};
  const computed = step.sigv4;
  const sig = {
    canonicalRequest: computed?.canonicalRequest ?? canonicalRequest,
    stringToSign: computed?.stringToSign ?? stringToSign,
    signature: computed?.signature ?? signature,
  };
  const sigv4 = step.kind.startsWith('sigv4.') && (sig.canonicalRequest || sig.stringToSign || sig.signature) ? sig : undefined;
  const checks = (step.sigv4Checks ?? []).map((c) => ({
    text: c.detail ? `${t(`stage.sigv4.check.${c.check}` as const)} (${c.detail})` : t(`stage.sigv4.check.${c.check}` as const),
    ok: c.outcome === 'pass',
  }));
  const signInKey = step.signInCheck ? `stage.signin.${step.signInCheck}.${step.params?.['outcome'] ?? (step.ok ? 'pass' : 'fail')}` : '';
  if (signInKey && signInKey in en) {
    const { outcome: _, detail = '', ...others } = step.params ?? {};
    return { title: t('stage.auth.title'), lines: [t(signInKey as MessageKey, { detail })], items: [], conditions: [], params: Object.entries(others) };
  }
  const kindKey = `stage.credentials.${step.params?.['kind'] ?? ''}`;
  const words: Record<string, string> = step.kind === 'credentials.kind' && kindKey in en ? { kind: t(kindKey as MessageKey) } : {};
  return {
    title: t('stage.auth.title'),
    lines: [t(`stage.auth.${step.kind}.${step.ok ? 'ok' : 'fail'}` as const, { ...(step.params ?? {}), ...words })],
    items: [],
    conditions: checks,
    conditionsTitle: checks.length ? t('stage.sigv4.checks') : undefined,
    params: Object.entries(sigv4 ? rest : (step.params ?? {})),
    sigv4,
  };
}

const empty = { items: [], conditions: [], params: [] } as const;

function labelOf(record: RequestRecord, checkIndex: number, policyId: string, fallback?: string): string {
  return policyOf(record, checkIndex, policyId)?.label ?? fallback ?? policyId;
}

function policyView(record: RequestRecord, checkIndex: number, policyId: string, marks: Mark[]): PolicyView | undefined {
  const p = policyOf(record, checkIndex, policyId);
  return p ? { id: p.id, label: p.label, document: p.document, marks } : undefined;
}

/** What the stage shows for one frame. Outcome frames get a title only: the outcome card shows the rest. */
export function describeFrame(record: RequestRecord, frame: Frame): FrameView {
  switch (frame.kind) {
    case 'auth.step': {
      const step = record.authentication.steps[frame.stepIndex];
      return step ? authView(step) : { title: t('stage.auth.title'), lines: [], ...empty };
    }
    case 'authz.check': {
      const check = record.authorization!.checks[frame.checkIndex]!;
      const total = record.authorization!.checks.length;
      const lines = [t('stage.check.body', { action: check.action, resource: check.resource })];
      if (total > 1) lines.unshift(t('stage.check.of', { n: frame.checkIndex + 1, total }));
      lines.push(check.policies.length ? t('stage.check.count', { count: check.policies.length }) : t('stage.check.none'));
      return { title: t('stage.check.title', { action: check.action }), lines, ...empty, items: check.policies.map((p) => ({ text: p.label })) };
    }
    case 'authz.rootOnly': {
      const r = record.authorization?.rootOnly;
      return { title: t('stage.rootOnly.title'), lines: [t('stage.rootOnly.body', { task: r?.task ?? '', reason: r?.reason ?? '' })], ...empty };
    }
    case 'authz.malformed': {
      const result = record.authorization!.checks[frame.checkIndex]!.result;
      const policyId = result.kind === 'malformed' ? result.policyId : '';
      const message = result.kind === 'malformed' ? result.message : '';
      return {
        title: t('stage.malformed.title'),
        lines: [t('stage.malformed.body', { policy: labelOf(record, frame.checkIndex, policyId), message })],
        ...empty,
        policy: policyView(record, frame.checkIndex, policyId, []),
      };
    }
    case 'trace.stage':
      return {
        title: t(`stage.name.${frame.stage}` as const),
        lines: [t(`stage.intro.${frame.stage}` as const), t('stage.stage.policies', { count: frame.step.policyIds.length })],
        ...empty,
        items: frame.step.policyIds.map((id) => ({ text: labelOf(record, frame.checkIndex, id) })),
      };
    case 'trace.policy': {
      const label = labelOf(record, frame.checkIndex, frame.step.ref.policyId, frame.step.label);
      const lines = [frame.stage === 'denyEvaluation' ? t('stage.policy.deny') : t('stage.policy.allow')];
      if (frame.step.level) lines.unshift(t('stage.policy.level', { level: frame.step.level }));
      return { title: t('stage.policy.title', { policy: label }), lines, ...empty, policy: policyView(record, frame.checkIndex, frame.step.ref.policyId, []) };
    }
    case 'trace.statement': {
      const s = frame.step;
      const label = labelOf(record, frame.checkIndex, s.ref.policyId);
      const statement = statementName(s.sid, s.ref.statementIndex);
      const lead = t(s.applies ? 'stage.statement.applies' : 'stage.statement.notApplies', { statement, effect: s.effect, policy: label });
      const gathered = policyOf(record, frame.checkIndex, s.ref.policyId);
      return {
        title: t(`stage.name.${frame.stage}` as const),
        lines: [lead],
        items: s.matches.map((m) => ({ text: elementText(m), ok: m.matched })),
        conditions: frame.conditions.map(conditionItem),
        params: [],
        policy: gathered ? { id: gathered.id, label: gathered.label, document: gathered.document, marks: statementMarks(gathered.document, s, frame.conditions) } : undefined,
      };
    }
    case 'trace.result':
      return {
        title: t(`stage.name.${frame.stage}` as const),
        lines: [t(`stage.result.${frame.step.outcome}` as const), becauseText(frame.step.because, frame.step.params)],
        ...empty,
      };
    case 'processing': {
      const p = record.processing!;
      const lines = [t('stage.processing.body', { crud: p.crud })];
      if (!record.response.ok) lines.push(t('stage.processing.failed', { code: record.response.code }));
      const items = p.changes.map((c) => ({ text: changeText(c) }));
      if (items.length === 0) lines.push(t('stage.processing.noChange'));
      return { title: t('stage.processing.title', { operation: p.operation }), lines, ...empty, items };
    }
    case 'outcome':
      return { title: t('stage.outcome.title'), lines: [], ...empty };
  }
}

/** The engine's code-like explanation as a sentence; an explanation the catalog does not know shows as is. */
export function becauseText(because: string, params?: Readonly<Record<string, string>>): string {
  const key = `stage.because.${because}`;
  return key in en ? t(key as MessageKey, { level: '', ...(params ?? {}) }) : because;
}

/** Long field values (a policy document) are cut: the step names what changed, the explorer shows it whole. */
const fieldWidth = 80;

export function changeText(c: NonNullable<RequestRecord['processing']>['changes'][number]): string {
  const main = t(`stage.change.${c.kind}` as const, { entity: c.entity, id: c.id });
  const where = c.parent ? `${main} ${t('stage.change.parent', { parent: c.parent })}` : main;
  const fields = Object.entries(c.fields ?? {}).map(([k, v]) => `${k}: ${v.length > fieldWidth ? `${v.slice(0, fieldWidth)}…` : v}`);
  return fields.length ? `${where} — ${fields.join(', ')}` : where;
}
