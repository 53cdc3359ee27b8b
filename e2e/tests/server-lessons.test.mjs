// The lessons on the server side (one listener, many connections): each runs to its end in both
// languages, pausing at every stop with every placeholder filled, and quotes the numbers of the
// core's own run of the same scenario file.
//
// The flood (5,000 SYNs) and CLOSE-WAIT (400 connections) lessons are not played here: the
// one-connection ladder plays their thousands of segments one by one (at 8x the CLOSE-WAIT run
// reached 1.3 s of run time in a minute), so they wait for the server view's aggregates. The
// model's own test pauses both at every stop.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { labTest, OUT } from '../lib/harness.mjs';
import { settle } from '../lib/browser.mjs';
import { REPO_ROOT } from '../lib/server.mjs';
import { CJK } from '../lib/lab.mjs';

const TIMEOUT = 60_000;
const LONG = { timeout: 180_000 };

// Lesson id, the scenario file it plays, its number of stops, the right choice of its check.
const LESSONS = [
  ['syn-and-accept-queues', 'syn_and_accept_queues', 5, 1],
  ['accept-queue-full', 'accept_queue_overflow', 6, 2],
  ['time-wait-new-connection', 'time_wait_cut_short_corruption', 5, 0],
  ['port-exhaustion', 'port_exhaustion_tw_reuse', 5, 2],
  // Busy runs: playback is paced by the connection on the ladder, so these play in seconds too.
  ['syn-flood-cookies', 'syn_flood_cookies', 5, 0],
  ['close-wait-leak', 'close_wait_leak', 5, 3],
];

/** The core's trace of a server scenario file, as JSON (absolute sequence numbers). */
function coreServerTrace(file, profile) {
  const scenario = path.join(REPO_ROOT, 'crates/tcp-sim/scenarios/server', `${file}.json`);
  const args = ['run', scenario, '--json', '--absolute'];
  const out = process.env.TCP_SIM_BIN
    ? execFileSync(process.env.TCP_SIM_BIN, args, { encoding: 'utf8', maxBuffer: 512 << 20 })
    : execFileSync('cargo', ['run', '-q', '-p', 'tcp-sim', '--bin', 'tcp-sim', '--', ...args], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        maxBuffer: 512 << 20,
      });
  const trace = JSON.parse(out);
  assert.ok(!profile || trace.profile === profile, `${file}: ${trace.profile}`);
  return trace;
}

/** Continue at the goal and at every stop; returns the narrations, after answering the check. */
async function runLesson(page, choice) {
  const narrations = [];
  await page.waitForSelector('[data-testid="lesson-goal"]', { timeout: TIMEOUT });
  await page.locator('[data-action="lesson-continue"]').click();
  for (let i = 0; i < 20; i++) {
    await page.waitForSelector('[data-testid="lesson-narration"], [data-testid="lesson-check"]', { timeout: TIMEOUT });
    if (await page.locator('[data-testid="lesson-check"]').count()) break;
    const n = page.locator('[data-testid="lesson-narration"]');
    const stop = await n.getAttribute('data-stop');
    narrations.push((await n.innerText()).trim());
    await page.locator('[data-action="lesson-continue"]').click();
    await page.waitForFunction(
      (s) => document.querySelector('[data-testid="lesson-narration"]')?.getAttribute('data-stop') !== s,
      stop,
      { timeout: TIMEOUT },
    );
  }
  const check = page.locator('[data-testid="lesson-check"]');
  await check.locator(`button[data-choice="${choice}"]`).click();
  await page.waitForSelector('[data-testid="lesson-complete"]', { timeout: 5000 });
  assert.equal(await page.locator('[data-testid="lesson-complete"]').getAttribute('data-correct'), 'true');
  return narrations;
}

for (const [id, file, stops, right] of LESSONS) {
  for (const lang of ['en', 'zh']) {
    labTest(`server lesson ${id} runs to its end in ${lang}`, LONG, async (t, open) => {
      const { page } = await open({ query: { lang, lesson: id, speed: 8 } });
      const narrations = await runLesson(page, right);
      assert.equal(narrations.length, stops, `${id}: paused at every stop`);
      for (const n of narrations) {
        assert.equal(CJK.test(n), lang === 'zh', `text in ${lang}: ${n.slice(0, 60)}`);
        assert.ok(!/\{[a-z_0-9+-]+\}/.test(n), `every placeholder filled: ${n}`);
      }
      if (id === 'time-wait-new-connection') {
        // The old segment and the bytes the new connection took are the core's.
        const trace = coreServerTrace(file, 'rfc');
        const k = trace.corruptions[0];
        const old = trace.segments[k.segment];
        assert.equal(old.fate, 'delayed');
        assert.ok(narrations[0].includes(String(old.seq_rel)) && narrations[0].includes(String(old.delayed_ms)), narrations[0]);
        assert.ok(narrations[4].includes(String(old.seq_abs)) && narrations[4].includes(String(k.bytes)), narrations[4]);
      }
      if (id === 'port-exhaustion') {
        const trace = coreServerTrace(file, 'linux');
        assert.equal(trace.errors.length, 1);
        assert.ok(narrations[2].includes('EADDRNOTAVAIL') && narrations[2].includes('10.0.1.2'), narrations[2]);
      }
    });
  }
}

// The narration of a server lesson (its longest Chinese stop included) fits every layout.
for (const lang of ['en', 'zh']) {
  for (const [width, height] of [
    [700, 450],
    [390, 844],
    [1280, 800],
    [1920, 1080],
  ]) {
    labTest(`server lesson screenshot ${width}x${height} ${lang}`, async (t, open) => {
      const { page } = await open({ query: { lang, lesson: 'accept-queue-full', speed: 8 }, viewport: { width, height } });
      await page.waitForSelector('[data-testid="lesson-goal"]', { timeout: TIMEOUT });
      await page.locator('[data-action="lesson-continue"]').click();
      for (let i = 0; i < 3; i++) {
        await page.waitForSelector('[data-testid="lesson-narration"]', { timeout: TIMEOUT });
        const stop = await page.locator('[data-testid="lesson-narration"]').getAttribute('data-stop');
        if (stop === '2') break;
        await page.locator('[data-action="lesson-continue"]').click();
        await page.waitForFunction(
          (s) => document.querySelector('[data-testid="lesson-narration"]')?.getAttribute('data-stop') !== s,
          stop,
          { timeout: TIMEOUT },
        );
      }
      await settle(page);
      fs.mkdirSync(OUT, { recursive: true });
      await page.screenshot({ path: path.join(OUT, `server-lesson-${width}x${height}-${lang}.png`) });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `no horizontal scrolling at ${width}px (${overflow}px too wide)`);
    });
  }
}
