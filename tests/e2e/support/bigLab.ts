// A large lab for the graph's scale test: the default lab plus 600 users, 60 groups, 200 roles,
// 100 customer managed policies and 40 buckets (about 1,000 nodes and 3,000 edges in the graph).
// Deterministic: names and ids come from the index only.
import { webCrypto } from '../../../src/lib/domain/authentication/crypto';
import { createLabFile, serializeLabFile } from '../../../src/lib/domain/sharing/labFile';
import { companyAccountId, createDefaultLab } from '../../../src/lib/domain/world/defaultLab';
import type { Account, Bucket, Group, ManagedPolicy, Role, User, World } from '../../../src/lib/domain/world/types';

const b32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** prefix + n in base 32 (IAM's unique-id alphabet), padded to IAM's 17 characters: unique per n. */
function uniqueId(prefix: string, n: number): string {
  let s = '';
  for (let v = n; v > 0; v = Math.floor(v / 32)) s = b32[v % 32] + s;
  return prefix + s.padStart(17, 'A');
}

export async function bigLabWorld(): Promise<World> {
  const world = await createDefaultLab({ crypto: webCrypto(), passwordIterations: 100 });
  const c = companyAccountId;
  const base = world.accounts[c] as Account;
  const at = world.clock;
  const policies: Record<string, ManagedPolicy> = { ...base.policies };
  const policyArns: string[] = [];
  for (let i = 0; i < 100; i++) {
    const arn = `arn:aws:iam::${c}:policy/Team${i}Access`;
    policyArns.push(arn);
    const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::team-${i % 40}-data/*` }] });
    policies[arn] = { arn, name: `Team${i}Access`, path: '/', id: uniqueId('ANPA', i + 1), awsManaged: false, defaultVersionId: 'v1', versions: [{ versionId: 'v1', document, createdAt: at }], createdAt: at, updatedAt: at };
  }
  const groups: Record<string, Group> = { ...base.groups };
  for (let i = 0; i < 60; i++) {
    const name = `team-${i}`;
    groups[name] = { name, path: '/', arn: `arn:aws:iam::${c}:group/${name}`, id: uniqueId('AGPA', i + 1), createdAt: at, inlinePolicies: {}, attachedPolicies: [policyArns[i] ?? '', policyArns[(i + 60) % 100] ?? ''] };
  }
  const users: Record<string, User> = { ...base.users };
  for (let i = 0; i < 600; i++) {
    const name = `user-${i}`;
    users[name] = {
      name, path: '/', arn: `arn:aws:iam::${c}:user/${name}`, id: uniqueId('AIDA', i + 1), createdAt: at, tags: {}, accessKeys: [], mfaDevices: [],
      groups: [`team-${i % 60}`, `team-${(i * 7 + 3) % 60}`].filter((g, k, all) => all.indexOf(g) === k),
      inlinePolicies: {}, attachedPolicies: [policyArns[i % 100] ?? '', policyArns[(i * 3 + 1) % 100] ?? ''].filter((p, k, all) => all.indexOf(p) === k),
    };
  }
  const roles: Record<string, Role> = { ...base.roles };
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
  for (let i = 0; i < 200; i++) {
    const name = `service-role-${i}`;
    roles[name] = { name, path: '/', arn: `arn:aws:iam::${c}:role/${name}`, id: uniqueId('AROA', i + 1), createdAt: at, trustPolicy: trust, maxSessionDuration: 3600, tags: {}, inlinePolicies: {}, attachedPolicies: [policyArns[(i * 5) % 100] ?? '', policyArns[(i * 5 + 2) % 100] ?? ''] };
  }
  const buckets: Record<string, Bucket> = { ...base.s3.buckets };
  for (let i = 0; i < 40; i++) {
    const name = `team-${i}-data`;
    buckets[name] = { name, arn: `arn:aws:s3:::${name}`, region: 'us-east-1', createdAt: at, versioning: 'Unversioned', mfaDelete: 'Disabled', objects: {}, tags: {} };
  }
  return { ...world, accounts: { ...world.accounts, [c]: { ...base, policies, groups, users, roles, s3: { buckets } } } };
}

export async function bigLabFile(): Promise<string> {
  const world = await bigLabWorld();
  return serializeLabFile(createLabFile([{ id: 'big-lab', name: 'Big lab', created: world.clock, updated: world.clock, world, records: [] }], world.clock));
}
