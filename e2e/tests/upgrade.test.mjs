// Issue 3's first-load budget: the lab loads without the learning modes, and swaps itself for
// the full build when a learner opens one (src/upgrade.rs, scripts/post-build.mjs). The swap
// must keep the learner's place: scenario, faults, step and language. The explanations come
// from one text pack per language (src/text_packs.rs), loaded before the app mounts and before
// a language switch.
import assert from 'node:assert/strict';
import { labTest } from '../lib/harness.mjs';
import { snapshot, stepForward, clickAction, CJK, coursePage, COURSE_PREFIX } from '../lib/lab.mjs';
import { settle } from '../lib/browser.mjs';

const BUILD = 'main#lab[data-ready="true"]';
const build = (page) => page.locator(BUILD).getAttribute('data-build');
const query = (page) => page.evaluate(() => new URLSearchParams(location.search));
const requested = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));

labTest('opening the glossary swaps in the full build and keeps the place in the run', async (t, open) => {
  const w = await open({ query: { lang: 'en', scenario: 'synack_lost', profile: 'linux' } });
  const { page } = w;
  assert.equal(await build(page), 'first-load');
  assert.ok(!(await requested(page)).some((p) => /\/full-/.test(p)), 'the full build is not part of the first load');
  for (let i = 0; i < 4; i++) await stepForward(page);
  const before = await snapshot(page);
  const step = (await page.evaluate(() => new URLSearchParams(location.search).get('step')));
  // By keyboard: the switch keeps the focus across the swap.
  await page.locator('[data-action="glossary"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('main#lab[data-build="full"] [data-testid="glossary"]', { timeout: 30_000 });
  await settle(page);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-action')), 'glossary', 'focus stays on the switch');
  const after = await snapshot(page);
  assert.equal(after.time, before.time, 'same point of the run');
  assert.deepEqual([after.client, after.server], [before.client, before.server]);
  assert.deepEqual(after.segments.map((s) => s.id + s.fate), before.segments.map((s) => s.id + s.fate));
  const q = await page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
  assert.equal(q.learn, 'glossary', 'the URL says which mode is open');
  assert.equal(q.step, step);
  assert.equal(q.scenario, 'synack_lost');
  // One app on the page, and it works: stepping still moves the run.
  assert.equal(await page.locator('main#lab').count(), 1);
  const r = await stepForward(page);
  assert.ok(r.changed, 'the full build steps');
  // Turning the glossary off keeps the full build (no swap back).
  await page.locator('[data-action="glossary"]').click();
  await settle(page);
  assert.equal(await build(page), 'full');
});

labTest('a link that asks for a learning mode loads the full build directly', async (t, open) => {
  const w = await open({ query: { lang: 'zh', scenario: 'normal', quiz: 1 } });
  assert.equal(await build(w.page), 'full');
  assert.equal(await w.page.locator('[data-action="quiz-mode"]').getAttribute('aria-pressed'), 'true');
  const paths = await requested(w.page);
  assert.ok(!paths.some((p) => /\/tcp-lab-[0-9a-f]+_bg\.wasm$/.test(p)), 'the first-load build was skipped');
});

labTest('when the learning modes cannot be loaded, the lab says so, keeps working and can retry', async (t, open) => {
  const w = await open({
    query: { lang: 'en', scenario: 'normal' },
    // The service worker would fetch past page.route.
    contextOptions: { serviceWorkers: 'block' },
    allowConsole: [/learning modes failed to load/, /Failed to load resource/, /full-[0-9a-f]+_bg\.wasm/],
  });
  const { page } = w;
  let block = true;
  await page.route(/full-[0-9a-f]+_bg\.wasm$/, (route) => (block ? route.fulfill({ status: 503, body: 'busy' }) : route.continue()));
  await page.locator('[data-action="learn"]').click();
  await page.waitForSelector('[data-testid="upgrade-error"]', { timeout: 30_000 });
  assert.equal(await build(page), 'first-load');
  const r = await stepForward(page);
  assert.ok(r.changed, 'the lab still works');
  block = false;
  await page.locator('[data-action="upgrade-retry"]').click();
  await page.waitForSelector('main#lab[data-build="full"] [data-testid="lessons"]', { timeout: 30_000 });
  w.failed.length = 0; // the 503s were the point
});

labTest('explanations come from the language\'s text pack; switching language loads the other one first', async (t, open) => {
  const w = await open({ query: { lang: 'en', scenario: 'normal' } });
  const { page } = w;
  const packs = () => page.evaluate(() => [...document.querySelectorAll('script[data-lab-text]')].map((s) => s.getAttribute('data-lab-text')));
  assert.deepEqual(await packs(), ['en'], 'only the English pack at first');
  await clickAction(page, 'end');
  const en = (await page.locator('[data-testid="explanation"]').first().innerText()).trim();
  assert.ok(en.length > 40 && !CJK.test(en), `English explanation: ${en.slice(0, 80)}`);
  await page.locator('[data-lang-switch="zh"]').click();
  await page.waitForSelector('main#lab[data-lang="zh"]', { timeout: 15_000 });
  await settle(page);
  assert.deepEqual((await packs()).sort(), ['en', 'zh']);
  const zh = (await page.locator('[data-testid="explanation"]').first().innerText()).trim();
  assert.ok(CJK.test(zh), `Chinese explanation: ${zh.slice(0, 80)}`);
  const s = await snapshot(page);
  assert.ok(s.client && s.server);
});

labTest('in a sandboxed iframe (opaque origin) the learning modes load from their no-CORS fallback', async (t, open) => {
  const w = await open({
    prefix: COURSE_PREFIX,
    // Wide enough for the header's learning switches.
    routes: { '/course.html': coursePage('lang=en&amp;scenario=normal', { width: 1000, height: 700 }) },
    path: '/course.html',
    waitReady: false,
  });
  const frame = w.page.frameLocator('iframe#lab');
  await frame.locator('main#lab[data-build="first-load"]').waitFor({ state: 'attached', timeout: 15_000 });
  // The iframe cannot change its URL: the place in the run is handed over in the page.
  for (let i = 0; i < 3; i++) await frame.locator('[data-action="step-forward"]').click();
  await settle(w.page);
  const time = await frame.locator('main#lab').getAttribute('data-time-ms');
  assert.notEqual(time, '0.000');
  await frame.locator('[data-action="glossary"]').click();
  await frame.locator('main#lab[data-build="full"] [data-testid="glossary"]').waitFor({ state: 'attached', timeout: 30_000 });
  await settle(w.page);
  assert.equal(await frame.locator('main#lab').getAttribute('data-time-ms'), time, 'same point of the run');
  const served = w.server.log.map((e) => e.path);
  assert.ok(served.some((p) => /full-fallback-[0-9a-f]+\.js/.test(p)), 'the fallback script was used');
});

labTest('what the learner does while the full build downloads is kept: steps and play', async (t, open) => {
  const w = await open({ query: { lang: 'en', scenario: 'normal', profile: 'rfc' }, contextOptions: { serviceWorkers: 'block' } });
  const { page } = w;
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/full-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.locator('[data-action="quiz-mode"]').click();
  await page.waitForSelector('[data-testid="upgrade"]');
  await stepForward(page);
  await stepForward(page);
  await page.locator('[data-action="play"]').click();
  release();
  await page.waitForSelector('main#lab[data-build="full"]', { timeout: 30_000 });
  assert.equal(await page.locator('main#lab').getAttribute('data-playing'), 'true', 'still playing after the swap');
  assert.equal(await page.locator('[data-action="quiz-mode"]').getAttribute('aria-pressed'), 'true');
  assert.notEqual(await page.locator('main#lab').getAttribute('data-time-ms'), '0.000', 'not back at the start');
});
