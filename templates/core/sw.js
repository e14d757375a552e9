// Hearth's service worker. It keeps only the app's look (styles, scripts, icons) and the
// offline page, never a page or an API answer: those hold people's words.
"use strict";
const CACHE = "hearth-shell-v1";
const OFFLINE_URL = "{{ offline_url|escapejs }}";
const SHELL = [OFFLINE_URL{% for url in shell %}, "{{ url|escapejs }}"{% endfor %}];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Pages always come from the server; without a connection, the offline page instead
    // of the browser's error. Nothing is stored.
    event.respondWith(fetch(request).catch(() => caches.match(OFFLINE_URL)));
    return;
  }
  if (SHELL.includes(new URL(request.url).pathname)) {
    event.respondWith(fetch(request).catch(() => caches.match(request)));
  }
});
