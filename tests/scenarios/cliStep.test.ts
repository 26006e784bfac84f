// The users-and-credentials lesson asks for one CLI step: the same signed request counts only when it was
// typed in the CLI view (issue 10: "the users-and-credentials scenario should include one").
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../src/lib/scenarios/scenarios';
import type { RequestRecord } from '../../src/lib/domain/pipeline/types';
import type { World } from '../../src/lib/domain/world/types';

function bobCall(via: 'cli' | 'console' | undefined): RequestRecord {
  return {
    id: 'r1',
    at: '2026-01-15T09:00:00.000Z',
    request: { operation: 'sts:GetCallerIdentity', params: {}, credentials: { kind: 'accessKey', accessKeyId: 'AKIA', secretAccessKey: 's' }, ...(via ? { via } : {}) },
    authentication: { ok: true, steps: [], principal: { principal: { kind: 'user', arn: 'arn:aws:iam::111122223333:user/bob', accountId: '111122223333' }, principalType: 'User', userName: 'bob', via: 'accessKey' } },
    response: { ok: true, result: {} },
  };
}

describe('users and credentials: the CLI step', () => {
  const scenario = findScenario('user-credentials');
  const step = scenario?.steps.find((s) => s.id === 'use-key');

  it.each([
    ['cli', true],
    ['console', false],
    [undefined, false],
  ] as const)('a signed call by bob sent via %s completes it: %s', (via, expected) => {
    expect(step?.kind).toBe('task');
    const record = bobCall(via);
    const goal = step && step.kind === 'task' ? step.goal : () => false;
    expect(goal({ world: {} as World, records: [record], recent: [record] })).toBe(expected);
  });
});
