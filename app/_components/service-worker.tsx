"use client";

import { useEffect } from "react";

/** Registers /sw.js once the page has loaded, where the browser has service workers (not over plain HTTP to another host). */
export function ServiceWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error: unknown) => console.warn("service worker not registered:", error));
  }, []);
  return null;
}
