// Browser tests: build the production app under /iam-lab/ (as on GitHub Pages), serve dist/ with
// scripts/serve.ts on 127.0.0.1, and drive Debian's Chromium. Never the dev server, never a downloaded browser.
// E2E_PORT and E2E_OUT_DIR (default dist) let two runs share the machine without clobbering each other.
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './tests/e2e/support/chromium';

const port = Number(process.env.E2E_PORT ?? 4319);
const outDir = process.env.E2E_OUT_DIR ?? 'dist';
const basePath = '/iam-lab/';
const baseURL = `http://127.0.0.1:${port}${basePath}`;

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: process.env.CI ? 2 : '50%',
  // Generous ceilings for a loaded CI box; every wait is on a condition, so fast runs stay fast.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL,
    browserName: 'chromium',
    // tests/e2e/support/fixtures.ts launches this browser itself and fails loudly when it is missing;
    // the same options here keep a plain '@playwright/test' import from reaching for a downloaded build.
    launchOptions: { executablePath: chromiumPath(), args: [...chromiumArgs] },
    serviceWorkers: 'allow',
    trace: 'off',
  },
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${outDir} --emptyOutDir && npx tsx scripts/serve.ts --root ${outDir} --base ${basePath} --port ${port}`,
    env: { BASE_PATH: basePath },
    url: baseURL,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
