// Liftwell's service worker (served at /sw.js by liftwell/web/pwa/views.py, which prepends CONFIG).
// It keeps the app shell so the logging screen opens without a network:
// - static files: from the cache first (their names change with their content in production);
// - pages: from the network, falling back to the last copy kept; any /log/<uuid>/ that cannot be had
//   (offline, or a workout still waiting in the outbox) gets the generic logging screen, which reads
//   the workout from the device. The API is never cached here: the page's outbox deals with it.
/* global CONFIG */

const CACHE = `liftwell-${CONFIG.version}`;
const PAGES = `liftwell-pages`;
const LOG_SCREEN = /^\/log\/[0-9a-f-]{36}\/$/i;

async function keepPage(url) {
  // Pages need the session; a signed-out visit redirects to the login page, which must not be kept.
  const response = await fetch(url, { credentials: "same-origin", redirect: "manual" });
  if (response.ok && response.type === "basic") {
    const cache = await caches.open(PAGES);
    await cache.put(url, response);
  }
}

async function keepPages() {
  await Promise.all([CONFIG.shell, ...CONFIG.pages].map((url) => keepPage(url).catch(() => {})));
}

let keptAt = 0;
const KEEP_EVERY_MS = 10 * 60 * 1000;

async function refreshPages() {
  const pages = await caches.open(PAGES);
  if ((await pages.match(CONFIG.shell)) && Date.now() - keptAt < KEEP_EVERY_MS) return;
  keptAt = Date.now();
  await keepPages();
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(CONFIG.assets);
      await keepPages();
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== CACHE && name !== PAGES) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  // From register.js: signed in, keep the pages fresh; signed out, forget them (they are someone's).
  if (event.data === "signed-in") event.waitUntil(refreshPages());
  if (event.data === "signed-out") event.waitUntil(caches.delete(PAGES));
});

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function page(request) {
  const url = new URL(request.url);
  const logScreen = LOG_SCREEN.test(url.pathname);
  const pages = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    // A workout created offline is not on the server until its outbox is sent: use the shell.
    if (logScreen && response.status === 404) return (await pages.match(CONFIG.shell)) || response;
    if (response.ok && CONFIG.pages.includes(url.pathname)) await pages.put(url.pathname, response.clone());
    return response;
  } catch {
    const kept = await pages.match(logScreen ? CONFIG.shell : url.pathname);
    if (kept) return kept;
    return new Response(
      "<!doctype html><meta charset=utf-8><title>Offline</title><p>You are offline and this page is not " +
        "kept on this device. <a href=\"" + CONFIG.pages[0] + "\">Log a workout</a> works offline.</p>",
      { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } },
    );
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") event.respondWith(page(request));
  else if (url.pathname.startsWith(CONFIG.staticPrefix)) event.respondWith(fromCache(request));
});
