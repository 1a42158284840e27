// A minimal static file server for the built demo: `/` → dist/demo (or $MKT_DEMO_DIST, or `root`), `/data/` → demo/data.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export function serveDemo(port = 0, { headers = {}, root = process.env.MKT_DEMO_DIST ?? 'dist/demo' } = {}) {
  return serveFolders(
    [
      ['/data/', path.resolve('demo/data')],
      ['/', path.resolve(root)],
    ],
    { port, headers },
  );
}

/** Serves folders on loopback: `routes` is `[urlPrefix, folder]` pairs, the first matching prefix wins. */
export function serveFolders(routes, { port = 0, headers = {} } = {}) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    const route = routes.find(([p]) => url.pathname.startsWith(p));
    if (!route) return void res.writeHead(404).end('not found');
    const [prefix, root] = route;
    let file = path.join(root, decodeURIComponent(url.pathname.slice(prefix.length)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}
