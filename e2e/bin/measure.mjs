// Performance figures of the built lab (dist/), in headless Debian Chromium. A measurement, not a test:
// it prints a table and never fails on a target. Run it through scripts/measure (which builds dist/).
//
// Environment (defaults in brackets):
//   MEASURE_LOAD_RUNS [5]        cold-cache page loads for transfer size, FCP and time-to-interactive
//   MEASURE_FPS_SECONDS [60]     autoplay window for frames per second, long tasks and main-thread
//                                busy %, run at 1x and at 4x CPU slowdown, for the lab and for a
//                                reference page (an SVG ladder whose one line moves by a CSS animation)
//   MEASURE_THROTTLES [1,4]      the CPU slowdowns to measure at
//   MEASURE_SOAK_SECONDS [600]   autoplay loop for the memory figures (start vs end)
//   MEASURE_SAMPLE_SECONDS [60]  memory sample interval during the soak
//   MEASURE_QUERY [lang=en&scenario=normal&profile=linux&speed=1&autoplay=1]
//   MEASURE_DIST [dist/]         what to serve
//   MEASURE_JSON [unset]         also write all figures as JSON to this file
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launchBrowser } from '../lib/browser.mjs';
import { startServer, DIST } from '../lib/server.mjs';

const env = (k, d) => (process.env[k] !== undefined && process.env[k] !== '' ? process.env[k] : d);
const LOAD_RUNS = Number(env('MEASURE_LOAD_RUNS', 5));
const FPS_SECONDS = Number(env('MEASURE_FPS_SECONDS', 60));
const SOAK_SECONDS = Number(env('MEASURE_SOAK_SECONDS', 600));
const SAMPLE_SECONDS = Number(env('MEASURE_SAMPLE_SECONDS', 60));
const QUERY = env('MEASURE_QUERY', 'lang=en&scenario=normal&profile=linux&speed=1&autoplay=1');
const THROTTLES = env('MEASURE_THROTTLES', '1,4').split(',').map(Number).filter((x) => x >= 1);

// The reference page: the lightest honest ladder animation (one SVG line moved by CSS), measured
// in the same batch so that our figures can be given as ratios, which drift less between machines.
const REFERENCE_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>reference</title><style>
body{margin:0;font:14px sans-serif}svg{width:100vw;height:100vh}
.seg{animation:fly 1.2s linear infinite}
@keyframes fly{from{transform:translate(0,0)}to{transform:translate(600px,300px)}}
</style></head><body><svg viewBox="0 0 1280 800"><line x1="200" y1="40" x2="200" y2="780" stroke="#333"/>
<line x1="1000" y1="40" x2="1000" y2="780" stroke="#333"/><g class="seg"><line x1="200" y1="100" x2="400" y2="200" stroke="#1d63d8" stroke-width="2"/>
<text x="260" y="140">SYN seq=0</text></g><text x="180" y="30">Client</text><text x="980" y="30">Server</text></svg></body></html>`;
const ROOT_DIR = path.resolve(env('MEASURE_DIST', DIST));
const READY = 'main#lab[data-ready="true"]';

const log = (...a) => console.error('measure:', ...a);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => (n == null ? 'n/a' : `${(n / 1048576).toFixed(2)} MB`);
const ms = (n) => (n == null ? 'n/a' : `${n.toFixed(0)} ms`);
const median = (xs) => {
  const v = xs.filter((x) => x != null).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

// Runs in the page before any of its scripts: timestamps for "ready", and a handle on the
// wasm memory (by wrapping WebAssembly.instantiate*, by the loader's tcp-lab-started event,
// or through a hook the app may expose as window.__tcpLab.wasmMemory).
function pageProbe() {
  const m = (window.__measure = { ready: null, memories: [] });
  const keep = (exports) => {
    try {
      for (const v of Object.values(exports || {})) if (v instanceof WebAssembly.Memory && !m.memories.includes(v)) m.memories.push(v);
    } catch {}
  };
  const inst = WebAssembly.instantiate;
  WebAssembly.instantiate = function (...args) {
    return inst.apply(this, args).then((r) => (keep((r.instance || r).exports), r));
  };
  if (WebAssembly.instantiateStreaming) {
    const st = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = function (...args) {
      return st.apply(this, args).then((r) => (keep(r.instance.exports), r));
    };
  }
  addEventListener('tcp-lab-started', (e) => keep(e.detail && e.detail.wasm));
  const check = () => {
    if (m.ready == null && document.querySelector('main#lab[data-ready="true"]')) {
      m.ready = performance.now();
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
  m.wasmBytes = () => {
    const hook = window.__tcpLab && window.__tcpLab.wasmMemory;
    if (hook instanceof WebAssembly.Memory && !m.memories.includes(hook)) m.memories.push(hook);
    return m.memories.length ? m.memories.reduce((s, x) => s + x.buffer.byteLength, 0) : null;
  };
}

async function newPage(browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, locale: 'en-US' });
  await context.addInitScript(pageProbe);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { context, page, errors };
}

async function measureLoad(browser, srv) {
  const runs = [];
  for (let i = 0; i < LOAD_RUNS; i++) {
    const { context, page, errors } = await newPage(browser); // new context = cold HTTP cache
    const requested = [];
    const foreign = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol === 'data:' || u.protocol === 'blob:') return;
      if (u.origin === srv.origin) requested.push(u.pathname);
      else foreign.push(r.url());
    });
    const served0 = srv.log.length;
    const t0 = Date.now();
    // Loads are measured without autoplay: it only matters once the app is up.
    const q = QUERY.split('&').filter((kv) => kv && !kv.startsWith('autoplay=')).join('&');
    await page.goto(`${srv.url}?${q}`, { waitUntil: 'load' });
    await page.waitForSelector(READY, { state: 'attached', timeout: 60000 });
    await page.waitForTimeout(1500); // anything loaded lazily right after start
    const r = await page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        fcp: fcp ? fcp.startTime : null,
        ready: window.__measure.ready,
        domContentLoaded: nav ? nav.domContentLoadedEventEnd : null,
        load: nav ? nav.loadEventEnd : null,
      };
    });
    // What the server sent during this visit, the service worker's precache included
    // (the page's request events do not show the worker's own fetches).
    const served = srv.log.slice(served0).filter((e) => e.status === 200).map((e) => new URL(e.path, srv.origin).pathname);
    runs.push({ ...r, wallMs: Date.now() - t0, requested: [...new Set(requested)], served, foreign, errors: [...errors] });
    await context.close();
    log(`load ${i + 1}/${LOAD_RUNS}: FCP ${ms(r.fcp)}, ready ${ms(r.ready)}`);
  }
  // Transfer: gzip -9 of every file the first load requested.
  const gzOf = (p) => {
    let rel = decodeURIComponent(p.slice(srv.prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(ROOT_DIR, rel);
    return fs.existsSync(file) && !fs.statSync(file).isDirectory() ? zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length : 0;
  };
  const visitGz = runs[0].served.reduce((sum, p) => sum + gzOf(p), 0);
  const files = [];
  for (const p of runs[0].requested) {
    let rel = decodeURIComponent(p.slice(srv.prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.join(ROOT_DIR, rel);
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      files.push({ path: p, raw: 0, gz: 0, missing: true });
      continue;
    }
    const buf = fs.readFileSync(file);
    files.push({ path: p, raw: buf.length, gz: zlib.gzipSync(buf, { level: 9 }).length });
  }
  return {
    runs,
    files,
    gzTotal: files.reduce((s, f) => s + f.gz, 0),
    visitGz,
    visitRequests: runs[0].served.length,
    rawTotal: files.reduce((s, f) => s + f.raw, 0),
    fcp: median(runs.map((r) => r.fcp)),
    ready: median(runs.map((r) => r.ready)),
    foreign: runs.reduce((s, r) => s + r.foreign.length, 0),
    errors: runs.flatMap((r) => r.errors),
  };
}

// Keeps an autoplay run going for the whole window: when playback stops at the end, reset and play.
async function keepPlaying(page) {
  const state = await page.evaluate(() => {
    const play = document.querySelector('[data-action="play"]');
    return play ? play.getAttribute('aria-pressed') : 'missing';
  });
  if (state === 'false') {
    const reset = page.locator('[data-action="reset"]').first();
    if (await reset.count()) await reset.click();
    const playing = await page.evaluate(() => document.querySelector('[data-action="play"]')?.getAttribute('aria-pressed'));
    if (playing !== 'true') await page.locator('[data-action="play"]').first().click();
    return 1;
  }
  return 0;
}

/**
 * Frames, long tasks and main-thread time while the page animates, at a CPU slowdown of
 * `throttle` (Chromium's Emulation.setCPUThrottlingRate, as DevTools' "4x slowdown").
 * `lab`: the page is the lab (wait for ready, keep autoplay going); else the reference page.
 */
async function measureFps(browser, srv, { url, lab, throttle }) {
  const { context, page, errors } = await newPage(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(url, { waitUntil: 'load' });
  if (lab) await page.waitForSelector(READY, { state: 'attached', timeout: 60000 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  const m0 = await metrics();
  await page.evaluate(() => {
    const f = (window.__fps = { frames: 0, gaps: [], longtasks: [], start: performance.now(), last: null, stop: false });
    const tick = (t) => {
      if (f.last != null) f.gaps.push(t - f.last);
      f.last = t;
      f.frames++;
      if (!f.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) f.longtasks.push(e.duration);
      }).observe({ type: 'longtask' });
    } catch (e) {
      f.longtaskError = String(e);
    }
  });
  let restarts = 0;
  const end = Date.now() + FPS_SECONDS * 1000;
  while (Date.now() < end) {
    await page.waitForTimeout(Math.min(1000, Math.max(0, end - Date.now())));
    if (lab) restarts += await keepPlaying(page);
  }
  const m1 = await metrics();
  const r = await page.evaluate(() => {
    const f = window.__fps;
    f.stop = true;
    const secs = (performance.now() - f.start) / 1000;
    const gaps = f.gaps.slice().sort((a, b) => a - b);
    return {
      seconds: secs,
      frames: f.frames,
      fps: f.frames / secs,
      p99FrameMs: gaps.length ? gaps[Math.floor(gaps.length * 0.99)] : null,
      maxFrameMs: gaps.length ? gaps[gaps.length - 1] : null,
      slowFrames: f.gaps.filter((g) => g > 1000 / 30).length,
      longtasks: f.longtasks.length,
      longtaskMaxMs: f.longtasks.length ? Math.max(...f.longtasks) : 0,
      longtaskTotalMs: f.longtasks.reduce((s, x) => s + x, 0),
      longtaskError: f.longtaskError || null,
    };
  });
  // Main-thread time (CDP's TaskDuration and its parts are seconds of main-thread work).
  const wall = m1.Timestamp - m0.Timestamp;
  const share = (k) => (wall > 0 ? (100 * ((m1[k] ?? 0) - (m0[k] ?? 0))) / wall : null);
  const main = {
    busyPct: share('TaskDuration'),
    scriptPct: share('ScriptDuration'),
    layoutPct: share('LayoutDuration'),
    stylePct: share('RecalcStyleDuration'),
    layoutsPerSecond: wall > 0 ? ((m1.LayoutCount ?? 0) - (m0.LayoutCount ?? 0)) / wall : null,
    nodes: m1.Nodes ?? null,
  };
  await context.close();
  return { ...r, ...main, throttle, restarts, errors };
}

async function memorySample(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  await page.waitForTimeout(200);
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  const inPage = await page.evaluate(() => ({
    wasm: window.__measure.wasmBytes(),
    perfMemory: performance.memory ? performance.memory.usedJSHeapSize : null,
    time: document.querySelector('main#lab')?.getAttribute('data-time-ms') ?? null,
  }));
  return {
    jsHeapUsed: m.JSHeapUsedSize ?? inPage.perfMemory,
    jsHeapTotal: m.JSHeapTotalSize ?? null,
    wasm: inPage.wasm,
    nodes: m.Nodes ?? null,
    listeners: m.JSEventListeners ?? null,
    simTime: inPage.time,
  };
}

async function measureSoak(browser, srv) {
  const { context, page, errors } = await newPage(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${srv.url}?${QUERY}`, { waitUntil: 'load' });
  await page.waitForSelector(READY, { state: 'attached', timeout: 60000 });
  await page.waitForTimeout(2000);
  const samples = [{ at: 0, ...(await memorySample(page, cdp)) }];
  log(`soak: start ${JSON.stringify(samples[0])}`);
  let restarts = 0;
  const t0 = Date.now();
  const end = t0 + SOAK_SECONDS * 1000;
  let nextSample = t0 + SAMPLE_SECONDS * 1000;
  while (Date.now() < end) {
    await page.waitForTimeout(Math.min(1000, Math.max(0, end - Date.now())));
    restarts += await keepPlaying(page);
    if (Date.now() >= nextSample && Date.now() < end) {
      const s = { at: Math.round((Date.now() - t0) / 1000), ...(await memorySample(page, cdp)) };
      samples.push(s);
      log(`soak: ${s.at}s heap ${mb(s.jsHeapUsed)} wasm ${mb(s.wasm)} nodes ${s.nodes}`);
      nextSample += SAMPLE_SECONDS * 1000;
    }
  }
  samples.push({ at: Math.round((Date.now() - t0) / 1000), ...(await memorySample(page, cdp)) });
  await context.close();
  return { samples, restarts, errors };
}

function table(rows) {
  const w = rows[0].map(() => 0);
  for (const r of rows) r.forEach((c, i) => (w[i] = Math.max(w[i], String(c).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(w[i])).join(' | ')} |`;
  const out = [line(rows[0]), `|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`];
  for (const r of rows.slice(1)) out.push(line(r));
  return out.join('\n');
}

async function main() {
  if (!fs.existsSync(path.join(ROOT_DIR, 'index.html'))) {
    console.error(`measure: ${ROOT_DIR}/index.html missing: build first (scripts/measure does)`);
    process.exit(1);
  }
  const srv = await startServer({ root: ROOT_DIR, routes: { '/reference.html': { body: REFERENCE_HTML, type: 'text/html; charset=utf-8' } } });
  const browser = await launchBrowser({ args: ['--enable-precise-memory-info'] });
  const results = { query: QUERY, chromium: browser.version(), when: new Date().toISOString() };
  try {
    log(`cold loads x${LOAD_RUNS}`);
    results.load = await measureLoad(browser, srv);
    if (FPS_SECONDS > 0) {
      results.anim = [];
      for (const throttle of THROTTLES) {
        for (const [who, url, lab] of [['lab', `${srv.url}?${QUERY}`, true], ['reference', `${srv.origin}/reference.html`, false]]) {
          log(`${who}: animating ${FPS_SECONDS}s at ${throttle}x CPU slowdown`);
          results.anim.push({ who, ...(await measureFps(browser, srv, { url, lab, throttle })) });
        }
      }
      results.fps = results.anim.find((a) => a.who === 'lab' && a.throttle === 1) ?? null;
    }
    if (SOAK_SECONDS > 0) {
      log(`autoplay loop ${SOAK_SECONDS}s for memory`);
      results.soak = await measureSoak(browser, srv);
    }
  } finally {
    await browser.close();
    await srv.close();
  }

  const L = results.load;
  console.log(`\nTCP Lab performance (Chromium ${results.chromium}, headless, localhost; ${QUERY})\n`);
  console.log('First load: files requested (gzip -9 each)');
  console.log(table([['file', 'raw', 'gzip -9'], ...L.files.map((f) => [f.path + (f.missing ? ' (not a file)' : ''), kb(f.raw), kb(f.gz)])]));
  const kind = (p) => (/\.wasm$/.test(p) ? 'wasm' : /\/learn\//.test(p) ? 'text pack' : /\.js$/.test(p) ? 'JS (glue, loader)' : /\.css$/.test(p) ? 'CSS' : /\.(svg|ico|png)$/.test(p) ? 'icons' : 'HTML');
  const byKind = {};
  for (const f of L.files) byKind[kind(f.path)] = (byKind[kind(f.path)] ?? 0) + f.gz;
  console.log('\nFirst load by type (gzip -9)');
  console.log(table([['type', 'gzip -9'], ...Object.entries(byKind).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, `${kb(v)} (${v} B)`])]));
  const rows = [['figure', 'value', 'target']];
  rows.push(['first-load transfer, gzip -9 total', `${kb(L.gzTotal)} (${L.gzTotal} B; raw ${kb(L.rawTotal)})`, '<= 180 KB']);
  rows.push([`first visit incl. service-worker precache (server log, ${L.visitRequests} responses)`, `${kb(L.visitGz)} (${L.visitGz} B)`, '']);
  rows.push([`first contentful paint (median of ${L.runs.length} cold loads)`, ms(L.fcp), '']);
  rows.push([`time to interactive: main#lab[data-ready] (median)`, ms(L.ready), '']);
  rows.push(['requests to other origins (all loads)', String(L.foreign), '0']);
  if (results.fps) {
    const F = results.fps;
    rows.push([`frames per second over ${F.seconds.toFixed(0)} s autoplay`, F.fps.toFixed(1), '60']);
    rows.push(['frame time p99 / max', `${F.p99FrameMs?.toFixed(1)} / ${F.maxFrameMs?.toFixed(1)} ms`, '']);
    rows.push(['frames slower than 33 ms', String(F.slowFrames), '']);
    rows.push(['long tasks > 50 ms (count / max / total)', F.longtaskError ? `n/a: ${F.longtaskError}` : `${F.longtasks} / ${F.longtaskMaxMs.toFixed(0)} ms / ${F.longtaskTotalMs.toFixed(0)} ms`, '0']);
    rows.push(['autoplay restarts (run ended, reset + play)', String(F.restarts), '']);
  }
  if (results.anim) {
    const pct = (x) => (x == null ? 'n/a' : `${x.toFixed(1)} %`);
    console.log('\nAnimation: the lab beside the reference page (same batch); ratio = lab / reference');
    const arows = [['CPU', 'page', 'fps', 'long tasks', 'main thread busy', 'script', 'layout', 'style', 'layouts/s', 'DOM nodes']];
    for (const a of results.anim) {
      arows.push([`${a.throttle}x`, a.who, a.fps.toFixed(1), String(a.longtasks), pct(a.busyPct), pct(a.scriptPct), pct(a.layoutPct), pct(a.stylePct), a.layoutsPerSecond?.toFixed(1) ?? 'n/a', String(a.nodes ?? 'n/a')]);
    }
    console.log(table(arows));
    for (const throttle of THROTTLES) {
      const lab = results.anim.find((a) => a.who === 'lab' && a.throttle === throttle);
      const ref = results.anim.find((a) => a.who === 'reference' && a.throttle === throttle);
      if (!lab || !ref) continue;
      const ratio = (x, y) => (x == null || !y ? 'n/a' : `${(x / y).toFixed(2)}x`);
      rows.push([`${throttle}x CPU: fps (lab / reference)`, `${lab.fps.toFixed(1)} / ${ref.fps.toFixed(1)}`, '60']);
      rows.push([`${throttle}x CPU: main thread busy (lab / reference, ratio)`, `${pct(lab.busyPct)} / ${pct(ref.busyPct)} (${ratio(lab.busyPct, ref.busyPct)})`, '<= a light peer']);
      rows.push([`${throttle}x CPU: long tasks > 50 ms in ${lab.seconds.toFixed(0)} s`, String(lab.longtasks), '0']);
    }
  }
  if (results.soak) {
    const S = results.soak.samples;
    const a = S[0];
    const b = S[S.length - 1];
    const d = (x, y) => (x == null || y == null ? 'n/a' : `${y - x >= 0 ? '+' : ''}${((y - x) / 1024).toFixed(0)} KB`);
    rows.push([`JS heap used after GC: start -> end of ${b.at} s loop`, `${mb(a.jsHeapUsed)} -> ${mb(b.jsHeapUsed)} (${d(a.jsHeapUsed, b.jsHeapUsed)})`, 'no growth']);
    rows.push(['wasm memory: start -> end', `${mb(a.wasm)} -> ${mb(b.wasm)} (${d(a.wasm, b.wasm)})`, 'no growth']);
    rows.push(['DOM nodes: start -> end', `${a.nodes} -> ${b.nodes}`, '']);
    rows.push(['JS event listeners: start -> end', `${a.listeners} -> ${b.listeners}`, '']);
    rows.push(['autoplay restarts during the loop', String(results.soak.restarts), '']);
  }
  const errs = [...L.errors, ...(results.fps?.errors ?? []), ...(results.soak?.errors ?? [])];
  rows.push(['page/console errors during measurement', String(errs.length), '0']);
  console.log('\nFigures');
  console.log(table(rows));
  if (results.soak && results.soak.samples.length > 2) {
    console.log('\nMemory samples (after GC)');
    console.log(table([['at', 'JS heap used', 'wasm memory', 'DOM nodes'], ...results.soak.samples.map((s) => [`${s.at} s`, mb(s.jsHeapUsed), mb(s.wasm), String(s.nodes)])]));
  }
  if (errs.length) console.log(`\nErrors:\n  ${[...new Set(errs)].slice(0, 20).join('\n  ')}`);
  if (process.env.MEASURE_JSON) {
    fs.writeFileSync(process.env.MEASURE_JSON, JSON.stringify(results, null, 2));
    console.log(`\n(all figures as JSON in ${process.env.MEASURE_JSON})`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
