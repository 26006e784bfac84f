// The graph view of issue 6 in Chromium: the default lab drawn with its known entities, the effective-
// access overlay colouring known principals (colour + icon + word), the reason on hover, the decision
// played on the stage, "who can…?" with a role chain, and the table view with the same answers.
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { test, expect } from './support/fixtures';

const alice = '[data-node-id="user:111122223333:alice"]';
const bob = '[data-node-id="user:111122223333:bob"]';

async function openGraph(page: Page) {
  await expect(page.locator(alice)).toBeVisible();
  // The first layout settles (then fits itself to the view) before anything is pointed at.
  await expect(page.locator('[data-running]')).toHaveAttribute('data-running', 'false');
  await expect(page.locator('[data-node-id="group:111122223333:Developers"]')).toBeVisible();
  await expect(page.locator('[data-node-id="role:444455556666:PartnerAccessRole"]')).toBeVisible();
}

async function colour(page: Page, action: string, resource: string) {
  await page.getByLabel('Overlay').selectOption({ label: 'Effective access' });
  await page.getByLabel('Action', { exact: true }).fill(action);
  await page.getByLabel('Resource ARN').fill(resource);
  await page.getByRole('button', { name: 'Colour the principals' }).click();
  await expect(page.getByTestId('access-summary')).toContainText(action);
}

test('effective access colours known principals, explains on hover and plays on the stage', async ({ app }) => {
  const page = await app.open('#/graph');
  await openGraph(page);
  await colour(page, 's3:DeleteObject', 'arn:aws:s3:::example-corp-app-data/reports/2025-q4.csv');

  await expect(page.locator(alice)).toHaveAttribute('data-decision', 'allowed');
  await expect(page.locator(bob)).toHaveAttribute('data-decision', 'implicitDeny');
  await expect(page.locator(alice)).toHaveAccessibleName('IAM user alice: Allowed');
  await expect(page.locator(bob)).toHaveAccessibleName('IAM user bob: Implicitly denied (nothing allowed it)');
  // The ring's colour is the decision's colour token, and an icon badge pairs with it.
  const tokens = await page.evaluate(() => {
    const s = getComputedStyle(document.documentElement);
    return { allowed: s.getPropertyValue('--allowed').trim(), implicit: s.getPropertyValue('--implicit-deny').trim() };
  });
  const stroke = (selector: string) => page.locator(`${selector} .ring`).evaluate((el) => getComputedStyle(el).stroke);
  expect(await stroke(alice)).toBe(hexToRgb(tokens.allowed));
  expect(await stroke(bob)).toBe(hexToRgb(tokens.implicit));
  await expect(page.locator(`${alice} .badge.allowed`)).toHaveCount(1);

  await page.locator(bob).hover();
  await expect(page.getByTestId('hover-reason')).toContainText('Implicitly denied: no policy allows it');
  await page.locator(alice).focus();
  await expect(page.getByTestId('hover-reason')).toContainText('Allowed: statement #1 of group Admins · managed policy AdministratorAccess');

  await page.locator(alice).click();
  await expect(page.getByRole('heading', { name: 'Decision for IAM user alice' })).toBeVisible();
  await expectNoSeriousViolations(page, { include: ['.graph-view'] });
});

test('who can…? lists principals reaching the partner bucket through a role, with the chain', async ({ app }) => {
  const page = await app.open('#/graph');
  await openGraph(page);
  await page.getByLabel('Overlay').selectOption({ label: 'Who can…?' });
  await page.getByLabel('Question').fill('who can s3:GetObject on arn:aws:s3:::partner-co-shared/price-list.csv');
  await page.getByRole('button', { name: 'Ask' }).click();
  const answers = page.getByTestId('who-can-answers');
  await expect(answers).toContainText('IAM user alice — by assuming PartnerAccessRole');
  await expect(answers).toContainText('Role PartnerAccessRole — directly');
  await expect(answers).not.toContainText('IAM user bob');
});

test('the table view lists the relations and the same decisions, keyboard-reachable', async ({ app }) => {
  const page = await app.open('#/graph');
  await openGraph(page);
  await colour(page, 's3:DeleteObject', 'arn:aws:s3:::example-corp-app-data/reports/2025-q4.csv');
  await page.getByRole('radio', { name: 'Table' }).check();
  const principals = page.getByRole('table', { name: 'Principals and their effective access' });
  await expect(principals.getByRole('row', { name: /IAM user bob/ })).toContainText('Implicitly denied (nothing allowed it)');
  await expect(principals.getByRole('row', { name: /IAM user alice/ })).toContainText('Allowed');
  const relations = page.getByRole('table', { name: 'Relations in the lab' });
  await expect(relations.getByRole('row', { name: /IAM user bob member of User group Developers/ })).toBeVisible();
  await expect(relations.getByRole('row', { name: /IAM user alice can assume · cross-account Role PartnerAccessRole/ })).toBeVisible();
  await expectNoSeriousViolations(page, { include: ['.graph-view'] });
});

function hexToRgb(hex: string): string {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('the layout appears at rest: the view receives the starting points and the result, no steps between', async ({ app }) => {
    const page = await app.open('#/graph');
    await openGraph(page);
    // data-fps counts the layout steps the view received in the last second: the animated layout sends one per
    // frame (dozens), the still one exactly two (where the nodes start, where they rest).
    expect(Number(await page.locator('[data-fps]').getAttribute('data-fps'))).toBeLessThanOrEqual(2);
    // The view says why nothing moves.
    await expect(page.getByTestId('layout-still')).toContainText('Reduced motion is on');
    // Pointing and colouring still work as usual.
    await colour(page, 's3:DeleteObject', 'arn:aws:s3:::example-corp-app-data/reports/2025-q4.csv');
    await expect(page.locator(alice)).toHaveAttribute('data-decision', /allowed|implicitDeny|explicitDeny/);
  });

});

test.describe('without reduced motion', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('the layout is animated (so the check with reduced motion would see steps)', async ({ app }) => {
    const page = await app.open('#/graph');
    await expect(page.locator(alice)).toBeVisible();
    await expect.poll(async () => Number(await page.locator('[data-fps]').getAttribute('data-fps'))).toBeGreaterThan(2);
    await expect(page.getByTestId('layout-still')).toHaveCount(0);
  });
});
