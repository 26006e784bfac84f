// @vitest-environment jsdom
// The explorer is an ARIA tree: one tab stop, arrow keys move and open/close folders (WAI-ARIA APG
// "Tree View Pattern"), Enter on a leaf reports the entity ref to open.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import LabExplorer from '../../../src/lib/ui/explorer/LabExplorer.svelte';
import { accountId, makeLab } from '../console/labFixture';

afterEach(cleanup);

const focused = () => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('LabExplorer', () => {
  it('has one tab stop and opens a user with the keyboard', async () => {
    const lab = await makeLab();
    const onSelect = vi.fn();
    render(LabExplorer, { world: lab.world, onSelect });

    const items = screen.getAllByRole('treeitem');
    expect(items.filter((i) => i.tabIndex === 0)).toHaveLength(1);
    const account = items[0]!;
    expect(account.getAttribute('aria-expanded')).toBe('true');
    account.focus();

    await fireEvent.keyDown(account, { key: 'ArrowDown' }); // root user
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' }); // Users folder
    expect(focused()).toContain('Users');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' }); // open
    expect(document.activeElement?.getAttribute('aria-expanded')).toBe('true');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' }); // first child
    expect(focused()).toBe('alice');
    await fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith(`user/${accountId}/alice`);

    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' }); // to parent
    expect(focused()).toContain('Users');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' }); // close
    expect(screen.queryByRole('treeitem', { name: /^alice/ })).toBeNull();
  });

  it('marks the selected entity and jumps with Home/End', async () => {
    const lab = await makeLab();
    render(LabExplorer, { world: lab.world, selected: `account/${accountId}/${accountId}`, onSelect: vi.fn() });
    const items = screen.getAllByRole('treeitem');
    expect(items[0]!.getAttribute('aria-selected')).toBe('true');
    items[0]!.focus();
    await fireEvent.keyDown(items[0]!, { key: 'End' });
    expect(document.activeElement).toBe(screen.getAllByRole('treeitem').at(-1));
    await fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(screen.getAllByRole('treeitem')[0]);
  });
});

describe('LabExplorer with the mouse', () => {
  it('opens a folder on click and selects a leaf on click', async () => {
    const lab = await makeLab();
    const onSelect = vi.fn();
    render(LabExplorer, { world: lab.world, onSelect });
    const users = screen.getByRole('treeitem', { name: 'Users (3)' });
    await fireEvent.click(users);
    expect(users.getAttribute('aria-expanded')).toBe('true');
    await fireEvent.click(screen.getByRole('treeitem', { name: 'carol' }));
    expect(onSelect).toHaveBeenCalledWith(`user/${accountId}/carol`);
    await fireEvent.click(users);
    expect(screen.queryByRole('treeitem', { name: 'carol' })).toBeNull();
  });
});

describe('LabExplorer and the selection', () => {
  it('opens the folders that hold the selected entity, and still lets the learner close them', async () => {
    const lab = await makeLab();
    render(LabExplorer, { world: lab.world, selected: `user/${accountId}/bob`, onSelect: vi.fn() });
    const bob = screen.getByRole('treeitem', { name: 'bob' });
    expect(bob.getAttribute('aria-selected')).toBe('true');
    expect(bob.tabIndex).toBe(0);
    await fireEvent.click(screen.getByRole('treeitem', { name: 'Users (3)' }));
    expect(screen.queryByRole('treeitem', { name: 'bob' })).toBeNull();
  });
});
