// simulateAuthorization answers "may X do A on R?" exactly as send() would decide it.
import { describe, expect, it } from 'vitest';
import { principalFor, simulateAuthorization } from '../../../src/lib/domain/pipeline/simulate';
import type { IdentityRef } from '../../../src/lib/domain/pipeline/simulate';
import type { Credentials } from '../../../src/lib/domain/pipeline/types';
import type { Json } from '../../../src/lib/domain/policy/types';
import { call, defaultLab, userKey } from './labFixture';

const acct = '111122223333';
const decisionOf = (c: ReturnType<typeof simulateAuthorization>) => (c?.result.kind === 'decision' ? c.result.decision : c?.result.kind);

describe('simulateAuthorization', () => {
  it.each<[string, IdentityRef, string, string, string, Record<string, Json>, 'alice' | 'carol']>([
    ['alice reads an object', { kind: 'user', accountId: acct, userName: 'alice' }, 's3:GetObject', 'arn:aws:s3:::example-corp-app-data/config/app.json', 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, 'alice'],
    ['carol creates a user', { kind: 'user', accountId: acct, userName: 'carol' }, 'iam:CreateUser', 'arn:aws:iam::111122223333:user/zed', 'iam:CreateUser', { UserName: 'zed' }, 'carol'],
    ['carol assumes the partner role', { kind: 'user', accountId: acct, userName: 'carol' }, 'sts:AssumeRole', 'arn:aws:iam::444455556666:role/PartnerAccessRole', 'sts:AssumeRole', { RoleArn: 'arn:aws:iam::444455556666:role/PartnerAccessRole', RoleSessionName: 'sim' }, 'carol'],
    ['alice assumes the partner role', { kind: 'user', accountId: acct, userName: 'alice' }, 'sts:AssumeRole', 'arn:aws:iam::444455556666:role/PartnerAccessRole', 'sts:AssumeRole', { RoleArn: 'arn:aws:iam::444455556666:role/PartnerAccessRole', RoleSessionName: 'sim' }, 'alice'],
  ])('%s: same decision as send()', async (_n, ref, action, resource, op, params, who) => {
    const w = await defaultLab();
    const simulated = simulateAuthorization(w, ref, action, resource);
    const creds: Credentials = userKey(w, who);
    const sent = await call(w, op, params, creds);
    expect(decisionOf(simulated)).toBe(sent.record.authorization?.decision);
    expect(simulated?.policies.map((p) => p.id)).toEqual(sent.record.authorization?.checks[0]?.policies.map((p) => p.id));
  });

  it('the key policy and trust policy are part of the simulation', async () => {
    const w = await defaultLab();
    const keyId = Object.keys(w.accounts[acct]?.kms.keys ?? {})[0] ?? '';
    const keyArn = w.accounts[acct]?.kms.keys[keyId]?.arn ?? '';
    const app = simulateAuthorization(w, { kind: 'role', accountId: acct, roleName: 'AppServerRole' }, 'kms:Decrypt', keyArn);
    expect(decisionOf(app)).toBe('allowed');
    expect(app?.policies.some((p) => p.source.kind === 'keyPolicy')).toBe(true);
    expect(decisionOf(simulateAuthorization(w, { kind: 'user', accountId: acct, userName: 'bob' }, 'kms:Decrypt', keyArn))).toBe('implicitDeny');
    const trust = simulateAuthorization(w, { kind: 'user', accountId: acct, userName: 'alice' }, 'sts:AssumeRole', 'arn:aws:iam::111122223333:role/AppServerRole');
    expect(trust?.policies.some((p) => p.source.kind === 'trustPolicy')).toBe(true);
    expect(decisionOf(trust)).not.toBe('allowed');
  });

  it('anonymous and unknown identities', async () => {
    const w = await defaultLab();
    expect(decisionOf(simulateAuthorization(w, { kind: 'anonymous' }, 's3:GetObject', 'arn:aws:s3:::example-corp-app-data/config/app.json'))).toBe('implicitDeny');
    expect(simulateAuthorization(w, { kind: 'user', accountId: acct, userName: 'nobody' }, 's3:GetObject', '*')).toBeUndefined();
    expect(principalFor(w, { kind: 'root', accountId: acct })?.principal).toEqual({ kind: 'root', arn: 'arn:aws:iam::111122223333:root', accountId: acct });
  });

  it('context options flow into the decision (aws:SecureTransport)', async () => {
    const w = await defaultLab();
    const r = simulateAuthorization(w, { kind: 'user', accountId: acct, userName: 'alice' }, 's3:GetObject', 'arn:aws:s3:::example-corp-app-data/config/app.json', { transport: 'http', trace: false });
    expect(decisionOf(r)).toBe('explicitDeny');
  });
});
