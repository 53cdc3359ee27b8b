// How the built lab (dist/) copes with a SYN flood of 10,000 SYNs, in headless Debian Chromium.
// A measurement, not a test: it prints figures and never fails on a target.
//
// The run is `?scenario=syn_flood_cookies&flood=10000` (10,000 spoofed SYNs at 1,000 per second,
// ten clients; 10,010 connections, about 20,700 segments). It prints:
//  - load: navigation to `main#lab[data-ready=true]` (wasm start, the run, its index, the first draw);
//  - re-run: performance.now() from a click on the SYN-cookies box to the frame after the counters
//    changed: the simulation, the model's run and server index, and the page drawn again;
//  - playing: frames per second and long tasks (> 50 ms) over MEASURE_SERVER_PLAY_SECONDS of
//    autoplay at 8x while the flood is under way.
//
//   node e2e/bin/measure-server.mjs            (after node scripts/build.mjs)
// Environment: MEASURE_SERVER_RUNS [5], MEASURE_SERVER_FLOOD [10000], MEASURE_SERVER_PLAY_SECONDS [10],
// MEASURE_DIST [dist/].
import path from 'node:path';
import { launchBrowser } from '../lib/browser.mjs';
import { startServer, DIST } from '../lib/server.mjs';

const env = (k, d) => (process.env[k] !== undefined && process.env[k] !== '' ? process.env[k] : d);
const RUNS = Number(env('MEASURE_SERVER_RUNS', 5));
const FLOOD = Number(env('MEASURE_SERVER_FLOOD', 10000));
const PLAY_SECONDS = Number(env('MEASURE_SERVER_PLAY_SECONDS', 10));
const ROOT_DIR = path.resolve(env('MEASURE_DIST', DIST));

const server = await startServer({ root: ROOT_DIR });
const browser = await launchBrowser();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const query = `?lang=en&scenario=syn_flood_cookies&flood=${FLOOD}`;
try {
  const loads = [];
  const reruns = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const t0 = Date.now();
    await page.goto(`${server.url}${query}`, { waitUntil: 'load' });
    await page.waitForSelector('main#lab[data-ready="true"]', { timeout: 120_000 });
    loads.push(Date.now() - t0);
    await page.locator('[data-action="end"]').click();
    const ms = await page.evaluate(async () => {
      const counter = () => document.querySelector('[data-counter="syns_dropped"]')?.dataset.value;
      const before = counter();
      const t = performance.now();
      document.querySelector('input[data-knob="cookies"]').click();
      for (;;) {
        await new Promise((r) => requestAnimationFrame(() => r()));
        if (counter() !== undefined && counter() !== before) return performance.now() - t;
        if (performance.now() - t > 60_000) return NaN;
      }
    });
    reruns.push(ms);
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${server.url}${query}&speed=8&autoplay=1`, { waitUntil: 'load' });
  await page.waitForSelector('main#lab[data-ready="true"]', { timeout: 120_000 });
  const play = await page.evaluate(async (seconds) => {
    const long = [];
    new PerformanceObserver((l) => long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: false });
    let frames = 0;
    const start = performance.now();
    await new Promise((done) => {
      const tick = () => {
        frames += 1;
        if (performance.now() - start < seconds * 1000) requestAnimationFrame(tick);
        else done();
      };
      requestAnimationFrame(tick);
    });
    const elapsed = (performance.now() - start) / 1000;
    return { fps: frames / elapsed, long: long.length, longest: long.length ? Math.max(...long) : 0, time: document.querySelector('main#lab').dataset.timeMs };
  }, PLAY_SECONDS);
  await context.close();
  const f = (xs) => xs.map((x) => x.toFixed(0)).join(', ');
  console.log(`server view, SYN flood of ${FLOOD} SYNs (${query}), ${RUNS} runs, headless Chromium:`);
  console.log(`  load to ready:           median ${median(loads).toFixed(0)} ms  (${f(loads)})`);
  console.log(`  re-run (cookies toggle): median ${median(reruns).toFixed(0)} ms  (${f(reruns)})  simulation + model index + page drawn again`);
  console.log(`  autoplay at 8x, ${PLAY_SECONDS} s:  ${play.fps.toFixed(1)} frames/s, ${play.long} long tasks (longest ${play.longest.toFixed(0)} ms); reached t = ${play.time} ms`);
} finally {
  await browser.close();
  await server.close();
}
