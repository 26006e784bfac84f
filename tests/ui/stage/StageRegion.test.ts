// @vitest-environment jsdom
// The stage region reads #/request/<id> (or the lab's selected record) and puts it on the player: the
// record shown at start-up waits for Play, a request sent afterwards starts playing by itself.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { createActor } from 'xstate';
import StageRegion from '../../../src/lib/ui/stage/StageRegion.svelte';
import { StagePlayer } from '../../../src/lib/ui/stage/stagePlayer.svelte';
import { requestMachine } from '../../../src/lib/machines/requestMachine';
import { LabState, type SendFn } from '../../../src/lib/ui/state/lab.svelte';
import type { World } from '../../../src/lib/domain/world/types';
import { allowedRecord, explicitDenyRecord } from '../../machines/fixtures/records';

afterEach(cleanup);

const world = { version: 1, clock: '2026-03-01T09:00:00.000Z', accounts: {}, sessions: {}, consoleSessions: {} } as unknown as World;

function setup(requestId?: string) {
  const next = explicitDenyRecord();
  const send: SendFn = async (w) => ({ record: next, world: w });
  const lab = new LabState(world, send, { crypto: {} as never, ids: { nextBytes: (n) => new Uint8Array(n) } }, [allowedRecord()]);
  const player = new StagePlayer(createActor(requestMachine).start());
  render(StageRegion, { lab, player, requestId });
  flushSync();
  return { lab, player };
}

describe('StageRegion', () => {
  it('shows the selected record at start-up without playing it', () => {
    const { player } = setup();
    expect(player.record?.id).toBe('r-allowed');
    expect(player.playing).toBe(false);
    expect(screen.getByRole('heading', { name: 's3:GetObject · bob' })).toBeTruthy();
  });

  it('plays a request sent afterwards', async () => {
    const { lab, player } = setup();
    await lab.send({ operation: 's3:DeleteObject', params: {} });
    flushSync();
    expect(player.record?.id).toBe('r-deny');
    expect(player.playing).toBe(true);
    expect(player.index).toBe(0);
    player.pause();
  });

  it('loads the record named in the route, and says so when there is none', () => {
    const { player } = setup('r-allowed');
    expect(player.record?.id).toBe('r-allowed');
    cleanup();
    setup('r-missing');
    expect(screen.getByRole('status').textContent).toContain('There is no request r-missing');
  });
});
