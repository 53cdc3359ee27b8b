// Accessibility: axe-core on every kind of view (target: no violations at all), and the
// keyboard paths around the fate menu.
//
// axe is injected as an inline script, which a strict Content-Security-Policy would refuse:
// these pages are served without one (embedding.test.mjs covers the CSP).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { labTest, OUT } from '../lib/harness.mjs';
import { capture } from '../lib/pcapgen.mjs';
import { settle } from '../lib/browser.mjs';
import { clickAction } from '../lib/lab.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TIMEOUT = { timeout: 120_000 };
const EN = { lang: 'en', scenario: 'normal', profile: 'linux' };
const ZH = { ...EN, lang: 'zh' };

/** Runs axe on the whole page; returns its violations. */
async function axe(page) {
  await settle(page);
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ content: AXE_SOURCE });
  }
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  });
}

/** "rule ×count, …" */
function counts(violations) {
  return violations.map((v) => `${v.id} ×${v.nodes.length}`).join(', ') || 'none';
}

async function assertNoViolations(t, page, view) {
  const violations = await axe(page);
  t.diagnostic(`axe ${view}: ${counts(violations)}`);
  const detail = violations
    .map((v) => `${v.id} (${v.impact}), ${v.nodes.length} nodes:\n    ${v.nodes.slice(0, 6).join('\n    ')}`)
    .join('\n  ');
  assert.equal(violations.length, 0, `axe violations in ${view}: ${counts(violations)}\n  ${detail}`);
}

/** Steps forward until a segment is in flight; returns its id. */
async function untilInFlight(page) {
  for (let i = 0; i < 20; i++) {
    const id = await page.locator('[data-segment][data-fate="in-flight"]').first().getAttribute('data-segment', { timeout: 200 }).catch(() => null);
    if (id !== null) return id;
    await clickAction(page, 'step-forward');
  }
  throw new Error('no segment in flight after 20 steps');
}

const activeSegment = (page) => page.evaluate(() => document.activeElement?.closest?.('[data-segment]')?.getAttribute('data-segment') ?? null);

// ---- axe on each view ---------------------------------------------------------------------
for (const [lang, query] of [['en', EN], ['zh', ZH]]) {
  labTest(`axe: the first view (${lang})`, TIMEOUT, async (t, open) => {
    const w = await open({ query });
    await assertNoViolations(t, w.page, `first view (${lang})`);
  });
}

labTest('axe: an open lesson', TIMEOUT, async (t, open) => {
  const w = await open({ query: { lang: 'en', lesson: 'handshake' } });
  await w.page.waitForSelector('[data-testid="lesson-goal"]', { timeout: 60_000 });
  await assertNoViolations(t, w.page, 'lesson');
});

labTest('axe: a predict question', TIMEOUT, async (t, open) => {
  const w = await open({ query: { ...EN, quiz: 1, speed: 8 } });
  await clickAction(w.page, 'play');
  await w.page.waitForSelector('[data-testid="quiz"] button[data-choice]:not([disabled])', { timeout: 60_000 });
  await assertNoViolations(t, w.page, 'predict question');
});

labTest('axe: the glossary', TIMEOUT, async (t, open) => {
  const w = await open({ query: { lang: 'en', learn: 'glossary' } });
  await w.page.waitForSelector('[data-testid="glossary"] .term', { timeout: 60_000 });
  await assertNoViolations(t, w.page, 'glossary');
});

labTest('axe: the phone layout (390x844)', TIMEOUT, async (t, open) => {
  const w = await open({ query: { ...EN, step: 5 }, viewport: { width: 390, height: 844 } });
  await assertNoViolations(t, w.page, 'phone');
});

labTest('axe: dark mode, part-way through a run', TIMEOUT, async (t, open) => {
  const w = await open({ query: { ...EN, step: 5 } });
  await w.page.emulateMedia({ colorScheme: 'dark' });
  await assertNoViolations(t, w.page, 'dark');
});

labTest('axe: the compact embed (700x450)', TIMEOUT, async (t, open) => {
  const w = await open({ query: { ...EN, embed: 1, compact: 1 }, viewport: { width: 700, height: 450 } });
  await assertNoViolations(t, w.page, 'compact embed');
});

for (const [lang, scenario] of [['en', 'syn_flood_cookies'], ['zh', 'accept_queue_overflow']]) {
  labTest(`axe: the server view (${scenario}, ${lang})`, TIMEOUT, async (t, open) => {
    const w = await open({ query: { lang, scenario, step: 40 } });
    await w.page.waitForSelector('[data-testid="server"] tr[data-conn]');
    await w.page.locator('[data-testid="server"] details.counter-help summary').click();
    await assertNoViolations(t, w.page, `server view (${scenario}, ${lang})`);
    await w.page.emulateMedia({ colorScheme: 'dark' });
    await assertNoViolations(t, w.page, `server view, dark (${scenario}, ${lang})`);
  });
}

labTest('axe: the server view on a phone (390x844)', TIMEOUT, async (t, open) => {
  const w = await open({ query: { lang: 'en', scenario: 'syn_flood_no_cookies', step: 40 }, viewport: { width: 390, height: 844 } });
  await assertNoViolations(t, w.page, 'server view, phone');
});

labTest('axe: an open fate menu', TIMEOUT, async (t, open) => {
  const w = await open({ query: EN });
  const id = await untilInFlight(w.page);
  await w.page.locator(`[data-segment="${id}"]`).first().dispatchEvent('click');
  await w.page.locator('.fate-menu').waitFor();
  await assertNoViolations(t, w.page, 'fate menu');
});

labTest('axe: lost, duplicated and in-flight segments, dark', TIMEOUT, async (t, open) => {
  const w = await open({ query: { lang: 'en', scenario: 'synack_lost', profile: 'linux', dup: 'c2s:A:1', step: 6 } });
  await w.page.emulateMedia({ colorScheme: 'dark' });
  await assertNoViolations(t, w.page, 'lost/duplicate, dark');
  await clickAction(w.page, 'end');
  assert.ok((await w.page.locator('[data-segment][data-fate="lost"]').count()) > 0, 'a lost segment is drawn');
  await assertNoViolations(t, w.page, 'lost/duplicate at the end, dark');
});

labTest('axe: a capture, its connection list and one connection on the ladder, light and dark', TIMEOUT, async (t, open) => {
  const w = await open({ query: { lang: 'zh' } });
  const file = path.join(OUT, 'a11y-capture.pcap');
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(file, capture({ n: 4, udpEvery: 2 }));
  await w.page.locator('input[data-capture-input]').setInputFiles(file);
  await w.page.waitForSelector('[data-testid="capture"][data-capture-status="open"]');
  await assertNoViolations(t, w.page, 'capture list');
  await w.page.locator('[data-action="view-connection"][data-conn="1"]').click();
  await w.page.waitForSelector('[data-testid="capture-findings"]');
  await clickAction(w.page, 'end');
  await assertNoViolations(t, w.page, 'capture connection');
  await w.page.emulateMedia({ colorScheme: 'dark' });
  await assertNoViolations(t, w.page, 'capture connection, dark');
  await w.page.locator('input[data-capture-input]').setInputFiles({ name: 'x.pcap', mimeType: 'application/octet-stream', buffer: Buffer.from('not a capture') });
  await w.page.waitForSelector('[data-capture-error]');
  await assertNoViolations(t, w.page, 'capture error, dark');
});

// ---- keyboard -----------------------------------------------------------------------------
labTest('keyboard: Escape closes the fate menu and returns to its segment', TIMEOUT, async (t, open) => {
  const w = await open({ query: EN });
  const id = await untilInFlight(w.page);
  await w.page.locator(`[data-segment="${id}"]`).first().focus();
  await w.page.keyboard.press('Enter');
  await w.page.locator('.fate-menu').waitFor();
  await settle(w.page);
  const inMenu = await w.page.evaluate(() => !!document.activeElement?.closest('.fate-menu'));
  assert.ok(inMenu, 'Enter on a segment in flight moves the focus into its menu');
  await w.page.keyboard.press('Escape');
  await settle(w.page);
  assert.equal(await w.page.locator('.fate-menu').count(), 0, 'Escape closes the menu');
  assert.equal(await activeSegment(w.page), id, 'the focus is back on the segment that opened the menu');
});

labTest('keyboard: Enter on a delivered segment keeps the focus on it', TIMEOUT, async (t, open) => {
  const w = await open({ query: EN });
  await clickAction(w.page, 'end');
  const seg = w.page.locator('[data-segment][data-fate="delivered"]').first();
  const id = await seg.getAttribute('data-segment');
  await seg.focus();
  await w.page.keyboard.press('Enter');
  await w.page.locator('.fate-menu').waitFor();
  await settle(w.page);
  assert.equal(await activeSegment(w.page), id, 'the focus stays on the segment');
  await w.page.keyboard.press('Escape');
  await settle(w.page);
  assert.equal(await w.page.locator('.fate-menu').count(), 0, 'Escape closes the menu');
  assert.equal(await activeSegment(w.page), id, 'and the focus is still on the segment');
});
