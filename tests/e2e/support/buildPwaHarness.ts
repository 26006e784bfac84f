// Builds the update-prompt harness with the app's own PWA options, one folder per version, so a
// test can serve version 1 and then swap in version 2 like a new GitHub Pages deploy would.
import { build } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { pwaOptions } from '../../../vite.config';

const harnessRoot = fileURLToPath(new URL('./pwaHarness/', import.meta.url));

export async function buildPwaHarness(outDir: string, version: string, base: string): Promise<void> {
  await build({
    configFile: false,
    root: harnessRoot,
    base,
    publicDir: false,
    logLevel: 'silent',
    define: { __HARNESS_VERSION__: JSON.stringify(version) },
    plugins: [VitePWA(pwaOptions)],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
}
