// What the learner reads: custom-step errors and link notices in the page's language, one
// format for times, the default run (the textbook's four-segment close), and a "break it" form
// that offers only what the run sends.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { labTest } from '../lib/harness.mjs';
import { REPO_ROOT } from '../lib/server.mjs';
import { snapshot, clickAction, coreTrace, dirFlags, inSendOrder, CJK } from '../lib/lab.mjs';
import { settle } from '../lib/browser.mjs';

const LONG = { timeout: 120_000 };
const notices = (page) => page.$$eval('[data-testid="notice"] span', (els) => els.map((e) => e.textContent));

async function applySteps(page, client) {
  await page.locator('[data-action="client-steps"]').fill(client);
  await page.locator('[data-action="apply"]').click();
  await settle(page);
  return (await page.locator('.field-error').allInnerTexts()).map((s) => s.trim()).filter(Boolean);
}

labTest('custom-step errors are said in Chinese, with the offending value', LONG, async (t, open) => {
  const { page } = await open({ query: { lang: 'zh' } });
  for (const [steps, value] of [['connect\nsend lots', 'lots'], ['connect\njump 3', 'jump'], ['send', 'send']]) {
    const [error] = await applySteps(page, steps);
    assert.ok(error, `an error for ${JSON.stringify(steps)}`);
    assert.ok(error.includes(value), `names ${value}: ${error}`);
    assert.match(error, CJK);
    assert.doesNotMatch(error, /is not a number|unknown step|expected|needs|in step/, error);
  }
  const en = (await open({ query: { lang: 'en' } })).page;
  const [error] = await applySteps(en, 'connect\njump 3');
  assert.match(error, /Line 2/);
  assert.match(error, /listen, connect, send N/, 'lists the steps');
});

labTest('link notices list the valid values and say what was used, in the learner language', LONG, async (t, open) => {
  const zh = (await open({ query: 'lang=zh&scenario=nope&profile=bsd&controls=play,evil&drop=s2c:XX' })).page;
  const z = await notices(zh);
  assert.equal(z.length, 4, z.join('\n'));
  for (const text of z) {
    assert.match(text, CJK);
    assert.doesNotMatch(text, /README|expected|Embedding/, text);
  }
  assert.match(z.join('\n'), /normal, syn_lost, synack_lost/);
  assert.match(z.join('\n'), /rfc, linux/);
  assert.match(z.join('\n'), /play, step, scrub, reset, end, speed/);
  assert.match(z.join('\n'), /s2c:SA:1/);
  const en = (await open({ query: 'lang=en&scenario=nope' })).page;
  const [text] = await notices(en);
  assert.match(text, /\?scenario=nope/);
  assert.match(text, /connection_refused/);
  assert.match(text, /Used normal\./);
});

labTest('times have one readable format; data-time-ms stays exact', LONG, async (t, open) => {
  for (const lang of ['en', 'zh']) {
    const { page } = await open({ query: { lang, scenario: 'normal', profile: 'rfc' } });
    await clickAction(page, 'end');
    const times = await page.$$eval('.log-time', (els) => els.map((e) => e.textContent.trim()));
    assert.ok(times.length > 5);
    const unit = lang === 'en' ? '(µs|ms|s|min)' : '(微秒|毫秒|秒|分钟)';
    const one = new RegExp(`^\\d+(\\.\\d{1,3})? ${unit}( \\d+(\\.\\d{1,3})? ${lang === 'en' ? 's' : '秒'})?$`);
    for (const x of times) {
      assert.match(x, one, x);
      assert.doesNotMatch(x, /\d{4,}(\.\d+)? (ms|毫秒)/, `${x}: a second or more is not written in ms`);
    }
    assert.ok(times.some((x) => /min|分钟/.test(x)), `TIME-WAIT's end in minutes: ${times.slice(-3)}`);
    const ladder = await page.$$eval('.time-label', (els) => els.map((e) => e.textContent.trim()));
    for (const x of ladder) assert.match(x, one, x);
    const exact = await page.locator('main#lab').getAttribute('data-time-ms');
    assert.match(exact, /^\d+\.\d{3}$/);
  }
});

labTest('the first run is the textbook four-segment close; linux is one switch away, with a note', LONG, async (t, open) => {
  const { page } = await open({ query: {} });
  assert.equal(await page.locator('[data-action="profile"]').inputValue(), 'rfc');
  const note = page.locator('[data-testid="profile-note"]');
  assert.equal(await note.getAttribute('data-profile'), 'rfc');
  assert.match(await note.innerText(), /four/);
  await clickAction(page, 'end');
  const rfc = coreTrace('normal', { profile: 'rfc' });
  const shown = dirFlags(inSendOrder((await snapshot(page)).segments));
  assert.deepEqual(shown, dirFlags(rfc.segments));
  const fins = (list) => list.findIndex((x) => x.includes('F'));
  assert.equal(shown.length - fins(shown), 4, `four segments close: ${shown}`);
  await page.locator('[data-action="profile"]').selectOption('linux');
  await settle(page);
  assert.equal(await note.getAttribute('data-profile'), 'linux');
  assert.match(await note.innerText(), /three/);
  await clickAction(page, 'end');
  const linux = dirFlags(inSendOrder((await snapshot(page)).segments));
  assert.deepEqual(linux, dirFlags(coreTrace('normal', { profile: 'linux' }).segments));
  assert.equal(linux.length - fins(linux), 3, `three segments close: ${linux}`);
  // The same note in Chinese.
  const zh = (await open({ query: { lang: 'zh' } })).page;
  assert.match(await zh.locator('[data-testid="profile-note"]').innerText(), CJK);
});

labTest('break it offers what the run sends and refuses a fate it would never use', LONG, async (t, open) => {
  const { page } = await open({ query: { lang: 'zh', scenario: 'connection_refused' } });
  const kinds = [...new Set(coreTrace('connection_refused', { profile: 'rfc' }).segments.map((s) => `${s.dir}:${s.flags}`))];
  const offered = await page.$$eval('select[data-action="arm-target"] option', (os) => os.map((o) => o.value));
  assert.deepEqual(offered, kinds);
  assert.ok(!offered.includes('s2c:SA'), 'no SYN-ACK in a refused connection');
  await clickAction(page, 'end');
  await page.locator('select[data-action="arm-target"]').selectOption('c2s:S');
  await page.locator('[data-action="arm"]').click();
  await settle(page);
  const refused = await page.locator('[data-testid="arm-refused"]').innerText();
  assert.match(refused, CJK);
  assert.match(refused, /SYN/);
  assert.equal(await page.locator('.break-it .faults li').count(), 0, 'nothing armed');
  // From the start, the same fate is used (the first SYN is lost) and accepted.
  await clickAction(page, 'reset');
  await page.locator('[data-action="arm"]').click();
  await settle(page);
  assert.equal(await page.locator('.break-it .faults li').count(), 1);
  assert.equal(await page.locator('[data-testid="arm-refused"]').count(), 0);
});

labTest('Chinese details: full-width score colon, profile names that fit, translated embed controls', LONG, async (t, open) => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const { page } = await open({ query: { lang: 'zh' }, viewport });
    for (const value of ['rfc', 'linux']) {
      await page.locator('[data-action="profile"]').selectOption(value);
      await settle(page);
      const fit = await page.$eval('select[data-action="profile"]', (sel) => {
        const cs = getComputedStyle(sel);
        const ctx = document.createElement('canvas').getContext('2d');
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const text = ctx.measureText(sel.selectedOptions[0].textContent).width;
        const room = sel.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) - 16;
        return { text, room };
      });
      assert.ok(fit.text <= fit.room, `${viewport.width}px, ${value}: text ${fit.text.toFixed(0)}px in ${fit.room.toFixed(0)}px`);
    }
  }
  const { page } = await open({ query: { lang: 'zh', scenario: 'normal', speed: 8 } });
  await page.locator('[data-action="quiz-mode"]').click();
  const score = await page.locator('[data-testid="quiz-score"]').innerText();
  assert.match(score, /：/);
  assert.doesNotMatch(score, /:/);
  await clickAction(page, 'embed');
  await page.waitForSelector('[data-embed-control]');
  const labels = await page.$$eval('[data-embed-control]', (els) =>
    els.map((i) => [i.getAttribute('data-embed-control'), i.closest('label').textContent.trim()]));
  assert.deepEqual(labels.map((x) => x[0]), ['play', 'step', 'scrub', 'reset', 'end', 'speed']);
  for (const [value, label] of labels) assert.match(label, CJK, `${value}: ${label}`);
});

labTest('the README lesson-complete example names a real lesson', async (t, open) => {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const id = readme.match(/type: "lesson-complete", id: "([^"]+)"/)[1];
  const { page } = await open({ query: { lang: 'en', learn: 'lessons' } });
  const ids = await page.$$eval('select[data-action="lesson"] option', (os) => os.map((o) => o.value));
  assert.ok(ids.includes(id), `${id} in ${ids}`);
});
