// Tests of the e2e harness itself (server + watchers), on fixture pages: these need no dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, STRICT_CSP } from '../lib/server.mjs';
import { openPage } from '../lib/browser.mjs';
import { labTest, sharedBrowser } from '../lib/harness.mjs';

let root;
before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'tcp-lab-e2e-'));
  // The smallest valid wasm module: magic + version.
  fs.writeFileSync(path.join(root, 'empty.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  fs.writeFileSync(
    path.join(root, 'app.js'),
    `const r = await WebAssembly.instantiateStreaming(fetch('./empty.wasm'));
     document.querySelector('main').dataset.ready = String(!!r.instance);`,
  );
  fs.writeFileSync(
    path.join(root, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>fixture</title>
     <link rel="icon" href="data:,"><script type="module" src="./app.js"></script></head>
     <body><main id="lab"></main></body></html>`,
  );
  fs.mkdirSync(path.join(root, 'sub'));
  fs.writeFileSync(path.join(root, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
});
after(() => fs.rmSync(root, { recursive: true, force: true }));

test('server: MIME types, sub-path prefix, redirects, headers, no traversal', async () => {
  const srv = await startServer({ root, prefix: '/courses/net/tcp-lab/', headers: { 'X-Test': 'yes' } });
  try {
    const get = (p, init) => fetch(srv.origin + p, { redirect: 'manual', ...init });
    let r = await get('/courses/net/tcp-lab/');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type'), /^text\/html/);
    assert.equal(r.headers.get('x-test'), 'yes');
    r = await get('/courses/net/tcp-lab/empty.wasm');
    assert.equal(r.headers.get('content-type'), 'application/wasm');
    assert.equal((await r.arrayBuffer()).byteLength, 8);
    r = await get('/courses/net/tcp-lab/app.js');
    assert.match(r.headers.get('content-type'), /^text\/javascript/);
    r = await get('/courses/net/tcp-lab');
    assert.equal(r.status, 301);
    assert.equal(r.headers.get('location'), '/courses/net/tcp-lab/');
    r = await get('/courses/net/tcp-lab/sub');
    assert.equal(r.status, 301);
    r = await get('/courses/net/tcp-lab/sub/');
    assert.equal(r.status, 200);
    assert.equal((await get('/index.html')).status, 404, 'files outside the prefix are 404');
    assert.equal((await get('/courses/net/tcp-lab/nope.js')).status, 404);
    assert.equal((await get('/courses/net/tcp-lab/%2e%2e/%2e%2e/%2e%2e/etc/passwd')).status, 404);
    assert.equal((await get('/courses/net/tcp-lab/', { method: 'POST' })).status, 405);
    assert.ok(srv.log.length >= 10);
  } finally {
    await srv.close();
  }
});

test('watcher: a clean page under a sub-path with strict CSP is clean', async () => {
  const srv = await startServer({ root, prefix: '/a/b/', headers: { 'Content-Security-Policy': STRICT_CSP } });
  const w = await openPage(await sharedBrowser(), { origin: srv.origin });
  try {
    await w.page.goto(srv.url);
    await w.page.waitForSelector('main#lab[data-ready="true"]', { timeout: 10000, state: 'attached' });
    w.assertClean();
  } finally {
    await w.close();
    await srv.close();
  }
});

test('watcher: catches page errors, console errors, CSP violations, foreign requests and 404s', async () => {
  const other = await startServer({ root }); // another origin (different port)
  const bad = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>
    <script>console.error('boom from console');</script>
    <script>setTimeout(() => { throw new Error('uncaught boom'); }, 0);</script>
    <img src="${other.url}empty.wasm">
    <script src="./missing.js"></script>
  </body></html>`;
  const srv = await startServer({
    root,
    routes: { '/bad.html': { body: bad, type: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': STRICT_CSP.replace("img-src 'self' data:", `img-src 'self' data: ${other.origin}`) } } },
  });
  const w = await openPage(await sharedBrowser(), { origin: srv.origin });
  try {
    await w.page.goto(srv.origin + '/bad.html');
    await w.page.waitForTimeout(500);
    // Inline scripts are blocked by the strict CSP: that must show up as a console error.
    assert.ok(w.consoleErrors.some((e) => /Content Security Policy/i.test(e)), w.report());
    assert.equal(w.foreign.length, 1, w.report());
    assert.ok(w.failed.some((f) => /404 .*missing\.js/.test(f)), w.report());
    assert.throws(() => w.assertClean(), /not clean/);
  } finally {
    await w.close();
  }
  const w2 = await openPage(await sharedBrowser(), { origin: srv.origin });
  try {
    await w2.page.goto(srv.origin + '/bad2.html').catch(() => {});
    await w2.page.setContent(`<script>console.error('boom'); setTimeout(() => { throw new Error('uncaught boom'); }, 0);</script>`);
    await w2.page.waitForTimeout(300);
    assert.equal(w2.pageErrors.length, 1, w2.report());
    assert.ok(w2.consoleErrors.some((e) => e.includes('boom')), w2.report());
  } finally {
    await w2.close();
    await srv.close();
    await other.close();
  }
});

test('watcher: catches an uncaught error inside a sandboxed iframe', async () => {
  const srv = await startServer({
    root,
    routes: {
      '/host.html': { body: '<!doctype html><link rel="icon" href="data:,"><iframe sandbox="allow-scripts" src="/frame.html"></iframe>', type: 'text/html' },
      '/frame.html': { body: '<!doctype html><script>setTimeout(() => { throw new Error("frame boom"); }, 50);</script>', type: 'text/html' },
    },
  });
  const w = await openPage(await sharedBrowser(), { origin: srv.origin });
  try {
    await w.page.goto(srv.origin + '/host.html');
    await w.page.waitForTimeout(700);
    assert.ok([...w.pageErrors, ...w.consoleErrors].some((e) => e.includes('frame boom')), w.report() || 'nothing recorded');
  } finally {
    await w.close();
    await srv.close();
  }
});

labTest('labTest: open() with its own server, prefix and headers', { needsDist: false }, async (t, open) => {
  const w = await open({ root, prefix: '/x/y/', headers: { 'Content-Security-Policy': STRICT_CSP }, query: { lang: 'en' } });
  assert.equal(new URL(w.url).pathname, '/x/y/');
  assert.equal(new URL(w.url).search, '?lang=en');
  assert.equal(await w.page.getAttribute('main#lab', 'data-ready'), 'true');
});
