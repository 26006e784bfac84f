// The graph model built from the default lab: one node per entity, one edge per relation the world holds.
// AWS: IAM User Guide, "IAM identities" (users, groups, roles), "Managed policies and inline policies",
// "Permissions boundaries for IAM entities", "AWS JSON policy elements: Principal".
import { describe, expect, it } from 'vitest';
import { buildGraph, nodeIds } from '../../src/lib/graph';
import type { Graph } from '../../src/lib/graph';
import type { World } from '../../src/lib/domain/world/types';
import { defaultLab } from '../domain/pipeline/labFixture';

const c = '111122223333';
const p = '444455556666';
const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
const devPolicy = `arn:aws:iam::${c}:policy/DeveloperAppAccess`;

const world: World = await defaultLab();
const graph: Graph = buildGraph(world);

const node = (id: string) => graph.nodes.find((n) => n.id === id);
const edge = (id: string) => graph.edges.find((e) => e.id === id);

describe('buildGraph nodes', () => {
  it.each([
    [nodeIds.account(c), 'account', 'Example Corp (111122223333)'],
    [nodeIds.root(c), 'root', 'root'],
    [nodeIds.user(c, 'alice'), 'user', 'alice'],
    [nodeIds.group(c, 'Developers'), 'group', 'Developers'],
    [nodeIds.role(c, 'AppServerRole'), 'role', 'AppServerRole'],
    [nodeIds.role(p, 'PartnerAccessRole'), 'role', 'PartnerAccessRole'],
    [nodeIds.managedPolicy(devPolicy), 'policy', 'DeveloperAppAccess'],
    [nodeIds.managedPolicy(admin), 'policy', 'AdministratorAccess'],
    [nodeIds.inlinePolicy('group', c, 'Developers', 'DenyProductionTermination'), 'policy', 'DenyProductionTermination'],
    [nodeIds.idp(`arn:aws:iam::${c}:saml-provider/ExampleCorpIdP`), 'idp', 'ExampleCorpIdP'],
    [nodeIds.idp(`arn:aws:iam::${c}:oidc-provider/auth.example.com`), 'idp', 'auth.example.com'],
    [nodeIds.resource('arn:aws:s3:::example-corp-app-data'), 'resource', 'example-corp-app-data'],
    [nodeIds.resource(`arn:aws:dynamodb:us-east-1:${c}:table/Orders`), 'resource', 'Orders'],
    [nodeIds.service('ec2.amazonaws.com'), 'service', 'ec2.amazonaws.com'],
  ])('%s is a %s labelled %s', (id, kind, label) => {
    expect(node(id)).toMatchObject({ kind, label });
  });

  it.each([
    [devPolicy, 'managed', c],
    [admin, 'awsManaged', undefined],
  ])('policy %s carries badge %s and account %s', (arn, badge, accountId) => {
    const n = node(nodeIds.managedPolicy(arn));
    expect(n?.badge).toBe(badge);
    expect(n?.accountId).toBe(accountId);
  });

  it('has unique node and edge ids, and every edge joins two nodes', () => {
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(ids.size).toBe(graph.nodes.length);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
    for (const e of graph.edges) {
      expect(ids.has(e.source)).toBe(true);
      expect(ids.has(e.target)).toBe(true);
    }
  });

  it('is deterministic: the same world gives the same graph', () => {
    expect(buildGraph(world)).toEqual(graph);
  });
});

describe('buildGraph edges', () => {
  it.each([
    ['memberOf', nodeIds.user(c, 'alice'), nodeIds.group(c, 'Admins')],
    ['memberOf', nodeIds.user(c, 'bob'), nodeIds.group(c, 'Developers')],
    ['attached', nodeIds.managedPolicy(admin), nodeIds.group(c, 'Admins')],
    ['attached', nodeIds.managedPolicy(devPolicy), nodeIds.group(c, 'Developers')],
    ['inline', nodeIds.inlinePolicy('group', c, 'Developers', 'DenyProductionTermination'), nodeIds.group(c, 'Developers')],
    ['inline', nodeIds.inlinePolicy('role', c, 'AppServerRole', 'AppDataAccess'), nodeIds.role(c, 'AppServerRole')],
    ['canAssume', nodeIds.service('ec2.amazonaws.com'), nodeIds.role(c, 'AppServerRole')],
    ['canAssume', nodeIds.idp(`arn:aws:iam::${c}:saml-provider/ExampleCorpIdP`), nodeIds.role(c, 'SamlReadOnlyRole')],
    ['runsAs', nodeIds.resource(Object.values(world.accounts[c]?.ec2.instances ?? {})[0]?.arn ?? ''), nodeIds.role(c, 'AppServerRole')],
    ['grants', nodeIds.resource(Object.values(world.accounts[c]?.kms.keys ?? {})[0]?.arn ?? ''), nodeIds.role(c, 'AppServerRole')],
    ['grants', nodeIds.resource(Object.values(world.accounts[c]?.kms.keys ?? {})[0]?.arn ?? ''), nodeIds.account(c)],
  ])('%s: %s → %s', (kind, source, target) => {
    expect(edge(`${kind}:${source}->${target}`)).toMatchObject({ kind, source, target, crossAccount: false });
  });

  it('draws can-assume for alice (AdministratorAccess) into the partner role, marked cross-account', () => {
    expect(edge(`canAssume:${nodeIds.user(c, 'alice')}->${nodeIds.role(p, 'PartnerAccessRole')}`)?.crossAccount).toBe(true);
  });

  it.each([
    ['bob has no sts:AssumeRole permission', nodeIds.user(c, 'bob'), nodeIds.role(p, 'PartnerAccessRole')],
    ['the break-glass trust policy requires MFA', nodeIds.user(c, 'alice'), nodeIds.role(c, 'BreakGlassRole')],
    ['root credentials cannot assume roles', nodeIds.root(c), nodeIds.role(p, 'PartnerAccessRole')],
  ])('no can-assume edge when %s', (_why, source, target) => {
    expect(edge(`canAssume:${source}->${target}`)).toBeUndefined();
  });

  it('skips can-assume when asked to (cheap graphs for big labs)', () => {
    const cheap = buildGraph(world, { canAssume: false });
    expect(cheap.edges.some((e) => e.kind === 'canAssume')).toBe(false);
    expect(cheap.nodes.length).toBeLessThanOrEqual(graph.nodes.length);
  });
});

describe('buildGraph on an edited world', () => {
  function withAccount(w: World, edit: (a: World['accounts'][string]) => World['accounts'][string]): World {
    const a = w.accounts[c];
    if (!a) throw new Error('no company account');
    return { ...w, accounts: { ...w.accounts, [c]: edit(a) } };
  }

  it('draws a permissions boundary edge and a public grant from a bucket policy', () => {
    const edited = withAccount(world, (a) => ({
      ...a,
      users: { ...a.users, carol: { ...a.users.carol!, permissionsBoundary: devPolicy } },
      s3: {
        buckets: {
          ...a.s3.buckets,
          'example-corp-app-data': {
            ...a.s3.buckets['example-corp-app-data']!,
            policy: JSON.stringify({
              Version: '2012-10-17',
              Statement: [
                { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-corp-app-data/*' },
                { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${p}:root` }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::example-corp-app-data' },
                { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999988887777:root' }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::example-corp-app-data' },
              ],
            }),
          },
        },
      },
    }));
    const g = buildGraph(edited);
    const bucket = nodeIds.resource('arn:aws:s3:::example-corp-app-data');
    expect(g.edges.find((e) => e.id === `boundary:${nodeIds.managedPolicy(devPolicy)}->${nodeIds.user(c, 'carol')}`)).toBeDefined();
    expect(g.edges.find((e) => e.id === `grants:${bucket}->public:*`)?.crossAccount).toBe(true);
    expect(g.edges.find((e) => e.id === `grants:${bucket}->${nodeIds.account(p)}`)?.crossAccount).toBe(true);
    expect(g.nodes.find((n) => n.id === nodeIds.account('999988887777'))).toMatchObject({ kind: 'account', external: true });
  });

  it('keeps the ids of existing nodes when a user is added', () => {
    const edited = withAccount(world, (a) => ({ ...a, users: { ...a.users, dave: { ...a.users.bob!, name: 'dave', arn: `arn:aws:iam::${c}:user/dave` } } }));
    const g = buildGraph(edited);
    const before = new Set(graph.nodes.map((n) => n.id));
    expect(g.nodes.filter((n) => !before.has(n.id)).map((n) => n.id)).toEqual([nodeIds.user(c, 'dave')]);
    expect(g.edges.find((e) => e.id === `memberOf:${nodeIds.user(c, 'dave')}->${nodeIds.group(c, 'Developers')}`)).toBeDefined();
  });
});
