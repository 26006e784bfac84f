// The scenarios UI state on a real LabState and pipeline: opening builds the scenario's own lab, "show me"
// completes every step through lab.send, progress is saved and restored by replaying the solution.
import { describe, expect, it } from 'vitest';
import { webCrypto } from '../../../src/lib/domain/authentication/crypto';
import { seededIdSource } from '../../../src/lib/domain/authentication/credentials';
import { scenarios } from '../../../src/lib/scenarios';
import { ScenarioHub } from '../../../src/lib/ui/scenarios/scenarioHub.svelte';
import type { ProgressStore } from '../../../src/lib/ui/scenarios/scenarioHub.svelte';

const crypto = webCrypto();

function memoryStore(): ProgressStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: async (id) => structuredClone(data.get(id)), set: async (id, v) => void data.set(id, structuredClone(v)) };
}

const hub = (store?: ProgressStore) => {
  const h = new ScenarioHub({ crypto, deps: { crypto, ids: seededIdSource(5) }, passwordIterations: 100, paceMs: 0 });
  return store ? h.attach(store).then(() => h) : Promise.resolve(h);
};

describe('ScenarioHub', () => {
  it.each(scenarios.map((s) => [s.id]))('%s: "show me" completes every step through lab.send and saves it', async (id) => {
    const store = memoryStore();
    const h = await hub(store);
    const session = (await h.open(id))!;
    expect(session.progress.stepIndex).toBe(0);
    await session.showMe();
    expect(session.progress.completed).toBe(true);
    expect(h.progress[id]?.completed).toBe(true);
    expect(store.data.get(id)).toMatchObject({ scenarioId: id, completed: true });
  });

  it('a saved unfinished scenario reopens at its step, with a lab that fits it', async () => {
    const store = memoryStore();
    const first = await hub(store);
    const session = (await first.open('user-credentials'))!;
    // Sign in as bob, then create his key: two moves of the solution → step 3 ("use the key").
    await session.next();
    await session.next();
    expect(session.progress.stepIndex).toBe(2);

    const second = await hub(store);
    const again = (await second.open('user-credentials'))!;
    expect(again.progress.stepIndex).toBe(2);
    expect(again.lab.world.accounts['111122223333']?.users.bob?.accessKeys).toHaveLength(1);
  });

  it('a wrong quiz answer explains itself and keeps the step; restart starts over', async () => {
    const h = await hub();
    const session = (await h.open('users-vs-roles'))!;
    session.answer('solo', 'role');
    expect(session.quiz).toMatchObject({ stepId: 'solo', correct: false });
    expect(session.progress.stepIndex).toBe(0);
    session.answer('solo', 'user');
    expect(session.progress.stepIndex).toBe(1);
    await session.restart();
    expect(session.progress.stepIndex).toBe(0);
    expect(session.quiz).toBeNull();
  });

  it('predict and send reveals the decision and the deciding policy', async () => {
    const h = await hub();
    const session = (await h.open('groups'))!;
    const step = session.step;
    if (step?.kind !== 'predict') throw new Error('groups starts with a prediction');
    await session.predictAndSend(step, { decision: 'implicitDeny', policy: 'none' });
    expect(session.reveal?.reveal).toMatchObject({ decision: 'allowed', policyLabel: 'group Developers · managed policy DeveloperAppAccess' });
    expect(session.reveal?.verdict).toEqual({ decisionRight: false, policyRight: false });
    expect(session.progress.stepIndex).toBe(1);
  });

  it('presenter stepping after the learner acted replays up to their step instead of repeating it', async () => {
    const h = await hub();
    const session = (await h.open('groups'))!;
    const step = session.step;
    if (step?.kind !== 'predict') throw new Error('groups starts with a prediction');
    await session.predictAndSend(step, { decision: 'allowed', policy: 'group' });
    expect(session.progress.stepIndex).toBe(1);
    await session.next();
    // The next move removed bob from Developers (step 2) — the learner's request was not sent twice.
    expect(session.progress.stepIndex).toBe(2);
    expect(session.lab.records.filter((r) => r.request.operation === 's3:GetObject')).toHaveLength(1);
    expect(session.lab.world.accounts['111122223333']?.users.bob?.groups).toEqual([]);
  });

  it('leaves no trace of one scenario in another', async () => {
    const h = await hub();
    const a = (await h.open('default-deny'))!;
    expect(a.lab.world.accounts['111122223333']?.users.dave).toBeDefined();
    const b = (await h.open('groups'))!;
    expect(b.lab.world.accounts['111122223333']?.users.dave).toBeUndefined();
  });

  it('imports a progress file into the map', async () => {
    const h = await hub();
    const text = JSON.stringify({ kind: 'iam-lab-progress', version: 1, progress: { groups: { scenarioId: 'groups', stepIndex: 5, answers: {}, predictions: {} } } });
    expect(h.importFile(text)).toMatchObject({ ok: true });
    expect(h.progress.groups?.completed).toBe(true);
  });
});
