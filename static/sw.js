// TCP Lab's service worker. scripts/build.mjs puts it in dist/ as sw.js, after one line that
// names this build's files:
//   var TCP_LAB_BUILD = { version, precache: [...], later: [...] };
// It precaches what a first load fetches (files with a content hash in their name come from the
// HTTP cache the page just filled, so a first visit downloads nothing twice), caches the export
// tools when the page says it is idle, caches everything else on first use and serves
// cache-first. A new build has a new version, so its sw.js differs and replaces the old one.
/* global TCP_LAB_BUILD */
'use strict';
var BUILD = TCP_LAB_BUILD;
var CACHE = 'tcp-lab-' + BUILD.version;
var HASHED = /-[0-9a-f]{16}[._]/;

function here(file) {
  return new URL(file, self.location).href;
}

self.addEventListener('install', function (e) {
  e.waitUntil(
    caches
      .open(CACHE)
      .then(function (cache) {
        return cache.addAll(
          BUILD.precache.map(function (f) {
            return new Request(here(f), { cache: HASHED.test(f) ? 'force-cache' : 'no-cache' });
          })
        );
      })
      .then(function () {
        return self.skipWaiting();
      })
  );
});

self.addEventListener('activate', function (e) {
  e.waitUntil(
    caches
      .keys()
      .then(function (keys) {
        return Promise.all(
          keys
            .filter(function (k) {
              return k.indexOf('tcp-lab-') === 0 && k !== CACHE;
            })
            .map(function (k) {
              return caches.delete(k);
            })
        );
      })
      .then(function () {
        return self.clients.claim();
      })
  );
});

// The later precache (the export tools), once the loader says the page is idle.
self.addEventListener('message', function (e) {
  if (e.data !== 'tcp-lab-warm') return;
  e.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(
        BUILD.later.map(function (f) {
          var u = here(f);
          return cache
            .match(u)
            .then(function (hit) {
              return (
                hit ||
                fetch(u, { cache: 'no-cache' }).then(function (res) {
                  if (res.ok) return cache.put(u, res);
                })
              );
            })
            .catch(function () {});
        })
      );
    })
  );
});

self.addEventListener('fetch', function (e) {
  var request = e.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  var navigation = request.mode === 'navigate';
  e.respondWith(
    caches.open(CACHE).then(function (cache) {
      return cache.match(request, { ignoreSearch: navigation }).then(function (hit) {
        return (
          hit ||
          fetch(request)
            .then(function (res) {
              if (!navigation && res.ok && res.type === 'basic') cache.put(request, res.clone());
              return res;
            })
            .catch(function (err) {
              // Offline: any page of the lab is the lab's one page.
              if (!navigation) return Promise.reject(err);
              return cache.match(here('./')).then(function (page) {
                if (page) return page;
                throw err;
              });
            })
        );
      });
    })
  );
});
