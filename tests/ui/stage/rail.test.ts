// The rail's stops and token for every phase and outcome: a denied request stops at Authorize, a failed
// authentication at Authenticate, an allowed one travels past Process.
import { describe, expect, it } from 'vitest';
import { railOf } from '../../../src/lib/ui/stage/rail';
import { allowedRecord, failedRecord } from '../../machines/fixtures/records';

const states = (v: ReturnType<typeof railOf>) => v.stops.map((s) => s.state);

describe('railOf', () => {
  it.each([
    ['idle', null, ['pending', 'pending', 'pending'], -0.5],
    ['authenticating', null, ['current', 'pending', 'pending'], 0],
    ['authorizing', null, ['passed', 'current', 'pending'], 1],
    ['processing', null, ['passed', 'passed', 'current'], 2],
    ['done', 'allowed', ['passed', 'passed', 'passed'], 2.5],
    ['done', 'explicitDeny', ['passed', 'stopped', 'skipped'], 1],
    ['done', 'implicitDeny', ['passed', 'stopped', 'skipped'], 1],
    ['done', 'unauthenticated', ['stopped', 'skipped', 'skipped'], 0],
  ] as const)('%s / %s', (phase, outcome, expected, position) => {
    const view = railOf(phase, outcome, allowedRecord());
    expect(states(view)).toEqual(expected);
    expect(view.position).toBe(position);
  });

  it('a failure stops at Process when the service ran, at Authorize when a policy was malformed', () => {
    expect(states(railOf('done', 'failed', failedRecord()))).toEqual(['passed', 'passed', 'stopped']);
    const { processing: _, ...noProcessing } = failedRecord();
    expect(states(railOf('done', 'failed', noProcessing))).toEqual(['passed', 'stopped', 'skipped']);
    const { authorization: __, ...invalid } = failedRecord();
    expect(states(railOf('done', 'failed', invalid))).toEqual(['passed', 'skipped', 'stopped']);
  });
});
