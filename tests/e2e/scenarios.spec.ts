// Guided scenarios as a learner meets them (issue 7): the map, a lesson done by clicking (sign in, send a
// request, answer its quizzes, one wrong first), a lesson with predict-then-reveal and group membership,
// and a whole lesson done with the keyboard only from a deep link. Progress survives a reload.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { expectNoSeriousViolations } from './support/axe';

async function sendRequest(page: Page, operation: string, params: object = {}) {
  const builder = page.getByRole('form', { name: 'Send a request' });
  if (!(await builder.isVisible())) await page.locator('summary', { hasText: 'Send a request' }).click();
  await builder.getByLabel('Search actions').fill(operation);
  await builder.getByRole('listbox').selectOption(operation);
  await builder.getByLabel(/^Parameters/).fill(JSON.stringify(params));
  await builder.getByRole('button', { name: 'Send' }).click();
}

async function signInAs(page: Page, current: string, user: string, password: string) {
  const header = page.getByRole('banner');
  await header.getByRole('button', { name: new RegExp(`^Signed in as ${current}`) }).click();
  const form = page.getByRole('form', { name: 'Sign in as an IAM user' });
  await form.getByLabel('IAM user name').fill(user);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

function step(page: Page, n: number, total: number): Locator {
  return page.getByRole('heading', { name: `Step ${n} of ${total}` });
}

test('scenario 1 by clicking: a request IAM decides, then two quizzes (one wrong answer first)', async ({ app }) => {
  const page = await app.open('#/scenarios');
  await expect(page.getByRole('heading', { name: 'Guided scenarios' })).toBeVisible();
  await expectNoSeriousViolations(page, { include: ['#stage-region'] });
  await page.getByRole('link', { name: /What IAM manages/ }).click();
  await expect(page).toHaveURL(/#\/scenario\/iam-scope$/);
  await expect(step(page, 1, 3)).toBeVisible();

  await signInAs(page, 'alice', 'bob', 'Bob-Developer-2026!');
  await expect(page.getByRole('banner').getByRole('button', { name: /^Signed in as bob/ })).toBeVisible();
  await sendRequest(page, 'ec2:DescribeInstances');
  await expect(step(page, 2, 3)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Step done.' })).toContainText('AmazonEC2ReadOnlyAccess');

  await page.getByLabel('An IAM policy allowing ec2:* for bob').check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Not quite.' })).toContainText('ec2:* governs EC2 API calls');
  await expect(step(page, 2, 3)).toBeVisible();
  await page.getByLabel('The operating system: its user accounts and authorized SSH keys').check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(step(page, 3, 3)).toBeVisible();
  await page.getByLabel('No: the application manages its own users').check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByTestId('scenario-complete')).toBeVisible();
  await expectNoSeriousViolations(page, { include: ['#stage-region'] });

  // The sandbox was not touched: alice is still the one signed in there.
  await page.getByRole('button', { name: '← All scenarios' }).click();
  await expect(page.locator('[data-scenario="iam-scope"]')).toContainText('Completed');
  await page.reload();
  await expect(page.locator('[data-scenario="iam-scope"]')).toContainText('Completed');
  await page.getByRole('button', { name: 'Back to the sandbox' }).click();
  await expect(page.getByRole('banner').getByRole('button', { name: /^Signed in as alice/ })).toBeVisible();
});

test('scenario 3 by clicking: predict, reveal, change group membership, predict again', async ({ app }) => {
  const page = await app.open('#/scenario/groups');
  await expect(step(page, 1, 5)).toBeVisible();

  // Predict wrongly on purpose: the reveal says what decided instead.
  await page.getByRole('radio', { name: 'Implicitly denied (nothing allowed it)' }).check();
  await page.getByRole('radio', { name: 'No policy: nothing allows it' }).check();
  await page.getByRole('button', { name: 'Predict and send' }).click();
  const reveal = page.getByTestId('reveal');
  await expect(reveal).toContainText('Not what you predicted');
  await expect(reveal).toContainText('group Developers · managed policy DeveloperAppAccess');
  await expect(step(page, 2, 5)).toBeVisible();

  // Remove bob from Developers through the group's detail.
  const explorer = page.getByRole('region', { name: 'Lab explorer' });
  await explorer.getByRole('treeitem', { name: /User groups/ }).first().click();
  await explorer.getByRole('treeitem', { name: /Developers/ }).first().click();
  await page.getByRole('button', { name: 'Remove bob' }).click();
  await expect(step(page, 3, 5)).toBeVisible();

  await page.getByRole('radio', { name: 'Implicitly denied (nothing allowed it)' }).check();
  await page.getByRole('radio', { name: 'No policy: nothing allows it' }).check();
  await page.getByRole('button', { name: 'Predict and send' }).click();
  await expect(reveal).toContainText('You predicted it.');
  await expect(step(page, 4, 5)).toBeVisible();

  await page.getByRole('combobox', { name: 'Add a user' }).selectOption('bob');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(step(page, 5, 5)).toBeVisible();

  await signInAs(page, 'alice', 'Developers', 'anything');
  await expect(page.getByTestId('scenario-complete')).toBeVisible();
});

test('scenario 5 with the keyboard only, from a deep link', async ({ app }) => {
  const page = await app.open('#/scenario/users-vs-roles');
  await expect(step(page, 1, 6)).toBeVisible();
  const answers = ['Create an IAM user', 'Create an IAM user', 'Create an IAM user', 'Create a role', 'Create a role', 'Create a role'];
  for (const [i, answer] of answers.entries()) {
    await expect(step(page, i + 1, 6)).toBeVisible();
    const radio = page.getByRole('radio', { name: answer });
    // Focus lands on the new step's heading; Tab reaches its radio group, arrows/Space choose.
    for (let tabs = 0; tabs < 80 && !(await page.evaluate(() => document.activeElement?.matches('.quiz input[type=radio]') === true)); tabs += 1) {
      await page.keyboard.press('Tab');
    }
    if (!(await radio.isChecked())) await page.keyboard.press(answer === 'Create a role' ? 'ArrowDown' : 'Space');
    await expect(radio).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Check answer' })).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('scenario-complete')).toBeVisible();
});

test('a teacher builds a scenario from the sandbox, tries it, shares it as a link that opens it', async ({ app }) => {
  const page = await app.open('#/scenarios');
  await page.getByRole('button', { name: 'Create a scenario' }).click();
  await expect(page.getByRole('heading', { name: 'Scenario builder' })).toBeVisible();
  await page.getByLabel('Title').fill('Bob loses the bucket');
  await page.getByLabel('Instruction').fill('Make sure bob can no longer read the app configuration.');
  const goal = page.getByLabel('Goal (checked automatically)');
  await goal.fill('zed cannot s3:GetObject on *');
  await expect(page.getByText('No user, role or root user called "zed"')).toBeVisible();
  await goal.fill('bob cannot s3:GetObject on arn:aws:s3:::example-corp-app-data/config/app.json');
  await expect(page.getByText('Understood; not met yet in the starting lab.')).toBeVisible();
  await page.getByLabel('Hints (one per line)').fill('Look at bob\'s groups.');

  // Leaving with unsaved work asks first; dismissing stays in the builder.
  page.once('dialog', (d) => void d.dismiss());
  await page.getByRole('button', { name: '← All scenarios' }).click();
  await expect(page.getByRole('heading', { name: 'Scenario builder' })).toBeVisible();

  await page.getByRole('button', { name: 'Make a link' }).click();
  const link = await page.getByLabel(/^Link to share/).inputValue();
  expect(link).toMatch(/#\/scenario\/shared\.v1\.[A-Za-z0-9_-]+$/);

  await page.getByRole('button', { name: 'Try it' }).click();
  await expect(page.getByRole('heading', { name: 'Bob loses the bucket', exact: true })).toBeVisible();
  await expect(step(page, 1, 1)).toBeVisible();
  const explorer = page.getByRole('region', { name: 'Lab explorer' });
  await explorer.getByRole('treeitem', { name: /User groups/ }).first().click();
  await explorer.getByRole('treeitem', { name: /Developers/ }).first().click();
  await page.getByRole('button', { name: 'Remove bob' }).click();
  await expect(page.getByTestId('scenario-complete')).toBeVisible();

  // The draft is still there after visiting other views.
  await page.getByRole('button', { name: 'Sandbox' }).click();
  await page.goto(`${app.url}#/scenario/builder`);
  await expect(page.getByLabel('Title')).toHaveValue('Bob loses the bucket');

  // The link opens the same scenario in a fresh page.
  await page.goto(link);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Bob loses the bucket', exact: true })).toBeVisible();
  await expect(step(page, 1, 1)).toBeVisible();
});

test('presenter mode: large type, and the arrow key plays the solution one move at a time', async ({ app }) => {
  const page = await app.open('#/scenario/iam-scope');
  await expect(step(page, 1, 3)).toBeVisible();
  await page.getByRole('button', { name: 'Presenter mode' }).click();
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(/^Presenter mode: →/)).toBeVisible();
  const history = page.getByRole('list', { name: 'Requests, newest first' });

  await page.keyboard.press('ArrowRight');
  await expect(step(page, 2, 3)).toBeVisible();
  await expect(history.getByRole('button').first()).toContainText('ec2:DescribeInstances');
  await page.keyboard.press('ArrowRight');
  await expect(step(page, 3, 3)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('scenario-complete')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Presenter mode' })).toHaveAttribute('aria-pressed', 'false');
});

test('show me plays the whole solution through the pipeline', async ({ app }) => {
  const page = await app.open('#/scenario/default-deny');
  await expect(step(page, 1, 3)).toBeVisible();
  await page.getByRole('button', { name: 'Show me' }).click();
  await expect(page.getByTestId('scenario-complete')).toBeVisible();
  const history = page.getByRole('list', { name: 'Requests, newest first' });
  await expect(history.getByRole('button').first()).toHaveAccessibleName(/s3:ListBuckets Allowed, by dave/);
  await expect(history.getByRole('button').filter({ hasText: 's3:ListBuckets' }).last()).toHaveAccessibleName(/Implicitly denied/);
});
