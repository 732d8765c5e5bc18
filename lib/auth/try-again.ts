import { MINUTE_MS, SECOND_MS } from "@/lib/time/units";

/** "Try again in 8 seconds." or "Try again in 5 minutes." for a wait in milliseconds, rounded up. */
export function tryAgainIn(waitMs: number): string {
  if (waitMs < MINUTE_MS) {
    const seconds = Math.max(1, Math.ceil(waitMs / SECOND_MS));
    return `Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  }
  const minutes = Math.ceil(waitMs / MINUTE_MS);
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
