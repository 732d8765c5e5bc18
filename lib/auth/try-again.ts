/** "Try again in 12 minutes." for a wait in milliseconds, rounded up. */
export function tryAgainIn(waitMs: number): string {
  const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
