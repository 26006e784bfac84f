// @vitest-environment jsdom
// The What-if panel: switching the Deny policy off shows the new decision next to the old one without
// touching the lab; Apply sends the real operation through lab.send; a broken JSON edit is reported.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import WhatIfPanel from '../../../src/lib/ui/whatif/WhatIfPanel.svelte';
import { LabState, type SendFn } from '../../../src/lib/ui/state/lab.svelte';
import type { ApiRequest, RequestRecord } from '../../../src/lib/domain/pipeline/types';
import type { World } from '../../../src/lib/domain/world/types';
import { explicitDenyRecord, unauthenticatedRecord } from '../../machines/fixtures/records';

afterEach(cleanup);

const world = { version: 1, clock: '2026-03-01T09:00:00.000Z', accounts: {}, sessions: {}, consoleSessions: {} } as unknown as World;

function labRecording(sent: ApiRequest[]): LabState {
  const send: SendFn = async (w, request) => {
    sent.push(request);
    const record = { id: `r${sent.length}`, at: w.clock, request, authentication: { ok: true, steps: [] }, response: { ok: true, result: {} } } as RequestRecord;
    return { record, world: w };
  };
  return new LabState(world, send, { crypto: {} as never, ids: { nextBytes: (n) => new Uint8Array(n) } });
}

describe('WhatIfPanel', () => {
  it('switching the Deny policy off changes the decision side by side; the lab is untouched until Apply', async () => {
    const sent: ApiRequest[] = [];
    const lab = labRecording(sent);
    render(WhatIfPanel, { record: explicitDenyRecord(), lab });
    const now = screen.getByRole('heading', { name: 'Now' }).parentElement!;
    expect(within(now).getByText('Explicitly denied')).toBeTruthy();
    expect(screen.getByText('Same decision.')).toBeTruthy();

    await fireEvent.click(screen.getByRole('switch', { name: 'Use user bob · inline policy NoDeletes' }));
    flushSync();
    const then = screen.getByRole('heading', { name: 'What if' }).parentElement!;
    expect(within(then).getByText('Implicitly denied (nothing allowed it)')).toBeTruthy();
    expect(then.textContent).toContain('No identity-based policy allows the request');
    expect(screen.getByText('The decision changes.')).toBeTruthy();
    expect(sent).toEqual([]);

    const applied = new Promise<void>((resolve) => lab.subscribe((c) => c.kind === 'request' && resolve()));
    await fireEvent.click(screen.getByRole('button', { name: 'Apply to the lab' }));
    await applied;
    expect(sent.map((r) => [r.operation, r.params])).toEqual([['iam:DeleteUserPolicy', { UserName: 'bob', PolicyName: 'NoDeletes' }]]);
  });

  it('switching one statement off: the group policy keeps only its read statement', async () => {
    render(WhatIfPanel, { record: explicitDenyRecord() });
    await fireEvent.click(screen.getByRole('switch', { name: 'Use Statement “DenyIam”' }));
    flushSync();
    expect(screen.getByText('Same decision.')).toBeTruthy();
    // Without a lab there is nothing to apply to.
    expect((screen.getByRole('button', { name: 'Apply to the lab' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('reports JSON that does not parse', async () => {
    render(WhatIfPanel, { record: explicitDenyRecord() });
    const edit = screen.getAllByRole('button', { name: 'Edit JSON' })[0]!;
    await fireEvent.click(edit);
    const box = screen.getByRole('textbox', { name: /Policy JSON of/ });
    await fireEvent.input(box, { target: { value: '{ "Version": ' } });
    flushSync();
    expect(screen.getAllByText(/This is not valid JSON/).length).toBeGreaterThan(0);
  });

  it('says there is nothing to switch for a failed authentication', () => {
    render(WhatIfPanel, { record: unauthenticatedRecord() });
    expect(screen.getByText(/nothing to switch/)).toBeTruthy();
  });
});
