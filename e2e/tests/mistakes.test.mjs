// The "Common mistakes" card of a lesson (docs/CONTRACT.md: [data-testid="lesson-mistakes"])
// and Lesson 0, "what TCP adds", whose card and narration quote the core's SYN retry limit.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { labTest, OUT } from '../lib/harness.mjs';
import { settle } from '../lib/browser.mjs';
import { CJK, coreTrace } from '../lib/lab.mjs';

const TIMEOUT = 60_000;
const CARD = '[data-testid="lesson-mistakes"]';
const HEADING = { en: 'Common mistakes', zh: '易错点' };

/** Opens a lesson by URL and waits for its mistakes card; returns the card's items. */
async function openCard(open, lesson, lang, viewport, extra = {}) {
  const w = await open({ query: { lang, lesson, ...extra }, viewport });
  const { page } = w;
  await page.waitForSelector(`.lesson[data-lesson="${lesson}"] ${CARD} li[data-mistake] .correction`, {
    timeout: TIMEOUT,
  });
  // The learning text arrives by script: wait until every item has its words.
  await page.waitForFunction(
    (sel) => [...document.querySelectorAll(`${sel} li[data-mistake]`)].every((li) => li.innerText.trim().length > 20),
    CARD,
    { timeout: TIMEOUT },
  );
  const card = page.locator(CARD);
  await card.scrollIntoViewIfNeeded();
  assert.ok(await card.isVisible(), 'the card is visible');
  const heading = card.locator('h4');
  assert.equal((await heading.innerText()).trim().toLowerCase(), HEADING[lang].toLowerCase());
  // Accessible: the section is named by its heading, and the items are a list.
  const labelled = await card.evaluate((el) => document.getElementById(el.getAttribute('aria-labelledby'))?.textContent);
  assert.equal(labelled, HEADING[lang]);
  assert.equal(await card.locator('ul > li[data-mistake]').count(), await card.locator('li').count());
  const items = await card.locator('li[data-mistake]').evaluateAll((lis) =>
    lis.map((li) => ({
      claim: li.querySelector('.claim')?.innerText.trim() ?? '',
      correction: li.querySelector('.correction')?.innerText.trim() ?? '',
      lang: li.querySelector('.mistake')?.getAttribute('lang'),
    })),
  );
  assert.ok(items.length >= 1, 'at least one mistake');
  for (const it of items) {
    assert.equal(it.lang, lang);
    assert.ok(it.claim.length > 10 && it.correction.length > 30, JSON.stringify(it));
    assert.ok(!it.correction.includes('{') && !it.claim.includes('{'), `placeholder left: ${it.correction}`);
    assert.equal(CJK.test(it.claim + it.correction), lang === 'zh', JSON.stringify(it));
  }
  return { page, card, items };
}

async function shoot(page, card, name) {
  fs.mkdirSync(OUT, { recursive: true });
  await card.scrollIntoViewIfNeeded();
  await settle(page);
  await page.screenshot({ path: path.join(OUT, `${name}.png`) });
  await page.screenshot({ path: path.join(OUT, `${name}-full.png`), fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `no horizontal scrolling (${overflow}px too wide)`);
  const box = await card.boundingBox();
  const vw = page.viewportSize().width;
  assert.ok(box && box.x >= 0 && box.x + box.width <= vw + 1, `the card fits the width: ${JSON.stringify(box)} in ${vw}`);
}

/** The Linux SYN limit as the core runs it: retransmissions and the give-up time in seconds. */
function synLimit() {
  const trace = coreTrace('syn_retries_exhausted', { profile: 'linux' });
  const syns = trace.segments.filter((s) => s.dir === 'c2s' && s.flags === 'S');
  const err = trace.errors.find((e) => e.step === 'connect');
  assert.ok(err, 'connect() fails in the core');
  return { retries: syns.length - 1, giveUpS: Math.floor(err.t_ms / 1000) };
}

for (const lang of ['en', 'zh']) {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    labTest(`lesson 0 mistakes card ${width}x${height} ${lang}`, async (t, open) => {
      const { page, card, items } = await openCard(open, 'what-tcp-adds', lang, { width, height });
      // Lesson 0 is first in the list.
      const first = await page.locator('select[data-action="lesson"] option[value]:not([value=""])').first();
      assert.equal(await first.getAttribute('value'), 'what-tcp-adds');
      const all = items.map((i) => `${i.claim} ${i.correction}`).join('\n');
      if (lang === 'en') {
        assert.match(all, /TCP is secure, UDP is not/);
        assert.match(all, /Reliable is not secure/);
        assert.match(all, /TLS/);
      } else {
        assert.match(all, /TCP 安全，UDP 不安全/);
        assert.match(all, /可靠不等于安全/);
      }
      const { retries, giveUpS } = synLimit();
      assert.ok(all.includes(String(giveUpS)) && all.includes(String(retries)), `the core's ${retries} retries and ${giveUpS} s: ${all}`);
      await shoot(page, card, `mistakes-what-tcp-adds-${width}x${height}-${lang}`);
    });

    labTest(`half-close mistakes card ${width}x${height} ${lang}`, async (t, open) => {
      const { page, card, items } = await openCard(open, 'half-close', lang, { width, height });
      assert.ok(items.length >= 2, `${items.length} items`);
      const all = items.map((i) => `${i.claim} ${i.correction}`).join('\n');
      assert.match(all, lang === 'en' ? /half-open[\s\S]*half-closed/ : /半连接[\s\S]*半关闭/);
      // The card stays while the lesson plays: Continue, and it is still there at the first stop.
      await page.locator('[data-action="lesson-continue"]').click();
      await page.waitForSelector('[data-testid="lesson-narration"]', { timeout: TIMEOUT });
      assert.ok(await card.isVisible());
      await shoot(page, card, `mistakes-half-close-${width}x${height}-${lang}`);
    });
  }

  labTest(`mistakes card in a 700x450 embed frame ${lang}`, async (t, open) => {
    const { page, card } = await openCard(open, 'what-tcp-adds', lang, { width: 700, height: 450 }, { embed: '1' });
    await shoot(page, card, `mistakes-what-tcp-adds-embed-700x450-${lang}`);
  });
}
