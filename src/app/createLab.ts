// Builds the live lab for this browser: the default world, the real pipeline, Web Crypto and real randomness.
// The learner starts signed in to the console as alice, the lab's admin user (not root: AWS advises against
// using root every day), so the first history entry is a real console sign-in.
import { webCrypto, webCryptoIdSource } from '../lib/domain/authentication';
import { send } from '../lib/domain/pipeline/send';
import { createDefaultLab, defaultLabCredentials } from '../lib/domain/world/defaultLab';
import type { World } from '../lib/domain/world/types';
import type { RequestRecord } from '../lib/domain/pipeline/types';
import { LabState } from '../lib/ui/state/lab.svelte';
import { signInAsUser } from '../lib/ui/state/signIn';

export async function createLab(saved?: { world: World; records: readonly RequestRecord[] }): Promise<LabState> {
  const crypto = webCrypto();
  const deps = { crypto, ids: webCryptoIdSource() };
  if (saved) return new LabState(saved.world, send, deps, saved.records);
  const world = await createDefaultLab({ crypto });
  const lab = new LabState(world, send, deps);
  await signInAsUser(lab, {
    accountIdOrAlias: defaultLabCredentials.accountAlias,
    userName: 'alice',
    password: defaultLabCredentials.users.alice.password,
  });
  return lab;
}
