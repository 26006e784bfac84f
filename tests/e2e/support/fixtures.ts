// Playwright fixtures for every IAM Lab browser test: Debian's Chromium, a fresh context per test,
// and a recorder of everything the page must never do (cross-origin requests, CSP violations, errors).
// Usage: `import { test, expect } from './support/fixtures';` then `await app.open('#/route')`. After
// each test the fixture itself asserts: no cross-origin request, no CSP violation, no uncaught error.
import { test as base, expect } from '@playwright/test';
import type { Browser, Page, Request } from '@playwright/test';
import { chromiumArgs, requireChromium } from './chromium';

export interface CspViolation {
  readonly directive: string;
  readonly blockedURI: string;
  readonly sourceFile: string;
}

export interface PageWatch {
  /** Every request the context made (page, workers and service worker), in order. */
  readonly requests: string[];
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  /** Requests whose origin is not the app's (data: and blob: URLs are local, so they do not count). */
  crossOriginRequests(): string[];
  /** `securitypolicyviolation` events from every document the page loaded, reloads included. */
  readonly cspViolations: CspViolation[];
}

export type Tolerated = 'cspViolation' | 'pageError';

export interface AppFixture {
  /** Origin + base path of the served build, e.g. http://127.0.0.1:4319/iam-lab/ */
  readonly url: string;
  readonly watch: PageWatch;
  /** Opens the app (optionally a hash route such as '#/lab') and waits for it to render. */
  open(hash?: string): Promise<Page>;
  /** For a test that provokes one on purpose: skip that after-test check. */
  tolerate(kind: Tolerated): void;
}

declare global {
  interface Window {
    __reportCspViolation?: (violation: CspViolation) => void;
  }
}

function isLocalScheme(url: string): boolean {
  return url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:');
}

export const test = base.extend<{ app: AppFixture }, { browser: Browser }>({
  browser: [
    async ({ playwright }, use) => {
      const browser = await playwright.chromium.launch({ executablePath: requireChromium(), args: [...chromiumArgs] });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  app: async ({ page, context, baseURL }, use) => {
    if (!baseURL) throw new Error('playwright.config.ts must set use.baseURL to the served build.');
    const origin = new URL(baseURL).origin;
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    context.on('request', (request: Request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const cspViolations: CspViolation[] = [];
    // The binding and the init script are installed by the browser driver, so the page's CSP does
    // not block them, and reports reach Node at once, surviving reloads.
    await page.exposeBinding('__reportCspViolation', (_source, violation: CspViolation) => {
      cspViolations.push(violation);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__reportCspViolation?.({
          directive: event.effectiveDirective,
          blockedURI: event.blockedURI,
          sourceFile: event.sourceFile,
        });
      });
    });
    const watch: PageWatch = {
      requests,
      consoleErrors,
      pageErrors,
      crossOriginRequests: () => requests.filter((url) => !isLocalScheme(url) && new URL(url).origin !== origin),
      cspViolations,
    };
    const tolerated = new Set<Tolerated>();
    const fixture: AppFixture = {
      url: baseURL,
      watch,
      open: async (hash = '') => {
        await page.goto(`${baseURL}${hash}`);
        await expect(page.locator('#app')).not.toBeEmpty();
        return page;
      },
      tolerate: (kind) => tolerated.add(kind),
    };
    await use(fixture);
    expect(watch.crossOriginRequests(), 'requests left the app origin').toEqual([]);
    if (!tolerated.has('cspViolation')) expect(watch.cspViolations, 'CSP violations').toEqual([]);
    if (!tolerated.has('pageError')) expect(watch.pageErrors, 'uncaught exceptions in the page').toEqual([]);
  },
});

export { expect };
