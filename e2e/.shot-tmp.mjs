// temporary local screenshot helper (not part of the repo; deleted after use)
import { chromium } from 'playwright-core';
const [,, url, w, h, steps, out, extra] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const ctx = await b.newContext({ viewport: { width: +w, height: +h }, colorScheme: process.env.SCHEME || 'light', reducedMotion: process.env.RM || 'no-preference' });
const page = await ctx.newPage();
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(url);
await page.waitForSelector('main#lab[data-ready="true"]');
for (let i = 0; i < +steps; i++) { await page.click('[data-action="step-forward"]'); }
if (extra === 'wait') await page.waitForTimeout(+process.env.WAIT || 2000);
if (extra === 'click-sa') { await page.click('[data-segment][data-flags="SA"]'); }
if (extra === 'drop-sa') { await page.click('[data-segment][data-flags="SA"]'); await page.click('[data-fate-action="drop"]'); for (let i=0;i<+(process.env.MORE||0);i++) await page.click('[data-action="step-forward"]'); }
if (extra === 'end') { await page.click('[data-action="end"]'); }
if (extra === 'ff') { await page.click('[data-action="fast-forward"]'); }
await page.waitForTimeout(300);
await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
console.log(JSON.stringify(await page.evaluate(() => ({ t: document.querySelector('main#lab').dataset.timeMs, overflow: document.documentElement.scrollWidth - innerWidth }))), errors.join('\n'));
await b.close();
