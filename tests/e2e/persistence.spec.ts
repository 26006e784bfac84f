// Labs survive a reload (IndexedDB), an invalid import changes nothing, and a share link opens read-only
// in a fresh browser context with "Save a copy".
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';

async function ready(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: /Open the labs menu/ })).toBeVisible();
}

async function openMenu(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Open the labs menu/ }).click();
}

test('edit a lab, reload: the labs, the world and the history are all there', async ({ app }) => {
  const page = await app.open('#/lab');
  await ready(page);
  await expect(page.getByRole('button', { name: 'Lab: My first lab. Open the labs menu' })).toBeVisible();
  const clock = page.locator('time[datetime]').first();
  const before = await clock.getAttribute('datetime');
  await page.getByRole('group', { name: 'Simulated time' }).getByRole('button', { name: /^\+1 h/ }).click();
  await expect(clock).not.toHaveAttribute('datetime', before!);
  const moved = await clock.getAttribute('datetime');
  await expect(page.locator('[data-save="saved"]')).toBeVisible();
  // One more request in the history: send the first one again.
  const history = page.locator('ol.history > li');
  await expect(history).toHaveCount(1);
  await page.getByRole('button', { name: /^Send .* again into the lab/ }).first().click();
  await expect(history).toHaveCount(2);

  await openMenu(page);
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel(/New name for/).fill('Week 1 lab');
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('button', { name: 'Lab: Week 1 lab. Open the labs menu' })).toBeVisible();
  await openMenu(page);
  await page.getByRole('button', { name: 'New lab' }).click();
  await expect(page.getByRole('button', { name: 'Lab: Lab 2. Open the labs menu' })).toBeVisible();
  await openMenu(page);
  await page.getByRole('button', { name: /^Week 1 lab/ }).click();
  await expect(page.getByRole('button', { name: 'Lab: Week 1 lab. Open the labs menu' })).toBeVisible();
  await expect(clock).toHaveAttribute('datetime', moved!);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Lab: Week 1 lab. Open the labs menu' })).toBeVisible();
  await expect(page.locator('time[datetime]').first()).toHaveAttribute('datetime', moved!);
  await expect(page.locator('ol.history > li')).toHaveCount(2);
  await openMenu(page);
  await expect(page.locator('#labs-menu li')).toHaveCount(2);
  await page.keyboard.press('Escape');
  // Undo survives the reload too: first the resent request, then the clock move.
  await page.getByRole('button', { name: 'Undo signin:ConsoleLogin' }).click();
  await page.getByRole('button', { name: 'Undo clock' }).click();
  await expect(page.locator('time[datetime]').first()).toHaveAttribute('datetime', before!);
});

test('an invalid import file changes nothing and says where the problems are', async ({ app }) => {
  const page = await app.open('#/lab');
  await ready(page);
  await openMenu(page);
  await page.getByRole('button', { name: 'Import…' }).click();
  const bad = JSON.stringify({ format: 'iam-lab', version: 1, exportedAt: '2026-01-01T00:00:00Z', labs: [{ id: 'x', name: '' }] });
  await page.getByLabel('File to import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = page.getByRole('dialog').getByRole('alert');
  await expect(alert).toContainText('nothing was changed');
  await expect(alert).toContainText('/labs/0/name');
  await expect(alert).toContainText('/labs/0/world');
  await page.getByRole('button', { name: 'Close' }).click();
  await openMenu(page);
  await expect(page.locator('#labs-menu li')).toHaveCount(1);
});

test('an AWS account import becomes a new lab', async ({ app }) => {
  const page = await app.open('#/lab');
  await ready(page);
  await openMenu(page);
  await page.getByRole('button', { name: 'Import…' }).click();
  const sample = readFileSync(new URL('../domain/sharing/fixtures/authorization-details.json', import.meta.url));
  await page.getByLabel('File to import').setInputFiles({ name: 'account.json', mimeType: 'application/json', buffer: sample });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('could not be mapped');
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('root@123456789012.invalid');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Lab: AWS account 123456789012. Open the labs menu' })).toBeVisible();
});

test('a share link opens read-only in a fresh context, and "Save a copy" keeps it', async ({ app, browser }) => {
  const page = await app.open('#/lab');
  await ready(page);
  await openMenu(page);
  await page.getByRole('button', { name: 'Share link…' }).click();
  const field = page.getByLabel('Share link');
  await expect(field).toHaveValue(/#\/share\/v1\./);
  const url = await field.inputValue();

  const fresh = await browser.newContext();
  try {
    const other = await fresh.newPage();
    await other.goto(url);
    // A fresh context builds its own default lab first (password hashing), so allow a loaded machine time.
    await expect(other.getByText(/You are looking at a shared lab, "My first lab"/)).toBeVisible({ timeout: 45_000 });
    await expect(other.getByRole('button', { name: 'Nothing to undo' })).toBeDisabled();
    await other.getByRole('button', { name: 'Save a copy' }).click();
    await expect(other.getByText(/You are looking at a shared lab/)).toHaveCount(0);
    await expect(other).toHaveURL(/#\/lab$/);
    await other.getByRole('button', { name: /Open the labs menu/ }).click();
    await expect(other.locator('#labs-menu li')).toHaveCount(2);
    await other.reload();
    await expect(other.getByRole('button', { name: 'Lab: My first lab. Open the labs menu' })).toBeVisible();
  } finally {
    await fresh.close();
  }
});

test('two tabs on the same lab stay consistent', async ({ app, context }) => {
  const first = await app.open('#/lab');
  await ready(first);
  const second = await context.newPage();
  await second.goto(`${app.url}#/lab`);
  await ready(second);
  const clockOf = (page: Page) => page.locator('time[datetime]').first();
  await first.getByRole('group', { name: 'Simulated time' }).getByRole('button', { name: /^\+1 day/ }).click();
  const moved = await clockOf(first).getAttribute('datetime');
  await expect(clockOf(second)).toHaveAttribute('datetime', moved!);
  await openMenu(first);
  await first.getByRole('button', { name: 'New lab' }).click();
  await openMenu(second);
  await expect(second.locator('#labs-menu li')).toHaveCount(2);
});

test('without IndexedDB the lab still works, says so, and "Export now" downloads it', async ({ app, page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true }));
  await app.open('#/lab');
  await ready(page);
  const alert = page.getByRole('alert').filter({ hasText: 'does not let IAM Lab store data' });
  await expect(alert).toBeVisible();
  await expect(page.locator('[data-save]')).toHaveText('Not saved (this tab only)');
  await page.getByRole('group', { name: 'Simulated time' }).getByRole('button', { name: /^\+1 h/ }).click();
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Export now' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^iam-lab-my-first-lab-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await file.path(), 'utf8');
  const exported = JSON.parse(text) as { format: string; labs: { world: { clock: string } }[] };
  expect(exported.format).toBe('iam-lab');
  expect(exported.labs[0]!.world.clock).toBe(await page.locator('time[datetime]').first().getAttribute('datetime'));
});
