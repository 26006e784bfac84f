import { describe, expect, it } from 'vitest';
import { LabState, anonymousIdentity, type LabChange, type SendFn } from '../../../src/lib/ui/state/lab.svelte';
import type { ApiRequest, RequestRecord } from '../../../src/lib/domain/pipeline/types';
import type { World } from '../../../src/lib/domain/world/types';

const world = { version: 1, clock: '2026-03-01T09:00:00.000Z', accounts: {}, sessions: {}, consoleSessions: {} } as World;
const deps = { crypto: {} as never, ids: { nextBytes: (n: number) => new Uint8Array(n) } };

/** A fake pipeline: records the request it saw and the clock of the world it got, and ticks the clock. */
function fakeSend(seen: { request: ApiRequest; clock: string }[]): SendFn {
  return async (w, request) => {
    seen.push({ request, clock: w.clock });
    const next = { ...w, clock: new Date(Date.parse(w.clock) + 1000).toISOString() };
    const record = { id: `r${seen.length}`, at: w.clock, request } as unknown as RequestRecord;
    return { record, world: next };
  };
}

describe('LabState', () => {
  it('sends as the current identity, records the result and announces the change', async () => {
    const seen: { request: ApiRequest; clock: string }[] = [];
    const lab = new LabState(world, fakeSend(seen), deps);
    const changes: LabChange[] = [];
    lab.subscribe((c) => changes.push(c));
    lab.setIdentity({ kind: 'user', name: 'alice', via: 'console', credentials: { kind: 'console', sessionId: 's1' } });

    const record = await lab.send({ operation: 'iam:ListUsers', params: {} });

    expect(seen[0]!.request.credentials).toEqual({ kind: 'console', sessionId: 's1' });
    expect(lab.records.map((r) => r.id)).toEqual(['r1']);
    expect(lab.selected?.id).toBe(record.id);
    expect(lab.world.clock).toBe('2026-03-01T09:00:01.000Z');
    expect(changes.map((c) => c.kind)).toEqual(['identity', 'request']);
  });

  it('serializes concurrent sends so each sees the world the previous one left', async () => {
    const seen: { request: ApiRequest; clock: string }[] = [];
    const lab = new LabState(world, fakeSend(seen), deps);
    await Promise.all([
      lab.send({ operation: 'a:One', params: {} }),
      lab.send({ operation: 'a:Two', params: {}, credentials: anonymousIdentity.credentials }),
    ]);
    expect(seen.map((s) => s.clock)).toEqual(['2026-03-01T09:00:00.000Z', '2026-03-01T09:00:01.000Z']);
  });

  it('keeps working after a failing send', async () => {
    let fail = true;
    const send: SendFn = async (w, request) => {
      if (fail) throw new Error('boom');
      return { record: { id: 'ok', at: w.clock, request } as unknown as RequestRecord, world: w };
    };
    const lab = new LabState(world, send, deps);
    await expect(lab.send({ operation: 'x:Y', params: {} })).rejects.toThrow('boom');
    fail = false;
    await expect(lab.send({ operation: 'x:Y', params: {} })).resolves.toMatchObject({ id: 'ok' });
    expect(lab.busy).toBe(false);
  });

  it('advances the simulated clock and replaces the lab', () => {
    const lab = new LabState(world, fakeSend([]), deps);
    lab.advanceClock(3600);
    expect(lab.world.clock).toBe('2026-03-01T10:00:00.000Z');
    const changes: LabChange[] = [];
    lab.subscribe((c) => changes.push(c));
    lab.replace(world, []);
    lab.replace(world, [], { silent: true });
    expect(changes.map((c) => c.kind)).toEqual(['replace']);
    expect(lab.world.clock).toBe('2026-03-01T09:00:00.000Z');
  });
});

describe('a read-only (shared) lab', () => {
  it('refuses every request and leaves the world and history as they were', async () => {
    const seen: { request: ApiRequest; clock: string }[] = [];
    const lab = new LabState(world, fakeSend(seen), deps);
    lab.readOnly = true;
    await expect(lab.send({ operation: 'iam:CreateUser', params: { UserName: 'x' } })).rejects.toThrow(/read-only/);
    expect(seen).toEqual([]);
    expect(lab.records).toEqual([]);
    lab.readOnly = false;
    await expect(lab.send({ operation: 'iam:CreateUser', params: { UserName: 'x' } })).resolves.toMatchObject({ id: 'r1' });
  });
});
