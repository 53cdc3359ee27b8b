// The server view: a listener with many connections (docs/CONTRACT.md, "Server view"). Every
// number the page shows is compared with the core's own output for the same scenario
// (`tcp-sim named NAME --json`), never with a copy in this file.
import assert from 'node:assert/strict';
import path from 'node:path';
import { labTest, OUT } from '../lib/harness.mjs';
import { settle } from '../lib/browser.mjs';
import { clickAction, coreConnection, coreTrace, snapshot } from '../lib/lab.mjs';

/** The server scenarios, as the core lists them after the one-connection ones. */
const SERVER = [
  'accept_queue_overflow',
  'accept_queue_overflow_reset',
  'syn_flood_no_cookies',
  'syn_flood_cookies',
  'time_wait_new_syn',
  'time_wait_old_syn',
  'time_wait_cut_short_corruption',
  'port_exhaustion',
  'port_reuse_tw_reuse',
];

/** The profile a server scenario's file names (the lab keeps it when the link names none). */
const profileOf = (name) => (['time_wait_old_syn', 'time_wait_cut_short_corruption'].includes(name) ? 'rfc' : 'linux');

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

labTest('each server scenario opens by URL and its numbers at the end are the core\'s', async (t, open) => {
  for (const name of SERVER) {
    const trace = core(name);
    for (const lang of ['en', 'zh']) {
      const w = await open({ query: { scenario: name, lang }, viewport: { width: 1280, height: 800 } });
      const { page } = w;
      await toEnd(page);
      const v = await serverView(page);
      assert.ok(v, `${name}: the server view is shown`);
      assert.deepEqual(v.counters, trace.listener.counters, `${name} ${lang}: counters at the end`);
      assert.equal(v.syn.limit, trace.listener.settings.max_ack_backlog, `${name}: the queues' limit`);
      const last = trace.listener.events.at(-1) ?? { syn_queue: 0, accept_queue: 0 };
      assert.equal(v.syn.length, last.syn_queue, `${name}: SYN queue at the end`);
      assert.equal(v.accept.length, last.accept_queue, `${name}: accept queue at the end`);
      // Each row's final states are the core's; every client connection has a row.
      const clients = trace.connections.filter((c) => c.client !== undefined);
      for (const c of clients) assert.ok(v.rows.some((r) => r.id === c.id), `${name}: row of connection ${c.id}`);
      for (const r of v.rows) {
        const c = trace.connections[r.id];
        // A request socket dropped back to the listener is gone: the core's record says CLOSED.
        const server = r.server === 'LISTEN' ? 'CLOSED' : r.server;
        assert.equal(shown(c.final.client), r.client, `${name}: connection ${r.id}'s client end`);
        assert.equal(shown(c.final.server), server === '—' ? '—' : server, `${name}: connection ${r.id}'s server end`);
        assert.equal(Boolean(c.cookie), r.cookie, `${name}: connection ${r.id}'s cookie`);
        assert.equal(r.origin, c.flood ? 'flood' : `client:${c.client}`);
      }
      // The ladder shows the first client's connection: its segments are the core's.
      const first = clients[0];
      assert.equal(v.shown, first.id, `${name}: the first client's connection is on the ladder`);
      await assertLadderIsConnection(page, name, first.id);
      if (lang === 'en' && name === 'syn_flood_cookies') {
        await page.screenshot({ path: path.join(OUT, 'server-1280x800.png') });
      }
      if (lang === 'zh' && name === 'accept_queue_overflow') {
        await page.screenshot({ path: path.join(OUT, 'server-zh-1280x800.png') });
      }
      await w.close();
    }
  }
});
