// The effective-access overlay asked at any moment of the graph's life (bug: a question asked while the graph
// was still being built was answered for the empty graph, "0 allowed, 0 explicitly denied, 0 implicitly
// denied", and kept once the graph arrived; a wait on data-running="false" passed at once, before any layout).
// The first test holds the overlay worker's script so "Colour the principals" is pressed while the graph is
// loading, every time; the second colours the big lab only after its layout has come to rest.
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { openBigGraph } from './support/bigGraph';

async function colour(page: Page, action: string, resource: string) {
  await page.getByLabel('Overlay').selectOption({ label: 'Effective access' });
  await page.getByLabel('Action', { exact: true }).fill(action);
  await page.getByLabel('Resource ARN').fill(resource);
  await page.getByRole('button', { name: 'Colour the principals' }).click();
}

test('colouring while the graph loads waits for the graph, then colours it', async ({ app, context }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // Routed before the first visit, so neither the page nor the service worker's precache gets the script early.
  await context.route('**/overlay.worker-*.js', async (route) => {
    await held;
    await route.continue();
  });
  const page = await app.open('#/lab');
  await page.getByRole('navigation', { name: 'Main views' }).getByRole('button', { name: 'Graph' }).click();
  await expect(page.locator('.graph-view .main')).toHaveText('Loading the graph…');
  // No layout yet, so nothing claims the layout is at rest.
  await expect(page.locator('[data-running]')).toHaveCount(0);
  await colour(page, 's3:DeleteObject', 'arn:aws:s3:::example-corp-app-data/reports/2025-q4.csv');
  await expect(page.locator('.graph-view .side [role="status"]')).toHaveText('Loading the graph…');
  await expect(page.getByTestId('access-summary')).toHaveCount(0);

  release();
  await expect(page.locator('[data-running]')).toHaveAttribute('data-running', 'false');
  await expect(page.getByTestId('access-summary')).toContainText('3 allowed, 0 explicitly denied, 7 implicitly denied');
  await expect(page.locator('[data-node-id="user:111122223333:alice"]')).toHaveAttribute('data-decision', 'allowed');
  await expect(page.locator('[data-node-id="user:111122223333:bob"]')).toHaveAttribute('data-decision', 'implicitDeny');
});

test('the big lab coloured after its layout has settled gets the engine\'s answer', async ({ app }) => {
  test.setTimeout(180_000);
  const page = await app.open('#/lab');
  await openBigGraph(page);
  // The only wait before colouring, as a user would: the layout at rest.
  await expect(page.locator('[data-running]')).toHaveAttribute('data-running', 'false', { timeout: 120_000 });
  await colour(page, 's3:GetObject', 'arn:aws:s3:::team-3-data/report.csv');
  await expect(page.getByTestId('access-summary')).toContainText('81 allowed, 0 explicitly denied, 729 implicitly denied', { timeout: 60_000 });
  await expect(page.locator('[data-node-id="user:111122223333:user-3"]')).toHaveAttribute('data-decision', 'allowed');
  await expect(page.locator('[data-node-id="user:111122223333:user-3"]')).toHaveAccessibleName('IAM user user-3: Allowed');
  await expect(page.locator('.graph-view [data-node-id]')).toHaveCount(1032);
});
