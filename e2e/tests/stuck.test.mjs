// The scenarios and lessons of keepalive, the abortive close and the stuck close states: each
// scenario ends where the core's own trace ends, in both languages and both profiles; each lesson
// opens in both languages with every placeholder filled.
import assert from 'node:assert/strict';
import { labTest } from '../lib/harness.mjs';
import { snapshot, inSendOrder, dirFlags, clickAction, coreTrace, finalStates, CJK } from '../lib/lab.mjs';
import { settle } from '../lib/browser.mjs';

const SCENARIOS = ['keepalive_peer_crashed', 'abortive_close', 'close_wait_forever', 'orphaned_fin_wait_2'];
const LESSONS = ['keepalive', 'abortive-close', 'close-wait-forever', 'orphaned-fin-wait-2'];
const LONG = { timeout: 120_000 };

for (const name of SCENARIOS) {
  for (const [lang, profile] of [['en', 'linux'], ['zh', 'rfc']]) {
    labTest(`scenario ${name} (${profile}, ${lang}) ends as the core's trace does`, LONG, async (t, open) => {
      const trace = coreTrace(name, { profile });
      const w = await open({ query: { scenario: name, profile, lang } });
      const { page } = w;
      await clickAction(page, 'end');
      await settle(page);
      const s = await snapshot(page);
      const want = finalStates(trace);
      assert.equal(s.client, want.client, 'client badge');
      assert.equal(s.server, want.server, 'server badge');
      assert.deepEqual(dirFlags(inSendOrder(s.segments)), trace.segments.map((x) => `${x.dir} ${x.flags}`));
      const text = (await page.locator('[data-testid="explanation"]').first().innerText()).trim();
      assert.equal(CJK.test(text), lang === 'zh', `explanation in ${lang}: ${text.slice(0, 80)}`);
      assert.ok(!/\{[a-z_]+\}/.test(text), `no placeholder left: ${text}`);
    });
  }
}

for (const id of LESSONS) {
  for (const lang of ['en', 'zh']) {
    labTest(`lesson ${id} opens in ${lang}`, async (t, open) => {
      const w = await open({ query: { lesson: id, lang } });
      const goal = w.page.locator('[data-testid="lesson-goal"]');
      await goal.waitFor({ state: 'visible', timeout: 10_000 });
      const text = (await goal.innerText()).trim();
      assert.equal(CJK.test(text), lang === 'zh', `goal in ${lang}: ${text.slice(0, 80)}`);
      assert.ok(!/\{[a-z_]+\}/.test(text), `no placeholder left: ${text}`);
    });
  }
}
