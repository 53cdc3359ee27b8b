// The server view: a listener with many connections (docs/CONTRACT.md, "Server view"). Every
// number the page shows is compared with the core's own output for the same scenario
// (`tcp-sim named NAME --json`), never with a copy in this file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { labTest, OUT } from '../lib/harness.mjs';
import { REPO_ROOT } from '../lib/server.mjs';
import { settle } from '../lib/browser.mjs';
import { clickAction, coreConnection, coreRunFile, coreTrace, snapshot } from '../lib/lab.mjs';

/** The server scenarios: the files in crates/tcp-sim/scenarios/server, which the core compiles in. */
const SERVER_DIR = path.join(REPO_ROOT, 'crates/tcp-sim/scenarios/server');
const SERVER = fs
  .readdirSync(SERVER_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

/** The profile a server scenario's file names (the lab keeps it when the link names none). */
const profileOf = (name) => JSON.parse(fs.readFileSync(path.join(SERVER_DIR, `${name}.json`), 'utf8')).profile ?? 'rfc';

/** The core's trace of a server scenario under its file's own profile. */
const core = (name) => coreTrace(name, { profile: profileOf(name) });

/**
 * The ladder's segments (only those drawn: a long run draws the part on screen) are those of the
 * core's view of the connection, by id: same direction, flags and fate.
 */
async function assertLadderIsConnection(page, name, conn) {
  const view = coreConnection(name, conn, { profile: profileOf(name) });
  const drawn = (await snapshot(page)).segments;
  assert.ok(drawn.length > 0, `${name}: connection ${conn}'s ladder draws segments`);
  for (const d of drawn) {
    const s = view.segments[Number(d.id)];
    assert.ok(s, `${name}: segment ${d.id} is in the core's view of connection ${conn}`);
    assert.deepEqual([d.dir, d.flags, d.fate], [s.dir, s.flags, s.fate], `${name}: conn ${conn} segment ${d.id}`);
  }
  return view;
}

/** What the server view shows, read from its hooks. */
async function serverView(page) {
  return page.evaluate(() => {
    const panel = document.querySelector('[data-testid="server"]');
    if (!panel) return null;
    const q = (k) => panel.querySelector(`[data-queue="${k}"]`);
    const counters = {};
    for (const el of panel.querySelectorAll('[data-counter]')) counters[el.dataset.counter] = Number(el.dataset.value);
    const rows = [...panel.querySelectorAll('tr[data-conn]')].map((r) => ({
      id: Number(r.dataset.conn),
      origin: r.dataset.origin,
      client: r.dataset.clientState,
      server: r.dataset.serverState,
      cookie: r.dataset.cookie === 'true',
      selected: r.dataset.selected === 'true',
    }));
    return {
      syn: { length: Number(q('syn').dataset.length), limit: Number(q('syn').dataset.limit) },
      accept: { length: Number(q('accept').dataset.length), limit: Number(q('accept').dataset.limit) },
      counters,
      rows,
      shown: Number(panel.querySelector('[data-shown-conn]')?.dataset.shownConn ?? NaN),
      flood: panel.querySelector('[data-flood-aggregate]')?.dataset.floodOpened ?? null,
      unlisted: Number(panel.querySelector('[data-unlisted]')?.dataset.unlisted ?? 0),
    };
  });
}

/** A state as a row shows it: its RFC name, "—" for an end that never existed. */
const shown = (s) => s ?? '—';

async function toEnd(page) {
  await clickAction(page, 'end');
}

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

labTest('each server scenario opens by URL and its numbers at the end are the core\'s', { timeout: 600_000 }, async (t, open) => {
  for (const name of SERVER) {
    const trace = core(name);
    for (const [lang, viewport] of [['en', VIEWPORTS[0]], ['zh', VIEWPORTS[0]], ['en', VIEWPORTS[1]], ['zh', VIEWPORTS[1]]]) {
      const w = await open({ query: { scenario: name, lang }, viewport });
      const { page } = w;
      await toEnd(page);
      const v = await serverView(page);
      assert.ok(v, `${name}: the server view is shown`);
      assert.deepEqual(v.counters, trace.listener.counters, `${name} ${lang}: counters at the end`);
      assert.equal(v.syn.limit, trace.listener.settings.max_ack_backlog, `${name}: the queues' limit`);
      const last = trace.listener.events.at(-1) ?? { syn_queue: 0, accept_queue: 0 };
      assert.equal(v.syn.length, last.syn_queue, `${name}: SYN queue at the end`);
      assert.equal(v.accept.length, last.accept_queue, `${name}: accept queue at the end`);
      // Each row's final states are the core's; every client connection has a row, up to 100 of
      // them (the rest are counted).
      const clients = trace.connections.filter((c) => c.client !== undefined);
      for (const c of clients.slice(0, 100)) assert.ok(v.rows.some((r) => r.id === c.id), `${name}: row of connection ${c.id}`);
      if (clients.length > 100) assert.ok(v.unlisted >= clients.length - 100, `${name}: ${v.unlisted} unlisted`);
      for (const r of v.rows) {
        const c = trace.connections[r.id];
        // A request socket dropped back to the listener is gone: the core's record says CLOSED.
        const server = r.server === 'LISTEN' ? 'CLOSED' : r.server;
        assert.equal(shown(c.final.client), r.client, `${name}: connection ${r.id}'s client end`);
        assert.equal(shown(c.final.server), server === '—' ? '—' : server, `${name}: connection ${r.id}'s server end`);
        assert.equal(Boolean(c.cookie), r.cookie, `${name}: connection ${r.id}'s cookie`);
        assert.equal(r.origin, c.flood ? 'flood' : `client:${c.client}`);
      }
      // The ladder shows the first client's connection (else the first one): its segments are the core's.
      const first = clients[0] ?? trace.connections[0];
      assert.equal(v.shown, first.id, `${name}: the first client's connection is on the ladder`);
      await assertLadderIsConnection(page, name, first.id);
      // The settings in force are the core's.
      const settings = await page.locator('[data-testid="listener-settings"]').textContent();
      const l = trace.listener.settings;
      for (const [k, v] of [['backlog', l.backlog], ['tcp_syncookies', l.syncookies], ['tcp_abort_on_overflow', Number(l.abort_on_overflow)]]) {
        assert.ok(settings.includes(`${k} ${v}`), `${name}: "${k} ${v}" in "${settings}"`);
      }
      // The panel's words are the page's language.
      const heading = await page.locator('[data-testid="server"] h2').textContent();
      assert.equal(/[\u4e00-\u9fff]/.test(heading), lang === 'zh', `${name}: heading in ${lang}`);
      await w.close();
    }
  }
});

/** A server scenario's file with `change` applied, written for `tcp-sim run`. */
function changedFile(name, change) {
  const sc = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'crates/tcp-sim/scenarios/server', `${name}.json`), 'utf8'));
  change(sc);
  const dir = path.join(OUT, 'tmp');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-changed.json`);
  fs.writeFileSync(file, JSON.stringify(sc));
  return file;
}

labTest('the controls run the scenario again: SYN cookies off drops SYNs, as the core says', async (t, open) => {
  const w = await open({ query: { scenario: 'syn_flood_cookies', lang: 'en' } });
  const { page } = w;
  await toEnd(page);
  assert.equal((await serverView(page)).counters.syns_dropped, 0, 'with cookies no SYN is dropped');
  await page.locator('input[data-knob="cookies"]').uncheck();
  await settle(page);
  assert.match(page.url(), /[?&]cookies=0(&|$)/, 'the link carries the change');
  await toEnd(page);
  const v = await serverView(page);
  const expected = coreRunFile(changedFile('syn_flood_cookies', (sc) => (sc.listener.syncookies = 0)));
  assert.ok(v.counters.syns_dropped > 0, 'without cookies the full SYN queue drops SYNs');
  assert.equal(v.counters.cookies_sent, 0);
  assert.deepEqual(v.counters, expected.listener.counters, 'the counters are the core\'s for the changed scenario');
  // The clients' SYNs were dropped too: their connections needed retransmitted SYNs.
  const firstClient = expected.connections.find((c) => c.client === 0);
  const retx = expected.segments.filter((s) => s.conn === firstClient.id && s.flags === 'S').length;
  assert.ok(retx > 1, `the first client sent its SYN ${retx} times`);
  // The link reproduces the run.
  const again = await open({ url: page.url() });
  await toEnd(again.page);
  assert.deepEqual((await serverView(again.page)).counters, v.counters, 'the link reproduces the run');
  // A smaller backlog: the limit and the core agree.
  await page.locator('input[data-knob="backlog"]').fill('16');
  await page.locator('input[data-knob="backlog"]').press('Enter');
  await page.locator('input[data-knob="backlog"]').blur();
  await settle(page);
  await toEnd(page);
  const small = await serverView(page);
  assert.equal(small.syn.limit, 16);
  const exp16 = coreRunFile(changedFile('syn_flood_cookies', (sc) => {
    sc.listener.syncookies = 0;
    sc.listener.backlog = 16;
  }));
  assert.deepEqual(small.counters, exp16.listener.counters);
  // A bad value is said, not used.
  await page.locator('input[data-knob="backlog"]').fill('99999');
  await page.locator('input[data-knob="backlog"]').blur();
  await settle(page);
  assert.equal(await page.locator('.server-controls .field-error').count(), 1);
  assert.equal((await serverView(page)).syn.limit, 16, 'the run is unchanged');
  // Stopping the flood leaves the clients' connections only.
  await clickAction(page, 'toggle-flood');
  await toEnd(page);
  const calm = await serverView(page);
  assert.equal(calm.flood, null, 'no flood aggregate');
  assert.equal(calm.counters.syns, 10);
  // A slow accept() and a reconnecting client are core runs too.
  await page.locator('input[data-knob="accept_delay"]').fill('300');
  await page.locator('input[data-knob="accept_delay"]').blur();
  await settle(page);
  await page.locator('input[data-knob="reconnect"]').check();
  await settle(page);
  assert.match(page.url(), /accept_delay=300/);
  assert.match(page.url(), /reconnect=0/);
  await toEnd(page);
  const slow = await serverView(page);
  assert.equal(slow.counters.accepted, 11, 'the reconnection is served by one more accept()');
  const again0 = slow.rows.filter((r) => r.origin === 'client:0');
  assert.equal(again0.length, 2, 'client 0 opened two connections');
  const addrs = await page.locator('tr[data-origin="client:0"] [data-action="select-conn"]').allTextContents();
  assert.equal(addrs[0], addrs[1], 'from the same address and port');
  await page.screenshot({ path: path.join(OUT, 'server-controls-1280x800.png') });
});

labTest('selecting a connection (click or keyboard) changes the ladder', async (t, open) => {
  const name = 'accept_queue_overflow';
  const trace = core(name);
  const w = await open({ query: { scenario: name, lang: 'en' } });
  const { page } = w;
  await toEnd(page);
  const third = trace.connections.find((c) => c.client === 2);
  await page.locator(`tr[data-conn="${third.id}"] [data-action="select-conn"]`).click();
  await settle(page);
  let v = await serverView(page);
  assert.equal(v.shown, third.id);
  assert.ok(v.rows.find((r) => r.id === third.id).selected);
  assert.match(page.url(), new RegExp(`[?&]conn=${third.id}(&|$)`));
  const view = await assertLadderIsConnection(page, name, third.id);
  // The third client's handshake ACK was dropped: its server end saw the SYN-ACK sent again.
  assert.ok(view.segments.filter((s) => s.flags === 'SA').length > 1, 'the SYN-ACK was retransmitted');
  // The keyboard: Tab to a row's button, Enter picks it.
  const second = trace.connections.find((c) => c.client === 1);
  await page.locator(`tr[data-conn="${second.id}"] [data-action="select-conn"]`).focus();
  await page.keyboard.press('Enter');
  await settle(page);
  v = await serverView(page);
  assert.equal(v.shown, second.id);
  await assertLadderIsConnection(page, name, second.id);
  // The badges are the picked connection's ends at the playhead.
  const s = await snapshot(page);
  const row = v.rows.find((r) => r.id === second.id);
  assert.equal(s.client, row.client);
});

labTest('on a phone, picking a connection brings its ladder into view', async (t, open) => {
  const name = 'accept_queue_overflow';
  const trace = core(name);
  const { page } = await open({ query: { scenario: name, lang: 'zh' }, viewport: { width: 390, height: 844 } });
  await toEnd(page);
  const third = trace.connections.find((c) => c.client === 2);
  const pick = page.locator(`tr[data-conn="${third.id}"] [data-action="select-conn"]`);
  await pick.scrollIntoViewIfNeeded();
  const ladderTop = () => page.evaluate(() => document.querySelector('main#lab .ladder-wrap').getBoundingClientRect().top);
  assert.ok((await ladderTop()) < 0, 'the rows are below the ladder: it has scrolled out of view');
  await pick.click();
  await settle(page);
  assert.equal((await serverView(page)).shown, third.id);
  const top = await ladderTop();
  assert.ok(top >= -1 && top < 844, `the ladder is in view (top ${top})`);
});

labTest('server view screenshots at every size, in both languages', { timeout: 300_000 }, async (t, open) => {
  const sizes = [
    [700, 450],
    [390, 844],
    [1280, 800],
    [1920, 1080],
  ];
  for (const [width, height] of sizes) {
    for (const lang of ['en', 'zh']) {
      const w = await open({ query: { scenario: 'syn_flood_no_cookies', lang, step: 600 }, viewport: { width, height } });
      const { page } = w;
      const panel = page.locator('[data-testid="server"]');
      await panel.scrollIntoViewIfNeeded();
      // Nothing of the panel sticks out sideways.
      const overflow = await page.evaluate(() => {
        const el = document.querySelector('[data-testid="server"]');
        return el.scrollWidth - el.clientWidth;
      });
      assert.ok(overflow <= 1, `${width}x${height} ${lang}: the panel overflows by ${overflow}px`);
      await page.screenshot({ path: path.join(OUT, `server-${lang}-${width}x${height}.png`) });
      await w.close();
    }
  }
});

labTest('a flood of 10,000 SYNs: aggregates, not 10,000 rows (timings in the log)', { timeout: 300_000 }, async (t, open) => {
  const w = await open({ query: { scenario: 'syn_flood_cookies', lang: 'en', flood: 10000 } });
  const { page } = w;
  await toEnd(page);
  const v = await serverView(page);
  assert.equal(v.counters.syns, 10010);
  const rows = await page.locator('[data-testid="server"] tr[data-conn]').count();
  assert.ok(rows <= 200, `${rows} rows drawn`);
  assert.ok(v.unlisted > 9000, 'the rest is counted');
  assert.equal(Number(v.flood), 10000);
  // How long a re-run takes in the browser: the run, its index, and the page drawn again
  // (performance.now from the click to the frame after the counters changed). A figure, not a limit.
  const times = [];
  for (let i = 0; i < 4; i++) {
    const ms = await page.evaluate(async () => {
      const box = document.querySelector('input[data-knob="cookies"]');
      const before = document.querySelector('[data-counter="syns_dropped"]').dataset.value;
      const t0 = performance.now();
      box.click();
      for (;;) {
        await new Promise((r) => requestAnimationFrame(() => r()));
        const now = document.querySelector('[data-counter="syns_dropped"]')?.dataset.value;
        if (now !== undefined && now !== before) break;
        if (performance.now() - t0 > 20_000) throw new Error('no re-run');
      }
      return performance.now() - t0;
    });
    await clickAction(page, 'end');
    times.push(ms);
  }
  t.diagnostic(`10,000-SYN flood, re-run (run + index + render) in the browser: ${times.map((x) => x.toFixed(0)).join(', ')} ms`);
});
