// A tiny static file server for the built lab (dist/), on 127.0.0.1, with no dependencies.
//
//   import { startServer } from './server.mjs';
//   const srv = await startServer({ root: 'dist', prefix: '/courses/net/tcp-lab/',
//                                   headers: { 'Content-Security-Policy': "default-src 'self'" } });
//   srv.url      // http://127.0.0.1:PORT/courses/net/tcp-lab/
//   srv.origin   // http://127.0.0.1:PORT
//   srv.log      // [{ method, path, status, bytes }] every request served
//   await srv.close();
//
// Or from the command line (used by scripts/serve):
//   node e2e/lib/server.mjs --root dist [--port 8080] [--host 127.0.0.1] [--prefix /sub/path/]
//                           [--header 'Name: value']… [--csp strict] [--no-cache]
//
// Behaviour:
// - Files are served under `prefix` (default '/'); anything outside the prefix is a 404, so a
//   page that uses absolute asset URLs fails under a sub-path, as it would on a real host.
// - `/prefix` without the trailing slash redirects to `/prefix/`; a directory serves its index.html.
// - Correct MIME types, notably application/wasm (needed by WebAssembly.instantiateStreaming).
// - `headers` are added to every response (e.g. a strict Content-Security-Policy);
//   `pageHeaders` only to HTML responses; `routes` maps a path (below the origin, not the
//   prefix) to { body, type, headers } for extra test pages such as an iframe host page.
// - No directory listings, no path traversal, GET/HEAD only.
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.pcap': 'application/vnd.tcpdump.pcap',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** The strict policy of issue 5 ("strict CSP" tests). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(REPO_ROOT, 'dist');

function normalizePrefix(prefix) {
  let p = prefix || '/';
  if (!p.startsWith('/')) p = '/' + p;
  if (!p.endsWith('/')) p += '/';
  return p;
}

export function mimeType(file) {
  return MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
}

/**
 * Start serving `root` on host:port (port 0 = any free port).
 * @returns {Promise<{url:string, origin:string, prefix:string, port:number, log:object[], close:()=>Promise<void>}>}
 */
export async function startServer({
  root = DIST,
  prefix = '/',
  host = '127.0.0.1',
  port = 0,
  headers = {},
  pageHeaders = {},
  routes = {},
  cache = false,
  quiet = true,
} = {}) {
  const absRoot = path.resolve(root);
  const pre = normalizePrefix(prefix);
  const log = [];
  if (!fs.existsSync(absRoot)) {
    throw new Error(`static root ${absRoot} does not exist (build it: node scripts/build.mjs)`);
  }

  const server = http.createServer(async (req, res) => {
    const entry = { method: req.method, path: req.url, status: 0, bytes: 0 };
    log.push(entry);
    const send = (status, body, extra = {}) => {
      entry.status = status;
      const buf = Buffer.isBuffer(body) ? body : Buffer.from(String(body ?? ''));
      entry.bytes = buf.length;
      res.writeHead(status, { ...headers, 'Content-Length': buf.length, ...extra });
      res.end(req.method === 'HEAD' ? undefined : buf);
      if (!quiet) console.log(`${status} ${req.method} ${req.url}`);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(405, 'method not allowed', { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' });
      }
      const url = new URL(req.url, 'http://localhost');
      let pathname;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        return send(400, 'bad request', { 'Content-Type': 'text/plain' });
      }
      const route = routes[pathname];
      if (route) {
        const type = route.type || mimeType(pathname);
        const extra = { 'Content-Type': type, 'Cache-Control': 'no-store', ...(route.headers || {}) };
        return send(200, route.body, extra);
      }
      if (pathname + '/' === pre) {
        return send(301, '', { Location: pre + url.search });
      }
      if (!pathname.startsWith(pre)) {
        return send(404, 'not found (outside the served prefix)', { 'Content-Type': 'text/plain' });
      }
      let rel = pathname.slice(pre.length);
      if (rel === '' || rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(absRoot, rel);
      if (file !== absRoot && !file.startsWith(absRoot + path.sep)) {
        return send(403, 'forbidden', { 'Content-Type': 'text/plain' });
      }
      let st;
      try {
        st = await fsp.stat(file);
      } catch {
        return send(404, 'not found', { 'Content-Type': 'text/plain' });
      }
      if (st.isDirectory()) {
        return send(301, '', { Location: url.pathname + '/' + url.search });
      }
      const body = await fsp.readFile(file);
      const type = mimeType(file);
      const extra = {
        'Content-Type': type,
        'Cache-Control': cache ? 'public, max-age=3600' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      };
      if (type.startsWith('text/html')) Object.assign(extra, pageHeaders);
      return send(200, body, extra);
    } catch (err) {
      return send(500, `server error: ${err && err.message}`, { 'Content-Type': 'text/plain' });
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actualPort = server.address().port;
  const origin = `http://${host}:${actualPort}`;
  return {
    url: origin + pre,
    origin,
    prefix: pre,
    port: actualPort,
    root: absRoot,
    log,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

// ---- command line ---------------------------------------------------------
function parseArgs(argv) {
  const opts = { root: DIST, port: 8080, host: '127.0.0.1', prefix: '/', headers: {}, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--root') opts.root = next();
    else if (a === '--port') opts.port = Number(next());
    else if (a === '--host') opts.host = next();
    else if (a === '--prefix') opts.prefix = next();
    else if (a === '--header') {
      const h = next();
      const i2 = h.indexOf(':');
      if (i2 < 1) throw new Error(`bad --header '${h}', want 'Name: value'`);
      opts.headers[h.slice(0, i2).trim()] = h.slice(i2 + 1).trim();
    } else if (a === '--csp') {
      const v = next();
      opts.headers['Content-Security-Policy'] = v === 'strict' ? STRICT_CSP : v;
    } else if (a === '--cache') opts.cache = true;
    else if (a === '--quiet') opts.quiet = true;
    else if (a === '-h' || a === '--help') {
      console.log('usage: node server.mjs --root DIR [--port N] [--host H] [--prefix /p/] [--header "K: V"]… [--csp strict|POLICY] [--cache] [--quiet]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return opts;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  const opts = parseArgs(process.argv.slice(2));
  const srv = await startServer(opts);
  console.log(`Serving ${srv.root} at ${srv.url}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => srv.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
