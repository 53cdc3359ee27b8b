// temporary local perf probe (not part of the repo; deleted after use)
import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await (await b.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
page.on('console', (m) => { if (m.type() === 'error') console.log('console error', m.text()); });
await page.goto('http://127.0.0.1:8123/?lang=en');
await page.waitForSelector('main#lab[data-ready="true"]');
await page.fill('[data-action="client-steps"]', 'connect\nsend ' + (process.env.BYTES || '1000000') + '\nclose');
await page.fill('[data-action="server-steps"]', 'listen\nrecv_eof\nclose');
let t0 = Date.now();
await page.click('[data-action="apply"]');
console.log('apply ms', Date.now() - t0);
const n = await page.evaluate(() => document.querySelectorAll('[data-log-index]').length);
console.log('log entries', n);
const measure = async (label, fn) => {
  const ms = await page.evaluate(async (code) => {
    const f = new Function(code);
    const t = performance.now();
    f();
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - t;
  }, fn);
  console.log(label, ms.toFixed(1), 'ms');
};
await measure('end', "document.querySelector('[data-action=end]').click()");
console.log('segments', await page.evaluate(() => document.querySelectorAll('[data-segment]').length));
await measure('step back', "document.querySelector('[data-action=\"step-back\"]').click()");
await measure('reset', "document.querySelector('[data-action=reset]').click()");
await measure('end again', "document.querySelector('[data-action=end]').click()");
for (const f of [0.3, 0.5, 0.7]) {
  await measure('scrub ' + f, `const s=document.querySelector('[data-action=scrub]'); s.value = String(Number(s.max)*${f}); s.dispatchEvent(new Event('input', {bubbles:true}))`);
}
await page.click('[data-action="reset"]');
await page.click('[data-action="play"]');
await page.waitForTimeout(3000);
const frames = await page.evaluate(async () => {
  const times = []; let last = performance.now();
  await new Promise((r) => { let n = 0; const f = (t) => { times.push(t - last); last = t; if (++n < 120) requestAnimationFrame(f); else r(); }; requestAnimationFrame(f); });
  times.sort((a, b) => a - b);
  return { median: times[60], p95: times[114], max: times[119] };
});
console.log('frames while playing', JSON.stringify(frames));
await b.close();
