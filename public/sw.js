// Shortlist's service worker. It caches nothing: every page is the server's
// latest (and private), so an offline copy would show stale or another
// session's data. It is here so the app can be installed, and is where push
// notifications will arrive.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
