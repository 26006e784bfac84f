// Hover help in the policy editor: over an action, its access level, CRUD kind and resource types; over a
// pattern such as "s3:Get*", how many actions it matches and which. Invariant: answers from loaded services only.
import { hoverTooltip } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import { crudOf, expandActions, servicePrefixOf } from '../../domain/catalog';
import type { Catalog } from '../../domain/catalog';
import { hasWildcard } from '../../domain/matching/wildcard';
import { t } from '../../i18n';
import { contextAt } from './policyCompletions';

/** The sentence for one Action value, or null when the catalog does not know it. */
export function describeAction(catalog: Catalog, value: string): string | null {
  if (hasWildcard(value)) {
    if (value === '*' || !servicePrefixOf(value) || hasWildcard(servicePrefixOf(value) ?? '')) return null;
    const { actions, count } = expandActions(catalog, value);
    if (count === 0) return null;
    const names = actions.slice(0, 12).map((a) => a.action);
    return t('editor.hover.wildcard', { pattern: value, count, list: names.join(', ') + (count > names.length ? ', …' : '') });
  }
  const a = catalog.action(value);
  if (!a) return null;
  const resources = a.resourceTypes.length ? a.resourceTypes.map((r) => r.name).join(', ') : t('editor.hover.anyResource');
  return t('editor.hover.action', { action: a.name, level: a.accessLevel, crud: crudOf(a), resources });
}

export function policyHover(catalog: () => Catalog | undefined): Extension {
  return hoverTooltip(async (view, pos) => {
    const c = catalog();
    if (!c) return null;
    const line = view.state.doc.lineAt(pos);
    const offset = pos - line.from;
    const re = /"((?:[^"\\]|\\.)*)"/g;
    for (let m = re.exec(line.text); m; m = re.exec(line.text)) {
      if (offset < m.index || offset > m.index + m[0].length) continue;
      const start = line.from + m.index;
      const ctx = contextAt(view.state.doc.sliceString(0, start));
      const value = m[1] ?? '';
      if (ctx?.kind !== 'value' || (ctx.key !== 'Action' && ctx.key !== 'NotAction')) return null;
      const prefix = servicePrefixOf(value);
      if (prefix) await c.ensure([prefix]);
      const text = describeAction(c, value);
      if (!text) return null;
      return {
        pos: start,
        end: start + m[0].length,
        above: true,
        create: () => {
          const dom = document.createElement('div');
          dom.className = 'cm-policy-hover';
          dom.textContent = text;
          return { dom };
        },
      };
    }
    return null;
  });
}
