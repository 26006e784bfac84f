// Access to the AWS action catalog: the index is always present, service files arrive through an
// injected loader and are cached. Invariant: lookups are synchronous and answer only from loaded
// services (callers `ensure` the prefixes first); names compare case-insensitively, as AWS does.
import type { AccessLevel, AccessLevelCode, ActionEntry, CatalogIndex, ServiceFile, ServiceLoader } from './types';

export interface CatalogAction {
  /** 'service:Action' in AWS's casing, e.g. 's3:GetObject'. */
  readonly name: string;
  readonly service: string;
  readonly action: string;
  readonly accessLevel: AccessLevel;
  /** Resource types the action accepts; empty when only "Resource": "*" works. */
  readonly resourceTypes: readonly { readonly name: string; readonly required: boolean }[];
  readonly conditionKeys: readonly string[];
}

export interface Catalog {
  readonly index: CatalogIndex;
  /** True when the index names this service prefix (loaded or not). */
  hasService(prefix: string): boolean;
  /** A loaded service file, or undefined (unknown or not loaded yet). */
  service(prefix: string): ServiceFile | undefined;
  /** Loads the named services that exist and are not loaded yet. */
  ensure(prefixes: Iterable<string>): Promise<void>;
  /** One action by its full name; undefined when unknown or its service is not loaded. */
  action(name: string): CatalogAction | undefined;
}

export const accessLevels: Readonly<Record<AccessLevelCode, AccessLevel>> = {
  R: 'Read',
  W: 'Write',
  L: 'List',
  T: 'Tagging',
  P: 'Permissions management',
};

function toAction(prefix: string, name: string, entry: ActionEntry): CatalogAction {
  const [level, resources, keys] = entry;
  return {
    name: `${prefix}:${name}`,
    service: prefix,
    action: name,
    accessLevel: accessLevels[level],
    resourceTypes: resources.map((r) => (r.endsWith('*') ? { name: r.slice(0, -1), required: true } : { name: r, required: false })),
    conditionKeys: keys,
  };
}

export function createCatalog(index: CatalogIndex, loader: ServiceLoader): Catalog {
  const known = new Set(index.services.map(([p]) => p));
  const loaded = new Map<string, ServiceFile>();
  const lowerNames = new Map<string, Map<string, string>>();
  const pending = new Map<string, Promise<void>>();

  const load = (prefix: string): Promise<void> => {
    const existing = pending.get(prefix);
    if (existing) return existing;
    const p = loader(prefix).then((file) => {
      if (!file) return;
      loaded.set(prefix, file);
      lowerNames.set(prefix, new Map(Object.keys(file.actions).map((a) => [a.toLowerCase(), a])));
    });
    pending.set(prefix, p);
    return p;
  };

  return {
    index,
    hasService: (prefix) => known.has(prefix.toLowerCase()),
    service: (prefix) => loaded.get(prefix.toLowerCase()),
    async ensure(prefixes) {
      const wanted = [...new Set([...prefixes].map((p) => p.toLowerCase()))].filter((p) => known.has(p) && !loaded.has(p));
      await Promise.all(wanted.map(load));
    },
    action(name) {
      const colon = name.indexOf(':');
      if (colon < 0) return undefined;
      const prefix = name.slice(0, colon).toLowerCase();
      const file = loaded.get(prefix);
      const real = lowerNames.get(prefix)?.get(name.slice(colon + 1).toLowerCase());
      if (!file || real === undefined) return undefined;
      const entry = file.actions[real];
      return entry ? toAction(prefix, real, entry) : undefined;
    },
  };
}

/** Every action of a loaded service, sorted by name. */
export function actionsOf(catalog: Catalog, prefix: string): CatalogAction[] {
  const file = catalog.service(prefix);
  if (!file) return [];
  return Object.keys(file.actions)
    .sort()
    .flatMap((a) => {
      const entry = file.actions[a];
      return entry ? [toAction(file.prefix, a, entry)] : [];
    });
}

/** The service prefix an action or action pattern names ('s3:Get*' → 's3'); undefined without a colon. */
export function servicePrefixOf(action: string): string | undefined {
  const colon = action.indexOf(':');
  return colon > 0 ? action.slice(0, colon).toLowerCase() : undefined;
}
