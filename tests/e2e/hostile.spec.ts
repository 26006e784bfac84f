// Hostile input is inert (issue 8): markup typed into every free-text field the lab keeps (tags,
// descriptions, object keys and bodies, bucket-policy Sids, the lab's name, the policy editor) shows as
// literal text on every view, and nothing in it runs. Three tripwires: an alert() would open a dialog,
// a handler calling __pwned() would reach the test, and an injected element would be counted in the DOM.
// The fixture adds a fourth: the CSP would report a blocked inline script or handler.
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';

const account = '111122223333';
const bucket = 'example-corp-app-data';

// AWS refuses '<' in user, group, role and policy names, so the payloads go where AWS allows any text
// (descriptions, object keys and bodies, resource-policy Sids) or where the lab is more lenient (tags).
const userTag = '<img src=x onerror=alert(1)>';
const userTag2 = '"><script>__pwned(2)</script>';
const policyDescription = '<img src=x onerror=__pwned(3)>';
const roleDescription = '"><script>alert(4)</script>';
const roleTag = '<svg onload=__pwned(5)>';
const objectKey = '<img src=x onerror=__pwned(6)>.txt';
const objectBody = '"><script>alert(7)</script>';
const bucketSid = '<img src=x onerror=__pwned(8)>';
const labName = '<img src=x onerror=__pwned(9)>';
const editorSid = '"><img src=x onerror=__pwned(10)>';

/** JSON inside a single-quoted shell word: only the double quotes of the payload need escaping. */
const json = (value: unknown) => JSON.stringify(value);

function entity(kind: string, id: string): string {
  return `#/lab/${encodeURIComponent(`${kind}/${account}/${id}`)}`;
}

async function run(page: Page, command: string) {
  const input = page.getByRole('textbox', { name: /^Command|^Answer for aws configure/ });
  await input.fill(command);
  await input.press('Enter');
  await expect(input).toHaveAttribute('aria-busy', 'false');
}

/** No element the payloads would create exists anywhere in the document. */
async function expectNoInjectedMarkup(page: Page) {
  await expect(page.locator('img[src="x"], svg[onload], script:not([src]), [onerror], [onload]')).toHaveCount(0);
}

test('markup in tags, descriptions, keys, Sids and names shows literally on every view and never runs', async ({ app }) => {
  const page = await app.open('#/cli');
  const dialogs: string[] = [];
  const pwned: number[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.exposeFunction('__pwned', (n: number) => pwned.push(n));

  // 1. Build the hostile lab in the terminal, as alice (an administrator).
  const log = page.getByRole('log', { name: 'Terminal output' });
  await run(page, `aws iam create-user --user-name mallory --tags '${json([{ Key: 'note', Value: userTag }, { Key: 'x', Value: userTag2 }])}'`);
  await expect(log).toContainText('"Arn": "arn:aws:iam::111122223333:user/mallory"');
  await expect(log).toContainText(userTag);
  await run(page, 'aws iam create-group --group-name Hostile');
  await run(page, 'aws iam add-user-to-group --user-name mallory --group-name Hostile');
  const readAll = { Version: '2012-10-17', Statement: [{ Sid: 'ReadAll', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
  await run(page, `aws iam create-policy --policy-name HostilePolicy --description '${policyDescription}' --policy-document '${json(readAll)}'`);
  await expect(log).toContainText(`"Description": "${policyDescription}"`);
  await run(page, `aws iam attach-group-policy --group-name Hostile --policy-arn arn:aws:iam::${account}:policy/HostilePolicy`);
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }] };
  await run(page, `aws iam create-role --role-name HostileRole --description '${roleDescription}' --assume-role-policy-document '${json(trust)}'`);
  await expect(log).toContainText('<script>alert(4)</script>');
  await run(page, `aws iam tag-role --role-name HostileRole --tags '${json([{ Key: 'y', Value: roleTag }])}'`);
  await run(page, `aws s3api put-object --bucket ${bucket} --key '${objectKey}' --body '${objectBody}'`);
  await expect(log).toContainText('"ETag"');
  const bucketPolicy = {
    Version: '2012-10-17',
    Statement: [{ Sid: bucketSid, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:user/mallory` }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
  };
  await run(page, `aws s3api put-bucket-policy --bucket ${bucket} --policy '${json(bucketPolicy)}'`);
  await run(page, `aws s3api list-objects-v2 --bucket ${bucket} --query 'Contents[].Key' --output text`);
  await expect(log).toContainText(objectKey);

  // mallory reads the hostile object with her own key: a request that involves every piece above.
  await run(page, 'aws iam create-access-key --user-name mallory');
  const text = (await log.textContent()) ?? '';
  const keyId = /"AccessKeyId": "(AKIA[A-Z0-9]{16})"/.exec(text)?.[1] ?? '';
  const secret = /"SecretAccessKey": "([^"]+)"/.exec(text)?.[1] ?? '';
  expect(keyId).not.toBe('');
  await run(page, 'aws configure --profile mallory');
  for (const answer of [keyId, secret, 'us-east-1', '']) await run(page, answer);
  await run(page, `aws s3 cp 's3://${bucket}/${objectKey}' - --profile mallory`);
  await expect(log).toContainText(objectBody);
  await expectNoInjectedMarkup(page);

  // 2. Every view, each showing its part of the payloads as text.
  const body = page.locator('body');
  const views: readonly (readonly [string, readonly string[]])[] = [
    [entity('user', 'mallory'), [userTag, userTag2]],
    [entity('group', 'Hostile'), ['HostilePolicy']],
    [entity('role', 'HostileRole'), [roleDescription, roleTag]],
    [entity('policy', `arn:aws:iam::${account}:policy/HostilePolicy`), [policyDescription]],
    [entity('bucket', bucket), [objectKey]],
  ];
  for (const [hash, expected] of views) {
    await page.goto(`${app.url}${hash}`);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    for (const literal of expected) await expect(body).toContainText(literal);
    await expectNoInjectedMarkup(page);
  }
  // The bucket policy keeps its Sid verbatim in the editable document.
  await expect(page.getByRole('textbox', { name: 'Bucket policy (JSON)' })).toHaveValue(new RegExp(escapeRegExp(bucketSid)));

  // The stage for mallory's request: the resource ARN carries the object key; step to the outcome.
  const history = page.getByRole('list', { name: 'Requests, newest first' });
  await history.getByRole('button', { name: /s3:GetObject.*mallory/ }).first().click();
  await expect(page).toHaveURL(/#\/request\//);
  const stage = page.locator('#stage-region');
  await stage.getByRole('heading', { name: /s3:GetObject/ }).click();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await expect(stage.getByRole('region', { name: 'Outcome' })).toContainText('Allowed');
  await expect(stage).toContainText(objectKey);
  await expectNoInjectedMarkup(page);

  // Graph and its table view, coloured for the hostile object.
  await page.goto(`${app.url}#/graph`);
  await expect(page.locator(`[data-node-id="user:${account}:mallory"]`)).toBeVisible();
  await page.getByLabel('Overlay').selectOption({ label: 'Effective access' });
  await page.getByLabel('Action', { exact: true }).fill('s3:GetObject');
  await page.getByLabel('Resource ARN').fill(`arn:aws:s3:::${bucket}/${objectKey}`);
  await page.getByRole('button', { name: 'Colour the principals' }).click();
  await expect(page.getByTestId('access-summary')).toContainText(objectKey);
  await expect(page.locator(`[data-node-id="user:${account}:mallory"]`)).toHaveAttribute('data-decision', 'allowed');
  await page.getByRole('radio', { name: 'Table' }).check();
  await expect(page.getByRole('table', { name: 'Principals and their effective access' }).getByRole('row', { name: /IAM user mallory/ })).toContainText('Allowed');
  await expectNoInjectedMarkup(page);

  // Scenarios list and one scenario (their own labs, but the same page must stay clean).
  await page.goto(`${app.url}#/scenarios`);
  await expect(page.getByRole('region', { name: 'Guided scenarios' })).toBeVisible();
  await expectNoInjectedMarkup(page);
  await page.getByRole('link', { name: /^1 / }).click();
  await expect(page).toHaveURL(/#\/scenario\//);
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
  await expectNoInjectedMarkup(page);

  // The CLI view again: describing the entities prints the payloads as JSON text.
  await page.goto(`${app.url}#/cli`);
  await run(page, 'aws iam get-role --role-name HostileRole');
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText('<script>alert(4)</script>');
  await run(page, `aws s3api get-bucket-policy --bucket ${bucket}`);
  await expect(page.getByRole('log', { name: 'Terminal output' })).toContainText('<img src=x onerror=__pwned(8)>');
  await expectNoInjectedMarkup(page);

  // The policy editor and builder: a resource policy whose Sid is markup.
  await page.goto(`${app.url}#/lab`);
  await page.locator('summary', { hasText: 'Write a policy' }).click();
  const authoring = page.getByRole('region', { name: 'Write a policy' });
  const editor = authoring.getByRole('region', { name: 'JSON' }).locator('.cm-content');
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(JSON.stringify({ Version: '2012-10-17', Statement: [{ ...bucketPolicy.Statement[0], Sid: editorSid }] }));
  await expect(editor).toContainText(editorSid);
  await expect(authoring.getByRole('region', { name: 'Check policy' })).toBeVisible();
  await expectNoInjectedMarkup(page);

  // The labs menu: rename the lab to markup, open the share dialog, export the lab.
  await page.getByRole('button', { name: /Open the labs menu/ }).click();
  await page.getByRole('button', { name: 'Rename' }).click();
  await page.getByLabel(/New name for/).fill(labName);
  await page.getByRole('button', { name: 'Save name' }).click();
  await expect(page.getByRole('button', { name: `Lab: ${labName}. Open the labs menu` })).toBeVisible();
  await page.getByRole('button', { name: /Open the labs menu/ }).click();
  await expect(page.locator('#labs-menu')).toContainText(labName);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export this lab/ }).click();
  const exported = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of exported) chunks.push(chunk as Buffer);
  const file = Buffer.concat(chunks).toString('utf8');
  for (const literal of [labName, userTag, roleDescription, objectKey, bucketSid]) expect(file).toContain(JSON.stringify(literal).slice(1, -1));
  await expectNoInjectedMarkup(page);

  // A share link is input from anyone: opening one with this lab inside shows its name as text.
  await page.getByRole('button', { name: /Open the labs menu/ }).click();
  await page.getByRole('button', { name: 'Share link…' }).click();
  const shareField = page.getByLabel('Share link');
  await expect(shareField).toHaveValue(/#\/share\/v1\./);
  const shareUrl = await shareField.inputValue();
  await expectNoInjectedMarkup(page);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await page.goto(shareUrl);
  await expect(page.getByText(`You are looking at a shared lab, "${labName}"`)).toBeVisible();
  await page.goto(`${app.url}${entity('user', 'mallory')}`);
  await expect(body).toContainText(userTag2);
  await expectNoInjectedMarkup(page);

  expect(dialogs, 'alert/confirm/prompt dialogs opened').toEqual([]);
  expect(pwned, 'injected handlers that ran').toEqual([]);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('an imported lab file with markup in entity names shows them as text everywhere', async ({ app }) => {
  const page = await app.open('#/lab');
  const dialogs: string[] = [];
  const pwned: number[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.exposeFunction('__pwned', (n: number) => pwned.push(n));

  // A file is untrusted input that never went through AWS's name rules: rename carol and Developers.
  const menu = page.getByRole('button', { name: /Open the labs menu/ });
  await menu.click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export this lab/ }).click();
  const chunks: Buffer[] = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
  const userName = '<img src=x onerror=__pwned(11)>';
  const groupName = '"><svg onload=__pwned(12)>';
  const file = JSON.parse(
    Buffer.concat(chunks)
      .toString('utf8')
      .replaceAll('carol', JSON.stringify(userName).slice(1, -1))
      .replaceAll('Developers', JSON.stringify(groupName).slice(1, -1)),
  ) as { labs: { name: string }[] };
  file.labs[0]!.name = 'Crafted';
  const crafted = JSON.stringify(file);
  await menu.click();
  await page.getByRole('button', { name: 'Import…' }).click();
  await page.getByLabel('File to import').setInputFiles({ name: 'crafted.json', mimeType: 'application/json', buffer: Buffer.from(crafted) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  // The lab's validation checks shapes, not AWS's name rules, so the file is accepted.
  await expect(page.getByRole('dialog').getByRole('status')).toContainText('Imported 1 lab');
  await expectNoInjectedMarkup(page);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await menu.click();
  await page.getByRole('button', { name: /^Crafted/ }).click();
  await expect(page.getByRole('button', { name: 'Lab: Crafted. Open the labs menu' })).toBeVisible();

  // The names are text in the explorer, on the entity pages, in the graph's SVG and its table.
  const body = page.locator('body');
  await page.getByRole('treeitem', { name: /^Users/ }).first().click();
  await expect(page.getByRole('treeitem', { name: userName })).toBeVisible();
  await page.goto(`${app.url}${entity('user', userName)}`);
  await expect(body).toContainText(userName);
  await page.goto(`${app.url}${entity('group', groupName)}`);
  await expect(body).toContainText(groupName);
  await expectNoInjectedMarkup(page);
  await page.goto(`${app.url}#/graph`);
  const node = page.locator(`[data-node-id="user:${account}:${userName}"]`);
  await expect(node).toBeVisible();
  await expect(node).toHaveAccessibleName(new RegExp(escapeRegExp(userName)));
  await page.getByRole('radio', { name: 'Table' }).check();
  await expect(page.getByRole('table', { name: 'Relations in the lab' })).toContainText(userName);
  await expectNoInjectedMarkup(page);
  expect(dialogs, 'alert/confirm/prompt dialogs opened').toEqual([]);
  expect(pwned, 'injected handlers that ran').toEqual([]);
});

const hostileLinks: readonly (readonly [string, string])[] = [
  ['an entity', `#/lab/${encodeURIComponent('user/111122223333/<img src=x onerror=alert(21)>')}`],
  ['a request', `#/request/${encodeURIComponent('"><script>alert(22)</script>')}`],
  ['a scenario', `#/scenario/${encodeURIComponent('<svg onload=alert(23)>')}`],
  ['a share link', `#/share/${encodeURIComponent('<img src=x onerror=alert(24)>')}`],
];
for (const [what, hash] of hostileLinks) {
  test(`a link to ${what} with markup in the hash renders no markup and runs nothing`, async ({ app }) => {
    const dialogs: string[] = [];
    const page = await app.open('#/lab');
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${app.url}${hash}`);
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.locator('#app')).not.toBeEmpty();
    await expectNoInjectedMarkup(page);
    expect(dialogs).toEqual([]);
  });
}
