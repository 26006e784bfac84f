// The size budget's accounting against a fixture Vite manifest: static imports are initial,
// dynamic imports are lazy, the service worker is neither, and the 200 kB gzip line is enforced.
import { describe, expect, it } from 'vitest';
import { formatReport, initialFiles, initialJsGzipBudget, measureBuild, scriptsInHtml } from '../../scripts/sizeBudget';
import type { ViteManifest } from '../../scripts/sizeBudget';

const manifest: ViteManifest = {
  'index.html': {
    file: 'assets/index-a1.js',
    isEntry: true,
    imports: ['_shared-b2.js'],
    dynamicImports: ['src/lib/ui/graph/GraphView.svelte', 'src/lib/ui/editor/PolicyEditor.svelte'],
    css: ['assets/index-a1.css'],
  },
  '_shared-b2.js': { file: 'assets/shared-b2.js', imports: ['_runtime-c3.js'] },
  '_runtime-c3.js': { file: 'assets/runtime-c3.js', css: ['assets/runtime-c3.css'] },
  'src/lib/ui/graph/GraphView.svelte': {
    file: 'assets/GraphView-d4.js',
    isDynamicEntry: true,
    imports: ['_shared-b2.js', '_d3-e5.js'],
  },
  '_d3-e5.js': { file: 'assets/d3-e5.js' },
  'src/lib/ui/editor/PolicyEditor.svelte': { file: 'assets/PolicyEditor-f6.js', isDynamicEntry: true },
};

const html = `<!doctype html><head>
<script type="module" crossorigin src="/iam-lab/assets/index-a1.js"></script>
<link rel="modulepreload" crossorigin href="/iam-lab/assets/shared-b2.js">
<script id="vite-plugin-pwa:register-sw" src="/iam-lab/registerSW.js"></script></head>`;

const allFiles = [
  'assets/index-a1.js',
  'assets/shared-b2.js',
  'assets/runtime-c3.js',
  'assets/GraphView-d4.js',
  'assets/d3-e5.js',
  'assets/PolicyEditor-f6.js',
  'assets/index-a1.css',
  'assets/runtime-c3.css',
  'registerSW.js',
  'sw.js',
  'workbox-2fbc6a65.js',
  'index.html',
];

// Deterministic bytes that gzip barely compresses, so sizes over the budget are really over it.
function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 0xff;
  }
  return bytes;
}

function reader(sizes: Readonly<Record<string, number>>) {
  return (file: string): Uint8Array => {
    const size = sizes[file];
    if (size === undefined) throw new Error(`unexpected read of ${file}`);
    return noise(size, file.length * 7919);
  };
}

const smallSizes = Object.fromEntries(allFiles.map((f) => [f, 1000]));

describe('initialFiles', () => {
  it('follows static imports from the entry and skips dynamic ones', () => {
    expect(initialFiles(manifest)).toEqual({
      js: ['assets/index-a1.js', 'assets/shared-b2.js', 'assets/runtime-c3.js'],
      css: ['assets/index-a1.css', 'assets/runtime-c3.css'],
    });
  });

  it('rejects a manifest without an entry and one with a dangling import', () => {
    expect(() => initialFiles({ a: { file: 'a.js' } })).toThrow(/no entry/);
    expect(() => initialFiles({ 'index.html': { file: 'a.js', isEntry: true, imports: ['_gone.js'] } })).toThrow(/_gone\.js/);
  });
});

describe('scriptsInHtml', () => {
  it.each([
    ['/iam-lab/', html, ['assets/index-a1.js', 'registerSW.js']],
    ['./', '<script type="module" src="./assets/index-a1.js"></script><script src="./registerSW.js"></script>', ['assets/index-a1.js', 'registerSW.js']],
  ])('strips the base %s from script sources', (base, page, expected) => {
    expect(scriptsInHtml(page, base)).toEqual(expected);
  });
});

describe('measureBuild', () => {
  it('splits initial, lazy and service-worker JavaScript', () => {
    const report = measureBuild(manifest, { read: reader(smallSizes), html, base: '/iam-lab/', allFiles });
    expect(report.initialJs.map((f) => f.file)).toEqual([
      'assets/index-a1.js',
      'assets/shared-b2.js',
      'assets/runtime-c3.js',
      'registerSW.js',
    ]);
    expect(report.lazyJs.map((f) => f.file).sort()).toEqual(['assets/GraphView-d4.js', 'assets/PolicyEditor-f6.js', 'assets/d3-e5.js']);
    expect(report.serviceWorker.map((f) => f.file)).toEqual(['sw.js', 'workbox-2fbc6a65.js']);
    expect(report.initialJsTotal.raw).toBe(4000);
    expect(report.initialJsTotal.gzip).toBe(report.initialJs.reduce((sum, f) => sum + f.gzip, 0));
    expect(report.withinBudget).toBe(true);
  });

  it.each([
    ['just under', initialJsGzipBudget - 2000, true],
    ['well over', initialJsGzipBudget + 20_000, false],
  ])('an entry chunk %s the budget is judged by its gzip size', (_label, entryBytes, within) => {
    const sizes = { ...smallSizes, 'assets/index-a1.js': entryBytes - 3200 };
    const report = measureBuild(manifest, { read: reader(sizes), html, base: '/iam-lab/', allFiles });
    expect(report.withinBudget).toBe(within);
    expect(report.initialJsTotal.gzip > initialJsGzipBudget).toBe(!within);
  });

  it('lazy chunks never count against the budget however large they are', () => {
    const sizes = { ...smallSizes, 'assets/d3-e5.js': 3 * initialJsGzipBudget };
    const report = measureBuild(manifest, { read: reader(sizes), html, base: '/iam-lab/', allFiles });
    expect(report.withinBudget).toBe(true);
    expect(report.lazyJs[0]?.file).toBe('assets/d3-e5.js');
  });

  it('prints the figures and the verdict', () => {
    const text = formatReport(measureBuild(manifest, { read: reader(smallSizes), html, base: '/iam-lab/', allFiles }));
    expect(text).toMatch(/^Initial JS \(first screen\): raw 4\.00 kB, gzip [\d.]+ kB \/ budget 200\.00 kB gzip: within budget/);
    expect(text).toContain('Lazy JS chunks:');
    expect(text).toContain('assets/GraphView-d4.js');
  });
});
