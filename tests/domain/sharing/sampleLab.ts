// A small valid lab for sharing and persistence tests: the imported sample account plus one history record.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RequestRecord } from '../../../src/lib/domain/pipeline/types';
import type { LabSnapshot } from '../../../src/lib/domain/sharing/labFile';
import { importAuthorizationDetails } from '../../../src/lib/domain/sharing/importAuthorizationDetails';
import type { World } from '../../../src/lib/domain/world/types';

export function sampleWorld(): World {
  const input: unknown = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'authorization-details.json'), 'utf8'));
  const result = importAuthorizationDetails(input, { now: '2026-01-15T09:00:00Z' });
  if (!result.ok) throw new Error('the sample export must import');
  return result.value.world;
}

export function sampleRecord(id: string, at = '2026-01-15T09:00:00Z'): RequestRecord {
  return {
    id,
    at,
    request: { operation: 'iam:ListUsers', params: {}, credentials: { kind: 'anonymous' } },
    authentication: { ok: false, steps: [] },
    response: { ok: false, code: 'MissingAuthenticationToken', message: 'Request is missing Authentication Token', httpStatus: 403 },
  } as unknown as RequestRecord;
}

export function sampleLab(id = 'lab-1', name = 'My first account'): LabSnapshot {
  return {
    id,
    name,
    created: '2026-01-10T08:00:00.000Z',
    updated: '2026-01-10T08:00:00.000Z',
    world: sampleWorld(),
    records: [sampleRecord('r1')],
  };
}
