"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The device's IANA time zone; null while rendering on the server. */
export function useBrowserTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, browserZone, () => null);
}

/** Compared in the browser's own spelling, so "Asia/Calcutta" and "Asia/Kolkata" are one zone. */
export function sameZone(a: string, b: string): boolean {
  try {
    const canonical = (zone: string) => new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
    return canonical(a) === canonical(b);
  } catch {
    return a === b;
  }
}

/** The hint under a time input: which zone it is read in, and a nudge if this device differs. */
export function useZoneHint(timeZone: string): string {
  const device = useBrowserTimeZone();
  return device && !sameZone(device, timeZone)
    ? `Your time in ${timeZone}. This device is set to ${device}: if you have moved, change the zone in Settings.`
    : `Your time (${timeZone}).`;
}
