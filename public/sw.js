// Shortlist's service worker. It caches nothing: every page is the server's
// latest (and private), so an offline copy would show stale or another
// session's data. It is here so the app can be installed, and so reminders
// sent by Web Push (lib/reminders/push.ts) show as notifications.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

// A push's payload: { title, body, url, tag } (lib/reminders/push-payload.ts).
// The tag is the delivery's id, so a retry that arrives twice replaces the
// notification instead of showing a second one.
self.addEventListener("push", (event) => {
  let reminder = {};
  try {
    reminder = event.data ? event.data.json() : {};
  } catch {
    // Not ours to read: still show something, as browsers require of every push.
  }
  const title = typeof reminder.title === "string" ? reminder.title : "Shortlist";
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof reminder.body === "string" ? reminder.body : "",
      tag: typeof reminder.tag === "string" ? reminder.tag : undefined,
      icon: "/icons/icon-192.png",
      data: { url: typeof reminder.url === "string" ? reminder.url : "/" },
    }),
  );
});

// A tap opens the application the reminder is about: in a Shortlist window already open, or a new one.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url ?? "/", self.location.origin);
  // The page on this site, whatever address the server wrote the link with: a payload cannot send the tap elsewhere.
  const url = new URL(target.pathname + target.search, self.location.origin).href;
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (open) {
        await open.focus();
        return open.navigate(url);
      }
      return self.clients.openWindow(url);
    })(),
  );
});
