// Vite builds the static SPA; Vitest runs every unit, component and case test.
// BASE_PATH sets the sub-path for GitHub Pages (e.g. /iam-lab/); relative './' works anywhere.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  base: process.env.BASE_PATH ?? './',
  publicDir: 'static',
  plugins: [svelte()],
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    reporters: ['default'],
  },
});
