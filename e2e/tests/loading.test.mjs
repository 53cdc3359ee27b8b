// One app, one build: the lessons, quiz, analogies and glossary are in the wasm the page first
// loads, so opening them downloads no second build. The explanations come from one text pack per
// language (src/text_packs.rs), loaded before the app mounts and before a language switch.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { labTest } from '../lib/harness.mjs';
import { snapshot, stepForward, clickAction, CJK, coursePage, COURSE_PREFIX } from '../lib/lab.mjs';
import { settle } from '../lib/browser.mjs';

const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist');
const requested = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));

labTest('the build has one app wasm, and the learning modes open without downloading more code', async (t, open) => {
  const wasm = fs.readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one app wasm in dist/: ${wasm}`);
  const w = await open({ query: { lang: 'en', scenario: 'normal' } });
  const { page } = w;
  await stepForward(page);
  await stepForward(page);
  const before = await snapshot(page);
  const loaded = (await requested(page)).filter((p) => /\.(wasm|js)$/.test(p));
  await clickAction(page, 'glossary');
  await page.locator('[data-testid="glossary"]').waitFor({ state: 'visible', timeout: 5000 });
  await settle(page);
  const after = (await requested(page)).filter((p) => /\.(wasm|js)$/.test(p));
  const code = after.filter((p) => !loaded.includes(p) && !/\/learn\//.test(p));
  assert.deepEqual(code, [], 'only learning text is fetched, no code');
  const s = await snapshot(page);
  assert.equal(s.time, before.time, "the run stays where it was");
});

labTest('a link to a lesson opens it at once', async (t, open) => {
  const w = await open({ query: { lang: 'zh', lesson: 'handshake' } });
  await w.page.locator('[data-testid="lesson-goal"]').waitFor({ state: 'visible', timeout: 10000 });
  const text = await w.page.locator('[data-testid="lesson-goal"]').innerText();
  assert.ok(CJK.test(text), `Chinese lesson: ${text.slice(0, 60)}`);
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

labTest('in a sandboxed iframe (opaque origin) the lab and its learning modes run from the no-CORS fallback', async (t, open) => {
  const w = await open({
    prefix: COURSE_PREFIX,
    // Wide enough for the header's learning switches.
    routes: { '/course.html': coursePage('lang=en&amp;scenario=normal', { width: 1000, height: 700 }) },
    path: '/course.html',
    waitReady: false,
  });
  const frame = w.page.frameLocator('iframe#lab');
  await frame.locator('main#lab[data-ready="true"]').waitFor({ state: 'attached', timeout: 15_000 });
  for (let i = 0; i < 3; i++) await frame.locator('[data-action="step-forward"]').click();
  await settle(w.page);
  const time = await frame.locator('main#lab').getAttribute('data-time-ms');
  assert.notEqual(time, '0.000');
  await frame.locator('[data-action="glossary"]').click();
  await frame.locator('[data-testid="glossary"]').waitFor({ state: 'attached', timeout: 10_000 });
  assert.equal(await frame.locator('main#lab').getAttribute('data-time-ms'), time, 'same point of the run');
  const served = w.server.log.map((e) => e.path);
  assert.ok(served.some((p) => /\/fallback-[0-9a-f]+\.js/.test(p)), 'the fallback script was used');
});
