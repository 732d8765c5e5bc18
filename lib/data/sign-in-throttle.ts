import "server-only";
import { isIPv6 } from "node:net";
import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/open";
import { write, type Tx, type WriteScope } from "@/db/write";
import { signInThrottle } from "@/db/schema";
import { backoffDelayMs, SIGN_UP_WINDOW_MS, THROTTLE_WINDOW_MS, throttleLimits, type ThrottleLimits } from "@/lib/auth/limits";

/**
 * What a counter counts. "pair" is one account from one address, so a
 * stranger's failures hold back only the stranger's address; "account" counts
 * from everywhere with a far higher bound. Codes have their own pair and
 * account counters; an address's counter is shared by passwords and codes.
 */
export type ThrottleScope = "pair" | "client" | "account" | "device" | "code-pair" | "code-account" | "sign-up";
/**
 * "backoff": past its limit, growing delays after each failure, the count
 * starting over after windowMs without one (sign-in and codes). "window":
 * a fixed window that holds everything once full (sign-ups).
 */
export type ThrottleKey = { key: string; scope: ThrottleScope; limit: number; windowMs: number; mode: "backoff" | "window" };

const key = (scope: ThrottleScope, subject: string, limit: number): ThrottleKey => ({
  key: `${scope}:${subject}`,
  scope,
  limit,
  windowMs: THROTTLE_WINDOW_MS,
  mode: "backoff",
});

/**
 * What the per-address limits count: an IPv4 address as it is, an IPv6
 * address by its /64. One subscriber or host is handed a whole /64, so
 * counting single IPv6 addresses would give anyone 2^64 fresh ones to try
 * from, and only the per-account limits would be left to hold them.
 */
export function addressBlock(address: string): string {
  const plain = address.split("%")[0].toLowerCase();
  if (!isIPv6(plain)) return address;
  // An IPv4 tail ("64:ff9b::192.0.2.1") is two more groups.
  const withoutDots = plain.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
    [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)].map((n) => n.toString(16)).join(":"),
  );
  const [head, tail] = withoutDots.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}

/**
 * Password attempts for an email (known or not) from an address (unknown
 * when null). From a device that has signed in to this account before
 * (its `deviceId`, from a checked device cookie) only that device's own
 * counter applies: strangers' failures against the account or from a shared
 * address cannot hold its owner back (OWASP's device-cookie pattern).
 */
export function signInKeys(
  email: string,
  address: string | null,
  limits: ThrottleLimits = throttleLimits(),
  deviceId: string | null = null,
): ThrottleKey[] {
  if (deviceId) return [key("device", deviceId, limits.pair)];
  const keys = [key("account", email, limits.account)];
  if (address) {
    const block = addressBlock(address);
    keys.push(key("pair", `${email} ${block}`, limits.pair), key("client", block, limits.address));
  }
  return keys;
}

/** Two-factor codes for a user from an address. */
export function codeKeys(userId: string, address: string | null, limits: ThrottleLimits = throttleLimits()): ThrottleKey[] {
  const keys = [key("code-account", userId, limits.codeAccount)];
  if (address) {
    const block = addressBlock(address);
    keys.push(key("code-pair", `${userId} ${block}`, limits.pair), key("client", block, limits.address));
  }
  return keys;
}

/**
 * Drops every counter that names this account (by email, or by user id for
 * codes), with any address: a deleted account leaves nothing behind. The
 * prefix is compared as text, not with LIKE, so an email with `%` or `_` in
 * it matches only itself.
 */
export async function forgetThrottleSubject(tx: Tx, { email, userId }: { email: string; userId: string }): Promise<void> {
  const exact = [`account:${email}`, `code-account:${userId}`];
  const prefixes = [`pair:${email} `, `code-pair:${userId} `];
  await tx
    .delete(signInThrottle)
    .where(
      or(
        inArray(signInThrottle.key, exact),
        ...prefixes.map((prefix) => sql`substr(${signInThrottle.key}, 1, ${prefix.length}) = ${prefix}`),
      ),
    );
}

/** Sign-ups from an address; none to count when the address is unknown. */
export function signUpKeys(address: string | null, limits: ThrottleLimits = throttleLimits()): ThrottleKey[] {
  return address ? [{ ...key("sign-up", addressBlock(address), limits.signUp), windowMs: SIGN_UP_WINDOW_MS, mode: "window" }] : [];
}

/**
 * The scope of every write to the counters. One lock for all of them, not
 * one per email: an address's counter is shared by every email tried from
 * it, so the limit test and the count that follows it must not interleave
 * with another email's (SQLite's single writer gives this anyway).
 */
export const THROTTLE_WRITE: WriteScope = { key: "sign-in-throttle" };

/** Milliseconds until these keys allow another attempt; 0 when they do now. */
export async function retryAfterMs(db: Db, { keys, now }: { keys: ThrottleKey[]; now: Date }): Promise<number> {
  return (await blockingKeys(db, { keys, now })).reduce((wait, blocked) => Math.max(wait, blocked.waitMs), 0);
}

/** The keys over their limit, each with how long it still holds: the log names which limit it was. */
export async function blockingKeys(db: Db, { keys, now }: { keys: ThrottleKey[]; now: Date }): Promise<{ scope: ThrottleScope; waitMs: number }[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .select()
    .from(signInThrottle)
    .where(inArray(signInThrottle.key, keys.map((k) => k.key)));
  const blocked: { scope: ThrottleScope; waitMs: number }[] = [];
  for (const row of rows) {
    const spec = keys.find((k) => k.key === row.key);
    if (!spec) continue;
    const endsAt = holdsUntil(spec, row);
    if (endsAt > now.getTime()) blocked.push({ scope: spec.scope, waitMs: endsAt - now.getTime() });
  }
  return blocked;
}

type CounterRow = { failures: number; windowStartedAt: Date; lastFailedAt: Date | null };

/** Until when a counter holds attempts back (a time already past when it does not). */
function holdsUntil(spec: ThrottleKey, row: CounterRow): number {
  if (spec.mode === "window") return row.failures >= spec.limit ? row.windowStartedAt.getTime() + spec.windowMs : 0;
  const last = (row.lastFailedAt ?? row.windowStartedAt).getTime();
  // A quiet spell as long as the window forgives the count.
  if (row.failures < spec.limit) return 0;
  return Math.min(last + backoffDelayMs(row.failures, spec.limit), last + spec.windowMs);
}

/** No key counts over a longer window: a row whose window started before this holds nothing back. */
const LONGEST_WINDOW_MS = Math.max(THROTTLE_WINDOW_MS, SIGN_UP_WINDOW_MS);

/**
 * Counts an attempt against every key. Callers count *before* checking the
 * password, so that a burst of parallel guesses cannot all slip in while the
 * first ones are still hashing. Rows past every window go at the same time:
 * each guess at a new email or from a new address adds rows, and without
 * this the table would keep every one ever tried.
 */
export async function countAttempt(db: Db, { keys, now }: { keys: ThrottleKey[]; now: Date }): Promise<void> {
  await write(db, THROTTLE_WRITE, async (tx) => {
    const cutoff = new Date(now.getTime() - LONGEST_WINDOW_MS);
    await tx
      .delete(signInThrottle)
      .where(and(lte(signInThrottle.windowStartedAt, cutoff), or(isNull(signInThrottle.lastFailedAt), lte(signInThrottle.lastFailedAt, cutoff))));
    // One statement after another: a transaction runs one query at a time.
    for (const { key, windowMs, mode } of keys) {
      const since = new Date(now.getTime() - windowMs);
      // A fixed window starts over once it has passed; a backoff counter once it has been quiet that long.
      // Times are bound through the column, which knows how its engine stores them.
      const stale =
        mode === "window"
          ? lte(signInThrottle.windowStartedAt, since)
          : sql`coalesce(${signInThrottle.lastFailedAt}, ${signInThrottle.windowStartedAt}) <= ${sql.param(since, signInThrottle.windowStartedAt)}`;
      await tx
        .insert(signInThrottle)
        .values({ key, failures: 1, windowStartedAt: now, lastFailedAt: now })
        .onConflictDoUpdate({
          target: signInThrottle.key,
          set: {
            failures: sql`case when ${stale} then 1 else ${signInThrottle.failures} + 1 end`,
            windowStartedAt: sql`case when ${stale} then ${sql.param(now, signInThrottle.windowStartedAt)} else ${signInThrottle.windowStartedAt} end`,
            lastFailedAt: now,
          },
        });
    }
  });
}

/**
 * A right password (or code) clears its pair's count, and takes back the one
 * attempt it added to the address's and the account's counts: failures from
 * elsewhere still stand.
 */
export async function forgiveAttempt(db: Db, { keys }: { keys: ThrottleKey[] }): Promise<void> {
  await write(db, THROTTLE_WRITE, async (tx) => {
    for (const { key, scope } of keys) {
      if (scope === "pair" || scope === "code-pair" || scope === "device") {
        await tx.delete(signInThrottle).where(eq(signInThrottle.key, key));
      } else {
        await tx
          .update(signInThrottle)
          .set({ failures: sql`case when ${signInThrottle.failures} > 0 then ${signInThrottle.failures} - 1 else 0 end` })
          .where(eq(signInThrottle.key, key));
      }
    }
  });
}
