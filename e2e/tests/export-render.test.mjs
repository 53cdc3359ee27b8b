// Exported figures are checked by rendering them, in Chromium and in a second renderer
// (rsvg-convert): every label's letters must show, not only its halo. The check compares each
// label's box rendered with and without the labels, and counts pixels in the label's own colour
// that only the labelled rendering has.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { labTest } from '../lib/harness.mjs';
import { clickAction } from '../lib/lab.mjs';

async function download(page, kind) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 15000 }), page.locator(`[data-export="${kind}"]`).click()]);
  return fs.readFileSync(await d.path());
}

/** The SVG without its <text> elements. */
const withoutLabels = (svg) => svg.replace(/<text\b[\s\S]*?<\/text>/g, '');

function rsvgPng(svg) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tcplab-svg-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.svg'), svg);
    execFileSync('rsvg-convert', ['-o', path.join(dir, 'a.png'), path.join(dir, 'a.svg')]);
    return 'data:image/png;base64,' + fs.readFileSync(path.join(dir, 'a.png')).toString('base64');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * For each label of `svg` (its box and fill colour, measured in the page), the share of its box
 * covered by ink of its colour in `withUrl` and not in `withoutUrl` (two renderings, as images).
 */
async function inkPerLabel(page, svg, withUrl, withoutUrl) {
  return page.evaluate(async ({ svg, withUrl, withoutUrl }) => {
    document.body.innerHTML = '';
    document.body.style.margin = '0';
    const holder = document.createElement('div');
    holder.innerHTML = svg;
    document.body.append(holder);
    const root = holder.querySelector('svg');
    const origin = root.getBoundingClientRect();
    const labels = [...root.querySelectorAll('text')].filter((t) => t.textContent.trim() && t.getAttribute('visibility') !== 'hidden' && t.getAttribute('display') !== 'none')
      .map((t) => {
        const r = t.getBoundingClientRect();
        const fill = getComputedStyle(t).fill;
        return { text: t.textContent.trim(), x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height, fill };
      }).filter((l) => l.w > 2 && l.h > 2);
    const w = Math.round(origin.width), h = Math.round(origin.height);
    const pixels = async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = w; c.height = h;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0, w, h);
      return g.getImageData(0, 0, w, h).data;
    };
    const [a, b] = [await pixels(withUrl), await pixels(withoutUrl)];
    const rgb = (s) => (s.match(/\d+(\.\d+)?/g) || [0, 0, 0]).slice(0, 3).map(Number);
    return labels.map((l) => {
      const [r0, g0, b0] = rgb(l.fill);
      const near = (d, i) => Math.abs(d[i] - r0) + Math.abs(d[i + 1] - g0) + Math.abs(d[i + 2] - b0) < 120;
      let ink = 0, area = 0;
      for (let y = Math.max(0, Math.floor(l.y)); y < Math.min(h, Math.ceil(l.y + l.h)); y++) {
        for (let x = Math.max(0, Math.floor(l.x)); x < Math.min(w, Math.ceil(l.x + l.w)); x++) {
          const i = (y * w + x) * 4;
          area++;
          if (near(a, i) && !near(b, i)) ink++;
        }
      }
      return { text: l.text, share: area ? ink / area : 0 };
    });
  }, { svg, withUrl, withoutUrl });
}

const svgUrl = (svg) => 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);

for (const print of [false, true]) {
  labTest(`exported SVG${print ? ' (print colors)' : ''}: every label is visible in Chromium and in rsvg-convert`, { timeout: 120_000 }, async (t, open) => {
    const w = await open({ query: { scenario: 'synack_lost', profile: 'linux', lang: 'en' } });
    await clickAction(w.page, 'end');
    await clickAction(w.page, 'export');
    await w.page.locator('[data-testid="export-panel"]').waitFor();
    if (print) await w.page.locator('[data-export-option="print"]').check();
    const svg = (await download(w.page, 'svg')).toString('utf8');
    const bare = withoutLabels(svg);
    const page = await w.page.context().newPage();
    await page.goto('about:blank');
    for (const [renderer, withUrl, withoutUrl] of [
      ['chromium', svgUrl(svg), svgUrl(bare)],
      ['rsvg-convert', rsvgPng(svg), rsvgPng(bare)],
    ]) {
      const labels = await inkPerLabel(page, svg, withUrl, withoutUrl);
      assert.ok(labels.length >= 10, `${renderer}: labels found (${labels.length})`);
      // Letters cover 1–30 % of a label's box (less for a label set along a slanted arrow); a label hidden
      // by its own halo has none at all.
      const hidden = labels.filter((l) => l.share < 0.005);
      assert.deepEqual(hidden, [], `${renderer}: labels without visible letters`);
    }
    await page.close();
  });
}

labTest('print colors change the exported PNG in the light theme', { timeout: 60_000 }, async (t, open) => {
  const w = await open({ query: { scenario: 'normal', lang: 'en' } });
  await w.page.emulateMedia({ colorScheme: 'light' });
  await clickAction(w.page, 'end');
  await clickAction(w.page, 'export');
  await w.page.locator('[data-testid="export-panel"]').waitFor();
  const plain = await download(w.page, 'png');
  await w.page.locator('[data-export-option="print"]').check();
  const printed = await download(w.page, 'png');
  assert.notDeepEqual(printed, plain, 'print colors are not the screen colors');
});
