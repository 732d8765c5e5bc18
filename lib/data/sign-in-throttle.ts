import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/open";
import { signInThrottle } from "@/db/schema";
import { write } from "./write";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per window for one account, and for one client address
 * (higher: several people can share an office or phone network). */
export const ACCOUNT_FAILURE_LIMIT = 5;
export const CLIENT_FAILURE_LIMIT = 20;

export type ThrottleKey = { key: string; scope: "account" | "client"; limit: number };

export function throttleKeys(email: string, clientAddress: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [{ key: `account:${email}`, scope: "account", limit: ACCOUNT_FAILURE_LIMIT }];
  if (clientAddress) keys.push({ key: `client:${clientAddress}`, scope: "client", limit: CLIENT_FAILURE_LIMIT });
  return keys;
}

/** Milliseconds until sign-in is allowed again for these keys; 0 when it is. */
export function retryAfterMs(db: Db, keys: ThrottleKey[], now: Date): number {
  if (keys.length === 0) return 0;
  const rows = db
    .select()
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, keys.map((k) => k.key)))
    .all();
  let wait = 0;
  for (const row of rows) {
    const limit = keys.find((k) => k.key === row.key)?.limit ?? Infinity;
    const endsAt = row.windowStartedAt.getTime() + THROTTLE_WINDOW_MS;
    if (row.failures >= limit && endsAt > now.getTime()) wait = Math.max(wait, endsAt - now.getTime());
  }
  return wait;
}

/**
 * Counts an attempt against every key. Callers count *before* checking the
 * password, so that a burst of parallel guesses cannot all slip in while the
 * first ones are still hashing.
 */
export function countAttempt(db: Db, keys: ThrottleKey[], now: Date): void {
  const windowStart = now.getTime() - THROTTLE_WINDOW_MS;
  write(db, (tx) => {
    for (const { key } of keys) {
      tx.insert(signInThrottle)
        .values({ key, failures: 1, windowStartedAt: now })
        .onConflictDoUpdate({
          target: signInThrottle.key,
          // An expired window starts over instead of counting on.
          set: {
            failures: sql`case when ${signInThrottle.windowStartedAt} <= ${windowStart} then 1 else ${signInThrottle.failures} + 1 end`,
            windowStartedAt: sql`case when ${signInThrottle.windowStartedAt} <= ${windowStart} then ${now.getTime()} else ${signInThrottle.windowStartedAt} end`,
          },
        })
        .run();
    }
  });
}

/**
 * A right password forgives the account's count, and takes back the one
 * attempt it added to the address's count (other failures from that
 * address still stand).
 */
export function forgiveAttempt(db: Db, keys: ThrottleKey[]): void {
  write(db, (tx) => {
    for (const { key, scope } of keys) {
      if (scope === "account") {
        tx.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
      } else {
        tx.update(signInThrottle)
          .set({ failures: sql`max(${signInThrottle.failures} - 1, 0)` })
          .where(eq(signInThrottle.key, key))
          .run();
      }
    }
  });
}
