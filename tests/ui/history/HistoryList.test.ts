// @vitest-environment jsdom
// History: each request named by its action, outcome (word, not only colour) and caller, newest first;
// opening one reports its id for the stage; re-send replays the same request into the lab as it is now.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import HistoryList from '../../../src/lib/ui/history/HistoryList.svelte';
import { outcomeOf, whoOf } from '../../../src/lib/ui/history/historyOutcome';
import { useAccessKey } from '../../../src/lib/ui/state/signIn';
import { accountId, makeLab } from '../console/labFixture';

afterEach(cleanup);

describe('outcomeOf / whoOf on real records', () => {
  it('tells allowed, implicitly denied and unauthenticated apart', async () => {
    const lab = await makeLab('bob');
    const denied = await lab.send({ operation: 'iam:CreateUser', params: { UserName: 'x' } });
    const unauthenticated = await lab.send({ operation: 'iam:ListUsers', params: {}, credentials: { kind: 'accessKey', accessKeyId: 'AKIANOTAKEY', secretAccessKey: 'nope' } });
    const unknownUser = await lab.send({ operation: 'sts:GetCallerIdentity', params: {}, credentials: { kind: 'password', accountIdOrAlias: 'example-corp', userName: 'nobody', password: 'x' } });
    const signIn = lab.records[0]!;
    expect([outcomeOf(signIn), outcomeOf(denied), outcomeOf(unauthenticated), outcomeOf(unknownUser)]).toEqual(['allowed', 'implicitDeny', 'unauthenticated', 'unauthenticated']);
    expect([whoOf(signIn), whoOf(denied), whoOf(unauthenticated)]).toEqual(['bob', 'bob', 'AKIANOTAKEY']);
  });

  it('calls an allowed request that failed while processing "failed"', async () => {
    const lab = await makeLab('alice');
    const record = await lab.send({ operation: 'iam:GetUser', params: { UserName: 'nobody' } });
    expect(record.response).toMatchObject({ ok: false, code: 'NoSuchEntity' });
    expect(outcomeOf(record)).toBe('failed');
  });
});

describe('HistoryList', () => {
  it('lists requests newest first with accessible names, opens one, and re-sends it', async () => {
    const lab = await makeLab('bob');
    await lab.send({ operation: 'iam:CreateUser', params: { UserName: 'eve' } });
    const onOpen = vi.fn();
    render(HistoryList, { lab, onOpen });

    const list = screen.getByRole('list', { name: 'Requests, newest first' });
    const opens = within(list).getAllByRole('button', { name: /by bob$/ });
    expect(opens.map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'iam:CreateUser Implicitly denied (nothing allowed it), by bob',
      'signin:ConsoleLogin Allowed, by bob',
    ]);
    await fireEvent.click(opens[0]!);
    expect(onOpen).toHaveBeenCalledWith(lab.records[1]!.id);

    // The learner now acts as carol; re-sending bob's request uses bob's credentials again: still denied.
    const carolKey = lab.world.accounts[accountId]!.users.carol!.accessKeys[0]!;
    useAccessKey(lab, { userName: 'carol', accessKeyId: carolKey.accessKeyId, secretAccessKey: carolKey.secretAccessKey, accountId });
    await fireEvent.click(screen.getByRole('button', { name: 'Send iam:CreateUser again into the lab as it is now' }));
    await vi.waitFor(() => expect(lab.records).toHaveLength(3));
    expect(lab.records[2]!.request).toEqual(lab.records[1]!.request);
    await vi.waitFor(() => expect(onOpen).toHaveBeenLastCalledWith(lab.records[2]!.id));
    expect(await screen.findAllByRole('button', { name: 'iam:CreateUser Implicitly denied (nothing allowed it), by bob' })).toHaveLength(2);
  });

  it('says so when there is no request yet', async () => {
    const lab = await makeLab();
    render(HistoryList, { lab, onOpen: vi.fn() });
    expect(screen.getByText(/No requests yet/)).toBeTruthy();
  });
});
