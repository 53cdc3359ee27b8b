// Issue 5: shareable links, hostile links, postMessage to the host page, exports.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { labTest } from '../lib/harness.mjs';
import { STRICT_CSP } from '../lib/server.mjs';
import { snapshot, position, stepForward, clickAction, coreTrace, READY, coursePage, COURSE_PREFIX } from '../lib/lab.mjs';
import { settle } from '../lib/browser.mjs';

const LONG = { timeout: 240_000 };
const SUB = COURSE_PREFIX;
const EXAMPLE =
  'v=1&scenario=synack_lost&drop=s2c:SA:1&delay=c2s:S:1:40&dup=s2c:A:2&drop=seg:7&profile=linux&delay_ms=10&loss=5&seed=42&step=7&lang=zh&speed=2&nums=abs';

labTest('a shared link reproduces the run segment for segment and lands on the same step', LONG, async (t, open) => {
  const w = await open({ query: EXAMPLE });
  const first = await snapshot(w.page);
  assert.equal(first.lang, 'zh');
  assert.ok(first.segments.length > 0, 'step 7 shows segments');
  // The address bar follows the state (history.replaceState).
  const search = await w.page.evaluate(() => location.search);
  assert.match(search, /[?&]v=1&/);
  assert.match(search, /step=7/);
  // Move on, then share: the link is shown (and copied where allowed).
  await stepForward(w.page);
  await stepForward(w.page);
  const here = await snapshot(w.page);
  await clickAction(w.page, 'share');
  const link = await w.page.locator('[data-testid="share-link"]').inputValue({ timeout: 10000 });
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/\?v=1&/);
  assert.match(link, /step=9/);
  const v = await open({ url: link });
  const there = await snapshot(v.page);
  assert.deepEqual(position(there), position(here), 'same segments, states and time');
  assert.equal(there.lang, 'zh');
  assert.equal(await v.page.locator('[data-action="speed"]').first().inputValue(), '2');
});

labTest('custom steps and a segment fault survive the link', LONG, async (t, open) => {
  const w = await open({ query: 'v=1&c=connect,send 100,close&s=listen,recv_eof,close&drop=c2s:PA:1&step=6&lang=en' });
  const a = await snapshot(w.page);
  assert.ok(a.segments.some((s) => s.fate === 'lost'), 'the dropped data segment is lost');
  const link = await w.page.evaluate(() => location.href);
  const v = await open({ url: link });
  assert.deepEqual(position(await snapshot(v.page)), position(a));
});

labTest('hostile links: notices, defaults, no script runs', LONG, async (t, open) => {
  const w = await open({
    query:
      'v=99&scenario=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E&lang=javascript:alert(1)&drop=%22%27%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E&step=99999999999999999999999&seed=' +
      'x'.repeat(10_000),
  });
  const s = await snapshot(w.page);
  assert.equal(s.client, 'CLOSED', 'runs with the defaults');
  const notices = await w.page.locator('[data-testid="notice"]').allTextContents();
  assert.ok(notices.length >= 4, `notices list what was ignored: ${notices.join(' | ')}`);
  // The longest is the scenario's: it lists every scenario name, as a notice says what is valid.
  assert.ok(notices.every((n) => n.length < 700), 'notices stay short');
  assert.equal(await w.page.evaluate(() => window.__pwned), undefined);
  assert.equal(await w.page.locator('img[src="x"]').count(), 0);
});

// ---- fuzz ------------------------------------------------------------------------------
function rng(seed) {
  let x = seed >>> 0;
  return () => ((x = (x * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const KEYS = ['v', 'scenario', 'drop', 'delay', 'dup', 'c', 's', 'profile', 'delay_ms', 'loss', 'seed', 'step',
  'lang', 'speed', 'nums', 'embed', 'compact', 'controls', 'autoplay', '', '%', 'x'];
const VALUES = ['', '1', '-1', '0', 'NaN', 'Infinity', '1e309', '99999999999999999999999', 'normal', 'synack_lost',
  's2c:SA:1', 'c2s:S:1:40', 'seg:7', 'seg:', 'seg:-1:x', 's2c:ZZ:1', 'c2s:S:*:99999999', '<script>alert(1)</script>',
  'javascript:alert(1)', '"\'><img src=x onerror=alert(1)>', '%', '%E0%A4%A', '%00', '%FF%FE', '\u202e', '中文',
  'connect,send 1e20,close', 'listen,,,', 'play,step,evil', 'rfc', 'linux', 'zh', 'en', '0.25', '8', 'abs'];

function badQuery(r) {
  const n = Math.floor(r() * 8);
  const parts = [];
  for (let i = 0; i < n; i++) {
    const k = KEYS[Math.floor(r() * KEYS.length)];
    let v = VALUES[Math.floor(r() * VALUES.length)];
    const m = r();
    if (m < 0.1) v = v.repeat(1 + Math.floor(r() * 2000)); // up to tens of KB
    else if (m < 0.2) v = v.slice(0, Math.floor(r() * v.length)); // truncated
    else if (m < 0.3) v = String.fromCharCode(...Array.from({ length: 20 }, () => Math.floor(r() * 0xd7ff)));
    const enc = r() < 0.5 ? encodeURIComponent(v) : v.replace(/[#&]/g, '');
    parts.push(r() < 0.05 ? k : `${k}=${enc}`);
  }
  let q = parts.join('&');
  if (r() < 0.1) q = q.slice(0, Math.floor(r() * q.length)); // a truncated link
  return q;
}

const FUZZ_URLS = Number(process.env.E2E_FUZZ_URLS || 2000);
const FUZZ_RELOADS = Number(process.env.E2E_FUZZ_RELOADS || 100);

labTest(`${FUZZ_URLS} generated bad links: no page error, no uncaught exception`, { timeout: 400_000 }, async (t, open) => {
  const r = rng(5);
  const queries = Array.from({ length: FUZZ_URLS }, () => badQuery(r));
  const errors = [];
  const started = Date.now();
  // 1. Full page loads of the first FUZZ_RELOADS links (each one loads and starts the wasm).
  //    A fresh page every 30 loads: one renderer reloading wasm hundreds of times in a row runs
  //    out of wasm address space before the old instances are collected (a test artifact).
  //    Links longer than 8000 characters go only through step 2: HTTP servers (ours included)
  //    refuse request lines that long before the page could see them.
  let w = null;
  const loadable = queries.filter((q) => q.length < 8000);
  for (let i = 0; i < Math.min(FUZZ_RELOADS, loadable.length) && !errors.length; i++) {
    if (i % 30 === 0) {
      w = await open({ goto: false });
      w.page.on('pageerror', (e) => errors.push(String(e).slice(0, 500)));
    }
    await w.page.goto(`${w.server.url}?${loadable[i]}`, { waitUntil: 'commit' });
    await w.page.waitForSelector(READY, { state: 'attached', timeout: 20000 }).catch((e) => {
      errors.push(`link ${i} (?${loadable[i].slice(0, 200)}): the lab did not start: ${e.message.slice(0, 300)}`);
    });
  }
  const loaded = Date.now();
  w = await open({ goto: false });
  w.page.on('pageerror', (e) => errors.push(String(e).slice(0, 500)));
  await w.page.goto(w.server.url, { waitUntil: 'commit' });
  await w.page.waitForSelector(READY, { state: 'attached', timeout: 20000 });
  // 2. Every link through history + popstate, which makes the app read the URL and mount
  //    again: the same parser and views, without reloading the wasm each time.
  for (let i = 0; i < queries.length && !errors.length; i += 100) {
    const batch = queries.slice(i, i + 100);
    const failed = await w.page.evaluate(async (batch) => {
      const bad = [];
      const frame = () => new Promise((res) => setTimeout(res, 0));
      for (const [j, q] of batch.entries()) {
        document.querySelector('main#lab')?.setAttribute('data-old', '');
        history.pushState(null, '', '?' + q);
        dispatchEvent(new PopStateEvent('popstate'));
        let n = 0;
        while (!document.querySelector('main#lab[data-ready="true"]:not([data-old])') && n++ < 500) await frame();
        if (n >= 500) bad.push(`${j}: did not mount`);
      }
      return bad;
    }, batch);
    for (const f of failed) errors.push(`batch ${i}, link ${f}`);
  }
  await settle(w.page);
  assert.deepEqual(errors, []);
  t.diagnostic(`${Math.min(FUZZ_RELOADS, loadable.length)} page loads in ${((loaded - started) / 1000).toFixed(1)} s; ` +
    `${FUZZ_URLS} links via popstate in ${((Date.now() - loaded) / 1000).toFixed(1)} s`);
});

// ---- postMessage -----------------------------------------------------------------------
labTest('the host page hears state changes and lesson completion (sandboxed iframe, sub-path)', LONG, async (t, open) => {
  const hostJs = `window.msgs = []; addEventListener('message', (e) => {
      if (e.data && e.data.source === 'tcp-lab') window.msgs.push(e.data); });`;
  const w = await open({
    prefix: SUB,
    headers: { 'Content-Security-Policy': STRICT_CSP },
    routes: {
      '/course.html': coursePage('v=1&amp;scenario=normal&amp;lang=en&amp;embed=1&amp;controls=play,step', {
        head: '<script src="host.js"></script>',
      }),
      '/host.js': { body: hostJs, type: 'text/javascript' },
    },
    path: '/course.html',
    waitReady: false,
  });
  const frame = w.page.frameLocator('iframe#lab');
  await frame.locator(READY).waitFor({ state: 'attached', timeout: 20000 });
  // Only the controls asked for are shown.
  assert.equal(await frame.locator('[data-action="reset"]').first().isVisible(), false);
  for (let i = 0; i < 3; i++) {
    await frame.locator('[data-action="step-forward"]').first().click();
    await settle(w.page);
  }
  const f = w.page.frames().find((x) => x.url().includes('embed=1'));
  await f.evaluate(() => dispatchEvent(new CustomEvent('tcplab:lesson-complete', { detail: { id: 'handshake-1', correct: true } })));
  await w.page.waitForFunction(() => window.msgs.some((m) => m.type === 'lesson-complete'), null, { timeout: 5000 });
  const msgs = await w.page.evaluate(() => window.msgs);
  const states = msgs.filter((m) => m.type === 'state');
  assert.ok(states.length >= 3, `one message per transition: ${JSON.stringify(states)}`);
  for (const m of states) {
    assert.equal(m.version, 1);
    assert.equal(m.scenario, 'normal');
    assert.equal(typeof m.t_ms, 'number');
    assert.equal(typeof m.step, 'number');
    assert.match(m.client, /^[A-Z0-9-]+$/);
  }
  assert.ok(states.some((m) => m.client === 'SYN-SENT'));
  assert.ok(states.some((m) => m.client === 'ESTABLISHED'));
  const done = msgs.find((m) => m.type === 'lesson-complete');
  assert.deepEqual(done, { source: 'tcp-lab', version: 1, type: 'lesson-complete', id: 'handshake-1', correct: true });
});

// ---- export ----------------------------------------------------------------------------
async function download(page, kind) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), page.locator(`[data-export="${kind}"]`).click()]);
  return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
}

labTest('export: pcap, trace JSON, SVG and PNG of the current run', LONG, async (t, open) => {
  const name = 'synack_lost';
  const core = coreTrace(name, { profile: 'linux' });
  const w = await open({ query: { scenario: name, profile: 'linux', lang: 'en' } });
  await clickAction(w.page, 'end');
  await clickAction(w.page, 'export');
  await w.page.locator('[data-testid="export-panel"]').waitFor();

  const pcap = await download(w.page, 'pcap');
  assert.match(pcap.name, /\.pcap$/);
  assert.equal(pcap.bytes.readUInt32LE(0), 0xa1b23c4d, 'libpcap magic (nanosecond timestamps)');
  let frames = 0;
  for (let off = 24; off + 16 <= pcap.bytes.length; off += 16 + pcap.bytes.readUInt32LE(off + 8)) frames++;
  assert.equal(frames, core.segments.length, 'one frame per segment, lost ones included');
  await w.page.locator('[data-export-option="omit-lost"]').check();
  const kept = await download(w.page, 'pcap');
  let keptFrames = 0;
  for (let off = 24; off + 16 <= kept.bytes.length; off += 16 + kept.bytes.readUInt32LE(off + 8)) keptFrames++;
  assert.equal(keptFrames, core.segments.filter((s) => !s.lost).length, 'lost segments left out');

  const json = await download(w.page, 'json');
  assert.deepEqual(JSON.parse(json.bytes.toString('utf8')), core, 'the same JSON as the CLI');

  const svg = (await download(w.page, 'svg')).bytes.toString('utf8');
  const parsed = await w.page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: !!doc.querySelector('parsererror'), root: doc.documentElement.localName, text: doc.documentElement.textContent };
  }, svg);
  assert.equal(parsed.error, false, 'the SVG parses');
  assert.equal(parsed.root, 'svg');
  for (const flags of new Set(core.segments.map((s) => s.flags))) assert.ok(parsed.text.includes(flags), `the SVG shows ${flags}`);
  await w.page.locator('[data-export-option="print"]').check();
  const printSvg = (await download(w.page, 'svg')).bytes.toString('utf8');
  assert.match(printSvg, /fill="#ffffff"/, 'print: on white');

  const png = (await download(w.page, 'png')).bytes;
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
});

labTest('embed dialog gives an iframe snippet for the current state', LONG, async (t, open) => {
  const w = await open({ query: { scenario: 'normal', lang: 'en' } });
  await stepForward(w.page);
  await clickAction(w.page, 'embed');
  await w.page.locator('[data-embed-option="compact"]').check();
  await w.page.locator('[data-embed-control="speed"]').uncheck();
  await w.page.locator('[data-embed-option="lang"]').selectOption('zh');
  const snippet = await w.page.locator('[data-testid="embed-snippet"]').inputValue();
  assert.match(snippet, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?v=1&amp;scenario=normal/);
  for (const p of ['embed=1', 'compact=1', 'lang=zh', 'controls=play,step,scrub,reset,end', 'step=1']) assert.ok(snippet.includes(p), `${p} in ${snippet}`);
  assert.match(snippet, /height="450"/);
  const src = snippet.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  const v = await open({ url: src, viewport: { width: 700, height: 450 } });
  assert.equal(await v.page.locator('.panel.log').isVisible(), false, 'compact: no event log');
  assert.equal(await v.page.locator('[data-action="speed"]').first().isVisible(), false);
  assert.equal((await snapshot(v.page)).lang, 'zh');
});

labTest('controls= names are case-insensitive, and a typo falls back to every control', LONG, async (t, open) => {
  const w = await open({ query: 'v=1&scenario=normal&lang=en&embed=1&controls=Play,Step' });
  assert.ok(await w.page.locator('[data-action="play"]').first().isVisible(), 'Play shown');
  assert.ok(await w.page.locator('[data-action="step-forward"]').first().isVisible(), 'Step shown');
  assert.equal(await w.page.locator('[data-action="reset"]').first().isVisible(), false, 'Reset hidden');
  const v = await open({ query: 'v=1&scenario=normal&lang=en&embed=1&controls=play,stepp' });
  for (const a of ['play', 'step-forward', 'reset']) {
    assert.ok(await v.page.locator(`[data-action="${a}"]`).first().isVisible(), `${a} shown after a typo`);
  }
});
