"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The device's IANA time zone; null while rendering on the server. */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, browserZone, () => null);
}
