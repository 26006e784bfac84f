import { describe, expect, it } from 'vitest';
import { SimulatedClock, createActor, getInitialSnapshot, getNextSnapshot, type SnapshotFrom } from 'xstate';
import { createTestModel } from 'xstate/graph';
import type { RequestRecord } from '../../src/lib/domain/pipeline/types';
import { framesOf, stateOfFrame, type Outcome } from '../../src/lib/machines/frames';
import {
  frameDelay,
  requestMachine,
  untimedRequestMachine,
  type RequestMachineEmitted,
  type RequestMachineEvent,
} from '../../src/lib/machines/requestMachine';
import { allRecords, allowedRecord, explicitDenyRecord, unauthenticatedRecord } from './fixtures/records';

type Snap = SnapshotFrom<typeof requestMachine>;

/** The snapshot's state value as a dotted path ('authorizing.identity', 'done.allowed'). */
function pathOf(snap: Snap): string {
  const value = snap.value;
  if (typeof value === 'string') return value;
  const [parent, child] = Object.entries(value)[0]!;
  return `${parent}.${String(child)}`;
}

const tagFor: Record<Outcome, string> = {
  allowed: 'allowed',
  explicitDeny: 'denied',
  implicitDeny: 'denied',
  unauthenticated: 'unauthenticated',
  failed: 'failed',
};

/** What must hold in every reachable state, whatever path led there. */
function assertInvariants(snap: Snap, record: RequestRecord): void {
  const frames = framesOf(record);
  const { index } = snap.context;
  expect(index).toBeGreaterThanOrEqual(-1);
  expect(index).toBeLessThan(frames.length);
  if (index === -1) {
    expect(pathOf(snap)).toBe('idle');
    expect(snap.context.playing).toBe(false);
  } else {
    expect(pathOf(snap)).toBe(stateOfFrame(frames[index]!));
  }
  const tags = [...snap.tags];
  if (snap.matches('done')) {
    const outcome = (frames.at(-1) as { outcome: Outcome }).outcome;
    expect(tags).toEqual([tagFor[outcome]]);
    expect(snap.context.playing).toBe(false);
  } else {
    expect(tags).toEqual([]);
  }
  if (!record.authentication.ok) expect(snap.matches('authorizing') || snap.matches('processing')).toBe(false);
}

function start(record: RequestRecord, clock?: SimulatedClock) {
  const actor = createActor(requestMachine, clock ? { clock } : {}).start();
  const finished: RequestMachineEmitted[] = [];
  actor.on('trace.finished', (e) => finished.push(e));
  actor.send({ type: 'trace.load', record });
  return { actor, finished };
}

describe('requestMachine: generated paths', () => {
  it.each(Object.entries(allRecords))('every reachable state of the %s record keeps the invariants', (_, make) => {
    const record = make();
    const events: RequestMachineEvent[] = [
      { type: 'trace.play' },
      { type: 'trace.pause' },
      { type: 'trace.next' },
      { type: 'trace.prev' },
      { type: 'trace.restart' },
      { type: 'trace.skip' },
      { type: 'trace.speed', value: 2 },
      { type: 'trace.load', record },
    ];
    const model = createTestModel(untimedRequestMachine, {
      events,
    });
    const paths = model.getShortestPaths();
    // Every frame is reachable (× playing, × speed).
    expect(paths.length).toBeGreaterThanOrEqual(framesOf(record).length);
    for (const path of paths) {
      const actor = createActor(requestMachine).start();
      for (const step of path.steps) {
        actor.send(step.event);
        const snap = actor.getSnapshot();
        if (snap.context.record) assertInvariants(snap, record);
        expect(pathOf(snap)).toBe(pathOf(step.state));
        expect(snap.context.index).toBe(step.state.context.index);
      }
      actor.stop();
    }
  });

  it('stepping forward visits the trace stages once each, in the order the engine ran them', () => {
    const record = allowedRecord();
    const { actor } = start(record);
    const visited: string[] = [];
    while (!actor.getSnapshot().matches('done')) {
      actor.send({ type: 'trace.next' });
      const p = pathOf(actor.getSnapshot());
      if (visited.at(-1) !== p) visited.push(p);
    }
    expect(visited).toEqual([
      'authenticating',
      'authorizing.gathering',
      'authorizing.denyEvaluation',
      'authorizing.identity',
      'authorizing.permissionsBoundary',
      'processing',
      'done.allowed',
    ]);
  });
});

describe('requestMachine: pure transitions (getNextSnapshot)', () => {
  const loaded = (record: RequestRecord) => getNextSnapshot(requestMachine, getInitialSnapshot(requestMachine), { type: 'trace.load', record });

  it('loading a record waits in idle before the first frame', () => {
    const snap = loaded(allowedRecord());
    expect(snap.value).toBe('idle');
    expect(snap.context.index).toBe(-1);
    expect(snap.context.frames).toHaveLength(framesOf(allowedRecord()).length);
  });

  it('next and prev step one frame; prev from the first frame returns to idle', () => {
    let snap = loaded(allowedRecord());
    snap = getNextSnapshot(requestMachine, snap, { type: 'trace.next' });
    expect([pathOf(snap), snap.context.index]).toEqual(['authenticating', 0]);
    snap = getNextSnapshot(requestMachine, snap, { type: 'trace.prev' });
    expect([pathOf(snap), snap.context.index]).toEqual(['idle', -1]);
  });

  it('back-steps out of done into the frame before it', () => {
    let snap = loaded(allowedRecord());
    snap = getNextSnapshot(requestMachine, snap, { type: 'trace.skip' });
    expect(pathOf(snap)).toBe('done.allowed');
    snap = getNextSnapshot(requestMachine, snap, { type: 'trace.prev' });
    expect(pathOf(snap)).toBe('processing');
    snap = getNextSnapshot(requestMachine, snap, { type: 'trace.prev' });
    expect(pathOf(snap)).toBe('authorizing.permissionsBoundary');
  });

  it.each([
    ['explicit deny', explicitDenyRecord, 'done.explicitDeny', 'denied'],
    ['failed authentication', unauthenticatedRecord, 'done.unauthenticated', 'unauthenticated'],
    ['failed processing', allRecords.failed, 'done.failed', 'failed'],
    ['implicit deny', allRecords.implicitDeny, 'done.implicitDeny', 'denied'],
  ] as const)('skip lands a %s record on %s, tagged %s', (_, make, state, tag) => {
    const snap = getNextSnapshot(requestMachine, loaded(make()), { type: 'trace.skip' });
    expect(pathOf(snap)).toBe(state);
    expect(snap.hasTag(tag)).toBe(true);
  });

  it('a denied authentication goes from authenticating straight to done', () => {
    let snap = loaded(unauthenticatedRecord());
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      snap = getNextSnapshot(requestMachine, snap, { type: 'trace.next' });
      seen.push(pathOf(snap));
    }
    expect(seen).toEqual(['authenticating', 'authenticating', 'authenticating', 'done.unauthenticated']);
  });

  it('speed is clamped to what the slider offers', () => {
    let snap = loaded(allowedRecord());
    snap = getNextSnapshot(requestMachine, snap, { type: 'trace.speed', value: 100 });
    expect(snap.context.speed).toBe(4);
    snap = getNextSnapshot(requestMachine, snap, { type: 'trace.speed', value: 0 });
    expect(snap.context.speed).toBe(0.25);
    snap = getNextSnapshot(requestMachine, snap, { type: 'trace.speed', value: Number.NaN });
    expect(snap.context.speed).toBe(1);
  });

  it('without a record nothing moves', () => {
    const initial = getInitialSnapshot(requestMachine);
    for (const type of ['trace.next', 'trace.play', 'trace.skip', 'trace.prev'] as const) {
      const snap = getNextSnapshot(requestMachine, initial, { type });
      expect(snap.value).toBe('idle');
      expect(snap.context.index).toBe(-1);
    }
  });
});

describe('requestMachine: timed play (SimulatedClock)', () => {
  it('play steps at once, then one frame per delay, and emits trace.finished once at the end', () => {
    const clock = new SimulatedClock();
    const record = allowedRecord();
    const { actor, finished } = start(record, clock);
    actor.send({ type: 'trace.play' });
    expect(actor.getSnapshot().context.index).toBe(0);
    clock.increment(frameDelay(1) - 1);
    expect(actor.getSnapshot().context.index).toBe(0);
    clock.increment(1);
    expect(actor.getSnapshot().context.index).toBe(1);
    for (let i = 0; i < framesOf(record).length; i++) clock.increment(frameDelay(1));
    expect(pathOf(actor.getSnapshot())).toBe('done.allowed');
    expect(finished).toEqual([{ type: 'trace.finished', recordId: 'r-allowed', outcome: 'allowed' }]);
    expect(actor.getSnapshot().context.playing).toBe(false);
  });

  it('a faster speed shortens the delay; pause stops the clock from moving the request', () => {
    const clock = new SimulatedClock();
    const { actor } = start(allowedRecord(), clock);
    actor.send({ type: 'trace.speed', value: 2 });
    actor.send({ type: 'trace.play' });
    clock.increment(frameDelay(2));
    expect(actor.getSnapshot().context.index).toBe(1);
    actor.send({ type: 'trace.pause' });
    clock.increment(frameDelay(2) * 10);
    expect(actor.getSnapshot().context.index).toBe(1);
    actor.send({ type: 'trace.play' });
    expect(actor.getSnapshot().context.index).toBe(2);
  });

  it('stepping back pauses; play at the end replays from the first frame', () => {
    const clock = new SimulatedClock();
    const { actor, finished } = start(explicitDenyRecord(), clock);
    actor.send({ type: 'trace.play' });
    clock.increment(frameDelay(1));
    actor.send({ type: 'trace.prev' });
    expect(actor.getSnapshot().context.playing).toBe(false);
    clock.increment(frameDelay(1) * 5);
    expect(actor.getSnapshot().context.index).toBe(0);
    actor.send({ type: 'trace.skip' });
    expect(finished).toHaveLength(1);
    actor.send({ type: 'trace.play' });
    expect([pathOf(actor.getSnapshot()), actor.getSnapshot().context.index, actor.getSnapshot().context.playing]).toEqual([
      'authenticating',
      0,
      true,
    ]);
  });

  it('loading another record stops play and starts over in idle', () => {
    const clock = new SimulatedClock();
    const { actor } = start(allowedRecord(), clock);
    actor.send({ type: 'trace.play' });
    actor.send({ type: 'trace.load', record: unauthenticatedRecord() });
    clock.increment(frameDelay(1) * 3);
    expect([actor.getSnapshot().value, actor.getSnapshot().context.index]).toEqual(['idle', -1]);
  });
});
