// The static server behind the browser tests: sub-path mapping, path-traversal refusal, MIME types,
// and headers that let a rebuilt service worker be noticed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentTypeOf, resolveRequestPath, startServer } from '../../scripts/serve';
import type { RunningServer } from '../../scripts/serve';

describe('resolveRequestPath', () => {
  const root = '/srv/dist';
  it.each([
    ['/iam-lab/', '/srv/dist/index.html'],
    ['/iam-lab/assets/index-a1.js', '/srv/dist/assets/index-a1.js'],
    ['/iam-lab/icons/', '/srv/dist/icons/index.html'],
    ['/iam-lab/sw.js?v=2', '/srv/dist/sw.js'],
    ['/iam-lab/a%20b.txt', '/srv/dist/a b.txt'],
  ])('%s → %s', (url, file) => {
    expect(resolveRequestPath(root, '/iam-lab/', url)).toBe(file);
  });

  it.each([['/other/index.html'], ['/iam-lab/../package.json'], ['/iam-lab/%2e%2e/package.json'], ['/iam-lab/%E0%A4%A']])(
    'refuses %s',
    (url) => {
      expect(resolveRequestPath(root, '/iam-lab/', url)).toBeUndefined();
    },
  );
});

describe('contentTypeOf', () => {
  it.each([
    ['index.html', 'text/html'],
    ['assets/a.js', 'text/javascript'],
    ['manifest.webmanifest', 'application/manifest+json'],
    ['icons/icon-192.png', 'image/png'],
    ['favicon.svg', 'image/svg+xml'],
    ['blob.bin', 'application/octet-stream'],
  ])('%s is served as %s', (file, type) => {
    expect(contentTypeOf(file)).toContain(type);
  });
});

describe('startServer', () => {
  let dir: string;
  let server: RunningServer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'iam-lab-serve-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<title>IAM Lab</title>');
    await writeFile(join(dir, 'sw.js'), 'self.x = 1;');
    server = await startServer({ root: dir, base: '/iam-lab/', port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves files under the base with no-cache, redirects the bare origin, 404s the rest', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<title>IAM Lab</title>');
    const sw = await fetch(`${server.url}sw.js`);
    expect(sw.headers.get('content-type')).toContain('text/javascript');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const origin = new URL(server.url).origin;
    const bare = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/iam-lab/');
    expect((await fetch(`${server.url}assets`)).status).toBe(404);
    expect((await fetch(`${server.url}missing.js`)).status).toBe(404);
    expect((await fetch(`${server.url}sw.js`, { method: 'POST' })).status).toBe(405);
  });

  it('rejects a base without slashes on both ends', () => {
    expect(() => startServer({ root: dir, base: 'iam-lab', port: 0 })).toThrow(/base must start and end/);
  });
});
