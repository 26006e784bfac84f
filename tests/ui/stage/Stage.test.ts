// @vitest-environment jsdom
// The stage panel: the step text and the highlighted policy parts follow the machine; the outcome card
// shows decision, AWS's answer and deciding statement; keyboard shortcuts drive the player.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { createActor } from 'xstate';
import Stage from '../../../src/lib/ui/stage/Stage.svelte';
import { StagePlayer } from '../../../src/lib/ui/stage/stagePlayer.svelte';
import { requestMachine } from '../../../src/lib/machines/requestMachine';
import { framesOf } from '../../../src/lib/machines/frames';
import type { RequestRecord } from '../../../src/lib/domain/pipeline/types';
import {
  allowedRecord,
  createdRecord,
  explicitDenyRecord,
  sigv4Steps,
  unauthenticatedRecord,
} from '../../machines/fixtures/records';

afterEach(cleanup);

function mount(record: RequestRecord) {
  const player = new StagePlayer(createActor(requestMachine).start());
  render(Stage, { player });
  flushSync(() => player.load(record));
  return player;
}

/** Steps until the frame at `index` is on show. */
function goTo(player: StagePlayer, index: number) {
  flushSync(() => {
    while (player.index < index) player.next();
  });
}

function stepText(): string {
  return screen.getByRole('article').textContent ?? '';
}

describe('Stage panel', () => {
  it('shows nothing to play before a record arrives', () => {
    const player = new StagePlayer(createActor(requestMachine).start());
    render(Stage, { player });
    expect(screen.getByText('No request on the stage yet')).toBeTruthy();
  });

  it('explains the matching statement and highlights the matching Action and Resource in the policy text', () => {
    const record = allowedRecord();
    const player = mount(record);
    const index = framesOf(record).findIndex((f) => f.kind === 'trace.statement' && f.stage === 'identity');
    goTo(player, index);
    const text = stepText();
    expect(text).toContain('Statement “AllowS3Read” (Allow) in group Developers · managed policy DevelopersS3 matches the request:');
    expect(text).toContain('the action s3:GetObject matches s3:Get*');
    expect(text).toContain('the resource arn:aws:s3:::lab-reports/q1.csv matches arn:aws:s3:::lab-reports/*');
    const figure = screen.getByRole('figure');
    const matched = [...figure.querySelectorAll('.match')].map((n) => n.textContent);
    expect(matched).toEqual(['"s3:Get*"', '"arn:aws:s3:::lab-reports/*"']);
    // The statement in focus is the first one; the Deny statement is not.
    const focused = [...figure.querySelectorAll('.focus')].map((n) => n.textContent).join('');
    expect(focused).toContain('"AllowS3Read"');
    expect(focused).not.toContain('"DenyIam"');
    expect(screen.getByText(`Step ${index + 1} of ${framesOf(record).length}`)).toBeTruthy();
  });

  it('shows each condition with the values compared', () => {
    const record = explicitDenyRecord();
    const player = mount(record);
    goTo(player, framesOf(record).findIndex((f) => f.kind === 'trace.statement' && f.step.sid === 'NoDeletesFromOffice'));
    const conditions = screen.getByRole('list', { name: 'Conditions (all must match)' });
    expect(conditions.textContent).toContain('IpAddress aws:SourceIp: the request has 203.0.113.10, the policy says 203.0.113.0/24: matches');
    const matched = [...screen.getByRole('figure').querySelectorAll('.match')].map((n) => n.textContent);
    // The Action pattern, the Resource pattern, and the condition key with its value; not the commas.
    expect(matched).toEqual(['"s3:DeleteObject"', '"*"', '"aws:SourceIp"', ': ', '"203.0.113.0/24"']);
  });

  it('ends on the outcome card with the decision, AWS message and the deciding Deny statement', () => {
    const player = mount(explicitDenyRecord());
    flushSync(() => player.skip());
    const card = screen.getByRole('region', { name: 'Outcome' });
    expect(within(card).getByText('Explicitly denied')).toBeTruthy();
    expect(card.textContent).toContain('AccessDenied: User: arn:aws:iam::111122223333:user/bob is not authorized to perform: s3:DeleteObject');
    expect(card.textContent).toContain('explicit deny');
    expect(card.textContent).toContain('Statement “NoDeletesFromOffice” (Deny) in user bob · inline policy NoDeletes');
    expect(card.querySelector('[data-outcome="explicitDeny"]')).toBeTruthy();
  });

  it('the outcome card of an allowed create says the CRUD kind and what changed', () => {
    const player = mount(createdRecord());
    flushSync(() => player.skip());
    const card = screen.getByRole('region', { name: 'Outcome' });
    expect(within(card).getByText('Allowed')).toBeTruthy();
    expect(within(card).getByText('Create')).toBeTruthy();
    expect(within(card).getByText('Created object q1.csv (in lab-reports)')).toBeTruthy();
  });

  it('a failed authentication shows the AWS error and never the Authorize stage as passed', () => {
    const player = mount(unauthenticatedRecord());
    flushSync(() => player.skip());
    const card = screen.getByRole('region', { name: 'Outcome' });
    expect(within(card).getByText('Not authenticated')).toBeTruthy();
    expect(card.textContent).toContain('SignatureDoesNotMatch: The request signature we calculated does not match');
    const rail = screen.getByRole('group', { name: 'Where the request is' });
    expect(rail.textContent).toMatch(/Authenticate\s*\(stopped here\)/);
    expect(rail.textContent).toMatch(/Authorize\s*\(not reached\)/);
  });

  it('shows the SigV4 canonical request, string to sign and signature on the signature step', () => {
    const record = allowedRecord(sigv4Steps);
    const player = mount(record);
    goTo(player, 2);
    expect(stepText()).toContain('AWS recomputes the signature with the secret it stores');
    expect(screen.getByText('Canonical request')).toBeTruthy();
    expect(screen.getByText('String to sign')).toBeTruthy();
    expect(screen.getByText(/^5d672d79c15b/)).toBeTruthy();
  });

  it.each([
    ['ArrowRight', 0, 1],
    ['ArrowLeft', 3, 2],
    ['Home', 3, -1],
  ] as const)('key %s moves from frame %i to frame %i', (key, from, to) => {
    const player = mount(allowedRecord());
    goTo(player, from);
    fireEvent.keyDown(document.body, { key });
    flushSync();
    expect(player.index).toBe(to);
  });

  it('End skips to the outcome and Space plays from there again', () => {
    const player = mount(allowedRecord());
    fireEvent.keyDown(document.body, { key: 'End' });
    flushSync();
    expect(player.phase).toBe('done');
    fireEvent.keyDown(document.body, { key: ' ' });
    flushSync();
    expect(player.playing).toBe(true);
    expect(player.index).toBe(0);
    player.pause();
  });

  it('keys typed in a text field do not move the request', () => {
    const player = mount(allowedRecord());
    const input = document.createElement('input');
    document.body.append(input);
    fireEvent.keyDown(input, { key: 'ArrowRight' });
    expect(player.index).toBe(-1);
    input.remove();
  });
});
