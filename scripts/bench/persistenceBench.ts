// Bench section for storage: save and load of a lab with 5,000 entities through the IndexedDB repository
// on fake-indexeddb (Node), including the checks the app runs on load. Target: load under 300 ms.
import type { RequestRecord } from '../../src/lib/domain/pipeline/types';
import { checkRecords, checkWorld } from '../../src/lib/domain/sharing/checkLab';
import { ProblemList } from '../../src/lib/domain/sharing/problems';
import { createEmptyWorld, newAccount, withAccount } from '../../src/lib/domain/world/createEmptyWorld';
import type { Account, World } from '../../src/lib/domain/world/types';
import { recordEdit } from '../../src/lib/persistence/undoHistory';
import { emptyUndo } from '../../src/lib/persistence/undoHistory';

const accountId = '111122223333';
const policyDoc = (action: string, resource: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] }, null, 2);

/** A deterministic world: 1,000 policies, 500 groups, 1,000 roles, 2,000 users, 500 buckets = 5,000 entities. */
export function largeWorld(): { world: World; entities: number } {
  const at = '2026-01-15T09:00:00Z';
  const base = newAccount({ id: accountId, name: 'Bench', rootEmail: 'root@bench.example', rootPasswordHash: 'x' });
  const policies: Record<string, Account['policies'][string]> = {};
  for (let i = 0; i < 1000; i += 1) {
    const arn = `arn:aws:iam::${accountId}:policy/P${i}`;
    policies[arn] = { arn, name: `P${i}`, path: '/', id: uid('ANPA', i), awsManaged: false, defaultVersionId: 'v1', versions: [{ versionId: 'v1', document: policyDoc(`s3:Get*`, `arn:aws:s3:::bucket-${i}/*`), createdAt: at }], createdAt: at, updatedAt: at };
  }
  const groups: Record<string, Account['groups'][string]> = {};
  for (let i = 0; i < 500; i += 1) {
    groups[`G${i}`] = { name: `G${i}`, path: '/', arn: `arn:aws:iam::${accountId}:group/G${i}`, id: uid('AGPA', i), createdAt: at, inlinePolicies: {}, attachedPolicies: [`arn:aws:iam::${accountId}:policy/P${i}`] };
  }
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, null, 2);
  const roles: Record<string, Account['roles'][string]> = {};
  for (let i = 0; i < 1000; i += 1) {
    roles[`R${i}`] = { name: `R${i}`, path: '/', arn: `arn:aws:iam::${accountId}:role/R${i}`, id: uid('AROA', i), createdAt: at, trustPolicy: trust, maxSessionDuration: 3600, tags: { team: `t${i % 7}` }, inlinePolicies: {}, attachedPolicies: [`arn:aws:iam::${accountId}:policy/P${i}`] };
  }
  const users: Record<string, Account['users'][string]> = {};
  for (let i = 0; i < 2000; i += 1) {
    users[`u${i}`] = { name: `u${i}`, path: '/', arn: `arn:aws:iam::${accountId}:user/u${i}`, id: uid('AIDA', i), createdAt: at, tags: { cost: `c${i % 13}` }, accessKeys: [], mfaDevices: [], groups: [`G${i % 500}`], inlinePolicies: { own: policyDoc('dynamodb:GetItem', `arn:aws:dynamodb:us-east-1:${accountId}:table/t${i}`) }, attachedPolicies: [`arn:aws:iam::${accountId}:policy/P${(i * 7) % 1000}`] };
  }
  const buckets: Record<string, Account['s3']['buckets'][string]> = {};
  for (let i = 0; i < 500; i += 1) {
    buckets[`bucket-${i}`] = { name: `bucket-${i}`, arn: `arn:aws:s3:::bucket-${i}`, region: 'us-east-1', createdAt: at, versioning: 'Unversioned', mfaDelete: 'Disabled', objects: { 'a.txt': { key: 'a.txt', body: 'hello', contentType: 'text/plain', size: 5, lastModified: at, tags: {} } }, tags: {} };
  }
  const account: Account = { ...base, users, groups, roles, policies, s3: { buckets } };
  return { world: withAccount(createEmptyWorld(at), account), entities: 1000 + 500 + 1000 + 2000 + 500 };
}

/** IAM-style unique ids: prefix + 17 base32 letters, distinct per index. */
function uid(prefix: string, i: number): string {
  let out = '';
  for (let n = i; out.length < 17; n = Math.floor(n / 26)) out = String.fromCharCode(65 + (n % 26)) + out;
  return prefix + out;
}

function record(id: string): RequestRecord {
  return { id, at: '2026-01-15T09:00:00Z', request: { operation: 'iam:ListUsers', params: {}, credentials: { kind: 'anonymous' } }, authentication: { ok: false, steps: [] }, response: { ok: true, result: {} } } as unknown as RequestRecord;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export async function persistenceBench(): Promise<void> {
  // What 'fake-indexeddb/auto' does, through the typed entry: IndexedDB globals for idb in Node.
  const fake = await import('fake-indexeddb');
  const globals = globalThis as Record<string, unknown>;
  for (const [name, value] of Object.entries(fake)) if (name === 'indexedDB' || name.startsWith('IDB')) globals[name] ??= value;
  const { openLabDb } = await import('../../src/lib/persistence/schema');
  const { IdbLabRepository } = await import('../../src/lib/persistence/idbLabRepository');
  const { world, entities } = largeWorld();
  const problems = new ProblemList();
  if (!checkWorld(world, '', problems)) throw new Error(`bench world invalid: ${JSON.stringify(problems.items.slice(0, 3))}`);
  const repo = new IdbLabRepository(await openLabDb(`bench-${Date.now()}`));
  const history = Array.from({ length: 200 }, (_, i) => record(`r${i}`));
  const lab = { id: 'big', name: 'Big lab', created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z', world, records: history };

  let t = performance.now();
  await repo.createLab(lab);
  const createMs = performance.now() - t;

  const saves: number[] = [];
  const edits: number[] = [];
  let current = world;
  let undo = emptyUndo;
  for (let i = 0; i < 7; i += 1) {
    // The pipeline hands back a deep copy of the world, so the undo diff walks all of it, as here.
    const next = JSON.parse(JSON.stringify({ ...current, clock: `2026-01-15T1${i}:00:00Z` })) as World;
    t = performance.now();
    undo = recordEdit(undo, current, next, 'clock');
    edits.push(performance.now() - t);
    t = performance.now();
    await repo.saveLab('big', { world: next, appended: [record(`s${i}`)], undo, updated: '2026-01-02T00:00:00Z' });
    saves.push(performance.now() - t);
    current = next;
  }

  const loads: number[] = [];
  for (let i = 0; i < 7; i += 1) {
    t = performance.now();
    const stored = await repo.loadLab('big');
    const check = new ProblemList();
    if (!stored || !checkWorld(stored.world, '/world', check) || !checkRecords(stored.records, '/records', check)) throw new Error('load failed');
    loads.push(performance.now() - t);
  }
  repo.close();
  const loadMs = median(loads);
  console.log(`lab: ${entities} entities, ${(JSON.stringify(world).length / 1024 / 1024).toFixed(2)} MB of JSON, ${history.length} history records (fake-indexeddb in Node)`);
  console.log(`create (first save of the whole lab): ${createMs.toFixed(1)} ms`);
  console.log(`save one change (world + 1 record + undo, one transaction), median of 7: ${median(saves).toFixed(1)} ms; undo diff of a deep-copied world: ${median(edits).toFixed(1)} ms`);
  console.log(`load + validate, median of 7: ${loadMs.toFixed(1)} ms (target < 300 ms: ${loadMs < 300 ? 'met' : 'NOT met'})`);
}
