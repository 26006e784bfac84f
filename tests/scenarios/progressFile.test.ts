// Progress export/import: a round trip keeps every scenario's progress; untrusted files are refused or cleaned.
import { describe, expect, it } from 'vitest';
import { exportProgress, importProgress, scenarios, startProgress } from '../../src/lib/scenarios';

const groups = scenarios.find((s) => s.id === 'groups')!;

describe('progress file', () => {
  it('round-trips progress', () => {
    const progress = { groups: { ...startProgress(groups), stepIndex: 2, predictions: { before: { decision: 'allowed' as const, policy: 'group' } } } };
    const back = importProgress(exportProgress(progress, '2026-11-29T20:00:00.000Z'), scenarios);
    expect(back).toEqual({ ok: true, progress, ignored: [] });
  });

  it.each([
    ['not JSON', '{', 'notJson'],
    ['another kind of file', '{"kind":"iam-lab-lab"}', 'notProgressFile'],
    ['a newer version', '{"kind":"iam-lab-progress","version":2,"progress":{}}', 'newerVersion'],
  ])('refuses %s', (_, text, problem) => {
    expect(importProgress(text, scenarios)).toEqual({ ok: false, problem });
  });

  it('drops unknown scenarios and resets impossible progress', () => {
    const text = JSON.stringify({ kind: 'iam-lab-progress', version: 1, progress: { nope: {}, groups: { scenarioId: 'groups', stepIndex: 99 } } });
    expect(importProgress(text, scenarios)).toEqual({ ok: true, progress: { groups: startProgress(groups) }, ignored: ['nope'] });
  });
});
