// Overlays over the default lab: effective access (the engine's decision per principal), who can…?
// (with role chains), policy focus and the request path lit frame by frame.
// AWS: IAM User Guide, "Policy evaluation logic" (identity + resource + boundary decide), "Cross-account
// policy evaluation logic" and "Switch to an IAM role (AWS API)" (role chains through sts:AssumeRole).
import { describe, expect, it } from 'vitest';
import { buildGraph, effectiveAccess, nodeIds, parseWhoCan, policyFocus, requestPath, whoCan } from '../../src/lib/graph';
import { simulateAuthorization } from '../../src/lib/domain/pipeline/simulate';
import { framesOf } from '../../src/lib/machines/frames';
import { call, defaultLab, userKey } from '../domain/pipeline/labFixture';

const c = '111122223333';
const p = '444455556666';
const world = await defaultLab();
const graph = buildGraph(world);
const appObject = 'arn:aws:s3:::example-corp-app-data/reports/2025-q4.csv';
const partnerObject = 'arn:aws:s3:::partner-co-shared/price-list.csv';

describe('effectiveAccess', () => {
  const deleteReports = effectiveAccess(world, graph, 's3:DeleteObject', appObject);
  const byNode = new Map(deleteReports.map((e) => [e.nodeId, e]));

  it.each([
    [nodeIds.user(c, 'alice'), 'allowed', 'statement'],
    [nodeIds.role(c, 'BreakGlassRole'), 'allowed', 'statement'],
    [nodeIds.root(c), 'allowed', 'root'],
    [nodeIds.user(c, 'bob'), 'implicitDeny', 'noAllow'],
    [nodeIds.role(c, 'AppServerRole'), 'implicitDeny', 'noAllow'],
    [nodeIds.role(p, 'PartnerAccessRole'), 'implicitDeny', 'noAllow'],
  ])('%s is %s (%s) for s3:DeleteObject on a report', (id, decision, reason) => {
    expect(byNode.get(id)?.decision).toBe(decision);
    expect(byNode.get(id)?.reason.kind).toBe(reason);
  });

  it('names the deciding policy in the reason', () => {
    expect(byNode.get(nodeIds.user(c, 'alice'))?.reason).toMatchObject({ kind: 'statement', effect: 'Allow', policyLabel: 'group Admins · managed policy AdministratorAccess' });
  });

  it('covers every principal node and nothing else', () => {
    const principals = graph.nodes.filter((n) => ['root', 'user', 'role', 'public'].includes(n.kind) && !n.external).map((n) => n.id);
    expect(deleteReports.map((e) => e.nodeId).sort()).toEqual(principals.sort());
  });

  it('agrees with simulateAuthorization (the pipeline) for every user', () => {
    for (const entry of deleteReports.filter((e) => e.nodeId.startsWith('user:'))) {
      const userName = entry.nodeId.split(':')[2] ?? '';
      const check = simulateAuthorization(world, { kind: 'user', accountId: c, userName }, 's3:DeleteObject', appObject);
      expect(check?.result.kind === 'decision' && check.result.decision).toBe(entry.decision);
    }
  });

  it('reports an explicit deny with the denying statement (context given as a real request would carry it)', () => {
    const instance = Object.values(world.accounts[c]?.ec2.instances ?? {})[0];
    const stop = effectiveAccess(world, graph, 'ec2:StopInstances', instance?.arn ?? '', { 'aws:ResourceTag/Environment': 'production' });
    expect(stop.find((e) => e.nodeId === nodeIds.user(c, 'bob'))).toMatchObject({
      decision: 'explicitDeny',
      reason: { kind: 'statement', effect: 'Deny', sid: 'NoProductionTermination' },
    });
  });
});

describe('parseWhoCan', () => {
  it.each([
    ['who can s3:DeleteObject on arn:aws:s3:::reports/*', { action: 's3:DeleteObject', resource: 'arn:aws:s3:::reports/*' }],
    ['Who can iam:CreateUser on * ?', { action: 'iam:CreateUser', resource: '*' }],
    ['s3:GetObject arn:aws:s3:::b/k', { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }],
    ['who can delete reports', undefined],
    ['', undefined],
  ])('%j → %j', (text, expected) => {
    expect(parseWhoCan(text)).toEqual(expected);
  });
});

describe('whoCan', () => {
  it('lists principals allowed directly with a one-node chain', () => {
    const answers = whoCan(graph, effectiveAccess(world, graph, 's3:DeleteObject', appObject));
    expect(answers.find((a) => a.nodeId === nodeIds.user(c, 'alice'))?.chain).toEqual([nodeIds.user(c, 'alice')]);
    expect(answers.some((a) => a.nodeId === nodeIds.user(c, 'bob'))).toBe(false);
  });

  it('includes principals that reach the partner bucket by assuming the partner role (cross-account chain)', () => {
    const answers = whoCan(graph, effectiveAccess(world, graph, 's3:GetObject', partnerObject));
    const partnerRole = nodeIds.role(p, 'PartnerAccessRole');
    expect(answers.find((a) => a.nodeId === partnerRole)?.chain).toEqual([partnerRole]);
    expect(answers.find((a) => a.nodeId === nodeIds.user(c, 'alice'))?.chain).toEqual([nodeIds.user(c, 'alice'), partnerRole]);
    expect(answers.some((a) => a.nodeId === nodeIds.user(c, 'bob'))).toBe(false);
  });

  it('includes a service that reaches the data through the role it may assume', () => {
    const answers = whoCan(graph, effectiveAccess(world, graph, 's3:GetObject', 'arn:aws:s3:::example-corp-app-data/config/app.json'));
    expect(answers.find((a) => a.nodeId === nodeIds.service('ec2.amazonaws.com'))?.chain).toEqual([nodeIds.service('ec2.amazonaws.com'), nodeIds.role(c, 'AppServerRole')]);
  });

  it.each([
    [1, ['a', 'b']],
    [2, ['a', 'b', 'c']],
  ])('follows role chains up to %i hops: %j', (hops, chain) => {
    const g = {
      nodes: ['a', 'b', 'c'].map((id) => ({ id, kind: 'role' as const, label: id })),
      edges: [
        { id: 'canAssume:a->b', kind: 'canAssume' as const, source: 'a', target: 'b', crossAccount: false },
        { id: 'canAssume:b->c', kind: 'canAssume' as const, source: 'b', target: 'c', crossAccount: false },
      ],
    };
    const allowedAt = chain.at(-1) ?? '';
    const answers = whoCan(g, [{ nodeId: allowedAt, decision: 'allowed', reason: { kind: 'root' } }], hops);
    expect(answers.find((a) => a.nodeId === 'a')?.chain).toEqual(chain);
  });

  it('stops at the hop limit', () => {
    const g = {
      nodes: ['a', 'b', 'c'].map((id) => ({ id, kind: 'role' as const, label: id })),
      edges: [
        { id: 'canAssume:a->b', kind: 'canAssume' as const, source: 'a', target: 'b', crossAccount: false },
        { id: 'canAssume:b->c', kind: 'canAssume' as const, source: 'b', target: 'c', crossAccount: false },
      ],
    };
    expect(whoCan(g, [{ nodeId: 'c', decision: 'allowed', reason: { kind: 'root' } }], 1).map((a) => a.nodeId)).toEqual(['b', 'c']);
  });
});

describe('policyFocus', () => {
  it('reaches the group, its members and the resources the statements name', () => {
    const focus = policyFocus(world, graph, nodeIds.managedPolicy(`arn:aws:iam::${c}:policy/DeveloperAppAccess`));
    for (const id of [
      nodeIds.group(c, 'Developers'),
      nodeIds.user(c, 'bob'),
      nodeIds.user(c, 'carol'),
      nodeIds.resource('arn:aws:s3:::example-corp-app-data'),
      nodeIds.resource(`arn:aws:dynamodb:us-east-1:${c}:table/Orders`),
    ]) expect(focus.nodes.has(id)).toBe(true);
    expect(focus.nodes.has(nodeIds.user(c, 'alice'))).toBe(false);
    expect(focus.nodes.has(nodeIds.resource('arn:aws:s3:::partner-co-shared'))).toBe(false);
    expect(focus.edges.has(`memberOf:${nodeIds.user(c, 'bob')}->${nodeIds.group(c, 'Developers')}`)).toBe(true);
  });

  it('reads an inline policy through the identity that owns it', () => {
    const focus = policyFocus(world, graph, nodeIds.inlinePolicy('role', p, 'PartnerAccessRole', 'ReadSharedBucket'));
    expect([...focus.nodes].sort()).toEqual(
      [nodeIds.inlinePolicy('role', p, 'PartnerAccessRole', 'ReadSharedBucket'), nodeIds.role(p, 'PartnerAccessRole'), nodeIds.resource('arn:aws:s3:::partner-co-shared')].sort(),
    );
  });

  it('is empty for an unknown node', () => {
    expect(policyFocus(world, graph, 'policy:nope').nodes.size).toBe(0);
  });
});

describe('requestPath', () => {
  it('lights principal → group → deciding policy → resource, growing frame by frame', async () => {
    const sent = await call(world, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, userKey(world, 'carol'));
    expect(sent.record.response.ok).toBe(true);
    const frames = framesOf(sent.record);
    const carol = nodeIds.user(c, 'carol');
    const developers = nodeIds.group(c, 'Developers');
    const policy = nodeIds.managedPolicy(`arn:aws:iam::${c}:policy/DeveloperAppAccess`);
    const bucket = nodeIds.resource('arn:aws:s3:::example-corp-app-data');

    const first = requestPath(graph, sent.record, frames, 0);
    expect([...first.nodes]).toEqual([carol]);
    expect(first.active).toBe(carol);

    const end = requestPath(graph, sent.record, frames, frames.length - 1);
    for (const id of [carol, developers, policy, bucket]) expect(end.nodes.has(id)).toBe(true);
    expect(end.edges.has(`attached:${policy}->${developers}`)).toBe(true);
    expect(end.edges.has(`memberOf:${carol}->${developers}`)).toBe(true);
    expect([...end.deciding]).toEqual([policy]);

    const policyFrame = frames.findIndex((f) => f.kind === 'trace.policy' && f.step.ref.policyId.includes('DeveloperAppAccess'));
    expect(policyFrame).toBeGreaterThan(0);
    const mid = requestPath(graph, sent.record, frames, policyFrame);
    expect(mid.active).toBe(policy);
    expect(mid.deciding.size).toBe(0);

    // The bucket lights up when its bucket policy is first read (already in the deny-evaluation stage).
    const bucketPolicyId = sent.record.authorization?.checks[0]?.policies.find((x) => x.source.kind === 'bucketPolicy')?.id;
    const firstRead = frames.findIndex((f) => f.kind === 'trace.policy' && f.step.ref.policyId === bucketPolicyId);
    expect(firstRead).toBeGreaterThan(0);
    expect(requestPath(graph, sent.record, frames, firstRead - 1).nodes.has(bucket)).toBe(false);
    expect(requestPath(graph, sent.record, frames, firstRead).active).toBe(bucket);
  });

  it('lights nothing before the first frame', async () => {
    const sent = await call(world, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' }, userKey(world, 'alice'));
    expect(requestPath(graph, sent.record, framesOf(sent.record), -1).nodes.size).toBe(0);
  });
});
