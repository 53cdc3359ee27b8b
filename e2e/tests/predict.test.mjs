// Predict mode keeps its answers until the learner answers: the event log shows nothing after the
// playhead, steps and arrow keys cannot pass an open question, and stepping asks like playing does.
// Lessons: the check comes after the last stop and allows another try. Quiz feedback follows the
// run's profile (linux: the delayed ACK rides on the FIN).
import assert from 'node:assert/strict';
import { labTest } from '../lib/harness.mjs';
import { settle } from '../lib/browser.mjs';
import { coreTrace } from '../lib/lab.mjs';

const TIMEOUT = 60_000;
const QUESTION = '[data-testid="quiz"] button[data-choice]:not([disabled])';

const now = async (page) => Number(await page.locator('main#lab').getAttribute('data-time-ms'));

/** The times (ms) of the event log entries on the page. */
const logTimes = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="event-log"] [data-log-index] .log-time')].map((el) =>
      Number(el.textContent.replace(/[^0-9.]/g, '')),
    ),
  );

labTest('predict mode: the event log shows nothing after the playhead', async (t, open) => {
  const { page } = await open({ query: { lang: 'en', scenario: 'normal', profile: 'rfc', quiz: 1, speed: 8 } });
  assert.deepEqual(await logTimes(page), [], 'nothing has happened before the start');
  await page.locator('[data-action="play"]').click();
  for (let q = 0; q < 3; q++) {
    await page.waitForSelector(QUESTION, { timeout: TIMEOUT });
    const at = await now(page);
    const times = await logTimes(page);
    assert.ok(times.length > 0, 'what happened is listed');
    assert.ok(times.every((x) => x <= at), `no entry after the playhead (${at} ms): ${times}`);
    await page.locator(`${QUESTION}[data-choice="0"]`).click();
    await page.locator('[data-action="quiz-continue"]').click();
  }
});

labTest('predict mode: arrow keys move between the choices; nothing steps past an open question', async (t, open) => {
  const { page } = await open({ query: { lang: 'en', scenario: 'normal', profile: 'rfc', quiz: 1, speed: 8 } });
  await page.locator('[data-action="play"]').click();
  await page.waitForSelector(QUESTION, { timeout: TIMEOUT });
  await settle(page);
  const t0 = await now(page);
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-choice'));
  assert.equal(await focused(), '0', 'the first choice has the focus');
  const n = await page.locator('[data-testid="quiz"] button[data-choice]').count();
  assert.equal(await page.locator('[data-testid="quiz"] [role="radiogroup"] [role="radio"]').count(), n);
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), '1', 'ArrowRight goes to the next choice');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), String(n - 1), 'ArrowLeft wraps to the last choice');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), '0', 'ArrowDown wraps to the first');
  await settle(page);
  assert.equal(await now(page), t0, 'arrow keys did not step the run');
  // The step and end buttons wait for the answer (shown idle); clicks on them, a scrub forward and
  // the shortcuts from elsewhere on the page change nothing.
  for (const action of ['step-forward', 'end']) {
    const b = page.locator(`[data-action="${action}"]`);
    assert.match((await b.getAttribute('class')) ?? '', /\bidle\b/, `${action} is idle`);
    await b.click();
  }
  await page.evaluate(() => {
    const scrub = document.querySelector('input[data-action="scrub"]');
    scrub.value = scrub.max;
    scrub.dispatchEvent(new Event('input', { bubbles: true }));
    scrub.dispatchEvent(new Event('change', { bubbles: true }));
    document.activeElement?.blur();
  });
  await page.keyboard.press('ArrowRight');
  await settle(page);
  assert.equal(await now(page), t0, 'still at the question');
  assert.equal(await page.locator(QUESTION).count(), n, 'the question is still open');
  const score = page.locator('[data-testid="quiz-score"]');
  assert.equal(await score.getAttribute('data-asked'), '0');
  // Enter picks the focused choice.
  await page.locator(`${QUESTION}[data-choice="1"]`).focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="quiz-feedback"]').waitFor({ timeout: 5000 });
  assert.equal(await score.getAttribute('data-asked'), '1');
});

labTest('predict mode: stepping asks at the question points, as playing does', async (t, open) => {
  const { page } = await open({ query: { lang: 'en', scenario: 'normal', profile: 'rfc', quiz: 1 } });
  const trace = coreTrace('normal', { profile: 'rfc' });
  const firstArrival = Math.min(...trace.segments.filter((s) => s.arrive_ms != null).map((s) => s.arrive_ms));
  let asked = false;
  for (let i = 0; i < 10 && !asked; i++) {
    await page.locator('[data-action="step-forward"]').click();
    await settle(page);
    asked = (await page.locator(QUESTION).count()) > 0;
  }
  assert.ok(asked, 'a step that reaches a question point asks it');
  const at = await now(page);
  assert.ok(at < firstArrival, `stopped before the SYN arrives (${at} < ${firstArrival})`);
  // Answered, the next step goes on to the arrival.
  await page.locator(`${QUESTION}[data-choice="0"]`).click();
  await page.locator('[data-action="step-forward"]').click();
  await settle(page);
  assert.ok((await now(page)) >= firstArrival, 'after the answer, stepping goes on');
  assert.equal(await page.locator('[data-testid="quiz-score"]').getAttribute('data-asked'), '1');
});

labTest('lesson: the check comes after the last stop and allows another try, explaining each', async (t, open) => {
  const { page } = await open({ query: { lang: 'en', lesson: 'handshake', speed: 8 } });
  const trace = coreTrace('normal', { profile: 'rfc' });
  await page.waitForSelector('[data-action="lesson-continue"]', { timeout: TIMEOUT });
  await page.locator('[data-action="lesson-continue"]').click();
  for (let i = 0; i < 20; i++) {
    await page.waitForSelector('[data-testid="lesson-narration"], [data-testid="lesson-check"]', { timeout: TIMEOUT });
    if (await page.locator('[data-testid="lesson-check"]').count()) break;
    await page.locator('[data-action="lesson-continue"]').click();
  }
  await page.waitForSelector('[data-testid="lesson-check"]', { timeout: TIMEOUT });
  const t0 = await now(page);
  assert.ok(t0 < trace.end_ms / 2, `the check did not wait for the end of the run (${t0} of ${trace.end_ms} ms)`);
  assert.equal(await page.locator('main#lab').getAttribute('data-playing'), 'false');
  const check = page.locator('[data-testid="lesson-check"]');
  // A wrong answer: why it is wrong, and another try.
  await check.locator('button[data-choice="0"]').click();
  const fb = page.locator('[data-testid="lesson-feedback"]');
  await fb.waitFor({ timeout: 5000 });
  assert.equal(await fb.getAttribute('data-correct'), 'false');
  assert.match(await fb.innerText(), /SYN flag is off/);
  assert.match(await fb.innerText(), /Try another answer/);
  assert.equal(await page.locator('[data-testid="lesson-complete"]').count(), 0, 'not over after a wrong try');
  assert.ok(await check.locator('button[data-choice="0"]').isDisabled());
  assert.equal(await check.locator('button[data-right="true"]').count(), 0, 'the right answer is not given away');
  assert.ok(!(await check.locator('button[data-choice="1"]').isDisabled()), 'the others can still be tried');
  await check.locator('button[data-choice="1"]').click();
  await page.waitForSelector('[data-testid="lesson-complete"]', { timeout: 5000 });
  assert.equal(await fb.getAttribute('data-correct'), 'true');
  assert.match(await fb.innerText(), /bare ACK/);
  assert.equal(await page.locator('[data-testid="lesson-complete"]').getAttribute('data-correct'), 'false', 'not right the first time');
});

for (const lang of ['en', 'zh']) {
  labTest(`predict mode under linux (${lang}): the feedback at the passive close tells the delayed ACK`, async (t, open) => {
    const { page } = await open({ query: { lang, scenario: 'normal', profile: 'linux', quiz: 1, speed: 8 } });
    await page.locator('[data-action="play"]').click();
    const three = lang === 'en' ? /three segments/ : /三个报文段/;
    let feedback = null;
    for (let q = 0; q < 12 && feedback == null; q++) {
      await page.waitForSelector(QUESTION, { timeout: TIMEOUT });
      const prompt = await page.locator('[data-testid="quiz"] .prompt').innerText();
      await page.locator(`${QUESTION}[data-choice="0"]`).click();
      const fb = page.locator('[data-testid="quiz-feedback"]');
      await fb.waitFor({ timeout: 5000 });
      if (/FIN, ACK/.test(prompt) && (lang === 'en' ? /from the client/ : /客户端发出/).test(prompt)) {
        feedback = await fb.innerText();
      } else {
        await page.locator('[data-action="quiz-continue"]').click();
      }
    }
    assert.ok(feedback, 'asked about the client FIN reaching the server');
    assert.match(feedback, three, feedback);
  });
}
