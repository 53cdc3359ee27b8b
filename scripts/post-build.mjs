#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml): makes dist/ work in hostile hosts (issue 5).
//
// 1. Strict CSP (`script-src 'self'`): Trunk's inline module loader is moved into an external
//    classic script `loader-<hash>.js`; the preload links (which need CORS) are dropped.
// 2. Sandboxed iframes (opaque origin, `self.origin === "null"`): module scripts and fetch()
//    need CORS there. The loader then loads `fallback-<hash>.js` instead: a classic
//    `wasm-bindgen --target no-modules` build of the same wasm, base64-embedded. Normal loads
//    never request it.
// 2b. Exports: `export.js`, the `crates/tcp-lab-export` wasm (serde_json, pcap) for tools.js.
// 3. Offline: writes `sw.js` with the exact list of build files to precache (hashed files come
//    from the HTTP cache the page just filled, so the first visit downloads nothing twice).
//
// Trunk passes TRUNK_STAGING_DIR (the dist/ being built), TRUNK_PROFILE and TRUNK_SOURCE_DIR.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';

const stage = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
const profile = process.env.TRUNK_PROFILE || 'release';
if (!stage) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk build)');
  process.exit(1);
}
const hash = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);
const indexPath = path.join(stage, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');

// ---- 1. the loader --------------------------------------------------------------------
const inline = html.match(/<script type="?module"?[^>]*>([\s\S]*?)<\/script>/);
if (!inline) throw new Error('post-build: no inline module script in index.html');
const jsFile = inline[1].match(/from\s*['"]\.?\/?([^'"]+\.js)['"]/)?.[1];
const wasmFile = inline[1].match(/['"]\.?\/?([^'"]+_bg\.wasm)['"]/)?.[1];
if (!jsFile || !wasmFile) throw new Error(`post-build: cannot read the file names from ${inline[1]}`);

// ---- 2. the no-CORS fallback ------------------------------------------------------------
const binDir = path.join(source, '.tools', 'node_modules', '.bin');
const wasmIn = path.join(source, 'target', 'wasm32-unknown-unknown', profile === 'release' ? 'release' : 'debug', 'tcp-lab.wasm');
const tmp = fs.mkdtempSync(path.join(source, 'target', 'fallback-'));
let fallbackFile = null;
try {
  execFileSync('wasm-bindgen', ['--target', 'no-modules', '--no-typescript', '--out-dir', tmp, '--out-name', 'tcp-lab', wasmIn], { stdio: 'inherit' });
  const bg = path.join(tmp, 'tcp-lab_bg.wasm');
  const opt = path.join(tmp, 'opt.wasm');
  const wasmOpt = fs.existsSync(path.join(binDir, 'wasm-opt')) ? path.join(binDir, 'wasm-opt') : 'wasm-opt';
  execFileSync(wasmOpt, ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', bg, '-o', opt], { stdio: 'inherit' });
  const glue = fs.readFileSync(path.join(tmp, 'tcp-lab.js'), 'utf8');
  const b64 = fs.readFileSync(opt).toString('base64');
  const body = `${glue}\n;(function(){var b=atob("${b64}"),u=new Uint8Array(b.length);for(var i=0;i<b.length;i++)u[i]=b.charCodeAt(i);` +
    `wasm_bindgen({module_or_path:u}).then(function(w){window.wasmBindings=wasm_bindgen;dispatchEvent(new CustomEvent("TrunkApplicationStarted",{detail:{wasm:w}}))})` +
    `.catch(function(e){console.error(e)})})();\n`;
  fallbackFile = `fallback-${hash(body)}.js`;
  fs.writeFileSync(path.join(stage, fallbackFile), body);
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}

// ---- 2b. the exports (trace JSON, pcap): their own wasm, loaded when Export opens --------
{
  const cargoArgs = ['build', '--target', 'wasm32-unknown-unknown', '-p', 'tcp-lab-export', ...(profile === 'release' ? ['--release'] : [])];
  execFileSync('cargo', cargoArgs, { stdio: 'inherit', cwd: source });
  const exWasm = path.join(source, 'target', 'wasm32-unknown-unknown', profile === 'release' ? 'release' : 'debug', 'tcp_lab_export.wasm');
  const dir = fs.mkdtempSync(path.join(source, 'target', 'export-'));
  try {
    execFileSync('wasm-bindgen', ['--target', 'no-modules', '--no-modules-global', 'tcpLabExport', '--no-typescript', '--out-dir', dir, '--out-name', 'x', exWasm], { stdio: 'inherit' });
    const wasmOpt = fs.existsSync(path.join(binDir, 'wasm-opt')) ? path.join(binDir, 'wasm-opt') : 'wasm-opt';
    execFileSync(wasmOpt, ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', path.join(dir, 'x_bg.wasm'), '-o', path.join(dir, 'o.wasm')], { stdio: 'inherit' });
    const glue = fs.readFileSync(path.join(dir, 'x.js'), 'utf8');
    const b64 = fs.readFileSync(path.join(dir, 'o.wasm')).toString('base64');
    fs.writeFileSync(path.join(stage, 'export.js'), `${glue}\n;window.tcpLabExportReady=(function(){var b=atob("${b64}"),u=new Uint8Array(b.length);for(var i=0;i<b.length;i++)u[i]=b.charCodeAt(i);` +
      `return tcpLabExport({module_or_path:u}).then(function(){return tcpLabExport})})();\n`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const loader = `(function(){"use strict";
var M={js:${JSON.stringify(jsFile)},wasm:${JSON.stringify(wasmFile)},fallback:${JSON.stringify(fallbackFile)}};
var me=document.currentScript,base=(me&&me.src)||document.baseURI;
function u(f){return new URL(f,base).href}
function fail(e){console.error("TCP Lab failed to load:",e)}
var opaque=false;try{opaque=self.origin==="null"}catch(e){opaque=true}
var tools=false;document.addEventListener("click",function(e){var b=e.target&&e.target.closest&&e.target.closest("[data-tool]");if(!b)return;var k=b.getAttribute("data-tool");
if(window.tcpLabTools){window.tcpLabTools.open(k);return}if(tools)return;tools=true;var t=document.createElement("script");t.src=u("tools.js");t.onload=function(){window.tcpLabTools.open(k)};t.onerror=function(){tools=false};document.head.appendChild(t)});
if(opaque){var s=document.createElement("script");s.src=u(M.fallback);s.onerror=fail;document.head.appendChild(s);return}
var wasm=fetch(u(M.wasm));
import(u(M.js)).then(function(m){return m.default({module_or_path:wasm}).then(function(w){window.wasmBindings=m;dispatchEvent(new CustomEvent("TrunkApplicationStarted",{detail:{wasm:w}}))})}).catch(fail);
try{if(navigator.serviceWorker&&location.protocol!=="file:"){navigator.serviceWorker.register(u("sw.js")).catch(function(){})}}catch(e){}
})();
`;
const loaderFile = `loader-${hash(loader)}.js`;
fs.writeFileSync(path.join(stage, loaderFile), loader);
html = html.replace(inline[0], `<script defer src="./${loaderFile}"></script>`);
// Preloads need CORS (crossorigin + integrity): they fail in an opaque origin. The loader
// starts both downloads itself.
html = html.replace(/<link[^>]*rel="?(modulepreload|preload)"?[^>]*>/g, '');
// Subresource integrity fails on the no-cors (opaque) responses an opaque-origin document gets.
html = html.replace(/\s+integrity=("[^"]*"|[^\s>]+)/g, '');
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html) || /\sstyle=/.test(html)) {
  throw new Error('post-build: index.html still has an inline script or style attribute');
}
fs.writeFileSync(indexPath, html);

// ---- 3. the service worker --------------------------------------------------------------
const files = [];
(function walk(dir, rel) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(path.join(dir, e.name), r);
    else if (r !== 'sw.js' && r !== fallbackFile && r !== 'export.js' && !r.startsWith('.')) files.push(r);
  }
})(stage, '');
files.sort();
const version = hash(files.map((f) => f + ':' + hash(fs.readFileSync(path.join(stage, f)))).join('\n'));
const sw = `// TCP Lab service worker, written by scripts/post-build.mjs: precaches this build, serves it cache-first.
"use strict";
var CACHE="tcp-lab-${version}";
var FILES=${JSON.stringify(['./', ...files.map((f) => './' + f)])};
self.addEventListener("install",function(e){e.waitUntil(caches.open(CACHE).then(function(c){return c.addAll(FILES.map(function(f){return new Request(new URL(f,self.location).href,{cache:/-[0-9a-f]{16}[._]/.test(f)?"default":"no-cache"})}))}).then(function(){return self.skipWaiting()}))});
self.addEventListener("activate",function(e){e.waitUntil(caches.keys().then(function(ks){return Promise.all(ks.filter(function(k){return k.indexOf("tcp-lab-")===0&&k!==CACHE}).map(function(k){return caches.delete(k)}))}).then(function(){return self.clients.claim()}))});
self.addEventListener("fetch",function(e){var r=e.request;if(r.method!=="GET"||new URL(r.url).origin!==self.location.origin)return;
var nav=r.mode==="navigate";
e.respondWith(caches.open(CACHE).then(function(c){return c.match(r,{ignoreSearch:nav}).then(function(hit){return hit||fetch(r).catch(function(err){return nav?c.match(new URL("./",self.location).href).then(function(h){if(h)return h;throw err}):Promise.reject(err)})})}))});
`;
fs.writeFileSync(path.join(stage, 'sw.js'), sw);
console.log(`post-build: ${loaderFile}, ${fallbackFile}, sw.js (${files.length} files, cache ${version})`);
