// The live lab ↔ storage controller: load on start, save every change, labs CRUD, undo/redo persisted,
// two tabs in sync, storage failures that keep the lab working, export/import and shared labs.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { RequestRecord } from '../../src/lib/domain/pipeline/types';
import type { World } from '../../src/lib/domain/world/types';
import { broadcastLabChannel } from '../../src/lib/persistence/labChannel';
import type { LabRepository } from '../../src/lib/persistence/labRepository';
import type { LiveLab, LiveLabChange } from '../../src/lib/persistence/labPersistence';
import { LabPersistence } from '../../src/lib/persistence/labPersistence';
import { MemoryLabRepository } from '../../src/lib/persistence/memoryLabRepository';
import { streamCompressor } from '../../src/lib/persistence/streamCompressor';
import { readFileSync } from 'node:fs';
import { sampleRecord, sampleWorld } from '../domain/sharing/sampleLab';

/** A stand-in for the UI's LabState with the same change announcements. */
class FakeLab implements LiveLab {
  listeners = new Set<(change: LiveLabChange) => void>();
  readOnly = false;
  constructor(
    public world: World,
    public records: readonly RequestRecord[] = [],
  ) {}
  replace(world: World, records: readonly RequestRecord[] = this.records, options: { silent?: boolean } = {}): void {
    this.world = world;
    this.records = records;
    if (!options.silent) this.emit({ kind: 'replace', world, records });
  }
  subscribe(listener: (change: LiveLabChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  send(record: RequestRecord, world: World): void {
    this.world = world;
    this.records = [...this.records, record];
    this.emit({ kind: 'request', record, world });
  }
  tick(seconds: number): void {
    this.world = { ...this.world, clock: new Date(Date.parse(this.world.clock) + seconds * 1000).toISOString().replace('.000', '') };
    this.emit({ kind: 'clock', world: this.world });
  }
  emit(change: LiveLabChange): void {
    for (const l of this.listeners) l(change);
  }
}

const base = sampleWorld();

function withUser(world: World, name: string): World {
  const a = world.accounts['123456789012']!;
  return { ...world, accounts: { ...world.accounts, '123456789012': { ...a, users: { ...a.users, [name]: { ...a.users.alice!, name } } } } };
}

let seq = 0;
function setup(repo: LabRepository = new MemoryLabRepository(), extra: Partial<ConstructorParameters<typeof LabPersistence>[2]> = {}) {
  const lab = new FakeLab(base);
  let tick = 0;
  const persistence = new LabPersistence(lab, repo, {
    compressor: streamCompressor,
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString(),
    newId: () => `id-${++seq}`,
    newWorld: () => withUser(base, 'fresh'),
    firstLabName: 'My lab',
    debounceMs: 5,
    ...extra,
  });
  return { lab, persistence, repo };
}

describe('LabPersistence', () => {
  it('saves the live lab as the first lab, then reloads it with its history after a "reload"', async () => {
    const { lab, persistence, repo } = setup();
    await persistence.start();
    expect(persistence.status.labs.map((l) => l.name)).toEqual(['My lab']);
    lab.send(sampleRecord('r1'), withUser(lab.world, 'dave'));
    await persistence.flush();
    expect(persistence.status.save).toBe('saved');

    const again = setup(repo);
    await again.persistence.start();
    expect(again.lab.world).toEqual(withUser(base, 'dave'));
    expect(again.lab.records.map((r) => r.id)).toEqual(['r1']);
    expect(again.persistence.status.undoLabel).toBe('iam:ListUsers');
  });

  it('debounces clock moves and still saves them', async () => {
    const { lab, persistence, repo } = setup();
    await persistence.start();
    lab.tick(60);
    lab.tick(60);
    await vi.waitFor(async () => expect((await repo.loadLab(persistence.status.currentId!))?.world.clock).toBe('2026-01-15T09:02:00Z'));
  });

  it('undo and redo change the world and survive a reload', async () => {
    const { lab, persistence, repo } = setup();
    await persistence.start();
    lab.send(sampleRecord('r1'), withUser(lab.world, 'u1'));
    lab.send(sampleRecord('r2'), withUser(lab.world, 'u2'));
    expect(persistence.undo()).toBe(true);
    expect(lab.world).toEqual(withUser(base, 'u1'));
    expect(lab.records).toHaveLength(2);
    await persistence.flush();
    const again = setup(repo);
    await again.persistence.start();
    expect(again.lab.world).toEqual(withUser(base, 'u1'));
    expect(again.persistence.redo()).toBe(true);
    expect(again.lab.world).toEqual(withUser(withUser(base, 'u1'), 'u2'));
  });

  it('creates, switches, renames, duplicates and deletes labs', async () => {
    const { lab, persistence } = setup();
    await persistence.start();
    const first = persistence.status.currentId!;
    const second = (await persistence.createLab('Second'))!;
    expect(persistence.status.currentId).toBe(second);
    expect(lab.world).toEqual(withUser(base, 'fresh'));
    await persistence.renameLab(second, '  Renamed ');
    expect(persistence.status.labs.find((l) => l.id === second)?.name).toBe('Renamed');
    const copy = (await persistence.duplicateLab(second, (n) => `${n} (copy)`))!;
    expect(persistence.status.labs.map((l) => l.name).sort()).toEqual(['My lab', 'Renamed', 'Renamed (copy)']);
    await persistence.switchLab(first);
    expect(lab.world).toEqual(base);
    await persistence.deleteLab(first);
    expect(persistence.status.labs.map((l) => l.id).sort()).toEqual([second, copy].sort());
    expect([second, copy]).toContain(persistence.status.currentId);
  });

  it('keeps two tabs on the same lab consistent', async () => {
    const repo = new MemoryLabRepository();
    const name = `tabs-${++seq}`;
    const a = setup(repo, { channel: broadcastLabChannel(name) });
    await a.persistence.start();
    const b = setup(repo, { channel: broadcastLabChannel(name) });
    await b.persistence.start();
    expect(b.persistence.status.currentId).toBe(a.persistence.status.currentId);
    a.lab.send(sampleRecord('r1'), withUser(a.lab.world, 'from-a'));
    await a.persistence.flush();
    await vi.waitFor(() => expect(b.lab.world).toEqual(withUser(base, 'from-a')));
    expect(b.lab.records.map((r) => r.id)).toEqual(['r1']);
    await a.persistence.createLab('New in A');
    await vi.waitFor(() => expect(b.persistence.status.labs).toHaveLength(2));
  });

  it('a failing store keeps the lab working, reports the problem and retries the change', async () => {
    const repo = new MemoryLabRepository();
    const { lab, persistence } = setup(repo);
    await persistence.start();
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    const save = vi.spyOn(repo, 'saveLab').mockRejectedValueOnce(quota);
    lab.send(sampleRecord('r1'), withUser(lab.world, 'kept'));
    await vi.waitFor(() => expect(persistence.status).toMatchObject({ save: 'failed', problem: { kind: 'quota' } }));
    expect(lab.world).toEqual(withUser(base, 'kept'));
    lab.send(sampleRecord('r2'), withUser(lab.world, 'next'));
    await persistence.flush();
    expect(save).toHaveBeenCalledTimes(2);
    expect(persistence.status).toMatchObject({ save: 'saved', problem: null });
    expect((await repo.loadLab(persistence.status.currentId!))?.records.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('exports the in-memory lab and imports it back as a new lab', async () => {
    const { lab, persistence } = setup();
    await persistence.start();
    lab.send(sampleRecord('r1'), withUser(lab.world, 'exported'));
    const text = await persistence.exportFile('all');
    const result = await persistence.importFile(text);
    expect(result.ok).toBe(true);
    expect(persistence.status.labs).toHaveLength(2);
    expect(lab.world).toEqual(withUser(base, 'exported'));
  });

  it('an invalid import file changes nothing and names each problem', async () => {
    const { lab, persistence, repo } = setup();
    await persistence.start();
    const before = await repo.listLabs();
    const world = lab.world;
    const result = await persistence.importFile(JSON.stringify({ format: 'iam-lab', version: 1, exportedAt: '2026-01-01T00:00:00Z', labs: [{ id: 'x', name: '' }] }));
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['/labs/0/name', '/labs/0/created', '/labs/0/updated', '/labs/0/world', '/labs/0/records']);
    expect(await repo.listLabs()).toEqual(before);
    expect(lab.world).toBe(world);
  });

  it('imports an AWS account as a new lab with notes', async () => {
    const { lab, persistence } = setup();
    await persistence.start();
    const text = readFileSync(new URL('../domain/sharing/fixtures/authorization-details.json', import.meta.url), 'utf8');
    const result = await persistence.importAwsAccount(text, (id) => `AWS ${id}`);
    expect(result.ok && result.notes.length).toBeGreaterThan(0);
    expect(persistence.status.labs.map((l) => l.name)).toContain('AWS 123456789012');
    expect(Object.keys(lab.world.accounts)).toEqual(['123456789012']);
  });

  it('lets the app finish an imported account (a root password) and says how to sign in', async () => {
    const prepare = vi.fn(async (world: World, accountId: string) => {
      const account = world.accounts[accountId]!;
      return { world: { ...world, accounts: { [accountId]: { ...account, root: { ...account.root, passwordHash: 'hashed' } } } }, rootSignIn: { email: account.root.email, password: 'pw' } };
    });
    const { lab, persistence } = setup(new MemoryLabRepository(), { prepareImportedWorld: prepare });
    await persistence.start();
    const text = readFileSync(new URL('../domain/sharing/fixtures/authorization-details.json', import.meta.url), 'utf8');
    const result = await persistence.importAwsAccount(text, (id) => `AWS ${id}`);
    expect(prepare).toHaveBeenCalledWith(expect.anything(), '123456789012');
    expect(result.ok && result.rootSignIn).toEqual({ email: 'root@123456789012.invalid', password: 'pw' });
    expect(lab.world.accounts['123456789012']!.root.passwordHash).toBe('hashed');
  });

  it('shows a shared lab read-only, then saves a copy', async () => {
    const { lab, persistence, repo } = setup();
    await persistence.start();
    lab.send(sampleRecord('r1'), withUser(lab.world, 'shared-user'));
    const payload = await persistence.shareLink();

    const viewer = setup(new MemoryLabRepository());
    await viewer.persistence.start();
    expect(await viewer.persistence.openShared(payload)).toEqual([]);
    expect(viewer.persistence.status.shared).toEqual({ name: 'My lab' });
    expect(viewer.lab.readOnly).toBe(true);
    expect(viewer.lab.world).toEqual(withUser(base, 'shared-user'));
    viewer.lab.send(sampleRecord('tried'), withUser(viewer.lab.world, 'not-saved'));
    await viewer.persistence.flush();
    expect(viewer.persistence.status.labs).toHaveLength(1);
    const copy = await viewer.persistence.saveSharedCopy();
    expect(viewer.persistence.status).toMatchObject({ shared: null, currentId: copy });
    expect(viewer.lab.readOnly).toBe(false);
    expect((await viewer.repo.loadLab(copy!))?.world).toEqual(withUser(base, 'shared-user'));
    expect(await repo.listLabs()).toHaveLength(1);
  });

  it('refuses a damaged share link without leaving the lab', async () => {
    const { lab, persistence } = setup();
    await persistence.start();
    const problems = await persistence.openShared('v1.AAAA');
    expect(problems[0]?.message).toContain('damaged');
    expect(persistence.status.shared).toBeNull();
    expect(lab.world).toEqual(base);
  });

  it('keeps who the learner acts as per lab across a reload', async () => {
    const { lab, persistence, repo } = setup();
    const alice = { kind: 'user', name: 'alice', via: 'console', credentials: { kind: 'console', sessionId: 's1' } };
    Object.assign(lab, { identity: alice, setIdentity: (identity: unknown) => Object.assign(lab, { identity }) });
    await persistence.start();
    const bob = { ...alice, name: 'bob' };
    lab.emit({ kind: 'identity', identity: bob });
    await vi.waitFor(async () => expect(await repo.getSetting(`identity:${persistence.status.currentId}`)).toEqual(bob));
    const again = setup(repo);
    const restored = vi.fn();
    Object.assign(again.lab, { setIdentity: restored });
    await again.persistence.start();
    expect(restored).toHaveBeenCalledWith(bob);
  });

  it('stores scenario progress and settings; a failing store reports instead of throwing', async () => {
    const { persistence, repo } = setup();
    await persistence.start();
    await persistence.setProgress('01-first-user', { done: true });
    await persistence.setSetting('theme', 'dark');
    expect(await persistence.getProgress('01-first-user')).toEqual({ done: true });
    expect(await persistence.getSetting('theme')).toBe('dark');
    vi.spyOn(repo, 'setProgress').mockRejectedValueOnce(Object.assign(new Error('full'), { name: 'QuotaExceededError' }));
    await persistence.setProgress('02', { done: false });
    expect(persistence.status.problem?.kind).toBe('quota');
  });

  it('a stored lab that fails the checks is reported and not loaded', async () => {
    const repo = new MemoryLabRepository();
    await repo.createLab({ id: 'bad', name: 'Bad', created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z', world: { version: 1 } as unknown as World, records: [] });
    const { lab, persistence } = setup(repo);
    await persistence.start();
    expect(persistence.status.problem?.kind).toBe('damaged');
    expect(lab.world).toEqual(base);
    expect(persistence.status.currentId).not.toBe('bad');
  });
});
