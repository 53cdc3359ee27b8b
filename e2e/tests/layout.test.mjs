// Layouts that must fit: the 700x450 embed (framed like a course page would), a phone, a laptop
// and a projector, in both languages; ladder labels that never sit on top of each other.
// Screenshots go to e2e/out/layout-*.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { labTest, OUT } from '../lib/harness.mjs';
import { READY, coursePage, COURSE_PREFIX } from '../lib/lab.mjs';
import { settle } from '../lib/browser.mjs';

const LONG = { timeout: 120_000 };
const EMBED_QUERY = 'v=1&scenario=synack_lost&step=7&lang=LANG&embed=1&compact=1&controls=play,step,scrub';

function shot(name) {
  fs.mkdirSync(OUT, { recursive: true });
  return path.join(OUT, `layout-${name}.png`);
}

/**
 * In the page: pairs of ladder texts (segment labels, state names, marks) whose boxes overlap;
 * with `chips`, the boxes of the segments in flight too.
 */
function labelOverlaps(chips = false) {
  let sel = 'svg.ladder .seg-label, svg.ladder .state-change text, svg.ladder .lost-mark text, svg.ladder .dup-mark, svg.ladder .time-label';
  if (chips) sel += ', svg.ladder .packet rect';
  const items = [...document.querySelectorAll(sel)]
    .map((el) => ({ text: el.textContent || el.parentNode.textContent, r: el.getBoundingClientRect() }))
    .filter((x) => x.r.width > 0 && x.r.height > 0);
  const out = [];
  const eps = 0.5;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i].r;
      const b = items[j].r;
      const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (dx > eps && dy > eps) out.push(`"${items[i].text}" / "${items[j].text}" (${dx.toFixed(1)}x${dy.toFixed(1)}px)`);
    }
  }
  return { count: items.length, overlaps: out };
}

/** In the page: where the things a learner must see are, relative to the visible window. */
function whatIsVisible() {
  const box = (sel) => {
    const el = document.querySelector(sel);
    if (!el || !el.getClientRects().length) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
  };
  const svg = document.querySelector('svg.ladder');
  const vb = svg?.viewBox?.baseVal;
  const scroller = document.querySelector('.ladder-scroll');
  const sr = scroller?.getBoundingClientRect();
  const states = [...document.querySelectorAll('svg.ladder .state-change text')].map((t) => {
    const r = t.getBoundingClientRect();
    return { text: t.textContent, left: r.left, right: r.right };
  });
  return {
    vw: innerWidth,
    vh: innerHeight,
    scrollY,
    docHeight: document.documentElement.scrollHeight,
    client: box('[data-endpoint="client"][data-state]'),
    server: box('[data-endpoint="server"][data-state]'),
    explanation: box('[data-testid="explanation"]'),
    explanationTitle: box('[data-testid="explanation"] h3'),
    ladder: box('.ladder-wrap'),
    playhead: box('svg.ladder g.playhead line'),
    scale: svg && vb ? svg.getBoundingClientRect().width / vb.width : null,
    scroller: sr ? { left: sr.left, right: sr.right, top: sr.top, bottom: sr.bottom } : null,
    states,
    heads: [...document.querySelectorAll('.ladder-heads .head')].map((h) => {
      const r = h.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    }),
  };
}

const inside = (b, v, what) => {
  assert.ok(b, `${what} is shown`);
  assert.ok(b.width > 0 && b.height > 0, `${what} has a size (${b.width}x${b.height})`);
  assert.ok(b.top >= -1 && b.bottom <= v.vh + 1 && b.left >= -1 && b.right <= v.vw + 1,
    `${what} is inside the ${v.vw}x${v.vh} window without scrolling (${JSON.stringify(b)})`);
};

for (const lang of ['en', 'zh']) {
  for (const compact of [true, false]) {
    const name = `embed-700x450-${compact ? 'compact-' : ''}${lang}`;
    labTest(`700x450 iframe embed (${compact ? 'compact, ' : ''}${lang}): ladder, both states and the explanation fit`, LONG, async (t, open) => {
      let query = EMBED_QUERY.replace('LANG', lang);
      if (!compact) query = query.replace('&compact=1', '');
      const w = await open({
        prefix: COURSE_PREFIX,
        routes: { '/course.html': coursePage(query.replaceAll('&', '&amp;')) },
        path: '/course.html',
        waitReady: false,
        viewport: { width: 800, height: 600 },
      });
      const handle = await w.page.waitForSelector('iframe#lab');
      const frame = await handle.contentFrame();
      await frame.waitForSelector(READY, { state: 'attached', timeout: 20000 });
      await settle(w.page);
      await w.page.waitForTimeout(300);
      await handle.screenshot({ path: shot(name) });
      const v = await frame.evaluate(whatIsVisible);
      t.diagnostic(JSON.stringify({ docHeight: v.docHeight, scale: v.scale }));
      assert.ok(v.docHeight <= v.vh + 1, `the lab fits the frame: it is ${v.docHeight}px tall in a ${v.vh}px frame`);
      inside(v.client, v, 'the client state');
      inside(v.server, v, 'the server state');
      inside(v.ladder, v, 'the ladder');
      inside(v.explanationTitle, v, 'the current explanation');
      assert.ok(v.ladder.height >= 200, `the ladder has room (${v.ladder.height}px tall)`);
      assert.ok(v.scale <= 1.2, `the ladder is drawn at about its own size, not blown up (${v.scale?.toFixed(2)}x)`);
      for (const s of v.states) {
        assert.ok(s.left >= v.scroller.left + 2 && s.right <= v.scroller.right - 2,
          `state name ${s.text} stays clear of the ladder's edges (${s.left.toFixed(1)}..${s.right.toFixed(1)} in ${v.scroller.left}..${v.scroller.right})`);
      }
      if (v.heads.length === 2) {
        assert.ok(v.heads[0].right <= v.heads[1].left, 'the client and server chips do not overlap');
      }
      const { overlaps } = await frame.evaluate(labelOverlaps, true);
      assert.deepEqual(overlaps, [], 'no two ladder labels or chips overlap in the embed');
    });
  }
}

for (const lang of ['en', 'zh']) {
  labTest(`phone 390x844 (${lang}): both states, the explanation and the ladder in play on the first screen`, LONG, async (t, open) => {
    const w = await open({ query: { v: 1, scenario: 'synack_lost', step: 7, lang }, viewport: { width: 390, height: 844 } });
    await w.page.waitForTimeout(300);
    await w.page.screenshot({ path: shot(`phone-390x844-${lang}`) });
    const v = await w.page.evaluate(whatIsVisible);
    assert.equal(v.scrollY, 0);
    inside(v.client, v, 'the client state');
    inside(v.server, v, 'the server state');
    inside(v.explanationTitle, v, 'the current explanation');
    assert.ok(v.ladder && v.ladder.top >= 0 && v.ladder.bottom <= v.vh + 1 && v.ladder.height >= 220,
      `the ladder is on the first screen with room (${JSON.stringify(v.ladder)})`);
    assert.ok(v.playhead && v.playhead.top >= v.scroller.top && v.playhead.bottom <= v.scroller.bottom,
      `the ladder shows the playhead (${JSON.stringify(v.playhead)} in ${JSON.stringify(v.scroller)})`);
  });
}

labTest('phone 390x844: what the learner opens scrolls into view and takes the focus', LONG, async (t, open) => {
  const w = await open({ query: { lang: 'en', scenario: 'normal' }, viewport: { width: 390, height: 844 } });
  const { page } = w;
  const check = async (panel, what) => {
    await settle(page);
    await page.waitForTimeout(300);
    const r = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      if (!el) return null;
      const b = el.getBoundingClientRect();
      return { top: b.top, vh: innerHeight, focusInside: el.contains(document.activeElement) };
    }, panel);
    assert.ok(r, `${what} is open`);
    assert.ok(r.top >= -1 && r.top < r.vh * 0.5, `${what} is scrolled into view (top at ${r.top.toFixed(0)}px)`);
    assert.ok(r.focusInside, `${what} has the focus`);
  };
  await page.locator('select[data-action="scenario"]').selectOption('custom');
  await check('.panel.setup', 'the custom-run form');
  await page.screenshot({ path: shot('phone-custom-390x844-en') });
  await page.evaluate(() => scrollTo(0, 0));
  await page.locator('[data-action="glossary"]').first().click();
  await check('[data-testid="glossary"]', 'the glossary');
  await page.evaluate(() => scrollTo(0, 0));
  await page.locator('[data-action="learn"]').first().click();
  await check('[data-testid="lessons"]', 'the lesson list');
  await page.evaluate(() => scrollTo(0, 0));
  await page.locator('select[data-action="lesson"]').selectOption('what-tcp-adds');
  await page.waitForSelector('.lesson[data-lesson="what-tcp-adds"]');
  await check('[data-testid="lessons"]', 'the lesson');
  await page.locator('[data-action="lesson-close"]').first().click();
  await settle(page);
  if (await page.locator('[data-testid="lessons"]').count()) await page.locator('[data-action="learn"]').first().click();
  await page.evaluate(() => scrollTo(0, 0));
  await page.locator('[data-action="quiz-mode"]').first().click();
  await page.locator('[data-action="play"]').first().click();
  await page.waitForSelector('[data-testid="quiz"] button[data-choice]:not([disabled])', { timeout: 30000 });
  await check('[data-testid="quiz"]', 'the predict-mode question');
});

for (const [width, height] of [[1280, 800], [390, 844]]) {
  for (const scenario of ['synack_lost', 'old_duplicate_syn', 'normal']) {
    labTest(`ladder labels never overlap: ${scenario} at ${width}x${height}`, LONG, async (t, open) => {
      const w = await open({ query: { lang: 'en', scenario }, viewport: { width, height } });
      await w.page.locator('[data-action="end"]').first().click();
      await settle(w.page);
      const { count, overlaps } = await w.page.evaluate(labelOverlaps);
      await w.page.locator('.ladder-wrap').screenshot({ path: shot(`labels-${scenario}-${width}x${height}-end`) });
      await w.page.evaluate(() => { document.querySelector('.ladder-scroll').scrollTop = 0; });
      await w.page.waitForTimeout(200);
      await w.page.locator('.ladder-wrap').screenshot({ path: shot(`labels-${scenario}-${width}x${height}-top`) });
      assert.ok(count > 3, `labels drawn (${count})`);
      assert.deepEqual(overlaps, [], 'no two ladder labels overlap');
      const labels = await w.page.locator('svg.ladder .seg-label').allTextContents();
      assert.ok(labels.every((l) => !/(seq|ack)=-/.test(l)), `no negative sequence numbers: ${labels.join(' | ')}`);
    });
  }
}

for (const lang of ['en', 'zh']) {
  for (const [width, height] of [[1280, 800], [1920, 1080]]) {
    labTest(`screenshot at ${width}x${height} (${lang}): labels apart, states and explanation visible`, LONG, async (t, open) => {
      const w = await open({ query: { v: 1, scenario: 'synack_lost', step: 7, lang }, viewport: { width, height } });
      await w.page.waitForTimeout(300);
      await w.page.screenshot({ path: shot(`${width}x${height}-${lang}`) });
      const v = await w.page.evaluate(whatIsVisible);
      inside(v.client, v, 'the client state');
      inside(v.server, v, 'the server state');
      inside(v.explanationTitle, v, 'the current explanation');
      const { overlaps } = await w.page.evaluate(labelOverlaps);
      assert.deepEqual(overlaps, [], 'no two ladder labels overlap');
    });
  }
}
