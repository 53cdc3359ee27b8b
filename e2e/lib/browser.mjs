// Launching Debian's Chromium through playwright-core, and watching a page for trouble.
//
// Playwright's own browser download does not work on our machines, so we always point
// playwright-core at /usr/bin/chromium (override with $CHROMIUM).
//
//   const browser = await launchBrowser();
//   const w = await openPage(browser, { origin: srv.origin, viewport: { width: 1280, height: 800 } });
//   await w.page.goto(srv.url + '?lang=en');
//   …
//   w.assertClean();     // throws if any page error, console error, foreign request, font download, 4xx/5xx
//   await w.close();
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', // we run as root in CI
  '--disable-gpu',
  '--disable-background-networking', // otherwise Chromium phones home and the closed network refuses it
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export async function launchBrowser({ args = [], headless = true } = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless,
    args: [...CHROMIUM_ARGS, ...args],
  });
}

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'chrome:', 'chrome-extension:', 'devtools:']);

/** Messages we never treat as errors (noise from the browser itself, not from the app). */
const IGNORED_CONSOLE = [/favicon\.ico/i];

/**
 * A new browser context + page, with recorders for everything a test must fail on.
 * @param {import('playwright-core').Browser} browser
 * @param {object} o
 * @param {string} o.origin   the local server's origin; requests to any other origin are "foreign"
 * @param {object} [o.viewport]
 * @param {object} [o.contextOptions]  passed to browser.newContext (locale, offline, colorScheme, reducedMotion…)
 * @param {RegExp[]} [o.allowConsole]  console errors matching these are tolerated (e.g. expected CSP reports)
 */
export async function openPage(browser, { origin, viewport = { width: 1280, height: 800 }, contextOptions = {}, allowConsole = [] } = {}) {
  const context = await browser.newContext({ viewport, locale: 'en-US', ...contextOptions });
  // Uncaught errors inside iframes (e.g. the sandboxed embed of issue 5) do not always reach
  // 'pageerror'; make every frame report them on the console as well.
  await context.addInitScript(() => {
    addEventListener('error', (e) => console.error(`uncaught error: ${e.message} at ${e.filename}:${e.lineno}`));
    addEventListener('unhandledrejection', (e) => console.error(`unhandled rejection: ${e.reason && (e.reason.stack || e.reason)}`));
  });
  const page = await context.newPage();
  const w = {
    context,
    page,
    origin,
    pageErrors: [], // uncaught exceptions / unhandled rejections
    consoleErrors: [], // console.error and console.assert failures, incl. CSP violations and Rust panics
    requests: [], // every request: { url, type, frame }
    foreign: [], // requests to any origin other than the local server
    fonts: [], // web font downloads (issue 3: none)
    failed: [], // responses >= 400 and requests that failed outright
  };
  const isForeign = (u) => {
    let url;
    try {
      url = new URL(u);
    } catch {
      return true;
    }
    if (LOCAL_SCHEMES.has(url.protocol)) return false;
    return url.origin !== origin;
  };
  const watch = (pg) => {
    pg.on('pageerror', (err) => w.pageErrors.push(String(err && (err.stack || err.message || err))));
    pg.on('console', (msg) => {
      if (msg.type() !== 'error' && msg.type() !== 'assert') return;
      const text = msg.text();
      const loc = msg.location()?.url || '';
      if ([...IGNORED_CONSOLE, ...allowConsole].some((re) => re.test(text) || re.test(loc))) return;
      w.consoleErrors.push(`${text}${loc ? `  (at ${loc})` : ''}`);
    });
    pg.on('crash', () => w.pageErrors.push('page crashed'));
  };
  watch(page);
  context.on('page', watch); // popups
  context.on('request', (req) => {
    const url = req.url();
    w.requests.push({ url, type: req.resourceType() });
    if (isForeign(url)) w.foreign.push(url);
    if (req.resourceType() === 'font') w.fonts.push(url);
  });
  context.on('requestfailed', (req) => {
    const url = req.url();
    if (/favicon\.ico$/.test(new URL(url).pathname)) return;
    const why = req.failure()?.errorText || 'failed';
    // Aborted navigations/preloads when a test moves on are not failures of the app.
    if (why === 'net::ERR_ABORTED') return;
    w.failed.push(`${why} ${url}`);
  });
  context.on('response', (res) => {
    if (res.status() < 400) return;
    const url = res.url();
    if (/favicon\.ico$/.test(new URL(url).pathname)) return;
    w.failed.push(`${res.status()} ${url}`);
  });

  /** Everything collected so far, as one readable block. */
  w.report = () => {
    const parts = [];
    const list = (title, xs) => xs.length && parts.push(`${title} (${xs.length}):\n  ${xs.join('\n  ')}`);
    list('page errors', w.pageErrors);
    list('console errors', w.consoleErrors);
    list('requests to other origins', w.foreign);
    list('web font downloads', w.fonts);
    list('failed requests', w.failed);
    return parts.join('\n');
  };
  /** Throws unless the page had no errors, made no foreign requests, loaded no fonts, and no request failed. */
  w.assertClean = () => {
    const r = w.report();
    if (r) throw new Error(`the page was not clean:\n${r}`);
  };
  w.close = async () => {
    await context.close().catch(() => {});
  };
  return w;
}

/** Resolves after the browser has painted twice (lets Yew and the DOM settle after an input). */
export async function settle(page) {
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}
