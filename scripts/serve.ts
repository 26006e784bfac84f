// Serves a built dist/ folder under one sub-path (default /iam-lab/) on 127.0.0.1, like GitHub Pages does.
// Invariant: only files inside the root are ever read, and every response is revalidated (no-cache),
// so a rebuilt service worker is always seen by the browser's update check.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export interface ServeOptions {
  /** Folder to serve (the Vite outDir). */
  readonly root: string;
  /** Sub-path the app lives under; must start and end with '/'. */
  readonly base: string;
  readonly port: number;
  readonly host?: string;
}

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Maps a request path to a file under root, or undefined when it is outside the base or the root. */
export function resolveRequestPath(root: string, base: string, urlPath: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath.split('?')[0] ?? '');
  } catch {
    return undefined;
  }
  if (!pathname.startsWith(base)) return undefined;
  const relative = pathname.slice(base.length);
  const rootAbs = resolve(root);
  const file = resolve(rootAbs, relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative);
  return file === rootAbs || file.startsWith(rootAbs + sep) ? file : undefined;
}

export function startServer(options: ServeOptions): Promise<RunningServer> {
  const { root, base, port, host = '127.0.0.1' } = options;
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with '/': ${base}`);
  const server = createServer((req, res) => {
    const urlPath = req.url ?? '/';
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (urlPath === '/' || urlPath === base.slice(0, -1)) {
      res.writeHead(302, { Location: base }).end();
      return;
    }
    const file = resolveRequestPath(root, base, urlPath);
    const notFound = (): void => {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' }).end('Not found');
    };
    if (!file) return notFound();
    stat(file)
      .then((info) => (info.isFile() ? readFile(file) : undefined))
      .then((body) => {
        if (!body) return notFound();
        res.writeHead(200, {
          'Content-Type': contentTypeOf(file),
          'Content-Length': body.length,
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      })
      .catch(notFound);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://${host}:${actual}${base}`,
        server,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

function argValue(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const root = argValue(args, '--root') ?? 'dist';
  const base = argValue(args, '--base') ?? process.env.BASE_PATH ?? '/iam-lab/';
  const port = Number(argValue(args, '--port') ?? process.env.PORT ?? 4319);
  startServer({ root, base, port }).then(
    ({ url }) => console.log(`Serving ${root} at ${url}`),
    (error: unknown) => {
      console.error(`Could not serve ${root}: ${String(error)}`);
      process.exit(1);
    },
  );
}
