"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { adoptDeviceTimeZoneAction } from "../actions";

/**
 * Accounts made before Shortlist knew time zones (or signed up without
 * JavaScript) take the zone of the first device they use, once, so typed
 * interview times mean what the user meant.
 */
export function AdoptDeviceTimeZone() {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    // Best effort: if it fails, the next page asks again.
    adoptDeviceTimeZoneAction(zone).then(() => router.refresh(), () => undefined);
  }, [router]);
  return null;
}
