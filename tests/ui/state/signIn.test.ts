// Signing in and switching identity through the real pipeline on the default lab.
import { beforeAll, describe, expect, it } from 'vitest';
import { webCrypto, seededIdSource } from '../../../src/lib/domain/authentication';
import { send } from '../../../src/lib/domain/pipeline/send';
import { createDefaultLab, defaultLabCredentials, partnerAccountId } from '../../../src/lib/domain/world/defaultLab';
import type { World } from '../../../src/lib/domain/world/types';
import { LabState } from '../../../src/lib/ui/state/lab.svelte';
import { actAnonymously, assumeRole, signInAsRoot, signInAsUser } from '../../../src/lib/ui/state/signIn';

const crypto = webCrypto();
let world: World;
beforeAll(async () => {
  world = await createDefaultLab({ crypto, passwordIterations: 1000 });
});
const newLab = () => new LabState(world, send, { crypto, ids: seededIdSource(7) });

describe('signing in through the pipeline', () => {
  it('signs alice in to the console and then acts as her', async () => {
    const lab = newLab();
    const record = await signInAsUser(lab, { accountIdOrAlias: 'example-corp', userName: 'alice', password: defaultLabCredentials.users.alice.password });
    expect(record.response.ok).toBe(true);
    expect(lab.identity).toMatchObject({ kind: 'user', name: 'alice', via: 'console', accountId: '111122223333' });
    expect(lab.identity.credentials.kind).toBe('console');
    const list = await lab.send({ operation: 'iam:ListUsers', params: {} });
    expect(list.authentication.principal?.userName).toBe('alice');
    expect(list.response.ok).toBe(true);
  });

  it('keeps the current identity when the password is wrong', async () => {
    const lab = newLab();
    actAnonymously(lab);
    const record = await signInAsUser(lab, { accountIdOrAlias: 'example-corp', userName: 'alice', password: 'nope' });
    expect(record.response.ok).toBe(false);
    expect(lab.identity.kind).toBe('anonymous');
  });

  it('signs the root user in with the email address', async () => {
    const lab = newLab();
    await signInAsRoot(lab, defaultLabCredentials.root);
    expect(lab.identity).toMatchObject({ kind: 'root', via: 'console', arn: 'arn:aws:iam::111122223333:root' });
  });

  it('assumes the partner role and acts with temporary credentials', async () => {
    const lab = newLab();
    await signInAsUser(lab, { accountIdOrAlias: 'example-corp', userName: 'alice', password: defaultLabCredentials.users.alice.password });
    const record = await assumeRole(lab, { roleArn: `arn:aws:iam::${partnerAccountId}:role/PartnerAccessRole`, sessionName: 'alice-visit' });
    expect(record.response.ok).toBe(true);
    expect(lab.identity).toMatchObject({ kind: 'role', via: 'temporaryCredentials' });
    expect(lab.identity.credentials).toMatchObject({ kind: 'accessKey', accessKeyId: expect.stringMatching(/^ASIA/) });
    const who = await lab.send({ operation: 'sts:GetCallerIdentity', params: {} });
    expect(who.response.ok && JSON.stringify(who.response.result)).toContain('assumed-role/PartnerAccessRole/alice-visit');
  });
});
