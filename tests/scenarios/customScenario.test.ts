// Teachers' scenarios: goal sentences parsed against the lab, checked with the engine, compiled into a
// scenario that advances on real requests, and shared as a versioned link or a file.
import { describe, expect, it } from 'vitest';
import { webCrypto } from '../../src/lib/domain/authentication/crypto';
import { seededIdSource } from '../../src/lib/domain/authentication/credentials';
import { send } from '../../src/lib/domain/pipeline/send';
import type { TextCompressor } from '../../src/lib/domain/sharing/shareLink';
import { createDefaultLab } from '../../src/lib/domain/world/defaultLab';
import type { World } from '../../src/lib/domain/world/types';
import {
  advanceScenario,
  checkGoal,
  compileCustomScenario,
  decodeCustomScenario,
  encodeCustomScenario,
  parseCustomScenarioFile,
  parseGoal,
  serializeCustomScenario,
  startProgress,
} from '../../src/lib/scenarios';
import type { CustomScenarioSpec } from '../../src/lib/scenarios';
import { userKey } from '../../src/lib/scenarios/goals';

const crypto = webCrypto();
let lab: Promise<World> | undefined;
const world = () => (lab ??= createDefaultLab({ crypto, passwordIterations: 100 }));
const plain: TextCompressor = {
  compress: async (text) => new TextEncoder().encode(text),
  decompress: async (bytes, max) => {
    const text = new TextDecoder().decode(bytes);
    if (text.length > max) throw new Error('too big');
    return text;
  },
};

describe('parseGoal', () => {
  it.each([
    ['alice can s3:GetObject on arn:aws:s3:::example-corp-app-data/config/app.json', { kind: 'can', who: { kind: 'user', userName: 'alice' }, action: 's3:GetObject' }],
    ["bob cannot iam:CreateUser on *", { kind: 'cannot', who: { kind: 'user', userName: 'bob' }, action: 'iam:CreateUser', resource: '*' }],
    ["bob can't iam:CreateUser on *.", { kind: 'cannot' }],
    ['role AppServerRole can dynamodb:GetItem on arn:aws:dynamodb:us-east-1:111122223333:table/Orders', { kind: 'can', who: { kind: 'role', roleName: 'AppServerRole' } }],
    ['the root user can account:CloseAccount on *', { kind: 'can', who: { kind: 'root', accountId: '111122223333' } }],
    ['A request was sent with an access key.', { kind: 'sent', via: 'accessKey' }],
    ['a request was sent anonymously', { kind: 'sent', via: 'anonymous' }],
  ])('reads "%s"', async (text, expected) => {
    const parsed = parseGoal(text, await world());
    expect(parsed).toMatchObject({ ok: true, goal: expected });
  });

  it.each([
    ['zed can s3:GetObject on *', 'No user, role or root user called "zed"'],
    ['alice may s3:GetObject on *', 'Write "NAME can ACTION'],
    ['a request was sent by pigeon', 'Say how'],
  ])('explains what is wrong with "%s"', async (text, message) => {
    const parsed = parseGoal(text, await world());
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});

describe('checkGoal', () => {
  it.each([
    ['alice can s3:GetObject on arn:aws:s3:::example-corp-app-data/config/app.json', true],
    ['bob can iam:CreateUser on *', false],
    ['bob cannot iam:CreateUser on *', true],
    ['carol can s3:PutObject on arn:aws:s3:::example-corp-app-data/x', true],
  ])('"%s" is %s in the default lab', async (text, holds) => {
    const w = await world();
    const parsed = parseGoal(text, w);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(checkGoal(parsed.goal, w, [])).toBe(holds);
  });
});

function spec(w: World): CustomScenarioSpec {
  const goal = (text: string) => {
    const p = parseGoal(text, w);
    if (!p.ok) throw new Error(p.message);
    return p.goal;
  };
  return {
    kind: 'iam-lab-scenario',
    version: 1,
    title: 'Lock bob out of IAM',
    goal: 'Practise a deny',
    world: w,
    steps: [
      { instruction: 'Call any API with carol\'s key.', goalText: 'a request was sent with an access key', goal: goal('a request was sent with an access key'), hints: [], explanation: 'Keys sign requests.' },
      { instruction: 'Take bob out of Developers.', goalText: 'bob cannot s3:GetObject on arn:aws:s3:::example-corp-app-data/config/app.json', goal: goal('bob cannot s3:GetObject on arn:aws:s3:::example-corp-app-data/config/app.json'), hints: ['Group membership'], explanation: 'No group, no allow.' },
    ],
  };
}

describe('compileCustomScenario', () => {
  it('advances on real requests, in order', async () => {
    const w = await world();
    const scenario = compileCustomScenario(spec(w));
    const deps = { crypto, ids: seededIdSource(3) };
    let progress = startProgress(scenario);
    const first = await send(w, { operation: 'sts:GetCallerIdentity', params: {}, credentials: userKey(w, 'carol') }, deps);
    progress = advanceScenario(scenario, progress, first.world, [first.record]);
    expect(progress.stepIndex).toBe(1);
    const removed = await send(first.world, { operation: 'iam:RemoveUserFromGroup', params: { UserName: 'bob', GroupName: 'Developers' }, credentials: userKey(w, 'alice') }, deps);
    progress = advanceScenario(scenario, progress, removed.world, [first.record, removed.record]);
    expect(progress.completed).toBe(true);
    expect(scenario.steps[0]?.hints).toEqual(['a request was sent with an access key']);
  });
});

describe('sharing', () => {
  it('round-trips through a versioned link and a file', async () => {
    const s = spec(await world());
    const link = await encodeCustomScenario(s, plain);
    expect(link).toMatch(/^shared\.v1\.[A-Za-z0-9_-]+$/);
    expect(await decodeCustomScenario(link, plain)).toEqual({ ok: true, spec: s });
    expect(parseCustomScenarioFile(serializeCustomScenario(s))).toEqual({ ok: true, spec: s });
  });

  it.each([
    ['shared.v2.AAAA', 'newer IAM Lab'],
    ['shared.v1.%%%', 'not a scenario link'],
    ['shared.v1.AAAA', 'damaged'],
  ])('refuses the link %s', async (link, message) => {
    const r = await decodeCustomScenario(link, plain);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });

  it('refuses a file whose lab is not valid or whose goal names nobody', async () => {
    const s = spec(await world());
    expect(parseCustomScenarioFile(JSON.stringify({ ...s, world: { version: 99 } }))).toMatchObject({ ok: false });
    const bad = { ...s, steps: [{ ...s.steps[0], goalText: 'zed can s3:GetObject on *' }] };
    expect(parseCustomScenarioFile(JSON.stringify(bad))).toMatchObject({ ok: false, message: expect.stringContaining('zed') });
  });
});
