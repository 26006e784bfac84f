// The console journey of issue 4: as alice (admin) create a user and a group with a managed policy, put
// the user in it and give it a password; sign in as that user; send a request its policy does not
// allow and one it does; history and the stage show each outcome in words.
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { expectNoSeriousViolations } from './support/axe';

async function createFromMenu(page: Page, kind: string, field: string, name: string) {
  const menu = page.getByRole('form', { name: 'New' });
  await menu.getByRole('combobox', { name: 'What to create' }).selectOption({ label: kind });
  await menu.getByRole('button', { name: 'New' }).click();
  await page.getByLabel(field).fill(name);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(name) })).toBeVisible();
}

async function sendRequest(page: Page, operation: string, params: object) {
  const builder = page.getByRole('form', { name: 'Send a request' });
  if (!(await builder.isVisible())) await page.locator('summary', { hasText: 'Send a request' }).click();
  await builder.getByLabel('Search actions').fill(operation);
  await builder.getByRole('listbox').selectOption(operation);
  await builder.getByLabel(/^Parameters/).fill(JSON.stringify(params));
  await builder.getByRole('button', { name: 'Send' }).click();
}

test('create a user with a group policy, sign in as it, and see one request denied and one allowed', async ({ app }) => {
  const page = await app.open('#/lab');
  const header = page.getByRole('banner');
  await expect(header.getByRole('button', { name: /^Signed in as alice, IAM user, console/ })).toBeVisible();

  // As alice: a user with a console password…
  await createFromMenu(page, 'IAM user', 'User name', 'dana');
  await page.getByLabel('New console password').fill('Dana-Lab-2026!');
  await page.getByRole('button', { name: 'Enable console access' }).click();
  await expect(page.getByText(/Console access is on/)).toBeVisible();

  // …and a group that lets its members read S3, with dana in it.
  await createFromMenu(page, 'User group', 'Group name', 'Readers');
  await page.getByRole('combobox', { name: 'Attach a managed policy' }).selectOption({ label: 'AmazonS3ReadOnlyAccess (AWS)' });
  await page.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Detach AmazonS3ReadOnlyAccess' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Add a user' }).selectOption('dana');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Remove dana' })).toBeVisible();

  // Sign in as dana.
  await header.getByRole('button', { name: /^Signed in as alice/ }).click();
  const signIn = page.getByRole('form', { name: 'Sign in as an IAM user' });
  await signIn.getByLabel('IAM user name').fill('dana');
  await signIn.getByLabel('Password').fill('Dana-Lab-2026!');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(header.getByRole('button', { name: /^Signed in as dana, IAM user, console/ })).toBeVisible();

  const history = page.getByRole('list', { name: 'Requests, newest first' });
  const outcome = page.getByRole('region', { name: 'Outcome' });

  // Denied: no policy of dana's allows iam:CreateUser.
  await sendRequest(page, 'iam:CreateUser', { UserName: 'zed' });
  await expect(history.getByRole('button').first()).toHaveAccessibleName('iam:CreateUser Implicitly denied (nothing allowed it), by dana');
  await page.getByRole('button', { name: 'Skip to the outcome' }).click();
  await expect(outcome).toContainText('Implicitly denied');
  await expect(outcome).toContainText('iam:CreateUser');

  // Allowed: the group's AmazonS3ReadOnlyAccess allows s3:GetObject.
  await sendRequest(page, 's3:GetObject', { Bucket: 'example-corp-app-data', Key: 'config/app.json' });
  await expect(history.getByRole('button').first()).toHaveAccessibleName('s3:GetObject Allowed, by dana');
  await page.getByRole('button', { name: 'Skip to the outcome' }).click();
  await expect(outcome).toContainText('Allowed');
  await expect(outcome).toContainText('AmazonS3ReadOnlyAccess');
});

test('the console panel, the sign-in panel and the request builder have no serious axe violations', async ({ app }) => {
  const page = await app.open('#/lab');
  await expect(page.getByRole('button', { name: /^Signed in as alice/ })).toBeVisible();
  await page.getByRole('treeitem', { name: 'Users (3)' }).click();
  await page.getByRole('treeitem', { name: 'carol' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /carol/ })).toBeVisible();
  await page.locator('summary', { hasText: 'Send a request' }).click();
  await page.getByRole('button', { name: /^Signed in as alice/ }).click();
  await expect(page.getByRole('dialog', { name: 'Change who you are' })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Signed in as alice/ })).toBeFocused();
});
