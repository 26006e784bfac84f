// The authoring journey of issue 9: as alice, build a policy in the visual builder (service, action by
// search, a lab resource), see the JSON and the checks follow, attach it to bob, then as bob send the
// request it allows and see it allowed by that policy. Also: the About box names the catalog version.
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { expectNoSeriousViolations } from './support/axe';

async function openAuthoring(page: Page) {
  await page.locator('summary', { hasText: 'Write a policy' }).click();
  return page.getByRole('region', { name: 'Write a policy' });
}

test('build a policy visually, attach it, and send a request it allows', async ({ app }) => {
  const page = await app.open('#/lab');
  const header = page.getByRole('banner');
  await expect(header.getByRole('button', { name: /^Signed in as alice/ })).toBeVisible();

  const authoring = await openAuthoring(page);
  const builder = authoring.getByRole('region', { name: 'Visual builder' });
  await builder.getByTestId('builder-service').selectOption('s3');
  await builder.getByLabel('Filter actions').fill('DeleteObject');
  await builder.getByRole('checkbox', { name: 'DeleteObject', exact: true }).check();
  await builder.getByTestId('builder-resource-lab').selectOption('arn:aws:s3:::example-corp-app-data/*');

  // The JSON editor (CodeMirror, loaded lazily) shows what the builder produced.
  const json = authoring.getByRole('region', { name: 'JSON' });
  await expect(json.locator('.cm-content')).toContainText('"Action": "s3:DeleteObject"');
  await expect(json.locator('.cm-content')).toContainText('"Resource": "arn:aws:s3:::example-corp-app-data/*"');
  await expect(authoring.getByRole('region', { name: 'Check policy' })).toContainText('No findings');

  await authoring.getByTestId('attach-target').selectOption({ label: 'user: bob (111122223333)' });
  await authoring.getByLabel('Policy name').fill('DeleteAppObjects');
  await authoring.getByRole('button', { name: 'Attach policy' }).click();
  await expect(authoring.getByRole('status').filter({ hasText: 'Attached DeleteAppObjects to user bob.' })).toBeVisible();

  // As bob, the request the new policy allows.
  await header.getByRole('button', { name: /^Signed in as alice/ }).click();
  const signIn = page.getByRole('form', { name: 'Sign in as an IAM user' });
  await signIn.getByLabel('IAM user name').fill('bob');
  await signIn.getByLabel('Password').fill('Bob-Developer-2026!');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(header.getByRole('button', { name: /^Signed in as bob/ })).toBeVisible();

  const request = page.getByRole('form', { name: 'Send a request' });
  if (!(await request.isVisible())) await page.locator('summary', { hasText: 'Send a request' }).click();
  await request.getByLabel('Search actions').fill('s3:DeleteObject');
  await request.getByRole('listbox').selectOption('s3:DeleteObject');
  await request.getByLabel(/^Parameters/).fill(JSON.stringify({ Bucket: 'example-corp-app-data', Key: 'config/app.json' }));
  await request.getByRole('button', { name: 'Send' }).click();

  const history = page.getByRole('list', { name: 'Requests, newest first' });
  const latest = history.getByRole('button').first();
  await expect(latest).toContainText('s3:DeleteObject');
  await expect(latest).toHaveAccessibleName(/Allowed/);
  await expect(latest).toHaveAccessibleName(/bob/);
  await page.getByRole('button', { name: 'Skip to the outcome' }).click();
  await expect(page.getByRole('region', { name: 'Outcome' })).toContainText('DeleteAppObjects');
});

test('the JSON editor lints at the line and the builder lists what it cannot show', async ({ app }) => {
  const page = await app.open('#/lab');
  const authoring = await openAuthoring(page);
  await authoring.getByTestId('template-picker').selectOption('publicReadBucket');
  await expect(authoring.getByRole('region', { name: 'Check policy' })).toContainText('Security warning');

  const content = authoring.getByRole('region', { name: 'JSON' }).locator('.cm-content');
  await expect(content).toContainText('PublicRead');
  // The template switched the type to a bucket policy; the next document is an identity policy.
  await expect(authoring.getByLabel('Policy type')).toHaveValue('resource');
  await authoring.getByLabel('Policy type').selectOption('identity');
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"s3:GetObjects","Resource":"*"}]}');
  await expect(authoring.getByRole('note')).toContainText('NotAction at /Statement/0/NotAction');
  // The squiggle sits exactly on the unknown action's string.
  await expect(content.locator('.cm-lintRange-warning').first()).toHaveText('"s3:GetObjects"');
  const checks = authoring.getByRole('region', { name: 'Check policy' });
  await expect(checks.locator('[data-code="catalog.action.unknown"]')).toContainText('line 1');
  await expect(checks.locator('[data-code="check.notAction.allow"]')).toBeVisible();
});

test('the About box shows the action catalog version and date', async ({ app }) => {
  const page = await app.open('#/lab');
  await page.getByRole('banner').getByRole('button', { name: 'About IAM Lab' }).click();
  await expect(page.getByTestId('about-catalog')).toContainText(/Action catalog: \d+ services, \d+ actions, from @cloud-copilot\/iam-data [\d.]+ \(data of \d{4}-\d{2}-\d{2}\)/);
});

test('the authoring panel has no serious accessibility violations (light and dark)', async ({ app }) => {
  const page = await app.open('#/lab');
  const authoring = await openAuthoring(page);
  await authoring.getByTestId('template-picker').selectOption('homeFolder');
  await expect(authoring.locator('.policy-editor[data-ready="true"]')).toBeVisible();
  await expect(authoring.getByRole('region', { name: 'Check policy' })).toContainText('0 errors');
  await expectNoSeriousViolations(page, { include: ['.authoring-panel', 'dialog'] });
  await page.getByRole('banner').getByRole('button', { name: /theme/i }).click();
  await expectNoSeriousViolations(page, { include: ['.authoring-panel'] });
});
