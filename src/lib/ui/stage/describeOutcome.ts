// The outcome card's content for a record: the outcome, AWS's answer, a plain-language sentence, the
// deciding statements (with their policy text), the CRUD kind and what changed. Pure; words from `t`.
// Invariant: the deciding statements are the engine's own `reasons`, never recomputed here.
import { t } from '../../i18n';
import type { RequestRecord } from '../../domain/pipeline/types';
import { outcomeOf, type Outcome } from '../../machines/frames';
import { becauseText, changeText, policyOf, statementName, statementPath, whoOf, type PolicyView } from './describeFrame';

export interface OutcomeView {
  readonly outcome: Outcome;
  /** AWS's answer: the error code and message, or the success line. */
  readonly aws: string;
  readonly plain: readonly string[];
  readonly deciding: readonly { readonly text: string; readonly policy?: PolicyView }[];
  readonly crud?: string;
  readonly changes: readonly string[];
}

/** The check that decided: the first one that did not allow, else the last one. */
export function decidingCheckIndex(record: RequestRecord): number {
  const checks = record.authorization?.checks ?? [];
  const i = checks.findIndex((c) => c.result.kind === 'malformed' || c.result.decision !== 'allowed');
  return i >= 0 ? i : checks.length - 1;
}

export function describeOutcome(record: RequestRecord): OutcomeView {
  const outcome = outcomeOf(record);
  const response = record.response;
  const aws = response.ok ? t('stage.outcome.ok') : `${response.code}: ${response.message}`;
  const who = whoOf(record);
  const checkIndex = decidingCheckIndex(record);
  const check = record.authorization?.checks[checkIndex];
  const params = { who, operation: record.request.operation, action: check?.action ?? record.request.operation };
  const plain: string[] = [];
  const deciding: { text: string; policy?: PolicyView }[] = [];

  if (outcome === 'unauthenticated') plain.push(t('stage.plain.unauthenticated'));
  else if (record.authorization?.rootOnly) plain.push(t('stage.plain.rootOnly'));
  else if (outcome === 'failed' && !record.authorization) plain.push(t('stage.plain.invalid'));
  else if (outcome === 'failed') plain.push(t(check?.result.kind === 'malformed' ? 'stage.plain.malformed' : 'stage.plain.failed'));
  else plain.push(t(`stage.plain.${outcome}` as const, params));

  if (check && check.result.kind === 'decision' && outcome !== 'unauthenticated') {
    const lastResult = [...check.result.trace].reverse().find((s) => s.kind === 'stage.result');
    if (lastResult?.kind === 'stage.result' && outcome !== 'allowed') plain.push(becauseText(lastResult.because, lastResult.params));
    for (const reason of check.result.reasons) {
      const gathered = policyOf(record, checkIndex, reason.policyId);
      const text = t('stage.decidingStatement', {
        statement: statementName(reason.sid, reason.statementIndex),
        effect: reason.effect,
        policy: gathered?.label ?? reason.policyId,
      });
      const policy = gathered
        ? { id: gathered.id, label: gathered.label, document: gathered.document, marks: [{ path: statementPath(gathered.document, reason.statementIndex), kind: 'focus' as const }] }
        : undefined;
      deciding.push({ text, policy });
    }
  }

  return {
    outcome,
    aws,
    plain,
    deciding,
    crud: record.processing?.crud,
    changes: response.ok ? (record.processing?.changes ?? []).map(changeText) : [],
  };
}
