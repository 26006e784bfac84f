// Export files: a versioned JSON envelope; reading checks everything and rejects the whole file on any problem.
import { describe, expect, it } from 'vitest';
import { createLabFile, readLabFile, serializeLabFile } from '../../../src/lib/domain/sharing/labFile';
import { sampleLab } from './sampleLab';

const exportedAt = '2026-01-16T10:00:00.000Z';

// Untyped JSON walking: the tests break files in ways the types forbid.
type Loose = { [key: string]: Loose } & Loose[];

function fileWith(mutate: (file: Record<string, unknown> & { labs: Record<string, unknown>[] }) => void): string {
  const file = JSON.parse(serializeLabFile(createLabFile([sampleLab('a'), sampleLab('b', 'Second')], exportedAt)));
  mutate(file);
  return JSON.stringify(file);
}

describe('lab files', () => {
  it('round-trips one or many labs unchanged', () => {
    const labs = [sampleLab('a'), sampleLab('b', 'Second')];
    const result = readLabFile(serializeLabFile(createLabFile(labs, exportedAt)));
    expect(result).toEqual({ ok: true, value: { format: 'iam-lab', version: 1, exportedAt, labs } });
  });

  it.each([
    ['not JSON', () => '{"format":', ''],
    ['another format', () => fileWith((f) => (f.format = 'zip')), '/format'],
    ['a newer version', () => fileWith((f) => (f.version = 2)), '/version'],
    ['a version that is not a number', () => fileWith((f) => (f.version = '1')), '/version'],
    ['no labs', () => fileWith((f) => (f.labs = [])), '/labs'],
    ['a lab without a name', () => fileWith((f) => delete f.labs[1]!.name), '/labs/1/name'],
    ['a repeated lab id', () => fileWith((f) => (f.labs[1]!.id = 'a')), '/labs/1/id'],
    ['a bad date', () => fileWith((f) => (f.labs[0]!.created = 'yesterday')), '/labs/0/created'],
    ['a world of another version', () => fileWith((f) => ((f.labs[0]!.world as Record<string, unknown>).version = 9)), '/labs/0/world/version'],
    ['a world without accounts', () => fileWith((f) => ((f.labs[0]!.world as Record<string, unknown>).accounts = {})), '/labs/0/world/accounts'],
    [
      'a user whose groups are not a list',
      () => fileWith((f) => (((f.labs[0]!.world as Loose).accounts!['123456789012']!.users!.alice!.groups = 'Admins' as unknown as Loose))),
      '/labs/0/world/accounts/123456789012/users/alice/groups',
    ],
    ['a malformed account id', () => fileWith((f) => { const w = f.labs[0]!.world as Loose; w.accounts!['12ab'] = w.accounts!['123456789012']!; }), '/labs/0/world/accounts/12ab/id'],
    [
      'a user in a group that does not exist (validateWorld)',
      () => fileWith((f) => (((f.labs[0]!.world as Loose).accounts!['123456789012']!.users!.alice!.groups = ['Nobody'] as unknown as Loose))),
      '/labs/0/world/accounts/123456789012/users/alice/groups/0',
    ],
    ['a record without a response', () => fileWith((f) => delete (f.labs[0]!.records as Loose)[0]!.response), '/labs/0/records/0/response'],
    ['records that are not a list', () => fileWith((f) => (f.labs[0]!.records = {})), '/labs/0/records'],
  ])('rejects %s and names the path', (_name, make, path) => {
    const result = readLabFile(make());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.path)).toContain(path);
  });

  it('reports every problem, not only the first', () => {
    const result = readLabFile(fileWith((f) => {
      delete f.labs[0]!.name;
      f.labs[1]!.updated = 'never';
    }));
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(['/labs/0/name', '/labs/1/updated']);
  });
});
