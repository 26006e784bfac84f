// Test support: the catalog loaded from the committed data files through the file system (the Node loader).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCatalog } from '../../../src/lib/domain/catalog';
import type { Catalog, CatalogIndex, ServiceFile } from '../../../src/lib/domain/catalog';

export const dataDir = join(import.meta.dirname, '../../../src/lib/domain/catalog/data');

export function readIndex(): CatalogIndex {
  return JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8')) as CatalogIndex;
}

export function nodeCatalog(): Catalog {
  return createCatalog(readIndex(), async (prefix) => {
    const file = join(dataDir, 'services', `${prefix}.json`);
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ServiceFile) : undefined;
  });
}

export async function loadedCatalog(...prefixes: string[]): Promise<Catalog> {
  const catalog = nodeCatalog();
  await catalog.ensure(prefixes);
  return catalog;
}
