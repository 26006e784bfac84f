// The production build under a GitHub Pages-style sub-path: it loads, stays on its own origin and
// never trips its Content-Security-Policy.
import { test, expect } from './support/fixtures';

test('the built app loads under /iam-lab/ with the title "IAM Lab"', async ({ app }) => {
  const page = await app.open();
  await expect(page).toHaveTitle('IAM Lab');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('IAM Lab');
  expect(new URL(page.url()).pathname).toBe('/iam-lab/');
  const scripts = await page.locator('script[src]').evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).src));
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) expect(new URL(src).pathname).toMatch(/^\/iam-lab\//);
});

test('using the page makes zero requests to any other origin', async ({ app }) => {
  const page = await app.open();
  await page.evaluate(() => navigator.serviceWorker?.ready);
  await page.reload();
  await expect(page.locator('#app')).not.toBeEmpty();
  expect(app.watch.requests.length).toBeGreaterThan(0);
  expect(app.watch.crossOriginRequests()).toEqual([]);
});

test('the page runs without CSP violations, console errors or uncaught exceptions', async ({ app }) => {
  const page = await app.open();
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/unsafe-eval|https?:/);
  await page.evaluate(() => navigator.serviceWorker?.ready);
  expect(app.watch.cspViolations).toEqual([]);
  expect(app.watch.consoleErrors).toEqual([]);
  expect(app.watch.pageErrors).toEqual([]);
});

test('the CSP really is enforced: an injected inline script is blocked and reported', async ({ app }) => {
  app.tolerate('cspViolation');
  const page = await app.open();
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.append(script);
  });
  await expect.poll(() => app.watch.cspViolations.map((v) => v.directive)).toContain('script-src-elem');
  expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
});

test('the web manifest is linked and its icons are served', async ({ app, request }) => {
  const page = await app.open();
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/iam-lab/manifest.webmanifest');
  const manifestUrl = new URL(href!, page.url());
  const response = await request.get(manifestUrl.href);
  expect(response.headers()['content-type']).toContain('application/manifest+json');
  const manifest = (await response.json()) as { name: string; icons: { src: string; sizes: string; purpose: string }[] };
  expect(manifest.name).toBe('IAM Lab');
  expect(manifest.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual(
    expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']),
  );
  for (const icon of manifest.icons) {
    const iconResponse = await request.get(new URL(icon.src, manifestUrl).href);
    expect(iconResponse.status(), icon.src).toBe(200);
  }
});
