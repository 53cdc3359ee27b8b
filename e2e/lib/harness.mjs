// node:test glue for browser tests.
//
//   import { labTest } from '../lib/harness.mjs';
//   labTest('name', async (t, open) => {
//     const w = await open({ query: { lang: 'en' } });            // served from dist/ at '/'
//     const v = await open({ prefix: '/courses/net/tcp-lab/',      // its own server…
//                            headers: { 'Content-Security-Policy': STRICT_CSP } });  // …with headers
//     …
//   });
//
// Every page opened through `open` is checked when the test body returns: no page errors,
// no console errors, no request to another origin, no web font, no failed request. A failing
// test gets that report and a screenshot in e2e/out/failures/.
//
// One browser and one default server are shared by all tests of a file (node --test runs
// each file in its own process) and closed at the end.
import { test, after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, openPage } from './browser.mjs';
import { startServer, DIST, REPO_ROOT } from './server.mjs';
import { gotoLab, labUrl } from './lab.mjs';

export const OUT = path.join(REPO_ROOT, 'e2e', 'out');

let browserP = null;
let defaultServerP = null;
const extraServers = [];

export function sharedBrowser() {
  browserP ??= launchBrowser();
  return browserP;
}

export function defaultServer() {
  defaultServerP ??= startServer({ root: DIST });
  return defaultServerP;
}

after(async () => {
  for (const s of extraServers.splice(0)) await s.close().catch(() => {});
  if (defaultServerP) await (await defaultServerP).close().catch(() => {});
  if (browserP) await (await browserP).close().catch(() => {});
});

function distMissing() {
  return !fs.existsSync(path.join(DIST, 'index.html'));
}

function slug(s) {
  return s.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 80);
}

/**
 * Options of `open(o)`:
 *  - query: object|string   URL parameters (e.g. { lang: 'en', scenario: 'normal' })
 *  - viewport: {width,height}
 *  - prefix, headers, pageHeaders, routes, root: if any is given, a dedicated server is started
 *  - path: page path below the server's prefix/origin (default: the prefix itself); `url` overrides all
 *  - goto: false to skip navigation; waitReady: false to navigate without waiting for data-ready
 *  - contextOptions, allowConsole: see browser.mjs openPage
 * Returns the watched page object (see browser.mjs) plus { server, url }.
 */
export function labTest(name, options, body) {
  if (typeof options === 'function') {
    body = options;
    options = {};
  }
  return test(name, options, async (t) => {
    const needsDist = options.needsDist !== false;
    if (needsDist && distMissing()) {
      throw new Error(`dist/index.html not found: build the app first (node scripts/build.mjs)`);
    }
    const opened = [];
    const open = async (o = {}) => {
      let server;
      if (o.prefix || o.headers || o.pageHeaders || o.routes || o.root) {
        server = await startServer({
          root: o.root ?? DIST,
          prefix: o.prefix ?? '/',
          headers: o.headers ?? {},
          pageHeaders: o.pageHeaders ?? {},
          routes: o.routes ?? {},
        });
        extraServers.push(server);
      } else {
        server = await defaultServer();
      }
      const browser = await sharedBrowser();
      const w = await openPage(browser, {
        origin: server.origin,
        viewport: o.viewport,
        contextOptions: o.contextOptions,
        allowConsole: o.allowConsole,
      });
      w.server = server;
      opened.push(w);
      const base = o.path ? server.origin + o.path : server.url;
      w.url = o.url ?? labUrl(base, o.query ?? {});
      if (o.goto !== false) {
        if (o.waitReady === false) await w.page.goto(w.url, { waitUntil: 'load' });
        else await gotoLab(w.page, w.url, o.readyTimeout ? { timeout: o.readyTimeout } : {});
      }
      return w;
    };
    let failure = null;
    try {
      await body(t, open);
    } catch (err) {
      failure = err;
    }
    try {
      if (failure) {
        const dir = path.join(OUT, 'failures');
        fs.mkdirSync(dir, { recursive: true });
        const reports = [];
        for (const [i, w] of opened.entries()) {
          const file = path.join(dir, `${slug(name)}${i ? `-${i}` : ''}.png`);
          await w.page.screenshot({ path: file, timeout: 5000 }).catch(() => {});
          const r = w.report();
          reports.push(`page ${i} (${w.url}); screenshot ${path.relative(REPO_ROOT, file)}${r ? `\n${r}` : ''}`);
        }
        if (reports.length && failure instanceof Error) {
          const extra = `\n--- ${reports.join('\n--- ')}`;
          failure.message += extra;
          // Reporters print the stack, which was fixed when the error was made.
          if (typeof failure.stack === 'string') failure.stack += extra;
        }
        throw failure;
      }
      for (const w of opened) w.assertClean();
    } finally {
      for (const w of opened) await w.close();
    }
  });
}
