// The explanation explains every state change at the playhead, in order: one segment can move an
// endpoint twice (a FIN+ACK takes FIN-WAIT-1 through FIN-WAIT-2 to TIME-WAIT), and stepping
// through a run must explain every transition the core produced.
import assert from 'node:assert/strict';
import { labTest } from '../lib/harness.mjs';
import { stepUntil, stepForward, coreTrace } from '../lib/lab.mjs';

const contexts = (page) => page.locator('[data-testid="explanation"] .explained .context').allInnerTexts();

labTest('a FIN+ACK that moves the client twice gets both explanations, in order', async (t, open) => {
  const w = await open({ query: { scenario: 'normal', profile: 'linux', lang: 'en' } });
  const r = await stepUntil(w.page, (s) => s.client === 'TIME-WAIT');
  assert.ok(r.reached, 'the client reaches TIME-WAIT');
  const shown = await contexts(w.page);
  const i = shown.findIndex((c) => c.includes('FIN-WAIT-1 → FIN-WAIT-2'));
  const j = shown.findIndex((c) => c.includes('FIN-WAIT-2 → TIME-WAIT'));
  assert.ok(i >= 0 && j > i, `both changes explained in order: ${JSON.stringify(shown)}`);
  assert.equal(await w.page.locator('[data-testid="explanation"] .explained h3').count(), shown.length, 'each with its own title');
});

for (const [profile, lang] of [['rfc', 'en'], ['linux', 'zh']]) {
  labTest(`stepping through the normal run (${profile}, ${lang}) explains every transition the core made`, { timeout: 120_000 }, async (t, open) => {
    const trace = coreTrace('normal', { profile });
    const want = ['client', 'server'].flatMap((side) => trace.states[side].map((s) => `${s.from} → ${s.to}`));
    const w = await open({ query: { scenario: 'normal', profile, lang } });
    const seen = new Set();
    const note = async () => (await contexts(w.page)).forEach((c) => seen.add(c.replace(/^.*?(\S+ → \S+)$/, '$1')));
    for (let i = 0; i < 300; i++) {
      await note();
      const r = await stepForward(w.page);
      if (r.atEnd) break;
    }
    await note();
    const missing = want.filter((x) => ![...seen].some((c) => c.endsWith(x)));
    assert.deepEqual(missing, [], `every transition explained; seen ${JSON.stringify([...seen])}`);
  });
}
