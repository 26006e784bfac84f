// axe on every main view, in the light and the dark theme: the lab (explorer + a user's detail), the stage
// after sending and stepping a request, the graph's table view, the scenarios list and one scenario, the
// CLI view with output, and the policy editor with the builder. Invariant: zero serious or critical
// violations (colour contrast included) on the whole page, not just the view's own region.
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { expectNoSeriousViolations } from './support/axe';

const carol = `#/lab/${encodeURIComponent('user/111122223333/carol')}`;

async function sendListUsers(page: Page) {
  await page.locator('summary', { hasText: 'Send a request' }).click();
  await page.getByLabel('Action', { exact: false }).last().selectOption('iam:ListUsers');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.use({ colorScheme: theme });

    async function open(app: { open(hash?: string): Promise<Page> }, hash: string): Promise<Page> {
      const page = await app.open(hash);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      return page;
    }

    test('the first screen', async ({ app }) => {
      const page = await open(app, '');
      await expect(page.getByRole('button', { name: /^Signed in as alice/ })).toBeVisible();
      await expectNoSeriousViolations(page);
    });

    test('the lab: explorer and a user’s detail', async ({ app }) => {
      const page = await open(app, carol);
      await expect(page.getByRole('heading', { level: 2, name: /carol/ })).toBeVisible();
      await page.getByRole('treeitem', { name: /^Roles/ }).first().click();
      await expectNoSeriousViolations(page);
    });

    test('the stage after sending a request and stepping it', async ({ app }) => {
      const page = await open(app, '#/lab');
      await sendListUsers(page);
      const stage = page.locator('#stage-region');
      const heading = stage.getByRole('heading', { name: 'iam:ListUsers · alice' });
      await expect(heading).toBeVisible();
      await heading.click();
      await page.keyboard.press('Home');
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await expect(stage.getByText(/^Step 3 of \d+$/)).toBeVisible();
      await expectNoSeriousViolations(page);
      await page.keyboard.press('End');
      await expect(stage.getByRole('region', { name: 'Outcome' })).toBeVisible();
      await expectNoSeriousViolations(page);
      await stage.getByRole('button', { name: 'What if…?' }).click();
      await stage.getByRole('region', { name: 'What if…?' }).getByRole('switch', { name: /AdministratorAccess/ }).click();
      await expect(stage.getByText('The decision changes.')).toBeVisible();
      await expectNoSeriousViolations(page);
    });

    test('the graph’s table view', async ({ app }) => {
      const page = await open(app, '#/graph');
      await expect(page.locator('[data-node-id="user:111122223333:alice"]')).toBeVisible();
      await page.getByRole('radio', { name: 'Table' }).check();
      await expect(page.getByRole('table', { name: 'Relations in the lab' })).toBeVisible();
      await expectNoSeriousViolations(page);
    });

    test('the scenarios list and a scenario', async ({ app }) => {
      const page = await open(app, '#/scenarios');
      await expect(page.getByRole('region', { name: 'Guided scenarios' })).toBeVisible();
      await expectNoSeriousViolations(page);
      await page.getByRole('link', { name: /^10 Default deny/ }).click();
      await expect(page).toHaveURL(/#\/scenario\/default-deny/);
      await expect(page.getByRole('heading', { name: /Default deny, explicit allow/ }).first()).toBeVisible();
      await expectNoSeriousViolations(page);
    });

    test('the CLI view with output', async ({ app }) => {
      const page = await open(app, '#/cli');
      const input = page.getByRole('textbox', { name: /^Command/ });
      await input.fill('aws iam list-groups --query "Groups[].GroupName" --output table');
      await input.press('Enter');
      await expect(input).toHaveAttribute('aria-busy', 'false');
      await input.fill('aws s3 ls --profile nobody');
      await input.press('Enter');
      await expect(input).toHaveAttribute('aria-busy', 'false');
      await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText('Developers');
      await expectNoSeriousViolations(page);
    });

    test('the labs menu, the share and import dialogs and the About box', async ({ app }) => {
      const page = await open(app, '#/lab');
      const menu = page.getByRole('button', { name: /Open the labs menu/ });
      await menu.click();
      await expect(page.getByRole('button', { name: 'Share link…' })).toBeVisible();
      await expectNoSeriousViolations(page);
      await page.getByRole('button', { name: 'Share link…' }).click();
      await expect(page.getByLabel('Share link')).toHaveValue(/#\/share\//);
      await expectNoSeriousViolations(page);
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
      await menu.click();
      await page.getByRole('button', { name: 'Import…' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await expectNoSeriousViolations(page);
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
      await page.getByRole('button', { name: 'About IAM Lab' }).click();
      await expect(page.getByRole('dialog', { name: 'About IAM Lab' })).toBeVisible();
      await expectNoSeriousViolations(page);
    });

    test('the policy editor and builder', async ({ app }) => {
      const page = await open(app, '#/lab');
      await page.locator('summary', { hasText: 'Write a policy' }).click();
      const authoring = page.getByRole('region', { name: 'Write a policy' });
      const builder = authoring.getByRole('region', { name: 'Visual builder' });
      await builder.getByTestId('builder-service').selectOption('s3');
      await builder.getByLabel('Filter actions').fill('Object');
      await builder.getByRole('checkbox', { name: 'GetObject', exact: true }).check();
      await expect(authoring.getByRole('region', { name: 'JSON' }).locator('.cm-content')).toContainText('s3:GetObject');
      await expect(authoring.getByRole('region', { name: 'Check policy' })).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  });
}
