// Vite builds the static SPA; Vitest runs every unit, component and case test.
// BASE_PATH sets the sub-path for GitHub Pages (e.g. /iam-lab/); relative './' works anywhere.
// The PWA plugin precaches every emitted file (lazy chunks too) so one visit makes the app work offline.
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import type { VitePWAOptions } from 'vite-plugin-pwa';

// The manifest is a hand-written file in static/ (see static/manifest.webmanifest), so the plugin must
// not generate its own; this tiny plugin links it (and the icons) from index.html with the right base.
function linkStaticManifest(): Plugin {
  return {
    name: 'iam-lab:link-static-manifest',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const base = ctx.server ? ctx.server.config.base : (process.env.BASE_PATH ?? './');
        return [
          { tag: 'link', attrs: { rel: 'manifest', href: `${base}manifest.webmanifest` }, injectTo: 'head' },
          { tag: 'link', attrs: { rel: 'icon', type: 'image/svg+xml', href: `${base}favicon.svg` }, injectTo: 'head' },
          { tag: 'link', attrs: { rel: 'apple-touch-icon', href: `${base}icons/icon-192.png` }, injectTo: 'head' },
          { tag: 'meta', attrs: { name: 'theme-color', content: '#1d5c63' }, injectTo: 'head' },
        ];
      },
    },
  };
}

// Exported so the update-prompt browser test builds its harness with exactly these options.
export const pwaOptions: Partial<VitePWAOptions> = {
  // 'prompt': a new version waits until the user accepts it (src/app/pwa.ts); it never swaps code under a lesson.
  registerType: 'prompt',
  // 'auto' registers from a generated file (registerSW.js, allowed by the CSP) until the app imports
  // virtual:pwa-register through src/app/pwa.ts, which then takes over registration. Never 'inline'.
  injectRegister: 'auto',
  manifest: false,
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest,txt}'],
    globIgnores: ['.vite/**'],
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    // The action catalog chunk is large; it must still be precached for offline use.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  },
};

export default defineConfig({
  base: process.env.BASE_PATH ?? './',
  publicDir: 'static',
  plugins: [svelte(), linkStaticManifest(), VitePWA(pwaOptions)],
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  // manifest: scripts/sizeBudget.ts reads .vite/manifest.json to tell initial JS from lazy chunks.
  build: { target: 'es2022', sourcemap: false, manifest: true },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    reporters: ['default'],
    // Component and property tests share two cores in CI: a generous per-test limit, never a retry.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
