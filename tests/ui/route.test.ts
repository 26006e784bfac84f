import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from '../../src/lib/ui/routing/route';

describe('hash routes', () => {
  it.each<[string, Route]>([
    ['', { kind: 'lab' }],
    ['#/lab', { kind: 'lab' }],
    ['#/lab/user%2Falice', { kind: 'lab', entity: 'user/alice' }],
    ['#/request/r-12', { kind: 'request', id: 'r-12' }],
    ['#/scenarios', { kind: 'scenarios' }],
    ['#/scenario/04-roles', { kind: 'scenario', id: '04-roles' }],
    ['#/scenario', { kind: 'scenarios' }],
    ['#/graph', { kind: 'graph' }],
    ['#/cli', { kind: 'cli' }],
    ['#/share/v1.abc-_', { kind: 'share', payload: 'v1.abc-_' }],
    ['#/nonsense/x', { kind: 'lab' }],
    ['#/lab/%E0%A4%A', { kind: 'lab', entity: '%E0%A4%A' }],
  ])('parses %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each<Route>([
    { kind: 'lab' },
    { kind: 'lab', entity: 'role/app server' },
    { kind: 'request', id: 'r/1' },
    { kind: 'scenario', id: '10-default-deny' },
    { kind: 'graph' },
    { kind: 'share', payload: 'v1.XYZ' },
  ])('round-trips %j', (route) => {
    expect(parseRoute(formatRoute(route))).toEqual(route);
  });
});
