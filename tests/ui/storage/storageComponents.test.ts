// @vitest-environment jsdom
// Storage UI: the labs menu drives the controller (switch, new, rename, delete), undo/redo buttons and
// shortcuts, the quiet saved state, and the banner that offers "Export now" when storage fails.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RequestRecord } from '../../../src/lib/domain/pipeline/types';
import type { World } from '../../../src/lib/domain/world/types';
import type { LiveLab, LiveLabChange } from '../../../src/lib/persistence/labPersistence';
import { LabPersistence } from '../../../src/lib/persistence/labPersistence';
import { MemoryLabRepository } from '../../../src/lib/persistence/memoryLabRepository';
import { streamCompressor } from '../../../src/lib/persistence/streamCompressor';
import LabsMenu from '../../../src/lib/ui/storage/LabsMenu.svelte';
import SavedIndicator from '../../../src/lib/ui/storage/SavedIndicator.svelte';
import StorageBanner from '../../../src/lib/ui/storage/StorageBanner.svelte';
import UndoRedo from '../../../src/lib/ui/storage/UndoRedo.svelte';
import SharedLabBanner from '../../../src/lib/ui/storage/SharedLabBanner.svelte';
import { importKind } from '../../../src/lib/ui/storage/importKind';
import { StorageState } from '../../../src/lib/ui/storage/storageState.svelte';
import { sampleRecord, sampleWorld } from '../../domain/sharing/sampleLab';

afterEach(cleanup);

class FakeLab implements LiveLab {
  listeners = new Set<(change: LiveLabChange) => void>();
  records: readonly RequestRecord[] = [];
  constructor(public world: World) {}
  replace(world: World, records: readonly RequestRecord[] = this.records): void {
    this.world = world;
    this.records = records;
  }
  subscribe(listener: (change: LiveLabChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  tick(): void {
    this.world = { ...this.world, clock: new Date(Date.parse(this.world.clock) + 3_600_000).toISOString().replace('.000', '') };
    for (const l of this.listeners) l({ kind: 'request', record: sampleRecord(`r${Date.parse(this.world.clock)}`), world: this.world });
  }
}

let n = 0;
async function setup() {
  const lab = new FakeLab(sampleWorld());
  const repo = new MemoryLabRepository();
  const persistence = new LabPersistence(lab, repo, {
    compressor: streamCompressor,
    newId: () => `lab-${++n}`,
    newWorld: () => sampleWorld(),
    firstLabName: 'My first lab',
  });
  await persistence.start();
  return { lab, repo, persistence, storage: new StorageState(persistence) };
}

describe('LabsMenu', () => {
  it('shows the open lab, creates a new one and switches back', async () => {
    const { storage } = await setup();
    render(LabsMenu, { storage });
    const trigger = screen.getByRole('button', { name: 'Lab: My first lab. Open the labs menu' });
    expect(trigger.getAttribute('aria-expanded')).toBe('false');
    await fireEvent.click(trigger);
    expect(trigger.getAttribute('aria-expanded')).toBe('true');
    await fireEvent.click(screen.getByRole('button', { name: 'New lab' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Lab: Lab 2. Open the labs menu' })).toBeTruthy());
    await fireEvent.click(screen.getByRole('button', { name: /Open the labs menu/ }));
    const first = screen.getByRole('button', { name: 'My first lab' });
    await fireEvent.click(first);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Lab: My first lab. Open the labs menu' })).toBeTruthy());
  });

  it('renames the open lab through its form', async () => {
    const { storage } = await setup();
    render(LabsMenu, { storage });
    await fireEvent.click(screen.getByRole('button', { name: /Open the labs menu/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    await fireEvent.input(screen.getByLabelText('New name for My first lab'), { target: { value: 'Policies week' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Lab: Policies week. Open the labs menu' })).toBeTruthy());
  });

  it('asks before deleting, and deleting the last lab leaves a fresh one open', async () => {
    const { storage } = await setup();
    render(LabsMenu, { storage });
    await fireEvent.click(screen.getByRole('button', { name: /Open the labs menu/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(screen.getByText('Delete the lab "My first lab"? This cannot be undone.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Delete it' }));
    await waitFor(() => expect(storage.status.labs.map((l) => l.id)).toEqual([storage.status.currentId]));
    expect(storage.status.currentId).not.toBe('lab-1');
  });

  it('closes on Escape', async () => {
    const { storage } = await setup();
    render(LabsMenu, { storage });
    await fireEvent.click(screen.getByRole('button', { name: /Open the labs menu/ }));
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('button', { name: 'New lab' })).toBeNull();
  });
});

describe('UndoRedo', () => {
  it('is disabled with nothing to undo, then undoes by button and redoes by Ctrl+Shift+Z', async () => {
    const { storage, lab } = await setup();
    render(UndoRedo, { storage });
    expect((screen.getByRole('button', { name: 'Nothing to undo' }) as HTMLButtonElement).disabled).toBe(true);
    const start = lab.world.clock;
    lab.tick();
    const moved = lab.world.clock;
    await fireEvent.click(await screen.findByRole('button', { name: 'Undo iam:ListUsers' }));
    expect(lab.world.clock).toBe(start);
    await fireEvent.keyDown(window, { key: 'Z', ctrlKey: true, shiftKey: true });
    expect(lab.world.clock).toBe(moved);
    await fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(lab.world.clock).toBe(start);
  });

  it('leaves Ctrl+Z to text fields', async () => {
    const { storage, lab } = await setup();
    render(UndoRedo, { storage });
    lab.tick();
    const moved = lab.world.clock;
    const input = document.body.appendChild(document.createElement('input'));
    await fireEvent.keyDown(input, { key: 'z', ctrlKey: true });
    expect(lab.world.clock).toBe(moved);
    input.remove();
  });
});

describe('SavedIndicator and StorageBanner', () => {
  it.each([
    [{ persistent: true, save: 'saved' }, 'Saved'],
    [{ persistent: true, save: 'saving' }, 'Saving…'],
    [{ persistent: true, save: 'failed' }, 'Not saved'],
    [{ persistent: true, save: 'idle' }, ''],
    [{ persistent: false, save: 'saved' }, 'Not saved (this tab only)'],
  ] as const)('%o reads "%s"', async (patch, text) => {
    const { storage } = await setup();
    render(SavedIndicator, { props: { status: { ...storage.status, ...patch } } });
    expect(screen.getByRole('status').textContent).toBe(text);
  });

  it('says changes stay in this tab when storage is memory only', async () => {
    const { storage } = await setup();
    render(SavedIndicator, { props: { status: storage.status } });
    expect(screen.getByRole('status').textContent).toBe('Not saved (this tab only)');
  });

  it('explains a full disk and exports the in-memory lab on "Export now"', async () => {
    const { storage, persistence } = await setup();
    const exportLabs = vi.spyOn(storage, 'exportLabs').mockResolvedValue();
    render(StorageBanner, { storage });
    expect(screen.queryByRole('alert')).toBeNull();
    persistence.reportProblem({ kind: 'quota', detail: 'QuotaExceededError' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('no room left');
    await fireEvent.click(screen.getByRole('button', { name: 'Export now' }));
    expect(exportLabs).toHaveBeenCalledWith('current');
    await fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('SharedLabBanner', () => {
  it('opens a share link read-only and saves a copy', async () => {
    const source = await setup();
    const payload = await source.persistence.shareLink();
    const { storage } = await setup();
    const onDone = vi.fn();
    render(SharedLabBanner, { storage, payload, onDone });
    expect(await screen.findByText(/You are looking at a shared lab, "My first lab"/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Save a copy' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(storage.status.shared).toBeNull();
    expect(storage.status.labs).toHaveLength(2);
  });

  it('lists why a damaged link cannot be opened', async () => {
    const { storage } = await setup();
    render(SharedLabBanner, { storage, payload: 'v1.AAAA', onDone: () => undefined });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This share link cannot be opened');
    expect(alert.textContent).toContain('damaged');
  });
});

describe('importKind', () => {
  it.each([
    ['{"format":"iam-lab","version":1}', 'labFile'],
    ['{"UserDetailList":[]}', 'awsAccount'],
    ['{"Policies":[]}', 'awsAccount'],
    ['not json', 'labFile'],
    ['{"something":"else"}', 'unknown'],
  ] as const)('%s → %s', (text, kind) => {
    expect(importKind(text)).toBe(kind);
  });
});
