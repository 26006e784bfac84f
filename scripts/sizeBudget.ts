// Measures what the first screen downloads: the entry chunk plus its static imports (from Vite's
// build manifest) and any other script index.html loads; dynamic imports count as lazy chunks.
// Invariant: the run fails when the initial JavaScript exceeds the gzip budget (200 kB, 1 kB = 1000 bytes).
import { gzipSync } from 'node:zlib';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const initialJsGzipBudget = 200_000;

/** One entry of Vite's `.vite/manifest.json` (only the fields the budget needs). */
export interface ManifestChunk {
  readonly file: string;
  readonly isEntry?: boolean;
  readonly isDynamicEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}
export type ViteManifest = Readonly<Record<string, ManifestChunk>>;

export interface FileSize {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
}

export interface SizeReport {
  readonly initialJs: readonly FileSize[];
  readonly initialCss: readonly FileSize[];
  readonly lazyJs: readonly FileSize[];
  readonly serviceWorker: readonly FileSize[];
  readonly initialJsTotal: { readonly raw: number; readonly gzip: number };
  readonly withinBudget: boolean;
}

export type ReadBytes = (file: string) => Uint8Array;

/** Files reached from the entries by static imports only, in first-seen order. */
export function initialFiles(manifest: ViteManifest): { js: string[]; css: string[] } {
  const seenKeys = new Set<string>();
  const js: string[] = [];
  const css: string[] = [];
  const visit = (key: string): void => {
    if (seenKeys.has(key)) return;
    seenKeys.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`Vite manifest lists an import it does not define: ${key}`);
    if (chunk.file.endsWith('.js') && !js.includes(chunk.file)) js.push(chunk.file);
    for (const sheet of chunk.css ?? []) if (!css.includes(sheet)) css.push(sheet);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  if (entries.length === 0) throw new Error('Vite manifest has no entry chunk.');
  for (const key of entries) visit(key);
  return { js, css };
}

/** Classic and module scripts that index.html itself loads (e.g. the service-worker registration file). */
export function scriptsInHtml(html: string, base: string): string[] {
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1] ?? '');
  return sources.map((src) => (src.startsWith(base) ? src.slice(base.length) : src.replace(/^\.?\//, '')));
}

function measure(file: string, read: ReadBytes): FileSize {
  const bytes = read(file);
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

export function measureBuild(
  manifest: ViteManifest,
  options: { readonly read: ReadBytes; readonly html: string; readonly base: string; readonly allFiles: readonly string[] },
): SizeReport {
  const { js, css } = initialFiles(manifest);
  for (const script of scriptsInHtml(options.html, options.base)) if (!js.includes(script)) js.push(script);
  const serviceWorkerFiles = options.allFiles.filter((f) => f === 'sw.js' || /^workbox-[\w-]+\.js$/.test(f));
  const lazy = options.allFiles.filter((f) => f.endsWith('.js') && !js.includes(f) && !serviceWorkerFiles.includes(f));
  const initialJs = js.map((f) => measure(f, options.read));
  const total = initialJs.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), { raw: 0, gzip: 0 });
  return {
    initialJs,
    initialCss: css.map((f) => measure(f, options.read)),
    lazyJs: lazy.map((f) => measure(f, options.read)).sort((a, b) => b.gzip - a.gzip),
    serviceWorker: serviceWorkerFiles.map((f) => measure(f, options.read)),
    initialJsTotal: total,
    withinBudget: total.gzip <= initialJsGzipBudget,
  };
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(2)} kB`.padStart(11);

export function formatReport(report: SizeReport): string {
  const row = (f: FileSize): string => `  ${f.file.padEnd(48)} raw ${kB(f.raw)}   gzip ${kB(f.gzip)}`;
  const section = (title: string, files: readonly FileSize[]): string[] =>
    files.length === 0 ? [`${title}: none`] : [`${title}:`, ...files.map(row)];
  const verdict = report.withinBudget ? 'within budget' : 'OVER BUDGET';
  return [
    `Initial JS (first screen): raw ${kB(report.initialJsTotal.raw).trim()}, gzip ${kB(report.initialJsTotal.gzip).trim()}` +
      ` / budget ${kB(initialJsGzipBudget).trim()} gzip: ${verdict}`,
    ...section('Initial JS files', report.initialJs),
    ...section('Initial CSS', report.initialCss),
    ...section('Lazy JS chunks', report.lazyJs),
    ...section('Service worker', report.serviceWorker),
  ].join('\n');
}

function listFiles(root: string, dir = ''): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.name.startsWith('.')) return [];
    return entry.isDirectory() ? listFiles(root, rel) : [rel];
  });
}

async function main(args: readonly string[]): Promise<number> {
  const dist = resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
  const manifestPath = join(dist, '.vite', 'manifest.json');
  if (args.includes('--build') || !existsSync(manifestPath)) {
    const { build } = await import('vite');
    await build({ logLevel: 'warn', build: { outDir: dist } });
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ViteManifest;
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const base = /src="(\/[^"]*\/)assets\//.exec(html)?.[1] ?? '/';
  const report = measureBuild(manifest, {
    read: (file) => readFileSync(join(dist, file)),
    html,
    base,
    allFiles: listFiles(dist),
  });
  console.log(formatReport(report));
  return report.withinBudget ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`Size budget could not run: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
