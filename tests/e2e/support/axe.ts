// Accessibility check shared by every view's browser test: axe-core against WCAG 2.x A/AA rules.
// Invariant: serious and critical violations fail the test; the message lists each rule and its nodes.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

export interface AxeOptions {
  /** CSS selectors to limit the scan to (default: the whole page). */
  readonly include?: readonly string[];
  /** Rule ids to leave out, each with a reason in the caller's code. */
  readonly disableRules?: readonly string[];
}

export async function expectNoSeriousViolations(page: Page, options: AxeOptions = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  for (const selector of options.include ?? []) builder = builder.include(selector);
  if (options.disableRules?.length) builder = builder.disableRules([...options.disableRules]);
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  expect(report, `axe found serious/critical violations on ${page.url()}`).toEqual([]);
  expect(results.passes.length, 'axe ran no checks at all').toBeGreaterThan(0);
}
