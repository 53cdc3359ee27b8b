// The symbolic number mode (?nums=sym: x, y, u, v, w as in the textbook figures) and the
// knowledge panel's facts about ISNs and FINs (hooks in docs/CONTRACT.md). Every label is checked
// against the core's own trace (`tcp-sim named NAME --json`): its letters, evaluated with the
// values the trace gives them, must be the segment's real numbers.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { labTest, OUT } from '../lib/harness.mjs';
import { settle } from '../lib/browser.mjs';
import { clickAction, coreTrace, snapshot, stepUntil, CJK } from '../lib/lab.mjs';

const LONG = { timeout: 240_000 };

/** x, y, u, v, w from the core's JSON trace, by the definitions of docs/CONTRACT.md. */
function symbolsOf(trace) {
  const real = trace.segments.filter((s) => !s.injected && !s.flags.includes('R'));
  const first = (dir, flag) => real.find((s) => s.dir === dir && s.flags.includes(flag));
  const sym = { x: first('c2s', 'S')?.seq_abs, y: first('s2c', 'S')?.seq_abs };
  const fins = [first('c2s', 'F'), first('s2c', 'F')].filter(Boolean).sort((a, b) => a.id - b.id);
  if (fins.length) {
    const u = fins[0];
    const w = fins[1];
    sym.u = u.seq_abs;
    sym.w = w?.seq_abs;
    const covers = (u.seq_abs + u.len + 1) % 2 ** 32;
    const v = real.find(
      (s) => s.dir !== u.dir && s.id > u.id && s.ack_abs === covers && !s.flags.includes('F') && (!w || s.id < w.id),
    );
    sym.v = v?.seq_abs;
  }
  return sym;
}

/** Evaluates "x+1+100", "u", "x-99999" or "0" with the trace's values, modulo 2^32. */
function evaluate(expr, sym) {
  const m = /^([xyuvw]|\d+)((?:[+-]\d+)*)$/.exec(expr);
  assert.ok(m, `a symbolic number: ${expr}`);
  let n = /\d/.test(m[1]) ? Number(m[1]) : sym[m[1]];
  assert.notEqual(n, undefined, `${m[1]} is defined by the trace (${expr})`);
  for (const [, sign, k] of m[2].matchAll(/([+-])(\d+)/g)) n += sign === '+' ? Number(k) : -Number(k);
  return ((n % 2 ** 32) + 2 ** 32) % 2 ** 32;
}

/** id -> the ladder label's text ("FA seq=u ack=y+1+100"). */
async function ladderLabels(page) {
  return page.$$eval('[data-segment]', (gs) =>
    Object.fromEntries(gs.map((g) => [g.getAttribute('data-segment'), g.querySelector('text.seg-label')?.textContent ?? ''])),
  );
}

/** "seq=…", "ack=…" of a label. */
function fields(label) {
  return {
    seq: /\bseq=(\S+)/.exec(label)?.[1],
    ack: /\back=(\S+)/.exec(label)?.[1],
  };
}

/** Steps until every segment of the trace has been sent and has landed. */
async function stepToTheEnd(page, trace) {
  const r = await stepUntil(
    page,
    (s) => s.segments.length === trace.segments.length && s.segments.every((g) => g.fate !== 'in-flight'),
  );
  assert.ok(r.reached, 'every segment sent and landed');
  return r.snap;
}

/** Checks every label against the trace; returns the labels by id. */
async function checkLabels(page, trace) {
  const sym = symbolsOf(trace);
  const labels = await ladderLabels(page);
  for (const s of trace.segments) {
    const label = labels[String(s.id)];
    assert.ok(label, `segment ${s.id} has a label`);
    assert.ok(label.startsWith(`${s.flags} `), `${s.id}: ${label}`);
    const f = fields(label);
    assert.equal(evaluate(f.seq, sym), s.seq_abs, `seq of #${s.id}: ${label}`);
    if (s.ack_abs === null || s.ack_abs === undefined) assert.equal(f.ack, undefined, `#${s.id} has no ack: ${label}`);
    else assert.equal(evaluate(f.ack, sym), s.ack_abs, `ack of #${s.id}: ${label}`);
  }
  return labels;
}

/** data-known of the knowledge table: { fact: [client, server] }. */
async function knowledge(page) {
  return page.$$eval('[data-testid="knowledge"] tbody tr[data-fact]', (rows) =>
    Object.fromEntries(
      rows.map((r) => [r.getAttribute('data-fact'), [...r.querySelectorAll('td')].map((td) => td.getAttribute('data-known') === 'true')]),
    ),
  );
}

const ISN_KNOWN = '6';
const ISN_ACKED = '7';
const FIN_ACKED = '8';

for (const lang of ['en', 'zh']) {
  labTest(`nums=sym writes the normal run like the textbook figure (${lang})`, LONG, async (t, open) => {
    const trace = coreTrace('normal');
    const { page } = await open({ query: `scenario=normal&profile=linux&nums=sym&lang=${lang}`, viewport: { width: 1280, height: 800 } });
    assert.equal(await page.locator('select[data-action="numbers"]').inputValue(), 'symbolic');
    const byText = await page.locator('select[data-action="numbers"] option[value="symbolic"]').innerText();
    assert.match(byText, /x.*y.*u.*v.*w/);

    // The knowledge panel, moment by moment: nothing known before the SYN lands.
    let k = await knowledge(page);
    assert.equal(Object.keys(k).length, 9, 'nine facts');
    assert.ok(Object.values(k).flat().every((v) => !v), 'nothing known at the start');
    let snap = (await stepUntil(page, (s) => s.server === 'SYN-RECEIVED')).snap;
    k = await knowledge(page);
    assert.deepEqual(k[ISN_KNOWN], [false, true], 'the SYN gave the server the client ISN');
    assert.deepEqual(k[ISN_ACKED], [false, false]);
    snap = (await stepUntil(page, (s) => s.client === 'ESTABLISHED')).snap;
    k = await knowledge(page);
    assert.deepEqual(k[ISN_KNOWN], [true, true], 'the SYN-ACK gave the client the server ISN');
    assert.deepEqual(k[ISN_ACKED], [true, false], 'and acknowledged the client ISN; the server does not know yet');
    snap = (await stepUntil(page, (s) => s.server === 'ESTABLISHED')).snap;
    assert.deepEqual((await knowledge(page))[ISN_ACKED], [true, true], 'the third segment acknowledges y');
    snap = (await stepUntil(page, (s) => s.client === 'FIN-WAIT-1')).snap;
    k = await knowledge(page);
    assert.deepEqual(k['4'], [true, false], 'the client sent its FIN');
    assert.deepEqual(k[FIN_ACKED], [false, false], 'not acknowledged yet');
    snap = (await stepUntil(page, (s) => s.client === 'TIME-WAIT' || s.client === 'FIN-WAIT-2')).snap;
    assert.deepEqual((await knowledge(page))[FIN_ACKED], [true, false], "the server's ACK covers the client's FIN");
    snap = await stepToTheEnd(page, trace);
    assert.equal(snap.server, 'CLOSED');
    assert.deepEqual((await knowledge(page))[FIN_ACKED], [true, true], "the last ACK covers the server's FIN");
    const rows = await page.locator('[data-testid="knowledge"] tbody th').allInnerTexts();
    if (lang === 'en') {
      assert.ok(rows.includes("I know the peer's ISN") && rows.includes('My FIN is acknowledged'), rows.join(' | '));
    } else {
      assert.ok(rows.includes('我知道对方的初始序列号') && rows.includes('我的 FIN 已被确认'), rows.join(' | '));
      assert.ok(CJK.test(await page.locator('[data-testid="knowledge"] p.summary').first().innerText()));
    }

    // Every label evaluates to the core's numbers, and reads like the figure.
    const labels = await checkLabels(page, trace);
    const seg = (pred) => trace.segments.find(pred);
    const syn = seg((s) => s.dir === 'c2s' && s.flags === 'S');
    const synAck = seg((s) => s.dir === 's2c' && s.flags === 'SA');
    const cFin = seg((s) => s.dir === 'c2s' && s.flags.includes('F'));
    const sFin = seg((s) => s.dir === 's2c' && s.flags.includes('F'));
    const last = trace.segments.at(-1);
    assert.deepEqual(fields(labels[syn.id]), { seq: 'x', ack: undefined });
    assert.deepEqual(fields(labels[synAck.id]), { seq: 'y', ack: 'x+1' });
    assert.deepEqual(fields(labels[synAck.id + 1]), { seq: 'x+1', ack: 'y+1' });
    assert.equal(fields(labels[cFin.id]).seq, 'u');
    assert.deepEqual(fields(labels[sFin.id]), { seq: 'w', ack: 'u+1' });
    assert.deepEqual(fields(labels[last.id]), { seq: 'u+1', ack: 'w+1' });
    assert.ok(Object.values(labels).some((l) => /x\+1\+100/.test(l)), 'data shifts by its byte count: x+1+100');
    // The explanation says what the letters stand for.
    const legend = await page.locator('[data-testid="symbols"]').innerText();
    assert.match(legend, /x = \d+/);
    assert.match(legend, /w = \d+/);

    // The share link (and the address bar) keep the mode, and the link shows the same labels.
    assert.match(await page.evaluate(() => location.search), /[?&]nums=sym(&|$)/);
    await clickAction(page, 'share');
    const link = await page.locator('[data-testid="share-link"]').inputValue({ timeout: 10000 });
    assert.match(link, /[?&]nums=sym(&|$)/);
    const other = await open({ url: link });
    assert.equal(await other.page.locator('select[data-action="numbers"]').inputValue(), 'symbolic');
    assert.deepEqual(await ladderLabels(other.page), labels);

    assert.match(await other.page.locator('[data-testid="symbols"]').innerText(), lang === 'en' ? /client's ISN/ : /客户端的初始序列号/);

    // Screenshots of the close, wide (the page opened from the link: no share panel over it) and narrow.
    fs.mkdirSync(OUT, { recursive: true });
    await other.page.setViewportSize({ width: 1280, height: 800 });
    await settle(other.page);
    await other.page.screenshot({ path: path.join(OUT, `numbers-1280x800-${lang}.png`) });
    await other.page.screenshot({ path: path.join(OUT, `numbers-1280x800-${lang}-full.png`), fullPage: true });
    const narrow = await open({ query: `scenario=normal&profile=linux&nums=sym&lang=${lang}&step=1000`, viewport: { width: 390, height: 844 } });
    await settle(narrow.page);
    await narrow.page.screenshot({ path: path.join(OUT, `numbers-390x844-${lang}.png`) });
    await narrow.page.screenshot({ path: path.join(OUT, `numbers-390x844-${lang}-full.png`), fullPage: true });
    const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no horizontal scrolling at 390px (${overflow}px too wide)`);
  });
}

labTest('the four-segment close (RFC profile) has v; the server closing first is u', LONG, async (t, open) => {
  for (const name of ['normal', 'server_closes_first']) {
    const trace = coreTrace(name, { profile: 'rfc' });
    const { page } = await open({ query: `scenario=${name}&profile=rfc&nums=sym&lang=en&step=1000` });
    await stepToTheEnd(page, trace);
    const labels = await checkLabels(page, trace);
    const texts = Object.values(labels);
    assert.ok(texts.some((l) => /^A seq=v ack=u\+1\b/.test(l)), `a separate ACK of the first FIN: ${texts.join(' | ')}`);
    assert.ok(texts.some((l) => /^FA seq=w ack=u\+1\b/.test(l)), texts.join(' | '));
    if (name === 'server_closes_first') {
      const first = trace.segments.find((s) => s.flags.includes('F'));
      assert.equal(first.dir, 's2c');
      assert.equal(fields(labels[first.id]).seq, 'u', 'the first closer is named u, whichever side it is');
    }
  }
});

labTest('the numbers menu switches to symbolic and back; the link follows', LONG, async (t, open) => {
  const trace = coreTrace('normal');
  const { page } = await open({ query: "scenario=normal&profile=linux&lang=en&step=1000" });
  await stepToTheEnd(page, trace);
  const rel = await ladderLabels(page);
  assert.ok(Object.values(rel).every((l) => !/[xyuvw]/.test(fields(l).seq)), 'relative by default');
  await page.locator('select[data-action="numbers"]').selectOption('symbolic');
  await settle(page);
  await checkLabels(page, trace);
  assert.match(await page.evaluate(() => location.search), /nums=sym/);
  await page.locator('select[data-action="numbers"]').selectOption('relative');
  await settle(page);
  assert.deepEqual(await ladderLabels(page), rel);
  assert.doesNotMatch(await page.evaluate(() => location.search), /nums=/);
});

labTest('a server without listener knows nothing (connection_refused)', LONG, async (t, open) => {
  const trace = coreTrace('connection_refused');
  const { page } = await open({ query: "scenario=connection_refused&profile=linux&lang=en&nums=sym&step=1000" });
  const snap = await snapshot(page);
  assert.equal(snap.segments.length, trace.segments.length);
  const k = await knowledge(page);
  assert.ok(Object.values(k).every(([, server]) => !server), `server: ${JSON.stringify(k)}`);
  assert.ok(Object.values(k).every(([client]) => !client), `client: ${JSON.stringify(k)}`);
  const labels = await checkLabels(page, trace);
  assert.deepEqual(Object.values(labels).map((l) => l.split(' ').slice(0, 3).join(' ')), ['S seq=x', 'RA seq=0 ack=x+1']);
});
