// Keyboard alone (Tab, Shift+Tab, arrows, Enter, Space, typing): sign in as bob from the who-am-I panel,
// send a request from the request builder, and step it on the stage. The mouse is never used; elements
// are found by accessible name and reached by tabbing; each step checks where the focus landed and that it shows.
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures';

/** Presses Tab until `target` has the focus; fails if it is not reached within `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target, `not reachable with Tab within ${max} presses`).toBeFocused();
}

/** The focused element shows the focus ring of tokens.css (:focus-visible, a 3px outline). */
async function expectVisibleFocus(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement ?? document.body);
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  });
  expect(ring.style, 'the focused control has no visible outline').not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
}

test('sign in, send a request and step it on the stage with the keyboard alone', async ({ app }) => {
  const page = await app.open('#/lab');
  const header = page.getByRole('banner');
  const whoAmI = header.getByRole('button', { name: /^Signed in as alice/ });
  await expect(whoAmI).toBeVisible();

  // Who am I → the IAM user tab → name and password → Enter.
  await tabTo(page, whoAmI);
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Change who you are' });
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('tab', { selected: true }));
  await page.keyboard.press('ArrowRight');
  await expect(dialog.getByRole('tab', { selected: true })).not.toHaveAccessibleName(/IAM user/);
  await page.keyboard.press('ArrowLeft');
  await expect(dialog.getByRole('tab', { selected: true })).toBeFocused();
  const signIn = page.getByRole('form', { name: 'Sign in as an IAM user' });
  await tabTo(page, signIn.getByLabel('IAM user name'));
  await page.keyboard.type('bob');
  await tabTo(page, signIn.getByLabel('Password'));
  await page.keyboard.type('Bob-Developer-2026!');
  await page.keyboard.press('Enter');
  const asBob = header.getByRole('button', { name: /^Signed in as bob, IAM user, console/ });
  await expect(asBob).toBeVisible();
  await expect(dialog).toHaveCount(0);

  // The request builder: open it, search an action, pick it with the arrows, send with Enter on Send.
  const summary = page.locator('summary', { hasText: 'Send a request' });
  await tabTo(page, summary);
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  const builder = page.getByRole('form', { name: 'Send a request' });
  await expect(builder).toBeVisible();
  await tabTo(page, builder.getByLabel('Search actions'));
  await page.keyboard.type('iam:ListUsers');
  const actions = builder.getByRole('listbox');
  await tabTo(page, actions);
  await page.keyboard.press('ArrowDown');
  await expect(actions).toHaveValue('iam:ListUsers');
  await tabTo(page, builder.getByRole('button', { name: 'Send', exact: true }));
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');

  // The stage: its controls and shortcuts, reached by tabbing.
  const stage = page.locator('#stage-region');
  await expect(stage.getByRole('heading', { name: 'iam:ListUsers · bob' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Requests, newest first' }).getByRole('button').first()).toHaveAccessibleName(/iam:ListUsers.*bob/);
  // A new request starts playing by itself; the toggle is Pause until Home rewinds it.
  const toggle = stage.getByRole('button', { name: /^(Play|Pause)$/ });
  await tabTo(page, toggle);
  await expectVisibleFocus(page);
  await page.keyboard.press('Home');
  await expect(stage.getByText('Ready. Press Play')).toBeVisible();
  await expect(toggle).toHaveAccessibleName('Play');
  await page.keyboard.press('ArrowRight');
  await expect(stage.getByText(/^Step 1 of \d+$/)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(stage.getByText(/^Step 2 of \d+$/)).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(stage.getByText(/^Step 1 of \d+$/)).toBeVisible();
  await page.keyboard.press('End');
  const outcome = stage.getByRole('region', { name: 'Outcome' });
  await expect(outcome).toContainText('iam:ListUsers');
  await expect(outcome.locator('[data-outcome]')).toHaveCount(1);
  // Space on the focused Play button plays from the start.
  await page.keyboard.press('Home');
  await tabTo(page, toggle);
  await page.keyboard.press('Space');
  await expect(stage.getByRole('button', { name: 'Pause' })).toBeVisible();
});
