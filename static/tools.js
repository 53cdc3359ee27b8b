// TCP Lab, issue 5: the Share, Embed and Export panels. Loaded by the loader on the first
// click on a [data-tool] button, so that the first load stays small. Works under a strict CSP
// (no inline styles: presentation attributes only) and in sandboxed iframes (no clipboard,
// no downloads: the link is shown instead).
(function () {
  'use strict';
  var SVGNS = 'http://www.w3.org/2000/svg';
  var CONTROLS = ['play', 'step', 'scrub', 'reset', 'end', 'speed'];
  var panel = null;
  var current = null;
  var here = (document.currentScript && document.currentScript.src) || document.baseURI;
  var exportP = null;
  var exporter_ = null;
  /** export.js: the pcap/JSON wasm (crates/tcp-lab-export), loaded when Export opens. */
  function loadExport() {
    if (!exportP) {
      exportP = new Promise(function (res, rej) {
        var s = document.createElement('script');
        s.src = new URL('export.js', here).href;
        s.onload = function () { window.tcpLabExportReady.then(function (x) { exporter_ = x; res(x); }, rej); };
        s.onerror = function () { exportP = null; rej(new Error('export.js did not load')); };
        document.head.appendChild(s);
      });
    }
    return exportP;
  }
  /** Runs f with the exporter; if it cannot load (offline, never saved), says so in `status`. */
  function withExport(f, status) {
    if (exporter_) return f(exporter_);
    loadExport().then(function (x) {
      if (status) status.textContent = '';
      f(x);
    }, function (e) {
      console.warn('TCP Lab export:', e);
      if (!status) return;
      status.textContent = navigator.onLine === false
        ? T('exportOffline')
        : T('exportNotLoaded');
    });
  }

  function zh() { return (document.documentElement.getAttribute('lang') || '').indexOf('zh') === 0; }
  /** A text of this panel in the page's language, from the text pack (crates/tcp-lab-content/src/text/page.rs). */
  function T(key) { var pack = (window.__tcpLabText || {})[zh() ? 'zh' : 'en']; return (pack && pack.page && pack.page[key]) || key; }
  function lab() { return window.wasmBindings || {}; }
  /** A control's name in the page's language, from the app's own text (src/i18n.rs). */
  function controlLabel(c) {
    var f = lab().tcp_lab_control_label;
    var text = f && f(c, zh() ? 'zh' : 'en');
    return text || c;
  }
  function opaque() { try { return self.origin === 'null'; } catch (e) { return true; } }
  function base() { var h = location.href; var i = h.search(/[?#]/); return i < 0 ? h : h.slice(0, i); }
  /** While a capture is on the ladder: that the link does not hold it (else empty). */
  function captureNote() { var f = lab().tcp_lab_capture_note; return (f && f(zh() ? 'zh' : 'en')) || ''; }
  /** The capture on the ladder, for its exports: { bytes, conn }, or null for a simulated run. */
  function capture() {
    var c = lab().tcp_lab_capture_connection;
    var n = c ? c() : -1;
    return n >= 0 ? { bytes: lab().tcp_lab_capture_bytes(), conn: n } : null;
  }
  function query() { var f = lab().tcp_lab_query; return (f && f()) || location.search || '?'; }
  function stem() {
    var f = lab().tcp_lab_scenario;
    var n = ((f && f()) || 'run').replace(/[^A-Za-z0-9_]/g, '-');
    return 'tcp-lab-' + n;
  }
  function el(tag, attrs, kids) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) if (attrs[k] !== null && attrs[k] !== undefined) e.setAttribute(k, attrs[k]);
    (kids || []).forEach(function (c) { e.append(c); });
    return e;
  }
  function close() {
    if (panel) panel.remove();
    panel = null;
    current = null;
  }
  function show(kind, label, kids) {
    close();
    current = kind;
    panel = el('div', { class: 'share-panel', role: 'dialog', 'aria-label': label, 'data-testid': kind + '-panel' }, kids);
    var x = el('button', { type: 'button', class: 'remove', 'aria-label': T('close') }, ['✕']);
    x.addEventListener('click', close);
    panel.prepend(x);
    document.body.append(panel);
  }

  // ---- Share ---------------------------------------------------------------------------
  function share() {
    var url = base() + query();
    var input = el('input', { type: 'text', readonly: '', 'data-testid': 'share-link', value: url });
    var hint = el('p', { class: 'hint', role: 'status' }, ['']);
    var kids = [el('label', {}, [T('shareLinkLabel'), input]), hint];
    var note = captureNote();
    if (note) kids.push(el('p', { class: 'hint', 'data-testid': 'share-capture-note' }, [note]));
    show('share', T('shareTitle'), kids);
    input.focus();
    input.select();
    var fallback = function () { hint.textContent = T('copyLinkHint'); input.select(); };
    if (opaque() || !navigator.clipboard || !navigator.clipboard.writeText) return fallback();
    try {
      navigator.clipboard.writeText(url).then(function () {
        hint.textContent = T('linkCopied');
      }, fallback);
    } catch (e) { fallback(); }
  }

  // ---- Embed ---------------------------------------------------------------------------
  function embed() {
    var o = { compact: false, autoplay: false, lang: zh() ? 'zh' : 'en', height: 450, controls: CONTROLS.slice() };
    var out = el('textarea', { readonly: '', rows: '4', 'data-testid': 'embed-snippet' });
    function snippet() {
      var keep = query().replace(/^\?/, '').split('&').filter(function (p) {
        return p && ['lang', 'embed', 'compact', 'controls', 'autoplay'].indexOf(p.split('=')[0]) < 0;
      });
      keep.push('lang=' + o.lang, 'embed=1');
      if (o.compact) keep.push('compact=1');
      if (o.controls.length !== CONTROLS.length) keep.push('controls=' + o.controls.join(','));
      if (o.autoplay) keep.push('autoplay=1');
      var src = (base() + '?' + keep.join('&')).replace(/&/g, '&amp;').replace(/"/g, '%22');
      out.value = '<iframe src="' + src + '" width="700" height="' + o.height +
        '" title="TCP Lab" loading="lazy" allow="clipboard-write"></iframe>';
    }
    function box(label, key, on, change) {
      var i = el('input', { type: 'checkbox', 'data-embed-option': key });
      i.checked = on;
      i.addEventListener('change', function () { change(i.checked); snippet(); });
      return el('label', {}, [i, label]);
    }
    var lang = el('select', { 'data-embed-option': 'lang' }, [
      el('option', { value: 'en' }, ['English']), el('option', { value: 'zh' }, ['中文'])]);
    lang.value = o.lang;
    lang.addEventListener('change', function () { o.lang = lang.value === 'zh' ? 'zh' : 'en'; snippet(); });
    var height = el('input', { type: 'number', min: '200', max: '2000', step: '10', value: '450', 'data-embed-option': 'height' });
    height.addEventListener('input', function () {
      var h = parseInt(height.value, 10);
      if (h >= 200 && h <= 2000) { o.height = h; snippet(); }
    });
    var controls = CONTROLS.map(function (c) {
      var i = el('input', { type: 'checkbox', 'data-embed-control': c });
      i.checked = true;
      i.addEventListener('change', function () {
        o.controls = CONTROLS.filter(function (k) { return k === c ? i.checked : o.controls.indexOf(k) >= 0; });
        snippet();
      });
      return el('label', {}, [i, controlLabel(c)]);
    });
    snippet();
    show('embed', T('embedTitle'), [
      el('fieldset', {}, [el('legend', {}, [T('options')]),
        box(T('compact'), 'compact', false, function (v) { o.compact = v; }),
        box(T('autoplay'), 'autoplay', false, function (v) { o.autoplay = v; }),
        el('label', {}, [T('language'), lang]),
        el('label', {}, [T('heightPx'), height])]),
      el('fieldset', {}, [el('legend', {}, [T('controlsShown')])].concat(controls)),
      el('label', {}, [T('pasteIntoCourse'), out])]);
  }

  // ---- Export --------------------------------------------------------------------------
  var PROPS = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linecap',
    'stroke-linejoin', 'stroke-opacity', 'opacity', 'font-family', 'font-size', 'font-weight',
    'font-style', 'text-anchor', 'dominant-baseline', 'visibility', 'display', 'marker-end', 'marker-start',
    // Labels have a halo (a wide stroke in the panel's colour): without paint-order the halo is
    // painted over the letters and hides them.
    'paint-order'];

  /** The ladder as standalone SVG text, computed styles inlined as presentation attributes. */
  function ladderSvg(print) {
    var svg = document.querySelector('svg.ladder');
    if (!svg) return null;
    var wrap = svg.closest('.ladder-wrap');
    if (print && wrap) wrap.classList.add('export-print');
    try {
      var clone = svg.cloneNode(true);
      var a = [svg].concat([].slice.call(svg.querySelectorAll('*')));
      var b = [clone].concat([].slice.call(clone.querySelectorAll('*')));
      for (var i = 0; i < a.length && i < b.length; i++) {
        var cs = getComputedStyle(a[i]);
        PROPS.forEach(function (p) {
          var v = cs.getPropertyValue(p);
          if (v) b[i].setAttribute(p, v);
        });
        b[i].removeAttribute('class');
        b[i].removeAttribute('tabindex');
      }
      var r = svg.getBoundingClientRect();
      var w = Math.max(1, Math.round(r.width)), h = Math.max(1, Math.round(r.height));
      var bg = print ? '#ffffff' : ((wrap && getComputedStyle(wrap).getPropertyValue('--panel').trim()) || '#ffffff');
      clone.setAttribute('xmlns', SVGNS);
      clone.setAttribute('width', String(w));
      clone.setAttribute('height', String(h));
      clone.setAttribute('lang', document.documentElement.getAttribute('lang') || 'en');
      var rect = document.createElementNS(SVGNS, 'rect');
      rect.setAttribute('x', '-10000'); rect.setAttribute('y', '-10000');
      rect.setAttribute('width', '20000'); rect.setAttribute('height', '20000');
      rect.setAttribute('fill', bg);
      clone.prepend(rect);
      return { text: new XMLSerializer().serializeToString(clone), w: w, h: h };
    } finally {
      if (print && wrap) wrap.classList.remove('export-print');
    }
  }

  function save(name, blob, links) {
    if (opaque()) {
      // Downloads are blocked in a sandboxed frame: offer a data: link instead.
      var fr = new FileReader();
      fr.onload = function () {
        var a = el('a', { href: fr.result, download: name, target: '_blank', rel: 'noopener', 'data-export-link': name }, [name]);
        links.hidden = false;
        links.append(el('li', {}, [a]));
      };
      fr.readAsDataURL(blob);
      return;
    }
    var url = URL.createObjectURL(blob);
    var a = el('a', { href: url, download: name, hidden: '' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function exporter() {
    loadExport().catch(function () {});
    var omit = el('input', { type: 'checkbox', 'data-export-option': 'omit-lost' });
    var print = el('input', { type: 'checkbox', 'data-export-option': 'print' });
    var links = el('ul', { class: 'export-links', hidden: '' });
    var status = el('p', { class: 'hint', role: 'status', 'data-testid': 'export-status' }, ['']);
    function button(kind, label, run) {
      var b = el('button', { type: 'button', 'data-export': kind }, [label]);
      b.addEventListener('click', run);
      return b;
    }
    show('export', T('exportTitle'), [
      el('div', { class: 'export-row' }, [
        button('pcap', 'pcap', function () {
          var q = query(), o = omit.checked, c = capture();
          withExport(function (x) {
            var bytes = c ? x.capture_pcap(c.bytes, c.conn, o) : x.pcap(q, o);
            save(stem() + '.pcap', new Blob([bytes], { type: 'application/vnd.tcpdump.pcap' }), links);
          }, status);
        }),
        el('label', {}, [omit, T('omitLost')])]),
      el('div', { class: 'export-row' }, [
        button('svg', 'SVG', function () {
          var s = ladderSvg(print.checked);
          if (s) save(stem() + '.svg', new Blob([s.text], { type: 'image/svg+xml' }), links);
        }),
        button('png', 'PNG', function () {
          var s = ladderSvg(print.checked);
          if (!s) return;
          var img = new Image();
          img.onload = function () {
            var c = document.createElement('canvas');
            c.width = s.w * 2; c.height = s.h * 2;
            var ctx = c.getContext('2d');
            ctx.scale(2, 2);
            ctx.drawImage(img, 0, 0);
            c.toBlob(function (blob) { if (blob) save(stem() + '.png', blob, links); }, 'image/png');
          };
          img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(s.text);
        }),
        el('label', {}, [print, T('printColors')])]),
      el('div', { class: 'export-row' }, [
        button('json', T('traceJson'), function () {
          var q = query(), c = capture();
          withExport(function (x) {
            var json = c ? x.capture_trace_json(c.bytes, c.conn) : x.trace_json(q);
            save(stem() + '.json', new Blob([json], { type: 'application/json' }), links);
          }, status);
        })]),
      status,
      links]);
  }

  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') close(); });
  window.tcpLabTools = {
    open: function (kind) {
      if (current === kind && kind !== 'share') return close();
      if (kind === 'share') share();
      else if (kind === 'embed') embed();
      else if (kind === 'export') exporter();
    },
    close: close,
    ladderSvg: ladderSvg,
  };
})();
