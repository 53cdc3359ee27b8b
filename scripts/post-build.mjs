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
// 2c. Text: the loader starts the download of the lab's text pack (`learn/lab-<lang>.js`, see
//    crates/tcp-lab-content/src/lab_text.rs) for the language the app will pick, beside the wasm.
// 3. Offline: writes `sw.js`. It precaches what a first load needs and both text packs; once
//    the page is idle, the loader has it cache the Export tools (tools.js, export.js) too; the
//    rest (learning text) is cached when first used. Files with a content
//    hash in their name are precached with `cache: "force-cache"`: the copies the page just
//    downloaded, even from a server that sends `Cache-Control: no-cache`, so a first visit
//    downloads nothing twice.
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

// ---- 2. the no-CORS fallback ---------------------------------------------------------------
const binDir = path.join(source, '.tools', 'node_modules', '.bin');
const wasmOpt = fs.existsSync(path.join(binDir, 'wasm-opt')) ? path.join(binDir, 'wasm-opt') : 'wasm-opt';
const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
const targetDir = path.join(source, 'target', 'wasm32-unknown-unknown', profile === 'release' ? 'release' : 'debug');
const optimize = (input, output) => {
  if (profile === 'release') {
    execFileSync(wasmOpt, ['-Oz', '--low-memory-unused', '--zero-filled-memory', '--converge', ...WASM_FEATURES, input, '-o', output], { stdio: 'inherit' });
  } else {
    fs.copyFileSync(input, output);
  }
};
const withTmp = (prefix, f) => {
  const dir = fs.mkdtempSync(path.join(source, 'target', prefix));
  try {
    return f(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};
// A classic script with the wasm inside (base64): it loads where fetch() and module scripts
// need CORS (opaque origins), then calls `then` with the init promise.
const noCorsScript = (wasmIn, global, then) => withTmp('fallback-', (tmp) => {
  execFileSync('wasm-bindgen', ['--target', 'no-modules', '--no-modules-global', global, '--no-typescript', '--out-dir', tmp, '--out-name', 'x', wasmIn], { stdio: 'inherit' });
  optimize(path.join(tmp, 'x_bg.wasm'), path.join(tmp, 'opt.wasm'));
  const glue = fs.readFileSync(path.join(tmp, 'x.js'), 'utf8');
  const b64 = fs.readFileSync(path.join(tmp, 'opt.wasm')).toString('base64');
  return `${glue}\n;(function(){var b=atob("${b64}"),u=new Uint8Array(b.length);for(var i=0;i<b.length;i++)u[i]=b.charCodeAt(i);` +
    `${global}({module_or_path:u}).then(function(w){${then}})` +
    `.catch(function(e){console.error(e)})})();\n`;
});
const started = 'dispatchEvent(new CustomEvent("TrunkApplicationStarted",{detail:{wasm:w}}))';

// Trunk just wrote target/…/tcp-lab.wasm.
const fallbackBody = noCorsScript(path.join(targetDir, 'tcp-lab.wasm'), 'wasm_bindgen', `window.wasmBindings=wasm_bindgen;${started}`);
const fallbackFile = `fallback-${hash(fallbackBody)}.js`;
fs.writeFileSync(path.join(stage, fallbackFile), fallbackBody);

// ---- 2b. the exports (trace JSON, pcap): their own wasm, loaded when Export opens --------
{
  const cargoArgs = ['build', '--target', 'wasm32-unknown-unknown', '-p', 'tcp-lab-export', ...(profile === 'release' ? ['--release'] : [])];
  execFileSync('cargo', cargoArgs, { stdio: 'inherit', cwd: source });
  withTmp('export-', (dir) => {
    execFileSync('wasm-bindgen', ['--target', 'no-modules', '--no-modules-global', 'tcpLabExport', '--no-typescript', '--out-dir', dir, '--out-name', 'x', path.join(targetDir, 'tcp_lab_export.wasm')], { stdio: 'inherit' });
    execFileSync(wasmOpt, ['-Oz', ...WASM_FEATURES, path.join(dir, 'x_bg.wasm'), '-o', path.join(dir, 'o.wasm')], { stdio: 'inherit' });
    const glue = fs.readFileSync(path.join(dir, 'x.js'), 'utf8');
    const b64 = fs.readFileSync(path.join(dir, 'o.wasm')).toString('base64');
    fs.writeFileSync(path.join(stage, 'export.js'), `${glue}\n;window.tcpLabExportReady=(function(){var b=atob("${b64}"),u=new Uint8Array(b.length);for(var i=0;i<b.length;i++)u[i]=b.charCodeAt(i);` +
      `return tcpLabExport({module_or_path:u}).then(function(){return tcpLabExport})})();\n`);
  });
}

// The text packs get content-hashed names too, so caches can keep them (the app finds them
// through the loader's `window.tcpLabPacks`, see src/text_packs.rs).
const packs = {};
for (const lang of ['en', 'zh']) {
  const plain = path.join(stage, 'learn', `lab-${lang}.js`);
  const body = fs.readFileSync(plain);
  packs[lang] = `learn/lab-${lang}-${hash(body)}.js`;
  fs.renameSync(plain, path.join(stage, packs[lang]));
}

// Offline exports: tools.js and export.js are not part of the first load, but a learner who
// goes offline must still be able to export. Once the page has loaded and is idle (after
// WARM_DELAY_MS and an idle callback), the loader asks the service worker to cache them too:
// a second, later precache that never competes with the first load.
const WARM_DELAY_MS = 3000;
const LATER = ['tools.js', 'export.js'];

const loader = `(function(){"use strict";
var M={js:${JSON.stringify(jsFile)},wasm:${JSON.stringify(wasmFile)},fallback:${JSON.stringify(fallbackFile)}};
var P=window.tcpLabPacks=${JSON.stringify(packs)};
var me=document.currentScript,base=(me&&me.src)||document.baseURI;
function u(f){return new URL(f,base).href}
function fail(e){console.error("TCP Lab failed to load:",e)}
var opaque=false;try{opaque=self.origin==="null"}catch(e){opaque=true}
var tools=false;document.addEventListener("click",function(e){var b=e.target&&e.target.closest&&e.target.closest("[data-tool]");if(!b)return;var k=b.getAttribute("data-tool");
if(window.tcpLabTools){window.tcpLabTools.open(k);return}if(tools)return;tools=true;var t=document.createElement("script");t.src=u("tools.js");t.onload=function(){var n=document.querySelector("[data-testid=tools-error]");if(n)n.remove();window.tcpLabTools.open(k)};t.onerror=function(){tools=false;toolsFailed()};document.head.appendChild(t)});
function toolsFailed(){var zh=/^zh/.test(document.documentElement.lang||""),off=navigator.onLine===false,n=document.querySelector("[data-testid=tools-error]");
if(!n){n=document.createElement("div");n.className="notice warn tools-error";n.setAttribute("role","alert");n.setAttribute("data-testid","tools-error");document.body.appendChild(n)}
n.textContent=off?(zh?"你当前处于离线状态，且此浏览器尚未保存分享与导出工具。请联网一次后重试。":"You are offline, and this browser has not saved the Share and Export tools yet. Connect once, then try again."):(zh?"分享与导出工具未能加载。请检查网络后重试。":"The Share and Export tools did not load. Check the connection and try again.")}
var q=new URLSearchParams(location.search);
var lang=q.get("lang");if(lang!=="en"&&lang!=="zh")lang=/^zh([-_]|$)/i.test(navigator.language||"")?"zh":"en";
var pack=document.createElement("script");pack.src=u(P[lang]);pack.setAttribute("data-lab-text",lang);
pack.onload=pack.onerror=function(){pack.setAttribute("data-done","")};document.head.appendChild(pack);
function classic(src){return new Promise(function(ok,no){var s=document.createElement("script");s.src=u(src);s.onload=ok;s.onerror=no;document.head.appendChild(s)})}
function boot(B){if(opaque)return classic(B.fallback);
var wasm=fetch(u(B.wasm));wasm.catch(function(){});
return import(u(B.js)).then(function(m){return m.default({module_or_path:wasm}).then(function(w){window.wasmBindings=m;dispatchEvent(new CustomEvent("TrunkApplicationStarted",{detail:{wasm:w}}))})})}
boot(M).catch(fail);
try{if(navigator.serviceWorker&&location.protocol!=="file:"){navigator.serviceWorker.register(u("sw.js")).catch(function(){});
var warm=function(){navigator.serviceWorker.ready.then(function(r){if(r.active)r.active.postMessage("tcp-lab-warm")}).catch(function(){})};
var idle=function(){setTimeout(function(){if(window.requestIdleCallback)requestIdleCallback(warm,{timeout:10000});else warm()},${WARM_DELAY_MS})};
if(document.readyState==="complete")idle();else addEventListener("load",idle)}}catch(e){}
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
// Precached: what a first load fetches (from the HTTP cache it just filled) and the text packs.
// Everything else of this build is cached the first time the page fetches it.
const files = [];
const lazy = (r) => r === 'sw.js' || r === 'export.js' || r === 'tools.js' || r.startsWith('fallback-') ||
  (r.startsWith('learn/') && !r.startsWith('learn/lab-')) || r.startsWith('.');
(function walk(dir, rel) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walk(path.join(dir, e.name), r);
    else files.push(r);
  }
})(stage, '');
files.sort();
const version = hash(files.map((f) => f + ':' + hash(fs.readFileSync(path.join(stage, f)))).join('\n'));
const precache = files.filter((f) => !lazy(f));
const sw = `// TCP Lab service worker, written by scripts/post-build.mjs: precaches this build's first load, then (when the page is idle) the export tools, caches the rest on first use, serves cache-first.
"use strict";
var CACHE="tcp-lab-${version}";
var FILES=${JSON.stringify(['./', ...precache.map((f) => './' + f)])};
self.addEventListener("install",function(e){e.waitUntil(caches.open(CACHE).then(function(c){return c.addAll(FILES.map(function(f){return new Request(new URL(f,self.location).href,{cache:/-[0-9a-f]{16}[._]/.test(f)?"force-cache":"no-cache"})}))}).then(function(){return self.skipWaiting()}))});
self.addEventListener("activate",function(e){e.waitUntil(caches.keys().then(function(ks){return Promise.all(ks.filter(function(k){return k.indexOf("tcp-lab-")===0&&k!==CACHE}).map(function(k){return caches.delete(k)}))}).then(function(){return self.clients.claim()}))});
// Later precache: the files of LATER, once the page says it is idle (see the loader).
var LATER=${JSON.stringify(LATER.map((f) => './' + f))};
self.addEventListener("message",function(e){if(e.data!=="tcp-lab-warm")return;e.waitUntil(caches.open(CACHE).then(function(c){return Promise.all(LATER.map(function(f){var u=new URL(f,self.location).href;return c.match(u).then(function(hit){return hit||fetch(u,{cache:"no-cache"}).then(function(res){if(res.ok)return c.put(u,res)})}).catch(function(){})}))}))});
self.addEventListener("fetch",function(e){var r=e.request;if(r.method!=="GET"||new URL(r.url).origin!==self.location.origin)return;
var nav=r.mode==="navigate";
e.respondWith(caches.open(CACHE).then(function(c){return c.match(r,{ignoreSearch:nav}).then(function(hit){return hit||fetch(r).then(function(res){if(!nav&&res.ok&&res.type==="basic")c.put(r,res.clone());return res}).catch(function(err){return nav?c.match(new URL("./",self.location).href).then(function(h){if(h)return h;throw err}):Promise.reject(err)})})}))});
`;
fs.writeFileSync(path.join(stage, 'sw.js'), sw);
console.log(`post-build: ${loaderFile}, ${fallbackFile}, sw.js (${precache.length} of ${files.length} files precached, cache ${version})`);
