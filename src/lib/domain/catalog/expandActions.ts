// Wildcard expansion and search over the catalog: which real actions an Action pattern names.
// Invariant: answers come from loaded services only; matching uses the engine's own matchAction,
// so "s3:Get*" expands to exactly what the evaluator would match.
import type { Catalog, CatalogAction } from './catalog';
import { actionsOf } from './catalog';
import { matchAction } from '../matching/matchAction';
import { matchWildcard } from '../matching/wildcard';

export interface Expansion {
  readonly pattern: string;
  readonly actions: readonly CatalogAction[];
  readonly count: number;
}

/** Service prefixes a pattern can reach, so the caller knows what to `ensure` ('*' reaches every service). */
export function servicesForPattern(catalog: Catalog, pattern: string): string[] {
  const colon = pattern.indexOf(':');
  const servicePart = (colon < 0 ? pattern : pattern.slice(0, colon)).toLowerCase();
  return catalog.index.services.map(([p]) => p).filter((p) => matchWildcard(servicePart, p, true));
}

/**
 * The actions a pattern matches (AWS: IAM JSON policy elements: Action — "you can use wildcards").
 * `*` alone matches every action of every loaded service.
 */
export function expandActions(catalog: Catalog, pattern: string): Expansion {
  const services = pattern === '*' ? catalog.index.services.map(([p]) => p) : servicesForPattern(catalog, pattern);
  const actions = services.flatMap((p) => actionsOf(catalog, p).filter((a) => matchAction(pattern, a.name)));
  return { pattern, actions, count: actions.length };
}

export interface SearchOptions {
  /** Restrict to these services (prefixes); default: every loaded service. */
  readonly services?: readonly string[];
  readonly limit?: number;
}

/**
 * Actions whose full name contains every word of the query (case-insensitive); exact and prefix
 * hits come first. 'get object' finds s3:GetObject; 's3:put' finds s3:Put*.
 */
export function searchActions(catalog: Catalog, query: string, options: SearchOptions = {}): CatalogAction[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const services = options.services ?? catalog.index.services.map(([p]) => p).filter((p) => catalog.service(p));
  const q = query.trim().toLowerCase();
  const hits: { a: CatalogAction; rank: number }[] = [];
  for (const p of services) {
    for (const a of actionsOf(catalog, p)) {
      const name = a.name.toLowerCase();
      if (!words.every((w) => name.includes(w))) continue;
      const rank = name === q ? 0 : name.startsWith(q) || a.action.toLowerCase().startsWith(q) ? 1 : 2;
      hits.push({ a, rank });
    }
  }
  hits.sort((x, y) => x.rank - y.rank || (x.a.name < y.a.name ? -1 : x.a.name > y.a.name ? 1 : 0));
  return hits.slice(0, options.limit ?? 50).map((h) => h.a);
}
