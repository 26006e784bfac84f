// The explorer's tree of the default lab: accounts with their folders and counts, leaves carrying the
// entity refs their detail opens, and the keyboard-visible rows following which nodes are open.
import { describe, expect, it } from 'vitest';
import { formatEntityRef, parseEntityRef, type EntityRef } from '../../../src/lib/ui/explorer/entityRef';
import { ancestorsOf, buildExplorerTree, visibleNodes, type TreeNode } from '../../../src/lib/ui/explorer/explorerTree';
import { accountId, makeLab } from '../console/labFixture';

function find(nodes: readonly TreeNode[], id: string): TreeNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = n.children ? find(n.children, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

describe('entity refs', () => {
  it.each<EntityRef>([
    { kind: 'user', accountId: '111122223333', id: 'alice' },
    { kind: 'policy', accountId: '111122223333', id: 'arn:aws:iam::aws:policy/job-function/ViewOnlyAccess' },
    { kind: 'idp', accountId: '111122223333', id: 'arn:aws:iam::111122223333:oidc-provider/auth.example.com/path' },
    { kind: 'new', accountId: '444455556666', id: 'bucket' },
  ])('round-trips $kind $id', (ref) => {
    expect(parseEntityRef(formatEntityRef(ref))).toEqual(ref);
  });

  it.each(['', 'user', 'user/1', 'wizard/1/x'])('rejects %j', (text) => {
    expect(parseEntityRef(text)).toBeUndefined();
  });
});

describe('buildExplorerTree', () => {
  it('lists both accounts with per-kind folders whose counts match the world', async () => {
    const lab = await makeLab();
    const tree = buildExplorerTree(lab.world);
    expect(tree.map((n) => n.ref?.accountId)).toEqual(Object.keys(lab.world.accounts));
    const account = lab.world.accounts[accountId]!;
    const counts = {
      users: Object.keys(account.users).length,
      groups: Object.keys(account.groups).length,
      roles: Object.keys(account.roles).length,
      buckets: Object.keys(account.s3.buckets).length,
      tables: Object.keys(account.dynamodb.tables).length,
      idps: Object.keys(account.identityProviders).length,
    };
    for (const [folder, count] of Object.entries(counts)) {
      expect(find(tree, `acct:${accountId}:${folder}`)?.count, folder).toBe(count);
    }
    expect(find(tree, `acct:${accountId}:users`)?.children?.map((c) => c.label)).toEqual(['alice', 'bob', 'carol']);
  });

  it('lists AWS managed policies only once attached, with their badge', async () => {
    const lab = await makeLab();
    const aws = find(buildExplorerTree(lab.world), `acct:${accountId}:policies:aws`);
    expect(aws?.children?.map((c) => c.label)).toContain('AdministratorAccess');
    expect(aws?.children?.every((c) => c.badge === 'AWS')).toBe(true);
  });
});

describe('visibleNodes', () => {
  const tree: TreeNode[] = [
    { id: 'a', label: 'a', icon: 'account', children: [{ id: 'a1', label: 'a1', icon: 'user', children: [{ id: 'a1x', label: 'x', icon: 'user' }] }] },
    { id: 'b', label: 'b', icon: 'account' },
  ];
  it.each([
    [[], ['a', 'b']],
    [['a'], ['a', 'a1', 'b']],
    [['a', 'a1'], ['a', 'a1', 'a1x', 'b']],
    [['a1'], ['a', 'b']],
  ])('with %j open shows %j', (open, ids) => {
    const rows = visibleNodes(tree, (id) => open.includes(id));
    expect(rows.map((r) => r.node.id)).toEqual(ids);
  });

  it('gives each row its depth and parent', () => {
    const rows = visibleNodes(tree, () => true);
    expect(rows.map((r) => [r.node.id, r.depth, r.parentId])).toEqual([
      ['a', 1, undefined],
      ['a1', 2, 'a'],
      ['a1x', 3, 'a1'],
      ['b', 1, undefined],
    ]);
  });
});

describe('ancestorsOf', () => {
  const tree: TreeNode[] = [
    { id: 'a', label: 'a', icon: 'account', children: [{ id: 'a1', label: 'a1', icon: 'user', children: [{ id: 'a1x', label: 'x', icon: 'user' }] }] },
    { id: 'b', label: 'b', icon: 'account' },
  ];
  it.each([
    ['a1x', ['a', 'a1']],
    ['a1', ['a']],
    ['a', []],
    ['missing', []],
  ])('of %s is %j', (id, expected) => {
    expect(ancestorsOf(tree, id)).toEqual(expected);
  });
});
