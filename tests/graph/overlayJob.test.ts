// The overlay worker's job, run in-process: the same answers as the direct calls, with the request id
// echoed, and an error answer (not a throw) when the question cannot be answered.
import { describe, expect, it } from 'vitest';
import { buildGraph, effectiveAccess, runOverlayJob } from '../../src/lib/graph';
import type { Graph } from '../../src/lib/graph';
import { defaultLab } from '../domain/pipeline/labFixture';

const world = await defaultLab();
let t = 0;
const clock = () => (t += 5);

describe('runOverlayJob', () => {
  it('builds the graph and echoes the id', () => {
    const answer = runOverlayJob({ kind: 'graph', id: 7, world }, clock);
    expect(answer).toEqual({ kind: 'graph', id: 7, graph: buildGraph(world), ms: 5 });
  });

  it('computes effective access like the direct call, and the answer survives structured cloning', () => {
    const graph = buildGraph(world);
    const answer = runOverlayJob({ kind: 'access', id: 8, world: structuredClone(world), graph, action: 's3:ListBucket', resource: 'arn:aws:s3:::example-corp-app-data' }, clock);
    expect(answer.kind === 'access' && answer.entries).toEqual(effectiveAccess(world, graph, 's3:ListBucket', 'arn:aws:s3:::example-corp-app-data'));
    expect(structuredClone(answer)).toEqual(answer);
  });

  it('answers with an error message when the input is broken', () => {
    const broken = { nodes: null } as unknown as Graph;
    const answer = runOverlayJob({ kind: 'access', id: 9, world, graph: broken, action: 's3:ListBucket', resource: '*' }, clock);
    expect(answer).toMatchObject({ kind: 'error', id: 9 });
  });
});
