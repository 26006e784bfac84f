// The catalog as reactive UI state: loads lazily, and bumps `version` whenever a service file arrives so
// derived lists (actions of a service, condition keys) recompute. Invariant: one load per service.
import type { Catalog } from '../../domain/catalog';
import { appCatalog } from '../editor/appCatalog';

export class CatalogState {
  catalog = $state.raw<Catalog | null>(null);
  /** Increases after each load; read it in a $derived to depend on newly loaded services. */
  version = $state(0);
  failed = $state(false);

  constructor(load: () => Promise<Catalog> = appCatalog) {
    load()
      .then((c) => {
        this.catalog = c;
        this.version++;
      })
      .catch(() => (this.failed = true));
  }

  async ensure(prefixes: readonly string[]): Promise<void> {
    const c = this.catalog;
    if (!c) return;
    const missing = prefixes.filter((p) => c.hasService(p) && !c.service(p));
    if (missing.length === 0) return;
    await c.ensure(missing);
    this.version++;
  }
}
