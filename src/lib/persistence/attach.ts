// The one call the composition root makes: open storage, connect it to the live lab, save on
// pagehide/hidden, sync tabs. Invariant: resolves in every browser (memory fallback), never throws.
import { hashPassword } from '../domain/authentication/passwords';
import { webCrypto, webCryptoIdSource } from '../domain/authentication/crypto';
import type { World } from '../domain/world/types';
import { broadcastLabChannel } from './labChannel';
import type { LiveLab } from './labPersistence';
import { LabPersistence } from './labPersistence';
import { openRepository } from './openRepository';
import { labDbName } from './schema';
import { streamCompressor } from './streamCompressor';

export interface AttachOptions {
  readonly newWorld: () => World;
  readonly firstLabName: string;
  readonly dbName?: string;
  /** The root password given to imported AWS accounts (the export carries no credentials). */
  readonly importedRootPassword?: string;
}

/** An imported account's root user gets a known password so the learner can sign in and create credentials. */
async function withRootPassword(world: World, accountId: string, password: string): Promise<World> {
  const account = world.accounts[accountId];
  if (!account) return world;
  const passwordHash = await hashPassword(webCrypto(), webCryptoIdSource(), password);
  return { ...world, accounts: { ...world.accounts, [accountId]: { ...account, root: { ...account.root, passwordHash } } } };
}

export async function attachPersistence(lab: LiveLab, options: AttachOptions): Promise<LabPersistence> {
  let controller: LabPersistence | null = null;
  // Problems can arrive before the controller exists (an old tab blocking the upgrade).
  const early: Parameters<LabPersistence['reportProblem']>[0][] = [];
  const report = (problem: Parameters<LabPersistence['reportProblem']>[0]) => (controller ? controller.reportProblem(problem) : early.push(problem));
  const opened = await openRepository(options.dbName ?? labDbName, {
    onBlocked: () => report({ kind: 'blocked', detail: 'another tab keeps an older IAM Lab open' }),
    onBlocking: () => report({ kind: 'blocking', detail: 'a newer IAM Lab opened in another tab' }),
    onTerminated: () => report({ kind: 'unavailable', detail: 'the browser closed the database' }),
  });
  controller = new LabPersistence(lab, opened.repo, {
    channel: broadcastLabChannel(),
    compressor: streamCompressor,
    newWorld: options.newWorld,
    firstLabName: options.firstLabName,
    problem: opened.problem,
    prepareImportedWorld: async (world, accountId) => {
      const password = options.importedRootPassword ?? 'Imported-Root-2026!';
      const email = world.accounts[accountId]?.root.email ?? '';
      return { world: await withRootPassword(world, accountId, password), rootSignIn: { email, password } };
    },
  });
  for (const problem of early) controller.reportProblem(problem);
  await controller.start();
  const persistence = controller;
  const flush = () => void persistence.flush();
  const onHidden = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onHidden);
  return persistence;
}

export type { LabPersistence, PersistenceStatus, ImportResult, RootSignIn } from './labPersistence';
export type { StorageProblem } from './openRepository';
