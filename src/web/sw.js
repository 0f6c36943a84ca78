// The service worker: after one visit the app opens and works with no network. This is not served
// as it is: scripts/write-sw puts it into each build as sw.js, after three constants that describe
// that build:
//   BUILD  an id derived from the names and contents of the build's files, so every build gets a
//          cache of its own and a sw.js that differs byte for byte, which is what makes browsers
//          install the new worker;
//   SHELL  "index.html", the scoring page, what a link opens;
//   WHOLE_FORM
//          "formulier.html", the whole form's page (signing, the list, keys, invitations);
//   ASSETS the files those two pages load. trunk names each one with a hash of its content, so a
//          name always means the same bytes and a cached copy never goes stale;
//   HOGESCHOOL, HOGESCHOOL_ASSETS
//          "hogeschool.html", the hogeschool's page (null in a build without it), and the files
//          only that page loads (the verify workers' among them, named by their content too);
//   FETCHED_ASSETS
//          the built-in frameworks the form fetches the first time one is chosen (the 2010
//          profile), stored as they are fetched, and fetched again for a new build that
//          replaces one which had them, so that they keep opening offline after an update.
// The form's files are stored when the worker installs, so that the form works offline after
// one visit. The hogeschool's are stored as that page loads them, so that a link to the form does
// not transfer them: the hogeschool's page works offline after it was opened once with this
// build (README: Three pages); a page opened before the worker took control is stored when it does.
// The default framework is compiled into the .wasm, so caching the .wasm caches the framework.
// The app holds a fetched framework to the SHA-256 compiled into it, so a stale copy is refused.
//
// A plain script with no imports and no eval: it runs under a strict Content-Security-Policy.
// scripts/write-sw writes the "use strict" directive: it counts only as the first statement, and
// the first statements are the generated constants.

// Two copies of the app under different paths of one origin share the origin's CacheStorage; the
// scope in the name keeps each copy from deleting the other's cache.
const CACHE_PREFIX = `leeruitkomsten ${self.registration.scope} `;
const CACHE = CACHE_PREFIX + BUILD;
const SHELL_URL = new URL(SHELL, self.location).href;
const WHOLE_FORM_URL = new URL(WHOLE_FORM, self.location).href;
const SCOPE_URL = new URL("./", self.location).href;
const ASSET_URLS = new Set(ASSETS.map((path) => new URL(path, self.location).href));
const HOGESCHOOL_URL = HOGESCHOOL && new URL(HOGESCHOOL, self.location).href;
const HOGESCHOOL_URLS = new Set(HOGESCHOOL_ASSETS.map((path) => new URL(path, self.location).href));
const FETCHED_URLS = new Set(FETCHED_ASSETS.map((path) => new URL(path, self.location).href));
// How long a navigation waits for the network before it falls back to the cached build, for
// networks that neither answer nor fail (a weak signal, a captive portal).
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener("install", (event) => {
  // index.html from the server ("reload" skips the HTTP cache, which could still hold the previous
  // build's). The other files from the HTTP cache where it has them ("force-cache"): the page that
  // registered this worker has just downloaded them, and a name always means the same bytes (see
  // ASSETS above). With "reload" for them too, a first visit downloaded the form twice.
  // addAll is all or nothing: if one file fails, this worker is not installed and the one before
  // it keeps serving the previous build, complete.
  // The whole form's files are not in the HTTP cache after a first visit to the scoring page: they
  // are downloaded here, after that page has started, so that signing works offline too.
  const requests = [
    new Request(SHELL, { cache: "reload" }),
    new Request(WHOLE_FORM, { cache: "reload" }),
    ...ASSETS.map((path) => new Request(path, { cache: "force-cache" })),
  ];
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(requests).then(() => carryOver(cache)))
      // The page fetches all its files as it starts and nothing later, so a page already running
      // loses nothing when the new worker takes over at once rather than after every tab closes.
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      // Controls the page of the first visit too, so that it works offline without a reload.
      .then(() => self.clients.claim())
      .then(() => storeOpenHogeschool()),
  );
});

// A hogeschool's page that loaded before this worker took control (opened straight from a link on
// a first visit, or reached from the form while the worker was still installing) fetched its
// files past the worker, so none was stored as it loaded. They are stored now, from the network
// (most from the HTTP cache), so that the page opens offline from then on. A file that cannot be
// fetched now is stored when the page next loads it; activation never fails on it.
async function storeOpenHogeschool() {
  if (!HOGESCHOOL_URL) return;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.some((client) => {
    const url = new URL(client.url);
    return url.origin + url.pathname === HOGESCHOOL_URL;
  });
  if (!open) return;
  const cache = await caches.open(CACHE);
  for (const path of [HOGESCHOOL, ...HOGESCHOOL_ASSETS]) {
    try {
      if (await cache.match(path)) continue;
      // The page's files from the HTTP cache, where its load has just put them (each is named by
      // its content); the page itself asked of the server, as it may be an earlier build's.
      const response = await fetch(path, { cache: path === HOGESCHOOL ? "no-cache" : "force-cache" });
      if (response.ok && response.type === "basic" && !response.redirected) await cache.put(path, response);
    } catch {
      // Offline already: see above.
    }
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // Anything not ours to answer goes to the network as if there were no worker.
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const bare = url.origin + url.pathname;
  if (request.mode === "navigate" && (bare === SCOPE_URL || bare === SHELL_URL)) {
    event.respondWith(networkFirst(event, SHELL_URL, false));
  } else if (request.mode === "navigate" && bare === WHOLE_FORM_URL) {
    event.respondWith(networkFirst(event, WHOLE_FORM_URL, false));
  } else if (request.mode === "navigate" && bare === HOGESCHOOL_URL) {
    event.respondWith(networkFirst(event, HOGESCHOOL_URL, true));
  } else if (url.search === "" && ASSET_URLS.has(bare)) {
    event.respondWith(cacheFirst(event, false));
  } else if (url.search === "" && (HOGESCHOOL_URLS.has(bare) || FETCHED_URLS.has(bare))) {
    event.respondWith(cacheFirst(event, true));
    if (HOGESCHOOL_URLS.has(bare)) event.waitUntil(storeOpenHogeschoolAgain());
  }
});

// The worker can also take control while a hogeschool's page is loading, after activation has
// looked for one (reached from the form while the worker activated): the page then passed the
// worker by, and only the files it asks for later (the verify workers') would be stored. Each
// file it asks for checks again; what is stored already is not fetched twice.
let storing = null;
function storeOpenHogeschoolAgain() {
  storing ??= storeOpenHogeschool().finally(() => { storing = null; });
  return storing;
}

// The frameworks fetched on first use that an earlier build's cache holds, fetched for this one
// while the worker installs (online, since it was just downloaded). One that cannot be fetched
// now is fetched when it is next chosen, as on first use; it does not stop the update.
async function carryOver(cache) {
  const earlier = (await caches.keys()).filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE);
  for (const path of FETCHED_ASSETS) {
    const held = await Promise.all(earlier.map((name) => caches.match(path, { cacheName: name })));
    if (!held.some(Boolean)) continue;
    try {
      const response = await fetch(new Request(path, { cache: "reload" }));
      if (response.ok) await cache.put(path, response);
    } catch {
      // Offline again already: see above.
    }
  }
}

// Stores a good answer from the network for the hogeschool's page under `key`, while the page
// gets the answer itself; a copy that cannot be stored only means no offline copy.
function keep(event, key, response) {
  if (response.ok && response.type === "basic" && !response.redirected) {
    const copy = response.clone();
    const stored = caches.open(CACHE).then((cache) => cache.put(key, copy)).catch(() => {});
    try {
      event.waitUntil(stored);
    } catch {
      // The event has ended; the copy is stored all the same while the worker runs.
    }
  }
  return response;
}

// Online, the page comes from the server, so a new build reaches users on their next visit;
// offline, from the cache, which holds the page of the same build as the cached files. `store`:
// the hogeschool's page, which the worker did not store when it installed.
async function networkFirst(event, shell, store) {
  const fetched = fetch(event.request);
  const network = store ? fetched.then((response) => keep(event, shell, response)) : fetched;
  // Whichever way the race below ends, a late failure of the network is expected, not unhandled.
  network.catch(() => {});
  const cached = await caches.match(shell, { cacheName: CACHE });
  if (!cached) return network;
  let timer;
  const fallback = new Promise((resolve) => {
    timer = setTimeout(() => resolve(cached), NETWORK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([network, fallback]);
  } catch {
    return cached;
  } finally {
    clearTimeout(timer);
  }
}

// What is fetched to be stored is asked of the server, not taken from the HTTP cache: the fetched
// frameworks keep their names from build to build, and a host may let browsers reuse them for a
// day or more; this build's cache would then keep an earlier build's copy for as long as this
// build is the one in use. A file named by its content costs a revalidation at most.
async function cacheFirst(event, store) {
  const cached = await caches.match(event.request, { cacheName: CACHE });
  if (cached) return cached;
  const network = store ? fetch(event.request, { cache: "no-cache" }) : fetch(event.request);
  return store ? network.then((response) => keep(event, event.request, response)) : network;
}
