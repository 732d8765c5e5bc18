/** "Try again in 8 seconds." or "Try again in 5 minutes." for a wait in milliseconds, rounded up. */
export function tryAgainIn(waitMs: number): string {
  if (waitMs < 60_000) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    return `Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`;
  }
  const minutes = Math.ceil(waitMs / 60_000);
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
