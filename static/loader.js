// TCP Lab's page loader: a classic script, so it runs under a strict CSP (`script-src 'self'`)
// and in sandboxed iframes. scripts/build.mjs puts it in dist/ as loader-<hash>.js, after one
// line that names this build's files:
//   var TCP_LAB_BUILD = { js, wasm, fallback, packs: { en, zh }, warmDelayMs };
// It starts the app's wasm and its text pack side by side, loads the Share/Export tools on the
// first click on a [data-tool] button, and registers the service worker (sw.js).
/* global TCP_LAB_BUILD */
(function () {
  'use strict';
  var BUILD = TCP_LAB_BUILD;
  window.tcpLabPacks = BUILD.packs;
  var me = document.currentScript;
  var base = (me && me.src) || document.baseURI;
  function url(file) {
    return new URL(file, base).href;
  }

  // Module scripts and fetch() need CORS in an opaque origin (a sandboxed iframe): there the app
  // comes from the classic fallback script, with the wasm inside.
  var opaque = false;
  try {
    opaque = self.origin === 'null';
  } catch (e) {
    opaque = true;
  }

  // The text pack of the language the app will most likely choose, fetched beside the wasm.
  // Only a head start: the app reads the URL itself (crates/tcp-lab-model/src/url.rs) and fetches the other
  // pack if this guess was wrong; e2e/tests/build.test.mjs checks that the two agree.
  // As there, the last valid `lang` wins, else the browser's language.
  var lang = /^zh([-_]|$)/i.test(navigator.language || '') ? 'zh' : 'en';
  new URLSearchParams(location.search).getAll('lang').forEach(function (v) {
    if (v === 'en' || v === 'zh') lang = v;
  });
  var pack = document.createElement('script');
  pack.src = url(BUILD.packs[lang]);
  pack.setAttribute('data-lab-text', lang);
  pack.onload = pack.onerror = function () {
    pack.setAttribute('data-done', '');
  };
  document.head.appendChild(pack);

  function classicScript(file) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = url(file);
      s.onload = resolve;
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }
  function started(instance) {
    dispatchEvent(new CustomEvent('tcp-lab-started', { detail: { wasm: instance } }));
  }
  function boot() {
    if (opaque) return classicScript(BUILD.fallback);
    var wasm = fetch(url(BUILD.wasm));
    wasm.catch(function () {});
    return import(url(BUILD.js)).then(function (glue) {
      return glue.default({ module_or_path: wasm }).then(function (instance) {
        window.wasmBindings = glue;
        started(instance);
      });
    });
  }
  window.tcpLabStarted = started;
  boot().catch(function (e) {
    console.error('TCP Lab failed to load:', e);
  });

  // Share, Embed and Export live in tools.js, loaded on the first click that needs them.
  var toolsRequested = false;
  document.addEventListener('click', function (e) {
    var button = e.target && e.target.closest && e.target.closest('[data-tool]');
    if (!button) return;
    var tool = button.getAttribute('data-tool');
    if (window.tcpLabTools) {
      window.tcpLabTools.open(tool);
      return;
    }
    if (toolsRequested) return;
    toolsRequested = true;
    classicScript('tools.js').then(
      function () {
        var notice = document.querySelector('[data-testid=tools-error]');
        if (notice) notice.remove();
        window.tcpLabTools.open(tool);
      },
      function () {
        toolsRequested = false;
        toolsFailed();
      }
    );
  });
  // Said in the page's language, from the text pack loaded above (written from
  // crates/tcp-lab-content/src/text/page.rs, like every other text of the lab).
  function toolsFailed() {
    var lang = /^zh/.test(document.documentElement.lang || '') ? 'zh' : 'en';
    var texts = ((window.__tcpLabText || {})[lang] || {}).page || {};
    var notice = document.querySelector('[data-testid=tools-error]');
    if (!notice) {
      notice = document.createElement('div');
      notice.className = 'notice warn tools-error';
      notice.setAttribute('role', 'alert');
      notice.setAttribute('data-testid', 'tools-error');
      document.body.appendChild(notice);
    }
    notice.textContent = navigator.onLine === false ? texts.toolsOffline : texts.toolsNotLoaded;
  }

  // Offline: the service worker precaches the first load; once the page is idle it also caches
  // the export tools, so that a later offline visit can still export.
  try {
    if (navigator.serviceWorker && location.protocol !== 'file:') {
      navigator.serviceWorker.register(url('sw.js')).catch(function () {});
      var warm = function () {
        navigator.serviceWorker.ready
          .then(function (r) {
            if (r.active) r.active.postMessage('tcp-lab-warm');
          })
          .catch(function () {});
      };
      var idle = function () {
        setTimeout(function () {
          if (window.requestIdleCallback) requestIdleCallback(warm, { timeout: 10000 });
          else warm();
        }, BUILD.warmDelayMs);
      };
      if (document.readyState === 'complete') idle();
      else addEventListener('load', idle);
    }
  } catch (e) {}
})();
