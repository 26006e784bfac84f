// A new deploy while the app is open: the new service worker waits, the prompt appears, and only
// the user's "Update now" activates it and reloads into the new version (src/app/pwa.ts, registerType 'prompt').
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './support/fixtures';
import { buildPwaHarness } from './support/buildPwaHarness';
import { startServer } from '../../scripts/serve';
import type { RunningServer } from '../../scripts/serve';

test.describe.configure({ mode: 'serial' });

const base = '/iam-lab/';
let work: string;
let server: RunningServer;

test.beforeAll(async () => {
  // Two production builds of the harness; slow on a busy machine, so this hook gets its own ceiling.
  test.setTimeout(180_000);
  work = await mkdtemp(join(tmpdir(), 'iam-lab-pwa-'));
  await buildPwaHarness(join(work, 'v1'), 'v1', base);
  await buildPwaHarness(join(work, 'v2'), 'v2', base);
  await cp(join(work, 'v1'), join(work, 'site'), { recursive: true });
  server = await startServer({ root: join(work, 'site'), base, port: 0 });
});

test.afterAll(async () => {
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

test('importing src/app/pwa.ts replaces the injected registerSW.js script', async () => {
  const html = await readFile(join(work, 'v1', 'index.html'), 'utf8');
  expect(html).not.toContain('registerSW.js');
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
});

test('a waiting new version shows the prompt and activates only when accepted', async ({ page, context }) => {
  const status = page.locator('#status');
  await page.goto(server.url);
  await expect(page.locator('#version')).toHaveText('v1');
  await expect(status).toHaveText('offlineReady');
  await page.evaluate(() => navigator.serviceWorker.ready);
  // A returning visitor: this page load is controlled by version 1's worker.
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await expect(status).toHaveText('ready');

  await cp(join(work, 'v2'), join(work, 'site'), { recursive: true, force: true });
  await page.locator('#check').click();
  await expect(status).toHaveText('updateAvailable');
  // Still the old version: nothing activates without the user's yes, not even a reload.
  const waiting = await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));
  expect(waiting).toBe(true);
  await page.reload();
  await expect(page.locator('#version')).toHaveText('v1');
  await expect(status).toHaveText('updateAvailable');

  await page.locator('#apply').click();
  await expect(page.locator('#version')).toHaveText('v2');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(false);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('#version')).toHaveText('v2');
});
