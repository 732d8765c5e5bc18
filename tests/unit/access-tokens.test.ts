import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { accessTokens } from "@/db/schema";
import { accessTokenHash, looksLikeAccessToken } from "@/lib/auth/access-token-secret";
import {
  checkAccessToken,
  createAccessToken,
  LAST_USED_PRECISION_MS,
  listAccessTokens,
  MAX_TOKENS_PER_USER,
  revokeAccessToken,
  type TokenScope,
} from "@/lib/data/access-tokens";
import { changePasswordHash, revokeSessions } from "@/lib/data/users";
import { DAY_MS } from "@/lib/time/units";
import { makeUser, testDb } from "./support/db";

const T0 = new Date("2026-11-01T08:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

let db: ReturnType<typeof testDb>;
let ana: Awaited<ReturnType<typeof makeUser>>;
let ben: Awaited<ReturnType<typeof makeUser>>;

beforeEach(async () => {
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
  ben = await makeUser(db, "ben@example.com");
});

async function make(userId: string, scope: TokenScope = "read", expiresAt: Date | null = null) {
  const made = await createAccessToken(db, { userId, name: "agent", scope, expiresAt, now: T0 });
  if (!made.ok) throw new Error("not made");
  return made;
}

describe("personal access tokens", () => {
  it("are shl_ and 32 random bytes, and only their HMAC is stored", async () => {
    const { token, listing } = await make(ana.id);
    expect(looksLikeAccessToken(token)).toBe(true);
    expect(Buffer.from(token.slice(4), "base64url")).toHaveLength(32);
    const [row] = await db.select().from(accessTokens).where(eq(accessTokens.id, listing.id));
    expect(row.tokenHash).toBe(accessTokenHash(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    expect((await make(ana.id)).token).not.toBe(token);
  });

  it("speak for their owner with their scope, and nobody else", async () => {
    const read = await make(ana.id, "read");
    const write = await make(ben.id, "write");
    const a = await checkAccessToken(db, { token: read.token, now: T0 });
    const b = await checkAccessToken(db, { token: write.token, now: T0 });
    expect(a.ok && a.holder.user.id).toBe(ana.id);
    expect(a.ok && a.holder.token.scope).toBe("read");
    expect(b.ok && b.holder.user.id).toBe(ben.id);
    expect(b.ok && b.holder.token.scope).toBe("write");
    expect(a.ok && JSON.stringify(a.holder)).not.toContain("passwordHash");
  });

  it("refuse an unknown token and a token one character off", async () => {
    const { token } = await make(ana.id);
    const changed = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    expect(await checkAccessToken(db, { token: changed, now: T0 })).toEqual({ ok: false, reason: "unknown" });
  });

  it("expire at their expiry, to the millisecond", async () => {
    const { token } = await make(ana.id, "read", at(30 * DAY_MS));
    expect((await checkAccessToken(db, { token, now: at(30 * DAY_MS - 1) })).ok).toBe(true);
    expect(await checkAccessToken(db, { token, now: at(30 * DAY_MS) })).toEqual({ ok: false, reason: "expired", userId: ana.id });
  });

  it("keep when they were last used, to the minute", async () => {
    const { token, listing } = await make(ana.id);
    const lastUsed = async () => (await listAccessTokens(db, { userId: ana.id })).find((t) => t.id === listing.id)?.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await checkAccessToken(db, { token, now: at(1000) });
    expect(await lastUsed()).toEqual(at(1000));
    await checkAccessToken(db, { token, now: at(1000 + LAST_USED_PRECISION_MS - 1) });
    expect(await lastUsed()).toEqual(at(1000));
    await checkAccessToken(db, { token, now: at(1000 + LAST_USED_PRECISION_MS) });
    expect(await lastUsed()).toEqual(at(1000 + LAST_USED_PRECISION_MS));
  });

  it("are revoked by their owner only: another user's revoke finds nothing and changes nothing", async () => {
    const { token, listing } = await make(ana.id);
    expect(await revokeAccessToken(db, { userId: ben.id, id: listing.id })).toBe(false);
    expect((await checkAccessToken(db, { token, now: T0 })).ok).toBe(true);
    expect(await listAccessTokens(db, { userId: ben.id })).toEqual([]);
    expect(await revokeAccessToken(db, { userId: ana.id, id: listing.id })).toBe(true);
    expect(await checkAccessToken(db, { token, now: T0 })).toEqual({ ok: false, reason: "unknown" });
    expect(await revokeAccessToken(db, { userId: ana.id, id: listing.id })).toBe(false);
  });

  it("all end with sign out everywhere, and with a password change, for that user only", async () => {
    const first = await make(ana.id);
    const second = await make(ana.id, "write");
    const bens = await make(ben.id);
    await revokeSessions(db, { userId: ana.id });
    for (const { token } of [first, second]) expect((await checkAccessToken(db, { token, now: T0 })).ok).toBe(false);
    expect((await checkAccessToken(db, { token: bens.token, now: T0 })).ok).toBe(true);
    const third = await make(ana.id);
    await changePasswordHash(db, { userId: ana.id, passwordHash: "x" });
    expect((await checkAccessToken(db, { token: third.token, now: T0 })).ok).toBe(false);
    expect(await listAccessTokens(db, { userId: ana.id })).toEqual([]);
  });

  it("are limited per account", async () => {
    for (let i = 0; i < MAX_TOKENS_PER_USER; i++) await make(ana.id);
    expect(await createAccessToken(db, { userId: ana.id, name: "one more", scope: "read", expiresAt: null, now: T0 })).toEqual({ ok: false, reason: "too-many" });
    expect((await createAccessToken(db, { userId: ben.id, name: "ben's", scope: "read", expiresAt: null, now: T0 })).ok).toBe(true);
  });
});
