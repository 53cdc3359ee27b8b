// Issue 4: lessons, predict mode, knowledge panel, plain language, glossary, bilingual view
// (hooks in docs/CONTRACT.md). The learning text is loaded at run time from learn/learn-xx.js.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { labTest, OUT } from '../lib/harness.mjs';
import { settle } from '../lib/browser.mjs';
import { CJK } from '../lib/lab.mjs';

const TIMEOUT = 60_000;

/** Runs the open lesson to its end: Continue at the goal and at every stop, then answers the check. */
async function runLesson(page, { choice = 0 } = {}) {
  const narrations = [];
  await page.waitForSelector('[data-testid="lesson-goal"]', { timeout: TIMEOUT });
  const goal = (await page.locator('[data-testid="lesson-goal"]').innerText()).trim();
  await page.locator('[data-action="lesson-continue"]').click();
  for (let i = 0; i < 40; i++) {
    await page.waitForSelector('[data-testid="lesson-narration"], [data-testid="lesson-check"]', { timeout: TIMEOUT });
    if (await page.locator('[data-testid="lesson-check"]').count()) break;
    const n = page.locator('[data-testid="lesson-narration"]');
    const stop = await n.getAttribute('data-stop');
    narrations.push((await n.innerText()).trim());
    // The narration is announced through the live region.
    const live = (await page.locator('[data-testid="announcer"]').innerText()).trim();
    assert.ok(live.length > 20 && narrations.at(-1).includes(live.slice(0, 20)), `stop ${stop} announced: ${live}`);
    // Keyboard: Continue has the focus, so Enter goes on.
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (s) => document.querySelector('[data-testid="lesson-narration"]')?.getAttribute('data-stop') !== s,
      stop,
      { timeout: TIMEOUT },
    );
  }
  const check = page.locator('[data-testid="lesson-check"]');
  const question = (await check.innerText()).trim();
  await check.locator(`button[data-choice="${choice}"]`).click();
  await page.waitForSelector('[data-testid="lesson-complete"]', { timeout: 5000 });
  return { goal, narrations, question };
}

for (const lang of ['en', 'zh']) {
  labTest(`lesson "handshake" runs to its end in ${lang}`, async (t, open) => {
    const w = await open({ query: { lang, lesson: 'handshake', speed: 8 } });
    const { page } = w;
    await page.evaluate(() => {
      window.__lessonEvents = [];
      window.addEventListener('tcplab:lesson-complete', (e) => window.__lessonEvents.push(e.detail));
    });
    const r = await runLesson(page, { choice: 1 });
    assert.ok(r.narrations.length >= 3, `paused at ${r.narrations.length} stops`);
    for (const n of [r.goal, r.question, ...r.narrations]) {
      assert.equal(CJK.test(n), lang === 'zh', `text in ${lang}: ${n.slice(0, 60)}`);
    }
    assert.ok(!r.narrations.some((n) => /\{[a-z_]+\}/.test(n)), 'every placeholder filled');
    const events = await page.evaluate(() => window.__lessonEvents);
    assert.equal(events.length, 1);
    assert.equal(events[0].id, 'handshake');
    assert.equal(typeof events[0].correct, 'boolean');
    const right = await page.locator('[data-testid="lesson-complete"]').getAttribute('data-correct');
    assert.equal(String(events[0].correct), right);
    // The learning text came from the per-language script, not the wasm.
    const scripts = await page.evaluate(() => [...document.querySelectorAll('script[data-learn-text]')].map((s) => s.getAttribute('src')));
    assert.deepEqual(scripts, [`learn/learn-${lang}.js`]);
  });
}

/** Plays until predict mode asks, answers with `pick(n, oracle)`, returns the feedback. */
async function askAndAnswer(page, choose) {
  await page.waitForSelector('[data-testid="quiz"] button[data-choice]:not([disabled])', { timeout: TIMEOUT });
  const quiz = page.locator('[data-testid="quiz"]');
  // The answer is not in the page before the learner picks.
  assert.equal(await quiz.locator('[data-right]').count(), 0, 'no answer exposed before picking');
  assert.equal(await page.locator('main#lab').getAttribute('data-playing'), 'false');
  const n = await quiz.locator('button[data-choice]').count();
  await quiz.locator(`button[data-choice="${choose(n)}"]`).click();
  const fb = page.locator('[data-testid="quiz-feedback"]');
  await fb.waitFor({ timeout: 5000 });
  const correct = await fb.getAttribute('data-correct');
  const rightIndex = await quiz.locator('button[data-right="true"]').getAttribute('data-choice');
  return { correct, rightIndex: Number(rightIndex), n };
}

async function continueQuiz(page) {
  await page.locator('[data-action="quiz-continue"]').click();
}

labTest('predict mode: one answer right, one wrong, the score counts both', async (t, open) => {
  const query = { lang: 'en', scenario: 'normal', profile: 'rfc', speed: 8 };
  // Two pages in the same deterministic run: the oracle answers first and shows the right choice.
  const oracle = (await open({ query })).page;
  const learner = (await open({ query })).page;
  for (const page of [oracle, learner]) {
    await page.locator('[data-action="quiz-mode"]').click();
    assert.equal(await page.locator('[data-action="quiz-mode"]').getAttribute('aria-pressed'), 'true');
    await page.locator('[data-action="play"]').click();
  }
  const o1 = await askAndAnswer(oracle, () => 0);
  const l1 = await askAndAnswer(learner, () => o1.rightIndex);
  assert.equal(l1.correct, 'true');
  const live = (await learner.locator('[data-testid="announcer"]').innerText()).trim();
  assert.ok(live.startsWith('Right.'), `feedback announced: ${live}`);
  await continueQuiz(oracle);
  await continueQuiz(learner);
  const o2 = await askAndAnswer(oracle, () => 0);
  const l2 = await askAndAnswer(learner, (n) => (o2.rightIndex + 1) % n);
  assert.equal(l2.correct, 'false');
  fs.mkdirSync(OUT, { recursive: true });
  await learner.screenshot({ path: path.join(OUT, 'learn-quiz-1280x720-en.png') });
  const score = learner.locator('[data-testid="quiz-score"]');
  assert.equal(await score.getAttribute('data-asked'), '2');
  assert.equal(await score.getAttribute('data-correct'), '1');
});

labTest('?lesson=unknown says so and offers the list', async (t, open) => {
  const { page } = await open({ query: { lang: 'en', lesson: 'no-such-lesson' } });
  await page.waitForSelector('select[data-action="lesson"]');
  assert.match(await page.locator('[data-testid="lessons"]').innerText(), /no lesson with this name/);
});

labTest('knowledge panel follows the handshake; glossary, plain language and bilingual view', async (t, open) => {
  const { page } = await open({ query: { lang: 'en', scenario: 'normal', profile: 'rfc' } });
  const known = () =>
    page.$$eval('[data-testid="knowledge"] tbody tr', (rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.getAttribute('data-known') === 'true')),
    );
  assert.ok((await known()).flat().every((v) => !v), 'nothing known before the SYN');
  // Step until the server is ESTABLISHED: then both sides know both directions work.
  for (let i = 0; i < 20; i++) {
    if ((await page.getAttribute('[data-endpoint="server"][data-state]', 'data-state')) === 'ESTABLISHED') break;
    await page.locator('[data-action="step-forward"]').click();
    await settle(page);
  }
  const k = await known();
  for (const row of k.slice(0, 4)) assert.deepEqual(row, [true, true]);
  assert.match(await page.locator('[data-testid="knowledge"]').innerText(), /✓/);

  await page.locator('[data-action="glossary"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="glossary"] [lang="zh"]')?.textContent.length > 0);
  const first = await page.locator('[data-testid="glossary"] dt').first().innerText();
  assert.match(first, /TCP/);
  assert.ok(CJK.test(first), 'Chinese term beside the English one');

  await page.locator('[data-action="plain-language"]').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="analogy"] .limits')?.textContent.length > 20);

  await page.locator('[data-action="bilingual"]').click();
  await page.waitForSelector('[data-testid="explanation"][lang="zh"]');
  await page.waitForFunction(() => document.querySelector('[data-testid="glossary"] dd[lang="zh"]')?.textContent.length > 0);
  assert.equal(await page.locator('script[data-learn-text]').count(), 2);
  fs.mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, 'learn-bilingual-glossary-en.png') });
});

for (const lang of ['en', 'zh']) {
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
    [390, 844],
  ]) {
    labTest(`learn screenshot ${width}x${height} ${lang}`, async (t, open) => {
      const { page } = await open({ query: { lang, lesson: 'handshake' }, viewport: { width, height } });
      await page.waitForSelector('[data-testid="lesson-goal"]', { timeout: TIMEOUT });
      await page.locator('[data-action="quiz-mode"]').click();
      await page.locator('[data-action="plain-language"]').click();
      await page.locator('[data-action="lesson-continue"]').click();
      await page.waitForSelector('[data-testid="lesson-narration"]', { timeout: TIMEOUT });
      await settle(page);
      fs.mkdirSync(OUT, { recursive: true });
      await page.screenshot({ path: path.join(OUT, `learn-${width}x${height}-${lang}.png`) });
      await page.screenshot({ path: path.join(OUT, `learn-${width}x${height}-${lang}-full.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `no horizontal scrolling at ${width}px (${overflow}px too wide)`);
    });
  }
}
