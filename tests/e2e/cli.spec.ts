// The CLI journey of issue 10: in the terminal, create a user with an access key, configure a profile
// with it, get denied, attach a policy, get allowed; every command is a request in the history.
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { test, expect } from './support/fixtures';

async function run(page: Page, command: string) {
  const input = page.getByRole('textbox', { name: /^Command|^Answer for aws configure/ });
  await input.fill(command);
  await input.press('Enter');
  await expect(input).toHaveAttribute('aria-busy', 'false');
}

test('create a user with a key, configure a profile, be denied and then allowed', async ({ app }) => {
  const page = await app.open('#/cli');
  await expect(page.getByRole('heading', { level: 1, name: 'AWS CLI' })).toBeVisible();
  const log = page.getByRole('log', { name: 'Terminal output' });
  const history = page.getByRole('list', { name: 'Requests, newest first' });

  // Until a key is configured the terminal acts as the signed-in console user (alice, an admin).
  await run(page, 'aws sts get-caller-identity --query Arn --output text');
  await expect(log).toContainText('arn:aws:iam::111122223333:user/alice');

  await run(page, 'aws iam create-user --user-name dave');
  await expect(log).toContainText('"Arn": "arn:aws:iam::111122223333:user/dave"');
  await run(page, 'aws iam create-access-key --user-name dave');
  await expect(log).toContainText('"SecretAccessKey"');
  const text = (await log.textContent()) ?? '';
  const keyId = /"AccessKeyId": "(AKIA[A-Z0-9]{16})"/.exec(text)?.[1];
  const secret = /"SecretAccessKey": "([^"]+)"/.exec(text)?.[1];
  expect(keyId).toBeTruthy();
  expect(secret).toBeTruthy();

  // aws configure asks its four questions.
  await run(page, 'aws configure --profile dave');
  await expect(page.getByRole('textbox', { name: /AWS Access Key ID \[None\]/ })).toBeFocused();
  await run(page, keyId ?? '');
  await run(page, secret ?? '');
  await run(page, 'us-east-1');
  await run(page, '');

  await run(page, 'aws sts get-caller-identity --profile dave --query Arn --output text');
  await expect(log).toContainText('arn:aws:iam::111122223333:user/dave');

  // dave has no permissions: denied, with the AWS CLI's message.
  await run(page, 'aws s3 ls --profile dave');
  await expect(log).toContainText('An error occurred (AccessDenied) when calling the ListBuckets operation: User: arn:aws:iam::111122223333:user/dave is not authorized to perform: s3:ListAllMyBuckets');
  await expect(log.getByRole('button', { name: /^Implicitly denied \(nothing allowed it\) · Show s3:ListBuckets on the stage$/ })).toBeVisible();

  // alice attaches a policy; the same command is now allowed.
  await run(page, 'aws iam attach-user-policy --user-name dave --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
  await run(page, 'aws s3 ls --profile dave');
  await expect(log).toContainText('2026-01-15 09:00:00 example-corp-app-data');
  await expect(log.getByRole('button', { name: /^Allowed · Show s3:ListBuckets on the stage$/ })).toBeVisible();

  // Every command was a request into the lab, newest first in the history.
  const newest = history.getByRole('button').first();
  for (const part of [/s3:ListBuckets/, /Allowed/, /dave/]) await expect(newest).toHaveAccessibleName(part);

  // Up arrow brings back the last command; Tab completes lab names.
  const input = page.getByRole('textbox', { name: /^Command/ });
  await input.press('ArrowUp');
  await expect(input).toHaveValue('aws s3 ls --profile dave');
  await input.fill('aws iam get-user --user-name da');
  await input.press('Tab');
  await expect(input).toHaveValue('aws iam get-user --user-name dave ');

  // "Show on the stage" opens the request.
  await page.getByRole('button', { name: 'Show s3:ListBuckets on the stage' }).last().click();
  await expect(page).toHaveURL(/#\/request\/req-/);

  await page.goto(`${app.url}#/cli`);
  await expectNoSeriousViolations(page, { include: ['.terminal-view'] });
});
