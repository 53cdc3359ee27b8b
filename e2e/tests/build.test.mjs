// The site scripts/build.mjs writes: every file the page, the loader and the service worker name
// is there under its content hash, the page has no inline code (strict CSP), and the loader's
// head start on the text pack guesses the language the app then picks.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { labTest } from '../lib/harness.mjs';

const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist');
const built = fs.existsSync(path.join(DIST, 'index.html'));
const read = (f) => fs.readFileSync(path.join(DIST, f));
const hash = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);
/** The `var TCP_LAB_BUILD = {…};` line scripts/build.mjs puts in front of a static/ script. */
function buildConfig(file) {
  const first = read(file).toString('utf8').split('\n', 1)[0];
  const m = first.match(/^var TCP_LAB_BUILD=(.*);$/);
  assert.ok(m, `${file} starts with its build line: ${first.slice(0, 80)}`);
  return JSON.parse(m[1]);
}
const loaderFile = () => {
  const m = read('index.html').toString('utf8').match(/<script defer src="\.\/(loader-[0-9a-f]{16}\.js)"><\/script>/);
  assert.ok(m, 'index.html loads the loader');
  return m[1];
};

test('index.html has no inline script or style, and names only files that exist', { skip: !built && 'no dist/' }, () => {
  const html = read('index.html').toString('utf8');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  assert.doesNotMatch(html, /\sstyle=|<style/, 'no inline style');
  assert.doesNotMatch(html, /static\//, 'every static/ file was replaced by its built copy');
  const refs = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]);
  assert.equal(refs.length, 3, `loader, stylesheet, icon: ${refs}`);
  for (const f of refs) assert.ok(fs.existsSync(path.join(DIST, f)), `${f} exists`);
});

test('every file with a hash in its name has the hash of its content', { skip: !built && 'no dist/' }, () => {
  const files = fs.readdirSync(DIST, { recursive: true }).filter((f) => /-[0-9a-f]{16}[._]/.test(f));
  assert.ok(files.length >= 7, `hashed files: ${files}`);
  for (const f of files) {
    const named = f.match(/-([0-9a-f]{16})[._]/)[1];
    // The app's glue and wasm share one name: the hash of both.
    const app = f.match(/^(tcp-lab-[0-9a-f]{16})(\.js|_bg\.wasm)$/);
    const content = app ? Buffer.concat([read(`${app[1]}.js`), read(`${app[1]}_bg.wasm`)]) : read(f);
    assert.equal(hash(content), named, `${f}: content hash`);
  }
});

test('the loader and the service worker name only files of this build', { skip: !built && 'no dist/' }, () => {
  const loader = buildConfig(loaderFile());
  for (const f of [loader.js, loader.wasm, loader.fallback, loader.packs.en, loader.packs.zh]) {
    assert.ok(fs.existsSync(path.join(DIST, f)), `the loader's ${f} exists`);
  }
  const sw = buildConfig('sw.js');
  assert.ok(sw.precache.includes('./'), 'the page itself is precached');
  for (const f of [...sw.precache, ...sw.later]) {
    assert.ok(fs.existsSync(path.join(DIST, f === './' ? 'index.html' : f)), `the service worker's ${f} exists`);
  }
  for (const f of [loader.js, loader.wasm, loader.packs.en, loader.packs.zh, loaderFile()]) {
    assert.ok(sw.precache.includes(`./${f}`), `the first load's ${f} is precached`);
  }
  assert.ok(!sw.precache.some((f) => f.includes('fallback-') || f.includes('learn/learn-')), 'only the first load is precached');
  assert.deepEqual(sw.later.sort(), ['./export.js', './tools.js']);
});

// The loader guesses the language from the URL and the browser to start the right text pack beside
// the wasm; the app reads the URL itself (crates/tcp-lab-model/src/url.rs). A wrong guess costs a download.
const GUESSES = [
  { query: 'lang=zh', locale: 'en-US' },
  { query: 'lang=en', locale: 'zh-CN' },
  { query: 'lang=xx', locale: 'zh-TW' },
  { query: 'lang=ZH', locale: 'en-US' },
  { query: '', locale: 'zh-CN' },
  { query: '', locale: 'zh' },
  { query: '', locale: 'en-GB' },
  { query: 'lang=en&lang=zh', locale: 'en-US' },
  { query: 'lang=zh&lang=xx', locale: 'en-US' },
];
for (const { query, locale } of GUESSES) {
  labTest(`the loader starts the text pack the app picks (?${query}, browser ${locale})`, async (t, open) => {
    const w = await open({ query, contextOptions: { locale }, allowConsole: [/unknown|未知/i] });
    const first = await w.page.evaluate(() => document.querySelector('script[data-lab-text]').getAttribute('data-lab-text'));
    const picked = await w.page.locator('main#lab').getAttribute('data-lang');
    assert.equal(first, picked, 'the loader guessed the language the app picked');
  });
}
