// Opening a capture: by the file input and by dropping it on the page, in both languages, on a
// laptop and a phone. The page must show what the core's own CLI reads from the same file
// (`tcp-sim replay FILE --json`, and `--conn N --json` for one connection), never a copy of it.
// Bad files get a localized message and no page error. Screenshots: e2e/out/capture-*.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { labTest, OUT } from '../lib/harness.mjs';
import { settle } from '../lib/browser.mjs';
import { STRICT_CSP } from '../lib/server.mjs';
import {
  CJK, COURSE_PREFIX, READY, clickAction, coreReplay, coursePage, dirFlags, finalStates, gotoLab, inSendOrder, snapshot,
} from '../lib/lab.mjs';
import { capture, udpOnly } from '../lib/pcapgen.mjs';

const LONG = { timeout: 120_000 };
const REFS = path.resolve(process.env.TCP_LAB_REFS || path.join(OUT, '..', '..', '..', 'shared', 'refs', 'pcap'));

function file(name, bytes) {
  fs.mkdirSync(OUT, { recursive: true });
  const p = path.join(OUT, name);
  fs.writeFileSync(p, bytes);
  return p;
}

/** The generated capture: four connections ending with FIN, RST, nothing and one FIN; UDP frames between. */
const MIXED = () => file('capture-mixed.pcap', capture({ n: 4, udpEvery: 2 }));

/** Opens `filePath` by the Open capture input, or by dropping it on the page. */
async function openCapture(page, filePath, how) {
  if (how === 'input') {
    await page.locator('input[data-capture-input]').setInputFiles(filePath);
  } else {
    const b64 = fs.readFileSync(filePath).toString('base64');
    const name = path.basename(filePath);
    const dt = await page.evaluateHandle(({ b64, name }) => {
      const bin = atob(b64);
      const u = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([u], name, { type: 'application/vnd.tcpdump.pcap' }));
      return dt;
    }, { b64, name });
    await page.dispatchEvent('main#lab', 'dragover', { dataTransfer: dt });
    await page.waitForSelector('[data-testid="drop-overlay"]');
    await page.dispatchEvent('main#lab', 'drop', { dataTransfer: dt });
  }
  await page.waitForSelector('[data-testid="capture"]:not([data-capture-status="reading"]):not([data-capture-status="decoding"])');
  await settle(page);
}

/** The connection rows as the page shows them, in the CLI's terms. */
async function rows(page) {
  return page.$$eval('tr[data-conn]', (trs) => trs.map((tr) => ({
    index: Number(tr.dataset.conn),
    client: tr.dataset.client,
    server: tr.dataset.server,
    segments: Number(tr.dataset.segments),
    bytes_c2s: Number(tr.dataset.bytesC2s),
    bytes_s2c: Number(tr.dataset.bytesS2c),
    end: tr.dataset.end,
  })));
}

function cliRows(list) {
  return list.connections.map((c) => ({
    index: c.index, client: c.client, server: c.server, segments: c.segments,
    bytes_c2s: c.bytes_c2s, bytes_s2c: c.bytes_s2c, end: c.end,
  }));
}

/** Shows connection `n`, then checks the ladder, the end states and the certainty marks against the CLI. */
async function viewAndCompare(page, filePath, n) {
  await page.locator(`[data-action="view-connection"][data-conn="${n}"]`).click();
  await settle(page);
  await page.waitForSelector(`[data-testid="capture"][data-capture-viewing="${n}"]`);
  const trace = coreReplay(filePath, n);
  assert.equal(trace.observed, true);
  await clickAction(page, 'end');
  const s = await snapshot(page);
  assert.deepEqual(dirFlags(inSendOrder(s.segments)), trace.segments.map((x) => `${x.dir} ${x.flags}`),
    'every segment of the connection, as the core reads it');
  assert.deepEqual({ client: s.client, server: s.server }, finalStates(trace), 'the states at the end');
  for (const side of ['client', 'server']) {
    const chain = trace.states[side];
    const mark = await page.getAttribute(`[data-certainty-side="${side}"]`, 'data-certainty');
    assert.equal(mark, chain.length ? chain[chain.length - 1].certainty : null, `${side}: certainty of its last change`);
  }
  // The marks on the ladder: each state change with its transition's certainty, and each side's
  // state before the capture shows it change marked unknown; the badges carry the last one.
  for (const side of ['client', 'server']) {
    const chain = trace.states[side];
    const marks = await page.$$eval(`.state-change[data-side="${side}"]:not(.start)`, (els) => els.map((e) => e.dataset.certainty));
    assert.deepEqual(marks, chain.map((x) => x.certainty), `${side}: a mark per state change on the ladder`);
    assert.equal(await page.getAttribute(`.state-change.start[data-side="${side}"]`, 'data-certainty'), 'unknown');
    assert.equal(await page.getAttribute(`[data-endpoint="${side}"]`, 'data-certainty'),
      chain.length ? chain[chain.length - 1].certainty : 'unknown', `${side}: the badge's mark`);
  }
  const notes = await page.$$eval('[data-note]', (els) => els.map((e) => e.dataset.note));
  assert.deepEqual(notes, trace.observation.notes.map((x) => x.kind), 'the flagged facts, in order');
}

const CASES = [
  { how: 'input', lang: 'en', viewport: { width: 1280, height: 800 } },
  { how: 'drop', lang: 'zh', viewport: { width: 1280, height: 800 } },
  { how: 'input', lang: 'zh', viewport: { width: 390, height: 844 } },
  { how: 'drop', lang: 'en', viewport: { width: 390, height: 844 } },
];

for (const c of CASES) {
  const tag = `${c.how}-${c.lang}-${c.viewport.width}x${c.viewport.height}`;
  labTest(`open a capture by ${c.how} (${c.lang}, ${c.viewport.width}x${c.viewport.height}): the list and the ladder are the CLI's`, LONG, async (t, open) => {
    const { page } = await open({ query: { lang: c.lang }, viewport: c.viewport });
    const mixed = MIXED();
    await openCapture(page, mixed, c.how);
    assert.equal(await page.getAttribute('[data-testid="capture"]', 'data-capture-status'), 'open');
    const list = coreReplay(mixed);
    assert.deepEqual(await rows(page), cliRows(list), 'the connection list');
    assert.deepEqual((await rows(page)).map((r) => r.end), ['fin', 'rst', 'open', 'half_closed']);
    const text = await page.textContent('[data-testid="capture"]');
    if (c.lang === 'zh') assert.match(text, CJK, 'the list is in Chinese');
    else assert.doesNotMatch(text, CJK, 'the list is in English');
    for (const n of [0, 1]) await viewAndCompare(page, mixed, n);
    // The setup pickers say a capture is shown, not the simulator's scenario.
    for (const picker of ['scenario', 'profile']) {
      assert.equal(await page.locator(`select[data-action="${picker}"]`).inputValue(), '', `${picker}: no simulator setup shown`);
    }
    const pickersNote = await page.locator('[data-testid="pickers-capture-note"]').textContent();
    if (c.lang === 'zh') assert.match(pickersNote, CJK);
    else assert.doesNotMatch(pickersNote, CJK);
    // The heading names the file with the language's own colon.
    const heading = await page.locator('[data-testid="capture"] h2').textContent();
    assert.equal(heading, c.lang === 'zh' ? '抓包文件：capture-mixed.pcap' : 'Capture: capture-mixed.pcap');
    await page.screenshot({ path: path.join(OUT, `capture-${tag}.png`) });
    // A real Linux capture, opened the same way.
    const normal = path.join(REFS, 'normal.pcap');
    if (fs.existsSync(normal)) {
      await openCapture(page, normal, c.how);
      assert.deepEqual(await rows(page), cliRows(coreReplay(normal)));
      await viewAndCompare(page, normal, 0);
    } else {
      t.diagnostic(`no ${normal}: the real capture is skipped`);
    }
    // Back to the simulator.
    await clickAction(page, 'close-capture');
    assert.equal(await page.$('[data-testid="capture"]'), null);
    assert.equal(await page.locator('select[data-action="scenario"]').inputValue(), 'normal', 'the simulator\'s setup again');
    assert.equal(await page.$('[data-testid="pickers-capture-note"]'), null);
    assert.equal(await page.$('[data-testid="capture-findings"]'), null);
  });
}

// Sharing while a capture is on the ladder: the link holds the steps derived from the connection
// (`tcp-sim replay FILE --conn N --compare --json` gives them) and names the connection; the
// page that link opens runs those steps in the simulator, as the CLI's linux run of them.
for (const lang of ['en', 'zh']) {
  labTest(`a shared link while viewing a capture replays its derived steps, never its packets (${lang})`, LONG, async (t, open) => {
    const { page } = await open({ query: { lang } });
    const mixed = MIXED();
    await openCapture(page, mixed, 'input');
    await page.locator('[data-action="view-connection"][data-conn="0"]').click();
    await settle(page);
    const conn = coreReplay(mixed).connections[0];
    const linux = coreReplay(mixed, 0, ['--compare']).compare.find((c) => c.profile === 'linux');
    await clickAction(page, 'share');
    const note = await (await page.waitForSelector('[data-testid="share-capture-note"]')).textContent();
    assert.match(note, lang === 'en' ? /stays on your computer; this link replays the steps derived from it/ : /抓包文件留在你的电脑上；这个链接在模拟器中重放从中推导出的步骤/);
    assert.ok(note.includes(conn.client) && note.includes(conn.server), note);
    const link = await page.inputValue('[data-testid="share-link"]');
    const params = new URL(link).searchParams;
    assert.equal(params.get('capture'), `0,${conn.client},${conn.server}`, 'the connection, by index and endpoints');
    assert.equal(params.get('c'), linux.scenario.client.join(','), 'the client steps derived from the capture');
    assert.equal(params.get('s'), linux.scenario.server.join(','), 'the server steps derived from the capture');
    assert.equal(params.get('step'), '0');
    assert.doesNotMatch(link, /pcap|mixed/, 'nothing of the file itself');
    // The link opens the derived run in the simulator, and says where it came from.
    const v = await open({ url: link });
    const from = await v.page.waitForSelector('[data-testid="derived-from"]');
    assert.equal(await from.getAttribute('data-capture-conn'), '0');
    const said = await from.textContent();
    assert.ok(said.includes(conn.client) && said.includes(conn.server), said);
    if (lang === 'zh') assert.match(said, CJK);
    assert.equal(await v.page.$('[data-testid="capture"]'), null, 'no capture in the opened page');
    await clickAction(v.page, 'end');
    const s = await snapshot(v.page);
    const summary = inSendOrder(s.segments).map((g) => `${g.dir === 'c2s' ? 'c' : 's'}:${g.flags}${g.fate === 'lost' ? '[LOST]' : ''}`).join(', ');
    const expected = linux.run.split(', ').map((x) => x.replace(/\d+(\[LOST\])?$/, '$1')).join(', ');
    assert.equal(summary, expected, 'the linux run of the derived steps, as the CLI ran it');
  });
}

labTest('a capture that starts mid-connection marks the states before its first change unknown (en, zh)', LONG, async (t, open) => {
  // The generated connection without its handshake: the first three records dropped.
  const full = capture({ n: 1 });
  const parts = [full.subarray(0, 24)];
  for (let off = 24, k = 0; off < full.length; k++) {
    const end = off + 16 + full.readUInt32LE(off + 8);
    if (k >= 3) parts.push(full.subarray(off, end));
    off = end;
  }
  const mid = file('capture-mid-connection.pcap', Buffer.concat(parts));
  const trace = coreReplay(mid, 0);
  assert.deepEqual(trace.observation.initial, { client: 'ESTABLISHED', server: 'ESTABLISHED' });
  for (const lang of ['en', 'zh']) {
    const { page } = await open({ query: { lang } });
    await openCapture(page, mid, 'input');
    await page.locator('[data-action="view-connection"][data-conn="0"]').click();
    await settle(page);
    for (const side of ['client', 'server']) {
      const badge = page.locator(`[data-endpoint="${side}"]`);
      assert.equal(await badge.getAttribute('data-certainty'), 'unknown', `${side}: unknown before its first change`);
      assert.equal(await badge.getAttribute('data-state'), 'ESTABLISHED');
      assert.match(await badge.locator('.state-name').textContent(), /\?/);
      const start = page.locator(`.state-change.start[data-side="${side}"]`);
      assert.match(await start.textContent(), /\? ESTABLISHED/);
    }
    const legend = await page.locator('[data-testid="certainty-legend"]').textContent();
    if (lang === 'zh') assert.match(legend, CJK);
    else assert.doesNotMatch(legend, CJK);
    assert.deepEqual(await page.$$eval('[data-certainty-legend]', (els) => els.map((e) => e.dataset.certaintyLegend)),
      ['observed', 'inferred', 'assumed', 'unknown']);
    await page.screenshot({ path: path.join(OUT, `capture-mid-connection-${lang}.png`) });
  }
});

// A large file: first read in slices, then decoded a batch of frames at a time, each with its
// progress in the page's language; closing it meanwhile stops it (nothing comes back later), and
// the tab answers throughout.
labTest('a large capture shows reading then decoding progress, and closing it while it decodes leaves the simulator for good (en, zh)', LONG, async (t, open) => {
  const big = file('capture-large.pcap', capture({ n: 60000, ends: ['fin'], payload: 150 }));
  try {
    for (const lang of ['en', 'zh']) {
      const { page } = await open({ query: { lang } });
      await page.evaluate(() => {
        const seen = (window.__captureStatuses = []);
        new MutationObserver(() => {
          const status = document.querySelector('[data-testid="capture"]')?.getAttribute('data-capture-status');
          const text = document.querySelector('.capture-progress')?.textContent ?? '';
          if (status && seen.at(-1)?.[0] !== status) seen.push([status, text]);
        }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      await page.locator('input[data-capture-input]').setInputFiles(big);
      await page.waitForSelector('[data-capture-status="open"]', { timeout: 60000 });
      const seen = await page.evaluate(() => window.__captureStatuses);
      assert.deepEqual(seen.map(([s]) => s), ['reading', 'decoding', 'open']);
      assert.match(seen[0][1], lang === 'en' ? /^Reading capture-large\.pcap: \d+%$/ : /^正在读取 capture-large\.pcap：\d+%$/);
      assert.match(seen[1][1], lang === 'en' ? /^Decoding capture-large\.pcap: \d+%$/ : /^正在解析 capture-large\.pcap：\d+%$/);
      assert.equal(await page.getAttribute('[data-testid="capture-connections"]', 'data-connections'), '60000');
      // Again, closed as soon as it decodes (the page clicks Close when the status shows it).
      await page.evaluate(() => {
        window.__closedWhile = null;
        const watch = new MutationObserver(() => {
          const status = document.querySelector('[data-testid="capture"]')?.getAttribute('data-capture-status');
          if (status === 'decoding') {
            watch.disconnect();
            window.__closedWhile = status;
            document.querySelector('[data-action="close-capture"]').click();
          }
        });
        watch.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      await page.locator('input[data-capture-input]').setInputFiles(big);
      await page.waitForFunction(() => window.__closedWhile !== null, null, { timeout: 60000 });
      await page.waitForSelector('[data-testid="capture"]', { state: 'detached' });
      await page.waitForTimeout(1500);
      assert.equal(await page.$('[data-testid="capture"]'), null, 'nothing comes back once closed');
      await clickAction(page, 'end');
      assert.equal((await snapshot(page)).client, 'CLOSED', 'the simulator runs');
    }
  } finally {
    fs.rmSync(big, { force: true });
  }
});

const BAD = [
  { name: 'not-a-capture.pcap', bytes: () => Buffer.from('GIF89a: this is a picture, not a capture'), key: 'bad_magic' },
  { name: 'cut.pcap', bytes: () => capture({ n: 1 }).subarray(0, 12), key: 'truncated' },
  { name: 'udp.pcap', bytes: () => udpOnly(), key: 'no_tcp' },
  { name: 'empty.pcap', bytes: () => Buffer.alloc(0), key: 'empty' },
  {
    name: 'absurd.pcap',
    bytes: () => {
      const b = Buffer.from(capture({ n: 1 }));
      b.writeUInt32LE(0x7fffffff, 24 + 8); // the first record's captured length
      return b;
    },
    key: 'bad_length',
  },
];

for (const lang of ['en', 'zh']) {
  labTest(`bad capture files get a clear message (${lang})`, LONG, async (t, open) => {
    const { page } = await open({ query: { lang } });
    for (const bad of BAD) {
      await openCapture(page, file(`capture-${bad.name}`, bad.bytes()), 'input');
      const el = await page.waitForSelector('[data-capture-error]');
      const key = await el.getAttribute('data-capture-error');
      const msg = await el.textContent();
      // A file whose damage is past the header still lists what came before: then it says so.
      if (key !== bad.key) assert.fail(`${bad.name}: ${key} (${msg}), expected ${bad.key}`);
      if (lang === 'zh') assert.match(msg, CJK, `${bad.name}: in Chinese`);
      else assert.doesNotMatch(msg, CJK, `${bad.name}: in English`);
    }
    // Too large: refused before reading (the limit is 64 MB; a 2 GB file is refused the same way).
    const dt = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(65 * 1024 * 1024)], 'huge.pcapng'));
      return dt;
    });
    await page.dispatchEvent('main#lab', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('main#lab', 'drop', { dataTransfer: dt });
    const el = await page.waitForSelector('[data-capture-error="too_large"]');
    assert.match(await el.textContent(), /65 MB/);
    // The lab still works.
    await clickAction(page, 'close-capture');
    await clickAction(page, 'end');
    assert.equal((await snapshot(page)).client, 'CLOSED');
  });
}

labTest('a snaplen-cut capture lists its connections and says frames were cut', LONG, async (t, open) => {
  // Every frame keeps 60 bytes of its 54-to-59: the data segments lose their payload.
  const full = capture({ n: 2, payload: 40 });
  const parts = [full.subarray(0, 24)];
  for (let off = 24; off < full.length;) {
    const incl = full.readUInt32LE(off + 8);
    const keep = Math.min(incl, 60);
    const rec = Buffer.from(full.subarray(off, off + 16));
    rec.writeUInt32LE(keep, 8);
    parts.push(rec, full.subarray(off + 16, off + 16 + keep));
    off += 16 + incl;
  }
  const cut = file('capture-snaplen.pcap', Buffer.concat(parts));
  const { page } = await open({ query: { lang: 'en' } });
  await openCapture(page, cut, 'input');
  assert.deepEqual(await rows(page), cliRows(coreReplay(cut)));
  assert.match(await page.textContent('[data-testid="capture"]'), /cut short/);
});

// ---- hostile hosts: strict CSP, a sandboxed iframe (opaque origin), offline ---------------
labTest('a capture opens under a strict Content-Security-Policy and a sub-path', LONG, async (t, open) => {
  const { page } = await open({ prefix: COURSE_PREFIX, headers: { 'Content-Security-Policy': STRICT_CSP }, query: { lang: 'en' } });
  const mixed = MIXED();
  await openCapture(page, mixed, 'drop');
  assert.deepEqual(await rows(page), cliRows(coreReplay(mixed)));
  await viewAndCompare(page, mixed, 0);
});

labTest('a capture dropped on the lab in a sandboxed iframe (embed)', LONG, async (t, open) => {
  const w = await open({
    prefix: COURSE_PREFIX,
    routes: { '/course.html': coursePage('lang=zh&amp;embed=1', { width: 1000, height: 700 }) },
    path: '/course.html',
    waitReady: false,
  });
  const frameEl = await w.page.waitForSelector('iframe#lab');
  const frame = await frameEl.contentFrame();
  await frame.waitForSelector(READY, { state: 'attached', timeout: 30000 });
  const mixed = MIXED();
  await openCapture(frame, mixed, 'drop');
  assert.deepEqual(await rows(frame), cliRows(coreReplay(mixed)));
  await viewAndCompare(frame, mixed, 1);
});

labTest('a capture opens offline once the lab was loaded', LONG, async (t, open) => {
  const w = await open({ prefix: COURSE_PREFIX, query: { lang: 'en' } });
  await w.page.waitForTimeout(1000);
  await w.context.setOffline(true);
  try {
    await gotoLab(w.page, w.url, { timeout: 15000 });
    const mixed = MIXED();
    await openCapture(w.page, mixed, 'input');
    assert.deepEqual(await rows(w.page), cliRows(coreReplay(mixed)));
    await viewAndCompare(w.page, mixed, 0);
  } finally {
    await w.context.setOffline(false);
  }
  w.failed.length = 0;
});

labTest('a capture cut off mid-record lists what came before and says where it stopped (en, zh)', LONG, async (t, open) => {
  const full = capture({ n: 4 });
  const cut = file('capture-cut-mid.pcap', full.subarray(0, full.length - 10));
  const list = coreReplay(cut);
  assert.ok(list.error, 'the core reports the cut');
  for (const lang of ['en', 'zh']) {
    const { page } = await open({ query: { lang } });
    await openCapture(page, cut, 'input');
    assert.equal(await page.getAttribute('[data-testid="capture"]', 'data-capture-status'), 'open');
    assert.deepEqual(await rows(page), cliRows(list));
    assert.match(await page.textContent('[data-testid="capture"]'), lang === 'en' ? /Reading stopped early/ : /读取提前停止/);
  }
});

labTest("Export while a capture is on the ladder: JSON is the CLI's replay of that connection, pcap is its trace", LONG, async (t, open) => {
  const { page } = await open({ query: { lang: 'en' } });
  const mixed = MIXED();
  await openCapture(page, mixed, 'input');
  await page.locator('[data-action="view-connection"][data-conn="1"]').click();
  await settle(page);
  await page.locator('[data-action="export"]').first().click();
  await page.locator('[data-testid="export-panel"]').waitFor();
  const download = async (kind) => {
    const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.locator(`[data-export="${kind}"]`).click()]);
    return { name: d.suggestedFilename(), bytes: fs.readFileSync(await d.path()) };
  };
  const json = await download('json');
  assert.match(json.name, /capture-conn1\.json$/);
  assert.deepEqual(JSON.parse(json.bytes.toString('utf8')), coreReplay(mixed, 1));
  const pcap = await download('pcap');
  assert.equal(pcap.bytes.readUInt32LE(0), 0xa1b23c4d, 'libpcap magic');
  const back = coreReplay(file('capture-exported.pcap', pcap.bytes), 0);
  assert.deepEqual(back.segments.map((x) => `${x.dir} ${x.flags}`), coreReplay(mixed, 1).segments.map((x) => `${x.dir} ${x.flags}`),
    'the exported pcap reads back as the same segments');
});

// Compare with the simulator: the page lists, for each profile, as many differences as the core's
// `tcp-sim replay FILE --conn N --compare --json` finds; running the derived steps puts exactly
// the run the CLI made for that profile on the ladder.
for (const lang of ['en', 'zh']) {
  labTest(`compare a capture with the simulator, then run its steps (${lang})`, LONG, async (t, open) => {
    const fin = path.join(REFS, 'fin_lost.pcap');
    const cli = coreReplay(fin, 0, ['--compare']).compare;
    const w = await open({ query: { lang, scenario: 'normal' }, viewport: { width: 1280, height: 800 } });
    const { page } = w;
    await openCapture(page, fin, 'input');
    await page.locator('[data-action="view-connection"][data-conn="0"]').click();
    await settle(page);
    await page.locator('[data-action="compare-capture"]').click();
    await page.waitForSelector('[data-compare-profile="rfc"]');
    for (const c of cli) {
      const shown = await page.locator(`[data-compare-profile="${c.profile}"]`).getAttribute('data-differences');
      assert.equal(Number(shown), c.differences.length, `${c.profile}: differences`);
    }
    const steps = await page.locator('[data-testid="derived-steps"]').innerText();
    assert.ok(steps.includes(cli[0].scenario.client.join(', ')), `client steps shown: ${steps}`);
    if (lang === 'zh') assert.ok(CJK.test(steps), steps);
    await page.locator('[data-testid="capture-compare"]').screenshot({ path: path.join(OUT, `capture-compare-${lang}.png`) });
    await page.locator('[data-action="run-derived"][data-profile="rfc"]').click();
    await settle(page);
    await page.waitForSelector('[data-testid="capture-findings"]', { state: 'detached' });
    await clickAction(page, 'end');
    const s = await snapshot(page);
    const summary = inSendOrder(s.segments).map((g) => `${g.dir === "c2s" ? "c" : "s"}:${g.flags}`).join(", ");
    const expected = cli[1].run.split(', ').map((x) => x.replace(/\[LOST\]$/, '').replace(/\d+$/, '')).join(', ');
    assert.equal(summary, expected, 'the rfc run of the derived steps, as the CLI ran it');
  });
}
