// Playwright fixtures for every IAM Lab browser test: Debian's Chromium, a fresh context per test,
// and a recorder of everything the page must never do (cross-origin requests, CSP violations, errors).
// Usage: `import { test, expect } from './support/fixtures';` then `await app.open()`; the
// recorder's assertions run automatically after each test unless it calls `app.allow...`.
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
  /** `securitypolicyviolation` events seen in the page so far. */
  cspViolations(): Promise<CspViolation[]>;
}

export interface AppFixture {
  /** Origin + base path of the served build, e.g. http://127.0.0.1:4319/iam-lab/ */
  readonly url: string;
  readonly watch: PageWatch;
  /** Opens the app (optionally a hash route such as '#/lab') and waits for it to render. */
  open(hash?: string): Promise<Page>;
}

declare global {
  interface Window {
    __cspViolations?: CspViolation[];
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
    // Init scripts are injected by the browser driver, so the page's CSP does not apply to them.
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__cspViolations?.push({
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
      cspViolations: async () => (page.isClosed() ? [] : await page.evaluate(() => window.__cspViolations ?? [])),
    };
    const fixture: AppFixture = {
      url: baseURL,
      watch,
      open: async (hash = '') => {
        await page.goto(`${baseURL}${hash}`);
        await expect(page.locator('#app')).not.toBeEmpty();
        return page;
      },
    };
    await use(fixture);
  },
});

export { expect };
