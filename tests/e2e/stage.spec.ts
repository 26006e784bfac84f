// The stage in the built app: send a request in the default lab, then follow it with the keyboard —
// restart, step forward and back, jump to the outcome, play and pause — and check what the stage says.
import { test, expect } from './support/fixtures';
import { expectNoSeriousViolations } from './support/axe';

test('a request sent in the default lab can be stepped through with the keyboard', async ({ app }) => {
  const page = await app.open();
  const stage = page.locator('#stage-region');
  await expect(stage.getByRole('button', { name: 'Play' })).toBeVisible();

  await page.locator('summary', { hasText: 'Send a request' }).click();
  await page.getByLabel('Action', { exact: false }).last().selectOption('iam:ListUsers');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(stage.getByRole('heading', { name: 'iam:ListUsers · alice' })).toBeVisible();

  // Focus the stage itself (the region is focusable) so the shortcuts apply.
  await stage.getByRole('heading', { name: 'iam:ListUsers · alice' }).click();
  await page.keyboard.press('Home');
  await expect(stage.getByText('Ready. Press Play')).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await expect(stage.getByText(/^Step 1 of \d+$/)).toBeVisible();
  await expect(stage.getByRole('article')).toContainText('The request carries console session credentials.');

  const total = Number((await stage.getByText(/^Step 1 of \d+$/).textContent())!.match(/of (\d+)/)![1]);
  // Step until an identity-based statement matches: alice's admin policy allows iam:ListUsers.
  for (let i = 1; i < total - 1; i++) await page.keyboard.press('ArrowRight');
  await expect(stage.getByText(`Step ${total - 1} of ${total}`)).toBeVisible();

  await page.keyboard.press('End');
  const outcome = stage.getByRole('region', { name: 'Outcome' });
  await expect(outcome.getByText('Allowed', { exact: true })).toBeVisible();
  await expect(outcome).toContainText('alice may call iam:ListUsers');
  await expect(outcome).toContainText('AdministratorAccess');
  await expect(stage.getByRole('group', { name: 'Where the request is' })).toContainText('Process');

  await page.keyboard.press('ArrowLeft');
  await expect(stage.getByText(`Step ${total - 1} of ${total}`)).toBeVisible();
  await expect(outcome).toHaveCount(0);

  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  await expect(stage.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(stage.getByText(/^Step 2 of \d+$/)).toBeVisible();
  await page.keyboard.press(' ');
  await expect(stage.getByRole('button', { name: 'Play' })).toBeVisible();

  await expectNoSeriousViolations(page, { include: ['#stage-region'] });
});

test('a root-only task is refused even to an administrator, and the outcome card says why', async ({ app }) => {
  const page = await app.open();
  const stage = page.locator('#stage-region');
  await page.locator('summary', { hasText: 'Send a request' }).click();
  await page.getByLabel('Action', { exact: false }).last().selectOption('account:CloseAccount');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const heading = stage.getByRole('heading', { name: 'account:CloseAccount · alice' });
  await expect(heading).toBeVisible();
  await heading.click();
  await page.keyboard.press('End');
  const outcome = stage.getByRole('region', { name: 'Outcome' });
  await expect(outcome.locator('[data-outcome]')).not.toHaveAttribute('data-outcome', 'allowed');
  await expect(outcome).toContainText('Only the root user can do this');
  await expect(outcome).toContainText('AccessDenied');
});

test('What if: switching the admin policy off shows the request denied, and the lab is unchanged', async ({ app }) => {
  const page = await app.open();
  const stage = page.locator('#stage-region');
  await page.locator('summary', { hasText: 'Send a request' }).click();
  await page.getByLabel('Action', { exact: false }).last().selectOption('iam:ListUsers');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(stage.getByRole('heading', { name: 'iam:ListUsers · alice' })).toBeVisible();

  await stage.getByRole('button', { name: 'What if…?' }).click();
  const panel = stage.getByRole('region', { name: 'What if…?' });
  await panel.getByRole('switch', { name: /AdministratorAccess/ }).click();
  await expect(panel.getByText('The decision changes.')).toBeVisible();
  await expect(panel.getByText('Implicitly denied (nothing allowed it)')).toBeVisible();
  await expectNoSeriousViolations(page, { include: ['#stage-region'] });

  // Nothing was sent: the history still has the sign-in and this request only.
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem')).toHaveCount(2);
});
