#!/usr/bin/env node
// scripts/build.mjs: builds the static site in dist/ (what scripts/serve serves and the e2e tests
// open). One script, no other build tool:
//
//   node scripts/build.mjs            # release build (wasm-opt, minified CSS and JS)
//   node scripts/build.mjs --debug    # unoptimized wasm, quicker to build
//
// Needs cargo with the wasm32 target, wasm-bindgen-cli (the version in Cargo.lock), and
// wasm-opt + esbuild in .tools/ (scripts/ensure-tools installs them). With CI set, cargo runs
// with --locked. The site it writes:
//   index.html               the page; its only script is the loader (strict CSP: no inline code)
//   loader-<hash>.js         static/loader.js with this build's file names in front
//   tcp-lab-<hash>.js/_bg.wasm  the app (wasm-bindgen --target web), fetched side by side
//   fallback-<hash>.js       the same app as one classic script with the wasm inside, for
//                            sandboxed iframes (opaque origin: no CORS for fetch or modules)
//   learn/lab-<lang>-<hash>.js  the text packs (crates/tcp-lab-content), learn/learn-<lang>.js
//   tools.js, export.js      Share/Embed/Export panels and the export wasm, loaded on first use
//   sw.js                    static/sw.js with this build's precache list in front
//   lab-<hash>.css, favicon-<hash>.svg
// It builds into dist.partial/ and renames it to dist/ at the end, so a failed build leaves the
// last good dist/ in place.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const STAGE = path.join(ROOT, 'dist.partial');
const TOOLS = path.join(ROOT, '.tools', 'node_modules', '.bin');
const release = !process.argv.includes('--debug');
const profileDir = release ? 'release' : 'debug';
const TARGET = path.join(ROOT, 'target', 'wasm32-unknown-unknown', profileDir);
const locked = process.env.CI && process.env.CI !== 'false' ? ['--locked'] : [];
// The wasm features current Rust emits; binaryen must be told to accept them.
const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
// The export tools are cached by the service worker once the page is idle, this long after load.
const WARM_DELAY_MS = 3000;
// Not precached by the service worker: loaded on first use (or, for LATER, once the page is idle).
const LATER = ['tools.js', 'export.js'];

const started = Date.now();
const seconds = (t) => ((Date.now() - t) / 1000).toFixed(1);
function step(what, f) {
  const t = Date.now();
  console.log(`build: ${what}…`);
  const result = f();
  console.log(`build: ${what}: ${seconds(t)} s`);
  return result;
}
function run(cmd, args) {
  execFileSync(cmd, args, { stdio: 'inherit', cwd: ROOT });
}
function tool(name) {
  const local = path.join(TOOLS, name);
  if (fs.existsSync(local)) return local;
  throw new Error(`build: ${name} is missing from .tools/ (run scripts/ensure-tools build)`);
}
const hash = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);
const read = (f) => fs.readFileSync(f);
const write = (rel, body) => {
  const file = path.join(STAGE, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, body);
  return rel;
};
/** Writes `body` as `stem-<hash>.ext` and returns that name. */
const writeHashed = (stem, ext, body) => write(`${stem}-${hash(body)}${ext}`, body);
function withTmp(f) {
  const dir = fs.mkdtempSync(path.join(ROOT, 'target', 'build-'));
  try {
    return f(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
// wasm-bindgen's web and no-modules targets give the same wasm: optimize it once (wasm-opt takes
// about half a minute).
const optimized = new Map();
function optimize(input, output) {
  const key = hash(read(input));
  if (!optimized.has(key)) {
    if (release) run(tool('wasm-opt'), ['-Oz', '--low-memory-unused', '--zero-filled-memory', '--converge', ...WASM_FEATURES, input, '-o', output]);
    else fs.copyFileSync(input, output);
    optimized.set(key, read(output));
  }
  fs.writeFileSync(output, optimized.get(key));
}
function minify(file, format) {
  if (!release) return read(file);
  const args = [file, '--minify', '--log-level=warning', '--legal-comments=none'];
  if (format) args.push(`--format=${format}`);
  return execFileSync(tool('esbuild'), args, { cwd: ROOT, maxBuffer: 64 << 20 });
}
/** A wasm-bindgen build of `wasm` into a temporary folder: `f({ js, wasm })` with the optimized wasm. */
function bindgen(wasm, args, f) {
  return withTmp((dir) => {
    run('wasm-bindgen', [...args, '--no-typescript', '--out-dir', dir, '--out-name', 'x', wasm]);
    optimize(path.join(dir, 'x_bg.wasm'), path.join(dir, 'opt.wasm'));
    return f({ js: path.join(dir, 'x.js'), wasm: read(path.join(dir, 'opt.wasm')) });
  });
}
/** A classic script that defines `global` (wasm-bindgen --target no-modules) with the wasm inside. */
function classicWithWasm(wasm, global, then) {
  return bindgen(wasm, ['--target', 'no-modules', '--no-modules-global', global], ({ js, wasm: bytes }) => {
    const b64 = bytes.toString('base64');
    return `${read(js)}\n;(function(){var b=atob("${b64}"),u=new Uint8Array(b.length);` +
      `for(var i=0;i<b.length;i++)u[i]=b.charCodeAt(i);${then(`${global}({module_or_path:u})`)}})();\n`;
  });
}
/** A static/ script with `var TCP_LAB_BUILD = {…};` in front. */
const withBuild = (config, file) => Buffer.concat([
  Buffer.from(`var TCP_LAB_BUILD=${JSON.stringify(config)};\n`), minify(path.join(ROOT, 'static', file)),
]);

fs.rmSync(STAGE, { recursive: true, force: true });
fs.mkdirSync(STAGE, { recursive: true });

step('text packs (tcp-lab-content)', () => {
  run('cargo', ['run', ...locked, '-q', '-p', 'tcp-lab-content', '--bin', 'export-learn-text', '--', path.join(STAGE, 'learn')]);
});
const packs = {};
for (const lang of ['en', 'zh']) {
  const plain = path.join(STAGE, 'learn', `lab-${lang}.js`);
  packs[lang] = writeHashed(`learn/lab-${lang}`, '.js', read(plain));
  fs.rmSync(plain);
}

step(`cargo build (${profileDir}, wasm32)`, () => {
  const mode = release ? ['--release'] : [];
  run('cargo', ['build', ...locked, ...mode, '--target', 'wasm32-unknown-unknown', '-p', 'tcp-lab', '--bin', 'tcp-lab']);
  run('cargo', ['build', ...locked, ...mode, '--target', 'wasm32-unknown-unknown', '-p', 'tcp-lab-export', '--lib']);
});
const appWasm = path.join(TARGET, 'tcp-lab.wasm');

const app = step('app wasm (wasm-bindgen, wasm-opt)', () =>
  bindgen(appWasm, ['--target', 'web'], ({ js, wasm }) => {
    const glue = minify(js, 'esm');
    const stem = `tcp-lab-${hash(Buffer.concat([glue, wasm]))}`;
    return { js: write(`${stem}.js`, glue), wasm: write(`${stem}_bg.wasm`, wasm) };
  }));

const fallback = step('no-CORS fallback script', () => writeHashed('fallback', '.js', classicWithWasm(appWasm, 'wasm_bindgen',
  (init) => `${init}.then(function(w){window.wasmBindings=wasm_bindgen;window.tcpLabStarted(w)}).catch(function(e){console.error(e)})`)));

step('export wasm', () => {
  write('export.js', classicWithWasm(path.join(TARGET, 'tcp_lab_export.wasm'), 'tcpLabExport',
    (init) => `window.tcpLabExportReady=${init}.then(function(){return tcpLabExport})`));
});

const css = writeHashed('lab', '.css', minify(path.join(ROOT, 'static', 'lab.css')));
const icon = writeHashed('favicon', '.svg', read(path.join(ROOT, 'static', 'favicon.svg')));
write('tools.js', minify(path.join(ROOT, 'static', 'tools.js')));
const loader = writeHashed('loader', '.js', withBuild({ js: app.js, wasm: app.wasm, fallback, packs, warmDelayMs: WARM_DELAY_MS }, 'loader.js'));

// The page: the source index.html names static/ files, replaced by their built copies.
{
  let html = read(path.join(ROOT, 'index.html')).toString('utf8');
  const built = { 'static/loader.js': loader, 'static/lab.css': css, 'static/favicon.svg': icon };
  for (const [source, file] of Object.entries(built)) {
    if (!html.includes(`"${source}"`)) throw new Error(`build: index.html does not name ${source}`);
    html = html.replace(`"${source}"`, `"./${file}"`);
  }
  html = html.replace(/\s*<!--[\s\S]*?-->/g, '');
  const leftover = html.match(/"static\/[^"]*"/);
  if (leftover) throw new Error(`build: index.html names ${leftover[0]}, which the build does not make`);
  if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html) || /\sstyle=/.test(html)) {
    throw new Error('build: index.html has an inline script or style attribute (the strict CSP forbids them)');
  }
  write('index.html', html);
}

// The service worker, last: its version is a hash of every other file.
{
  const files = [];
  (function walk(dir, rel) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(dir, e.name), r);
      else files.push(r);
    }
  })(STAGE, '');
  files.sort();
  const version = hash(files.map((f) => `${f}:${hash(read(path.join(STAGE, f)))}`).join('\n'));
  // The first load: everything but the fallback, the learning text (cached when first used) and LATER.
  const firstUse = (f) => LATER.includes(f) || f.startsWith('fallback-') || (f.startsWith('learn/') && !f.startsWith('learn/lab-'));
  const precache = ['./', ...files.filter((f) => f !== 'index.html' && !firstUse(f)).map((f) => `./${f}`)];
  write('sw.js', withBuild({ version, precache, later: LATER.map((f) => `./${f}`) }, 'sw.js'));
  console.log(`build: sw.js precaches ${precache.length} of ${files.length + 1} files (cache ${version})`);
}

fs.rmSync(DIST, { recursive: true, force: true });
fs.renameSync(STAGE, DIST);
console.log(`build: dist/ ready in ${seconds(started)} s`);
