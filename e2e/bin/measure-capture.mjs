// How long the built lab (dist/) takes to list the connections of a large capture, in headless
// Debian Chromium. A measurement, not a test: it prints figures and never fails on a target
// (the target: a 10 MB capture of about 100,000 packets listed in under 1 s).
//
// The capture is generated (e2e/lib/pcapgen.mjs): 10,000 TCP connections of 10 segments each
// (handshake, 150 bytes each way, FIN close), Ethernet/IPv4, 10.0 MB. The time runs from the file
// input's `change` event (the file is picked) to the list on screen (`data-capture-status="open"`
// with its rows), split at the end of reading (the last slice read: `data-capture-status` leaves
// "reading"). It also prints the longest task meanwhile (a PerformanceObserver for 'longtask'):
// while a task runs the tab cannot answer a click, a key or the Close button.
//
//   node e2e/bin/measure-capture.mjs           (after node scripts/build.mjs)
// Environment: MEASURE_CAPTURE_RUNS [5], MEASURE_CAPTURE_CONNECTIONS [10000], MEASURE_DIST [dist/].
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from '../lib/browser.mjs';
import { startServer, DIST } from '../lib/server.mjs';
import { capture } from '../lib/pcapgen.mjs';

const env = (k, d) => (process.env[k] !== undefined && process.env[k] !== '' ? process.env[k] : d);
const RUNS = Number(env('MEASURE_CAPTURE_RUNS', 5));
const CONNECTIONS = Number(env('MEASURE_CAPTURE_CONNECTIONS', 10000));
const ROOT_DIR = path.resolve(env('MEASURE_DIST', DIST));

const bytes = capture({ n: CONNECTIONS, ends: ['fin'], payload: 150 });
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tcp-lab-capture-')), 'big.pcap');
fs.writeFileSync(file, bytes);
const packets = CONNECTIONS * 10;

const server = await startServer({ root: ROOT_DIR });
const browser = await launchBrowser();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.url}?lang=en`, { waitUntil: 'load' });
    await page.waitForSelector('main#lab[data-ready="true"]');
    // In the page: when the file was picked, when reading ended, when the list was on screen.
    await page.evaluate(() => {
      const marks = (window.__captureMarks = { longTasks: [] });
      document.addEventListener('change', () => { marks.picked = performance.now(); }, true);
      // The longest time between two animation frames from the pick to the list: any task
      // that held the thread, however short (the long-task API reports only those over 50 ms).
      marks.longestGap = 0;
      let last = performance.now();
      const frame = (now) => {
        if (marks.picked !== undefined) marks.longestGap = Math.max(marks.longestGap, now - Math.max(last, marks.picked));
        last = now;
        if (marks.listed === undefined) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      // Every task over 50 ms (the tab could not answer input meanwhile), as [start, duration].
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) marks.longTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask' });
      new MutationObserver(() => {
        const el = document.querySelector('[data-testid="capture"]');
        const status = el?.getAttribute('data-capture-status');
        if (status && status !== 'reading' && marks.read === undefined) marks.read = performance.now();
        if (status === 'open' && document.querySelector('tr[data-conn]') && marks.listed === undefined) {
          // The list is in the DOM; the next frame has it painted.
          requestAnimationFrame(() => { marks.listed = performance.now(); });
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.locator('input[data-capture-input]').setInputFiles(file);
    await page.waitForFunction(() => window.__captureMarks.listed !== undefined, null, { timeout: 120_000 });
    // Long tasks are reported after they end: give the observer a moment.
    await page.waitForTimeout(300);
    const m = await page.evaluate(() => window.__captureMarks);
    const rows = await page.getAttribute('[data-testid="capture-connections"]', 'data-connections');
    const during = m.longTasks.filter(([start, duration]) => start + duration >= m.picked && start <= m.listed);
    runs.push({
      total: m.listed - m.picked,
      gap: m.longestGap,
      reading: m.read - m.picked,
      rows: Number(rows),
      longest: Math.max(0, ...during.map(([, d]) => d)),
      longTasks: during.length,
    });
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

const mb = (bytes.length / 1e6).toFixed(2);
console.log(`capture listing: ${mb} MB, ${packets} TCP segments, ${runs[0].rows} connections, ${RUNS} runs`);
console.log(`  picked -> listed on screen: median ${median(runs.map((r) => r.total)).toFixed(0)} ms ` +
  `(runs: ${runs.map((r) => r.total.toFixed(0)).join(', ')} ms; target < 1000 ms)`);
console.log(`  of which reading the file in slices: median ${median(runs.map((r) => r.reading)).toFixed(0)} ms`);
console.log(`  longest time between two painted frames meanwhile: median ${median(runs.map((r) => r.gap)).toFixed(0)} ms ` +
  `(runs: ${runs.map((r) => r.gap.toFixed(0)).join(', ')} ms)`);
console.log(`  longest task meanwhile (the tab cannot answer input during it): median ${median(runs.map((r) => r.longest)).toFixed(0)} ms ` +
  `(runs: ${runs.map((r) => r.longest.toFixed(0)).join(', ')} ms); tasks over 50 ms: median ${median(runs.map((r) => r.longTasks))}`);
