// After one visit the service worker serves the whole app: reload with the network off still renders it.
import { test, expect } from './support/fixtures';

test('the service worker takes control, and the app reloads and renders offline', async ({ app, context }) => {
  const page = await app.open();
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(new URL(scope).pathname).toBe('/iam-lab/');
  // The first visit installs the worker; the next navigation is the first one it controls.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  await context.setOffline(true);
  await page.reload();
  await expect(page).toHaveTitle('IAM Lab');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('IAM Lab');
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  expect(app.watch.pageErrors).toEqual([]);
});

test('every emitted asset, lazy chunks included, is in the precache', async ({ app }) => {
  const page = await app.open();
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cached = await page.waitForFunction(async () => {
    const names = await caches.keys();
    const urls: string[] = [];
    for (const name of names) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    return urls.some((u) => u.endsWith('/index.html')) ? urls : null;
  });
  const paths = (await cached.jsonValue()) as string[];
  const manifest = (await (await page.request.get(new URL('.vite/manifest.json', app.url).href)).json()) as Record<
    string,
    { file: string; css?: string[] }
  >;
  const emitted = Object.values(manifest).flatMap((chunk) => [chunk.file, ...(chunk.css ?? [])]);
  expect(emitted.length).toBeGreaterThan(0);
  for (const file of emitted) expect(paths).toContain(`/iam-lab/${file}`);
  expect(paths).toContain('/iam-lab/manifest.webmanifest');
});
