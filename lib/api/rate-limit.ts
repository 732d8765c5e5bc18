/**
 * Requests per token per minute, counted in this process. Generous for an
 * agent at work, tight enough that a leaked token cannot be used to hammer
 * the server. Several servers each count their own share.
 * SHORTLIST_TOKEN_RATE_LIMIT changes it (the load test raises it).
 */
export const TOKEN_REQUESTS_PER_MINUTE = 240;

export function tokenRateLimit(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SHORTLIST_TOKEN_RATE_LIMIT?.trim();
  return raw && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : TOKEN_REQUESTS_PER_MINUTE;
}
const WINDOW_MS = 60_000;

type Window = { startsAt: number; count: number };

/** Fixed one-minute windows per key; stale windows are dropped as new ones open. */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit = TOKEN_REQUESTS_PER_MINUTE,
    private readonly windowMs = WINDOW_MS,
  ) {}

  /** Counts one request; returns null when allowed, else the seconds until the window ends. */
  take(key: string, now: number): number | null {
    let window = this.windows.get(key);
    if (!window || now - window.startsAt >= this.windowMs) {
      if (!window && this.windows.size > 10_000) this.prune(now);
      window = { startsAt: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= this.limit) return null;
    return Math.max(1, Math.ceil((window.startsAt + this.windowMs - now) / 1000));
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.startsAt >= this.windowMs) this.windows.delete(key);
  }
}
