// The seed coverage table (docs/seed-coverage.md) maps every point of the seed to the scenarios that teach
// it: this test parses both and fails on an unmapped point or an unknown scenario id. docs/seed/ holds the
// repository's copy of the seed (../shared/seed/iam-overview.md).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarios } from '../../src/lib/scenarios';

/** The seed's points: bullets, numbered items and "Term: definition" lines; headings and bare labels are structure. */
function seedPoints(markdown: string): string[] {
  const lines = markdown.split('\n');
  const end = lines[0]?.trim() === '---' ? lines.indexOf('---', 1) + 1 : 0;
  return lines
    .slice(end)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !/^\*\*[^*]+\*\*:$/.test(l))
    .map((l) => l.replace(/^(-|\d+\.)\s+/, '').replaceAll('**', '').trim());
}

function coverageTable(markdown: string): Map<string, string[]> {
  const rows = markdown.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Seed point') && !l.startsWith('|---'));
  return new Map(
    rows.map((row) => {
      const [point = '', ids = ''] = row.slice(1, -1).split(' | ').map((c) => c.trim());
      return [point, ids.split(',').map((i) => i.trim()).filter(Boolean)];
    }),
  );
}

const seed = seedPoints(readFileSync(new URL('../../docs/seed/iam-overview.md', import.meta.url), 'utf8'));
const table = coverageTable(readFileSync(new URL('../../docs/seed-coverage.md', import.meta.url), 'utf8'));
const ids = new Set(scenarios.map((s) => s.id));

describe('seed coverage', () => {
  it('parses a seed with a few dozen points', () => {
    expect(seed.length).toBeGreaterThan(40);
    expect(seed).toContain('Permission boundaries can override explicit allows.');
  });

  it.each(seed.map((p) => [p]))('"%s" is taught by at least one existing scenario', (point) => {
    const mapped = table.get(point) ?? [];
    expect(mapped.length, point).toBeGreaterThan(0);
    for (const id of mapped) expect(ids, id).toContain(id);
  });

  it('maps no point that is not in the seed', () => {
    expect([...table.keys()].filter((p) => !seed.includes(p))).toEqual([]);
  });

  it('every scenario teaches at least one seed point', () => {
    const used = new Set([...table.values()].flat());
    expect(scenarios.map((s) => s.id).filter((id) => !used.has(id))).toEqual([]);
  });
});
