// @vitest-environment jsdom
// The console panel follows the live lab: after each request its detail shows the world as it now is,
// and an unknown or deleted entity says so instead of failing.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ConsolePanel from '../../../src/lib/ui/console/ConsolePanel.svelte';
import { accountId, makeLab } from './labFixture';

afterEach(cleanup);

describe('ConsolePanel', () => {
  it('lists the key it just created, because it reads the live world', async () => {
    const lab = await makeLab('alice');
    render(ConsolePanel, { lab, entity: `user/${accountId}/carol`, onNavigate: vi.fn() });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('carol');
    expect(screen.getAllByRole('button', { name: /^Deactivate AKIA/ })).toHaveLength(1);

    await fireEvent.click(screen.getByRole('button', { name: 'Create access key' }));
    await vi.waitFor(() => expect(screen.getAllByRole('button', { name: /^Deactivate AKIA/ })).toHaveLength(2));
  });

  it.each([
    ['a user that does not exist', `user/${accountId}/nobody`],
    ['text that is no entity ref', 'garbage'],
  ])('says so for %s', async (_label, entity) => {
    const lab = await makeLab();
    render(ConsolePanel, { lab, entity, onNavigate: vi.fn() });
    expect(screen.getByText('This no longer exists in the lab.')).toBeTruthy();
  });

  it('opens a create form for new/<account>/<kind> and closes with the close button', async () => {
    const lab = await makeLab('alice');
    const onNavigate = vi.fn();
    render(ConsolePanel, { lab, entity: `new/${accountId}/bucket`, onNavigate });
    expect(screen.getByRole('form', { name: 'Create an S3 bucket' })).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Close the detail panel' }));
    expect(onNavigate).toHaveBeenCalledWith(null);
  });
});

describe('ConsolePanel last request', () => {
  it('names the outcome of the last request sent from the panel and shows it on the stage', async () => {
    const lab = await makeLab('bob');
    const onShowRequest = vi.fn();
    render(ConsolePanel, { lab, entity: `user/${accountId}/carol`, onNavigate: vi.fn(), onShowRequest });
    expect(screen.queryByRole('button', { name: 'Watch it on the stage' })).toBeNull();

    await fireEvent.click(screen.getByRole('button', { name: 'Create access key' }));
    const bar = await screen.findByText('Your last request, iam:CreateAccessKey: Implicitly denied (nothing allowed it).');
    expect(bar).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Watch it on the stage' }));
    expect(onShowRequest).toHaveBeenCalledWith(lab.records.at(-1)!.id);
  });
});

describe('ConsolePanel switching entities', () => {
  it('does not carry a shown secret over to the next user', async () => {
    const lab = await makeLab('alice');
    const view = render(ConsolePanel, { lab, entity: `user/${accountId}/carol`, onNavigate: vi.fn() });
    await fireEvent.click(screen.getByRole('button', { name: 'Create access key' }));
    await screen.findByTestId('secret');
    await view.rerender({ lab, entity: `user/${accountId}/bob`, onNavigate: vi.fn() });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toContain('bob');
    expect(screen.queryByTestId('secret')).toBeNull();
  });
});
