// A real lab for component tests: the default world, the real pipeline, Web Crypto and a seeded id
// source, optionally signed in to the console as one of the default lab's users.
import { webCrypto } from '../../../src/lib/domain/authentication';
import { send } from '../../../src/lib/domain/pipeline/send';
import { createDefaultLab, defaultLabCredentials } from '../../../src/lib/domain/world/defaultLab';
import { seededIdSource } from '../../../src/lib/domain/world/ids';
import type { World } from '../../../src/lib/domain/world/types';
import { LabState } from '../../../src/lib/ui/state/lab.svelte';
import { signInAsUser } from '../../../src/lib/ui/state/signIn';

export const crypto = webCrypto();
export const accountId = defaultLabCredentials.accountId;
let world: Promise<World> | undefined;

export async function makeLab(as?: 'alice' | 'bob'): Promise<LabState> {
  world ??= createDefaultLab({ crypto });
  const lab = new LabState(await world, send, { crypto, ids: seededIdSource(42) });
  if (as) {
    const record = await signInAsUser(lab, {
      accountIdOrAlias: defaultLabCredentials.accountAlias,
      userName: as,
      password: defaultLabCredentials.users[as].password,
    });
    if (!record.response.ok) throw new Error(`fixture sign-in as ${as} failed: ${record.response.message}`);
  }
  return lab;
}
