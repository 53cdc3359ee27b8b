// Issue 3: the lab, driven like a person would, against the built dist/ (see docs/CONTRACT.md).
// The expected traces come from the core's own command line, never from a copy in this file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { labTest, OUT } from '../lib/harness.mjs';
import { settle } from '../lib/browser.mjs';
import {
  snapshot,
  position,
  inSendOrder,
  dirFlags,
  clickAction,
  stepForward,
  stepUntil,
  coreTrace,
  finalStates,
  CJK,
} from '../lib/lab.mjs';

const EN_NORMAL = { lang: 'en', scenario: 'normal', profile: 'linux' };

function expectedNormal() {
  const trace = coreTrace('normal', { profile: 'linux' });
  return {
    trace,
    seq: trace.segments.map((s) => `${s.dir} ${s.flags}`),
    fates: trace.segments.map((s) => s.fate),
    final: finalStates(trace),
  };
}

labTest('normal scenario autoplays to the end: badges and segment sequence match the core', async (t, open) => {
  const exp = expectedNormal();
  const w = await open({ query: { ...EN_NORMAL, speed: 8, autoplay: 1 } });
  const { page } = w;
  // The linux profile runs TIME-WAIT (60 s) to expiry: 7.5 s at 8x. If the app pauses at a long
  // wait, use its fast-forward button like a learner would.
  const deadline = Date.now() + 90_000;
  let s = await snapshot(page);
  let timeWaitSince = null;
  while (Date.now() < deadline) {
    s = await snapshot(page);
    const done = s.segments.length >= exp.seq.length && s.client === exp.final.client && s.server === exp.final.server;
    if (done) break;
    if (s.client === 'TIME-WAIT' || s.server === 'TIME-WAIT') {
      timeWaitSince ??= Date.now();
      if (Date.now() - timeWaitSince > 15_000 && (await page.locator('[data-action="fast-forward"]').count())) {
        t.diagnostic('TIME-WAIT lasted > 15 s at 8x: clicking fast-forward');
        await clickAction(page, 'fast-forward');
        timeWaitSince = Date.now();
      }
    }
    await page.waitForTimeout(250);
  }
  assert.equal(s.client, exp.final.client, 'client badge at the end');
  assert.equal(s.server, exp.final.server, 'server badge at the end');
  assert.ok(['CLOSED', 'TIME-WAIT'].includes(s.client));
  const segs = inSendOrder(s.segments);
  assert.deepEqual(dirFlags(segs), exp.seq, 'segment sequence (dir flags) as the core produced it');
  assert.deepEqual(segs.map((x) => x.fate), exp.fates, 'segment fates');
});

labTest('the "end" button jumps to the end of the normal run', async (t, open) => {
  const exp = expectedNormal();
  const w = await open({ query: EN_NORMAL });
  const start = await snapshot(w.page);
  assert.equal(start.client, 'CLOSED', 'client starts CLOSED');
  await clickAction(w.page, 'end');
  const s = await snapshot(w.page);
  assert.equal(s.client, exp.final.client);
  assert.equal(s.server, exp.final.server);
  assert.deepEqual(dirFlags(inSendOrder(s.segments)), exp.seq);
  assert.ok(s.segments.every((x) => x.fate === 'delivered'), 'no segment is left in flight at the end');
});

labTest('drop the first SYN-ACK by clicking it: SYN is retransmitted and the client still gets ESTABLISHED', async (t, open) => {
  const w = await open({ query: EN_NORMAL });
  const { page } = w;
  const inFlightSA = '[data-segment][data-flags="SA"][data-fate="in-flight"]';
  const r = await stepUntil(page, (s) => s.segments.some((x) => x.flags === 'SA' && x.fate === 'in-flight'), { maxSteps: 40 });
  assert.ok(r.reached, `no SYN-ACK in flight after ${r.steps} steps: ${JSON.stringify(r.snap.segments)}`);
  const sa = page.locator(inFlightSA).first();
  const saId = await sa.getAttribute('data-segment');
  await sa.click();
  const drop = page.locator('[data-fate-action="drop"]').first();
  await drop.waitFor({ state: 'visible', timeout: 5000 });
  await drop.click();
  await settle(page);

  const clientStates = new Set([r.snap.client]);
  const end = await stepUntil(page, () => false, { maxSteps: 400, onStep: (s) => clientStates.add(s.client) });
  t.diagnostic(`client states seen while stepping: ${[...clientStates].join(', ')}`);
  // Make sure we are really at the end (in case stepping stopped early); at the end it is disabled.
  if (await page.locator('[data-action="end"]').first().isEnabled()) await clickAction(page, 'end');
  const s = await snapshot(page);
  clientStates.add(s.client);
  const segs = inSendOrder(s.segments);
  const syns = segs.filter((x) => x.dir === 'c2s' && x.flags === 'S');
  assert.ok(syns.length >= 2, `expected a retransmitted SYN (two c2s S), got ${dirFlags(segs).join(', ')}`);
  const dropped = segs.find((x) => x.id === saId) ?? segs.find((x) => x.flags === 'SA');
  assert.equal(dropped?.fate, 'lost', `the clicked SYN-ACK (${saId}) is marked lost`);
  assert.ok(clientStates.has('ESTABLISHED'), `client reached ESTABLISHED (saw ${[...clientStates].join(', ')})`);
  const exp = finalStates(coreTrace('synack_lost', { profile: 'linux' }));
  assert.equal(s.client, exp.client);
  assert.equal(s.server, exp.server);
  // For the report: how the app's run compares with the core's own synack_lost scenario.
  const core = coreTrace('synack_lost', { profile: 'linux' }).segments.map((x) => `${x.dir} ${x.flags}`);
  if (JSON.stringify(core) !== JSON.stringify(dirFlags(segs))) {
    t.diagnostic(`note: differs from the core's synack_lost: app=${dirFlags(segs).join(',')} core=${core.join(',')}`);
  }
  void end;
});

labTest('step back restores exactly the earlier state', async (t, open) => {
  const w = await open({ query: EN_NORMAL });
  const { page } = w;
  const snaps = [position(await snapshot(page))];
  for (let i = 0; i < 6; i++) {
    const r = await stepForward(page);
    assert.ok(r.changed, `step ${i + 1} changed nothing`);
    snaps.push(position(r.snap));
  }
  assert.notDeepEqual(snaps[6], snaps[0]);
  await clickAction(page, 'step-back');
  assert.deepEqual(position(await snapshot(page)), snaps[5], 'one step back = the state after step 5');
  await clickAction(page, 'step-back');
  await clickAction(page, 'step-back');
  assert.deepEqual(position(await snapshot(page)), snaps[3], 'three steps back = the state after step 3');
  const r = await stepForward(page);
  assert.deepEqual(position(r.snap), snaps[4], 'stepping forward again replays the same step');
});

labTest('switching to Chinese changes the explanation, and nothing else about the run', async (t, open) => {
  const w = await open({ query: EN_NORMAL });
  const { page } = w;
  await stepForward(page);
  await stepForward(page);
  const expl = page.locator('[data-testid="explanation"]').first();
  assert.equal(await expl.getAttribute('lang'), 'en');
  const enText = (await expl.innerText()).trim();
  assert.ok(enText.length > 0, 'the explanation is not empty in English');
  assert.ok(!CJK.test(enText), `English explanation contains CJK: ${enText.slice(0, 200)}`);
  const before = position(await snapshot(page));

  await page.locator('[data-lang-switch="zh"]').first().click();
  await page.waitForSelector('[data-testid="explanation"][lang="zh"]', { timeout: 5000 });
  await settle(page);
  const zhText = (await expl.innerText()).trim();
  assert.notEqual(zhText, enText, 'the explanation changed');
  assert.ok(CJK.test(zhText), `Chinese explanation has CJK characters: ${zhText.slice(0, 200)}`);
  assert.equal(await page.getAttribute('main#lab', 'data-lang'), 'zh');
  assert.equal(await page.locator('[data-lang-switch="zh"]').first().getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('[data-lang-switch="en"]').first().getAttribute('aria-pressed'), 'false');
  assert.deepEqual(position(await snapshot(page)), before, 'the language switch does not move or reset the run');
  fs.mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: path.join(OUT, 'lab-1280x800-zh.png') });
  // …and back.
  await page.locator('[data-lang-switch="en"]').first().click();
  await page.waitForSelector('[data-testid="explanation"][lang="en"]', { timeout: 5000 });
  assert.equal((await expl.innerText()).trim(), enText);
});

labTest('?lang=zh starts in Chinese', async (t, open) => {
  const w = await open({ query: { ...EN_NORMAL, lang: 'zh' } });
  assert.equal(await w.page.getAttribute('main#lab', 'data-lang'), 'zh');
  assert.ok(CJK.test(await w.page.locator('main#lab').innerText()));
});

labTest('unknown URL values show a notice and fall back to defaults', async (t, open) => {
  const w = await open({ query: { lang: 'en', scenario: 'no_such_scenario', profile: 'bsd', speed: 'fast', autoplay: 'maybe' } });
  const { page } = w;
  const notice = page.locator('[data-testid="notice"]');
  assert.ok((await notice.count()) > 0, 'a notice is shown');
  assert.ok((await notice.first().innerText()).trim().length > 0, 'the notice says something');
  const s = await snapshot(page);
  assert.ok(s.client && s.server, 'both badges are there');
  const r = await stepForward(page);
  assert.ok(r.changed, 'the lab still works');
});

labTest('controls have accessible names', async (t, open) => {
  const w = await open({ query: EN_NORMAL });
  const unnamed = await w.page.evaluate(() => {
    const name = (el) =>
      (el.getAttribute('aria-label') || '').trim() ||
      (el.getAttribute('aria-labelledby') || '')
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent || '')
        .join('')
        .trim() ||
      [...(el.labels || [])].map((l) => l.textContent).join('').trim() ||
      (el.getAttribute('title') || '').trim() ||
      (el.tagName === 'BUTTON' ? el.textContent.trim() : '');
    return [...document.querySelectorAll('main#lab button, main#lab select, main#lab input, main#lab textarea, [data-action], [data-lang-switch]')]
      .filter((el) => !name(el))
      .map((el) => el.outerHTML.slice(0, 120));
  });
  assert.deepEqual(unnamed, [], 'controls without an accessible name');
  for (const a of ['play', 'step-back', 'step-forward', 'reset', 'end', 'scrub', 'speed', 'scenario', 'profile']) {
    assert.ok((await w.page.locator(`[data-action="${a}"]`).count()) > 0, `control data-action="${a}" exists`);
  }
});

labTest('keyboard: space plays and pauses, arrows step', async (t, open) => {
  const w = await open({ query: EN_NORMAL });
  const { page } = w;
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  const s0 = await snapshot(page);
  await page.keyboard.press('ArrowRight');
  await settle(page);
  const s1 = await snapshot(page);
  assert.notDeepEqual(position(s1), position(s0), 'ArrowRight steps forward');
  await page.keyboard.press('ArrowLeft');
  await settle(page);
  assert.deepEqual(position(await snapshot(page)), position(s0), 'ArrowLeft steps back');
  await page.keyboard.press('Space');
  await settle(page);
  assert.equal((await snapshot(page)).playing, true, 'space starts playing');
  await page.keyboard.press('Space');
  await settle(page);
  assert.equal((await snapshot(page)).playing, false, 'space pauses');
});

labTest('served under a sub-path (relative asset URLs)', async (t, open) => {
  const w = await open({ prefix: '/courses/net/tcp-lab/', query: EN_NORMAL });
  const local = w.requests.filter((r) => r.url.startsWith(w.server.origin));
  assert.ok(local.length > 0);
  for (const r of local) {
    assert.ok(new URL(r.url).pathname.startsWith('/courses/net/tcp-lab/'), `request outside the sub-path: ${r.url}`);
  }
  const r = await stepForward(w.page);
  assert.ok(r.changed);
});

for (const [width, height] of [
  [1280, 800],
  [1920, 1080],
  [390, 844],
]) {
  labTest(`screenshot and layout at ${width}x${height}`, async (t, open) => {
    const w = await open({ query: EN_NORMAL, viewport: { width, height } });
    const { page } = w;
    // Put something on the ladder: a few steps in, a segment in flight.
    await stepUntil(page, (s) => s.segments.length >= 3, { maxSteps: 20 });
    fs.mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, `lab-${width}x${height}.png`);
    await page.screenshot({ path: file });
    await page.screenshot({ path: path.join(OUT, `lab-${width}x${height}-full.png`), fullPage: true });
    t.diagnostic(`saved ${path.relative(process.cwd(), file)}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scrolling at ${width}px (page is ${overflow}px too wide)`);
    // Every visible control is big enough to use: no select squeezed to an arrow, no tiny button.
    const cramped = await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('main#lab button, main#lab select, main#lab textarea, main#lab input')) {
        if (!el.getClientRects().length || ['checkbox', 'radio', 'hidden'].includes(el.type)) continue;
        const r = el.getBoundingClientRect();
        const minW = el.tagName === 'BUTTON' ? 24 : 48;
        if (r.width < minW || r.height < 20) {
          const name = el.getAttribute('data-action') || el.getAttribute('aria-label') || el.textContent.trim().slice(0, 20);
          out.push(`${el.tagName.toLowerCase()} "${name}" is ${r.width.toFixed(0)}x${r.height.toFixed(0)}px`);
        }
      }
      return out;
    });
    assert.deepEqual(cramped, [], `controls too small to use at ${width}x${height}`);
    for (const sel of ['[data-endpoint="client"][data-state]', '[data-endpoint="server"][data-state]', '[data-action="play"]', '[data-testid="explanation"]']) {
      assert.ok(await page.locator(sel).first().isVisible(), `${sel} is visible at ${width}x${height}`);
    }
  });
}
