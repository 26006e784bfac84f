// Authentication in the pipeline: console passwords and sessions, SigV4-signed keys (the receiving side
// recomputes the signature), temporary credentials, instance profiles and anonymous requests.
// AWS: IAM User Guide "Create a signed AWS API request", "Troubleshoot Signature Version 4 signing",
// "How IAM users sign in to AWS".
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../../src/lib/domain/authentication/sigv4';
import { toHttpRequest, signingRegion } from '../../../src/lib/domain/pipeline/httpRequest';
import { addSeconds } from '../../../src/lib/domain/world/clock';
import { bobPassword, call, crypto, defaultLab, errorOf, ok, request, rootPassword, userKey } from './labFixture';

const acct = '111122223333';

describe('SigV4-signed access keys', () => {
  it('the trace shows the canonical request, string to sign, signing keys and the recomputed signature', async () => {
    const w = await defaultLab();
    const sent = await call(w, 'iam:ListUsers', {}, userKey(w, 'alice'));
    ok(sent);
    const steps = sent.record.authentication.steps;
    expect(steps.map((s) => s.kind)).toEqual(['credentials.kind', 'sigv4.sign', 'accessKey.lookup', 'sigv4.verify', 'account.status', 'principal.resolved']);
    const signed = steps.find((s) => s.kind === 'sigv4.sign')?.sigv4;
    const verified = steps.find((s) => s.kind === 'sigv4.verify')?.sigv4;
    expect(signed?.canonicalRequest).toContain('POST\n/\n\n');
    expect(signed?.stringToSign.startsWith('AWS4-HMAC-SHA256\n20260115T090000Z\n20260115/us-east-1/iam/aws4_request\n')).toBe(true);
    expect(signed?.signingKeys.kSigning).toMatch(/^[0-9a-f]{64}$/);
    expect(verified?.signature).toBe(signed?.signature);
  });

  it('a wrong secret: SignatureDoesNotMatch; an unknown key id: InvalidClientTokenId', async () => {
    const w = await defaultLab();
    const alice = userKey(w, 'alice');
    if (alice.kind !== 'accessKey') throw new Error('key');
    expect(errorOf(await call(w, 'iam:ListUsers', {}, { ...alice, secretAccessKey: 'x'.repeat(40) }))).toEqual({
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    });
    expect(errorOf(await call(w, 'iam:ListUsers', {}, { ...alice, accessKeyId: 'AKIAAAAAAAAAAAAAAAAA' }))).toEqual({
      code: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('a signature computed elsewhere verifies; a tampered one does not', async () => {
    const w = await defaultLab();
    const alice = userKey(w, 'alice');
    if (alice.kind !== 'accessKey') throw new Error('key');
    const req = request('sts:GetCallerIdentity', {}, alice);
    const signed = await signRequest(crypto, toHttpRequest(req), alice, { region: signingRegion(req), service: 'sts', time: w.clock });
    const good = { kind: 'signature', accessKeyId: alice.accessKeyId, signature: signed.computation.signature, amzDate: signed.computation.amzDate } as const;
    expect(ok(await call(w, 'sts:GetCallerIdentity', {}, good)).Arn).toBe('arn:aws:iam::111122223333:user/alice');
    const bad = { ...good, signature: signed.computation.signature.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
    expect(errorOf(await call(w, 'sts:GetCallerIdentity', {}, bad)).code).toBe('SignatureDoesNotMatch');
    const old = { ...good, amzDate: '20260114T090000Z' };
    expect(errorOf(await call(w, 'sts:GetCallerIdentity', {}, old)).code).toBe('SignatureDoesNotMatch');
  });

  it("a deleted user's key no longer authenticates", async () => {
    let w = await defaultLab();
    const a = userKey(w, 'alice');
    const carol = userKey(w, 'carol');
    if (carol.kind !== 'accessKey') throw new Error('key');
    w = (await call(w, 'iam:DeleteAccessKey', { UserName: 'carol', AccessKeyId: carol.accessKeyId }, a)).world;
    w = (await call(w, 'iam:RemoveUserFromGroup', { UserName: 'carol', GroupName: 'Developers' }, a)).world;
    w = (await call(w, 'iam:DeleteUser', { UserName: 'carol' }, a)).world;
    expect(errorOf(await call(w, 'sts:GetCallerIdentity', {}, carol)).code).toBe('InvalidClientTokenId');
  });
});

describe('console', () => {
  it('ConsoleLogin opens a session that later requests carry; it expires after 12 hours', async () => {
    const w = await defaultLab();
    const signIn = await call(w, 'signin:ConsoleLogin', {}, bobPassword());
    const sessionId = String(ok(signIn).SessionId);
    const console1 = { kind: 'console', sessionId } as const;
    const read = await call(signIn.world, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, console1);
    ok(read);
    expect(read.record.authorization?.checks[0]?.context['aws:MultiFactorAuthPresent']).toBe('false');
    expect(signIn.world.accounts[acct]?.users.bob?.passwordLastUsed).toBe(w.clock);
    const late = { ...signIn.world, clock: addSeconds(w.clock, 12 * 3600) };
    expect(errorOf(await call(late, 'sts:GetCallerIdentity', {}, console1)).code).toBe('ExpiredToken');
    const out = await call(signIn.world, 'signin:ConsoleLogout', {}, console1);
    ok(out);
    expect(errorOf(await call(out.world, 'sts:GetCallerIdentity', {}, console1)).code).toBe('InvalidClientTokenId');
  });

  it.each([
    ['a wrong password', { kind: 'password', accountIdOrAlias: acct, userName: 'bob', password: 'nope' }],
    ['an unknown user', { kind: 'password', accountIdOrAlias: acct, userName: 'mallory', password: 'nope' }],
    ['a user without a console password (carol)', { kind: 'password', accountIdOrAlias: acct, userName: 'carol', password: 'anything' }],
    ['an unknown account', { kind: 'password', accountIdOrAlias: '999999999999', userName: 'bob', password: 'Bob-Developer-2026!' }],
    ['a wrong root password', { kind: 'rootPassword', email: 'root@example.com', password: 'wrong' }],
  ] as const)('refuses %s with the same message (AWS never says which part was wrong)', async (_n, creds) => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 'signin:ConsoleLogin', {}, creds))).toEqual({ code: 'SignInFailed', message: 'Your authentication information is incorrect. Please try again.' });
  });

  it('a group cannot sign in: there is no such identity to sign in as', async () => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 'signin:ConsoleLogin', {}, { kind: 'password', accountIdOrAlias: acct, userName: 'Developers', password: 'anything' })).code).toBe('SignInFailed');
  });

  it('root signs in with the email address and has unlimited access in its account', async () => {
    const w = await defaultLab();
    const signIn = await call(w, 'signin:ConsoleLogin', {}, rootPassword);
    const session = { kind: 'console', sessionId: String(ok(signIn).SessionId) } as const;
    const who = await call(signIn.world, 'sts:GetCallerIdentity', {}, session);
    expect(ok(who).Arn).toBe('arn:aws:iam::111122223333:root');
    ok(await call(signIn.world, 'iam:CreateUser', { UserName: 'by-root' }, session));
  });

  it('ConsoleLogin refuses access-key credentials', async () => {
    const w = await defaultLab();
    expect(errorOf(await call(w, 'signin:ConsoleLogin', {}, userKey(w, 'alice'))).code).toBe('InvalidRequest');
  });
});

describe('unknown operations', () => {
  it('is InvalidAction after authentication', async () => {
    const w = await defaultLab();
    const sent = await call(w, 'iam:MakeCoffee', {}, userKey(w, 'alice'));
    expect(errorOf(sent)).toEqual({ code: 'InvalidAction', message: 'The action iam:MakeCoffee is not valid for this web service.' });
    expect(sent.record.authentication.ok).toBe(true);
  });
});
