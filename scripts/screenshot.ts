// npx tsx scripts/screenshot.ts [--dark]: builds the production app under /iam-lab/ (as on GitHub Pages), serves it locally,
// sends one request in the default lab with Debian's Chromium and saves docs/screenshot.png for the README.
// Invariant: the picture is of the real build, never the dev server; nothing is downloaded.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, requireChromium } from '../tests/e2e/support/chromium';
import { startServer } from './serve';

const base = '/iam-lab/';
const root = fileURLToPath(new URL('..', import.meta.url));
const target = join(root, 'docs', 'screenshot.png');
const theme = process.argv.includes('--dark') ? 'dark' : 'light';

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'iam-lab-shot-'));
  try {
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
      cwd: root,
      env: { ...process.env, BASE_PATH: base },
      stdio: 'inherit',
    });
    const server = await startServer({ root: outDir, base, port: 0 });
    const browser = await chromium.launch({ executablePath: requireChromium(), args: [...chromiumArgs] });
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: theme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.goto(`${server.url}#/lab`);
      await page.getByRole('button', { name: /^Signed in as alice/ }).waitFor();
      // One request, stepped to the identity-policy check: the stage, the history and the explorer all show it.
      await page.locator('summary', { hasText: 'Send a request' }).click();
      await page.getByLabel('Action', { exact: false }).last().selectOption('s3:DeleteObject');
      await page.getByLabel(/^Parameters/).fill(JSON.stringify({ Bucket: 'example-corp-app-data', Key: 'reports/2025-q4.csv' }));
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      const stage = page.locator('#stage-region');
      const heading = stage.getByRole('heading', { name: /s3:DeleteObject/ });
      await heading.waitFor();
      await heading.click();
      await page.keyboard.press('End');
      await stage.getByRole('region', { name: 'Outcome' }).waitFor();
      await page.locator('summary', { hasText: 'Send a request' }).click();
      await heading.scrollIntoViewIfNeeded();
      await page.screenshot({ path: target });
      console.log(`Saved ${target} (${theme} theme, 1440×900)`);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
