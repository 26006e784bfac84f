// Opens the graph view of the big lab (support/bigLab.ts) the way a user would: import the file through the
// labs menu, then the Graph view, at a viewport large enough for the whole picture. Shared by the graph
// browser tests at scale.
import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { bigLabFile } from './bigLab';

export async function openBigGraph(page: Page) {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.getByRole('button', { name: /Open the labs menu/ }).click();
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('File to import').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(await bigLabFile()) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Lab: Big lab. Open the labs menu' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main views' }).getByRole('button', { name: 'Graph' }).click();
}
