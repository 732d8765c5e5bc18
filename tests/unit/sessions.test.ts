import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sessions, users } from "@/db/schema";
import { write } from "@/db/write";
import { LAST_SEEN_UPDATE_MS, SESSION_ABSOLUTE_LIMIT_MS, SESSION_IDLE_LIMIT_MS } from "@/lib/auth/limits";
import { sessionEnd } from "@/lib/auth/session-expiry";
import { validateSession } from "@/lib/auth/session-check";
import { endListedSession, endSessionsExcept, endSignedOutSession, signOutEverywhere } from "@/lib/auth/sign-out";
import { checkSession, createSession, endSession, listSessions } from "@/lib/data/sessions";
import { changePasswordHash } from "@/lib/data/users";
import { makeUser, testDb } from "./support/db";
import { captureLog } from "./support/security-log";
import { LOG_LINES_PER_WINDOW, LOG_WINDOW_MS, resetSecurityLogBuckets } from "@/lib/security-log-rate";

const T0 = new Date("2026-11-01T08:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

let db: ReturnType<typeof testDb>;
let ana: Awaited<ReturnType<typeof makeUser>>;
let ben: Awaited<ReturnType<typeof makeUser>>;
let log: ReturnType<typeof captureLog>;

beforeEach(async () => {
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
  ben = await makeUser(db, "ben@example.com");
  log = captureLog();
  resetSecurityLogBuckets();
});
afterEach(() => log.restore());

const open = (userId: string, when = T0, userAgent: string | null = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0") =>
  createSession(db, { userId, userAgent, address: "10.0.0.1", now: when });
const row = async (id: string) => (await db.select().from(sessions).where(eq(sessions.id, id)).limit(1))[0];
const check = (userId: string, sessionId: string, now: Date, sessionVersion = 1) => checkSession(db, { userId, sessionId, sessionVersion, now });

describe("sessionEnd: both limits at their boundaries", () => {
  const fresh = { createdAt: T0, lastSeenAt: T0 };

  it("is live until the idle limit, and idle from its very millisecond", () => {
    expect(sessionEnd(fresh, at(SESSION_IDLE_LIMIT_MS - 1))).toBeNull();
    expect(sessionEnd(fresh, at(SESSION_IDLE_LIMIT_MS))).toBe("idle");
  });

  it("ends at the absolute limit however recently it was used", () => {
    const busy = { createdAt: T0, lastSeenAt: at(SESSION_ABSOLUTE_LIMIT_MS - 60_000) };
    expect(sessionEnd(busy, at(SESSION_ABSOLUTE_LIMIT_MS - 1))).toBeNull();
    expect(sessionEnd(busy, at(SESSION_ABSOLUTE_LIMIT_MS))).toBe("absolute");
  });

  it("uses 14 and 30 days, as the README says", () => {
    expect(SESSION_IDLE_LIMIT_MS).toBe(14 * 24 * 3_600_000);
    expect(SESSION_ABSOLUTE_LIMIT_MS).toBe(30 * 24 * 3_600_000);
  });
});

describe("checkSession", () => {
  it("accepts a live session for its own user, and nobody else's claim on it", async () => {
    const id = await open(ana.id);
    expect(await check(ana.id, id, at(1000))).toMatchObject({ ok: true, user: { id: ana.id, email: "ana@example.com" } });
    expect(await check(ben.id, id, at(1000))).toEqual({ ok: false, reason: "missing" });
    expect(await check(ana.id, "no-such-session", at(1000))).toEqual({ ok: false, reason: "missing" });
  });

  it("refuses a cookie whose session version is older, as after sign out everywhere", async () => {
    const id = await open(ana.id);
    await write(db, { userId: ana.id }, async (tx) => {
      await tx.update(users).set({ sessionVersion: 2 }).where(eq(users.id, ana.id));
    });
    expect(await check(ana.id, id, at(1000), 1)).toEqual({ ok: false, reason: "revoked" });
  });

  it("ends an idle session at the limit, deleting its record, while use keeps one alive", async () => {
    const idle = await open(ana.id);
    const used = await open(ana.id);
    // Used 10 days in: its last-seen moves, so at day 14 it is still live.
    expect((await check(ana.id, used, at(10 * 24 * 3_600_000))).ok).toBe(true);
    expect((await check(ana.id, idle, at(SESSION_IDLE_LIMIT_MS - 1))).ok).toBe(true);
    // That check moved idle's last-seen too; measured from it, the limit is reached here:
    const lastSeen = (await row(idle))!.lastSeenAt.getTime();
    expect(await check(ana.id, idle, new Date(lastSeen + SESSION_IDLE_LIMIT_MS))).toEqual({ ok: false, reason: "idle" });
    expect(await row(idle)).toBeUndefined();
    expect((await check(ana.id, used, at(SESSION_IDLE_LIMIT_MS))).ok).toBe(true);
  });

  it("ends any session 30 days after its sign-in, used or not", async () => {
    const id = await open(ana.id);
    for (let day = 1; day < 30; day++) expect((await check(ana.id, id, at(day * 24 * 3_600_000))).ok).toBe(true);
    expect((await check(ana.id, id, at(SESSION_ABSOLUTE_LIMIT_MS - 1))).ok).toBe(true);
    expect(await check(ana.id, id, at(SESSION_ABSOLUTE_LIMIT_MS))).toEqual({ ok: false, reason: "absolute" });
    expect(await row(id)).toBeUndefined();
  });

  it("writes last-seen at most every few minutes, not on every request", async () => {
    const id = await open(ana.id);
    for (const ms of [1000, 60_000, LAST_SEEN_UPDATE_MS - 1]) {
      expect((await check(ana.id, id, at(ms))).ok).toBe(true);
      expect((await row(id))!.lastSeenAt).toEqual(T0);
    }
    expect((await check(ana.id, id, at(LAST_SEEN_UPDATE_MS))).ok).toBe(true);
    expect((await row(id))!.lastSeenAt).toEqual(at(LAST_SEEN_UPDATE_MS));
  });

  it("a new sign-in clears that user's expired records, and only theirs", async () => {
    const old = await open(ana.id);
    const bens = await open(ben.id);
    await open(ana.id, at(SESSION_ABSOLUTE_LIMIT_MS));
    expect(await row(old)).toBeUndefined();
    expect(await row(bens)).toBeDefined();
  });
});

describe("validateSession (the check behind requireUser and the jwt callback)", () => {
  it("needs all three claims; a cookie from before session records is refused", async () => {
    const sid = await open(ana.id);
    const now = at(1000);
    expect(await validateSession(db, { uid: ana.id, sv: 1, sid }, { now, address: null })).toMatchObject({ id: ana.id, sessionId: sid });
    expect(await validateSession(db, { uid: ana.id, sv: 1 }, { now, address: null })).toBeNull();
    expect(await validateSession(db, { uid: ana.id, sid }, { now, address: null })).toBeNull();
    expect(await validateSession(db, { uid: ben.id, sv: 1, sid }, { now, address: null })).toBeNull();
  });

  it("logs an expired session's end once, and each replay of its cookie as refused", async () => {
    const sid = await open(ana.id);
    for (let i = 0; i < 3; i++) expect(await validateSession(db, { uid: ana.id, sv: 1, sid }, { now: at(SESSION_IDLE_LIMIT_MS), address: "10.0.0.2" })).toBeNull();
    const replay = expect.objectContaining({ event: "session-refused", level: "warn", userId: ana.id, address: "10.0.0.2", reason: "no-such-session" });
    expect(log.security()).toEqual([expect.objectContaining({ event: "session-ended", userId: ana.id, address: "10.0.0.2", reason: "idle" }), replay, replay]);
  });

  it("logs a replay of a revoked session (password changed) and of a pre-record cookie, with the reason", async () => {
    const sid = await open(ana.id);
    await changePasswordHash(db, { userId: ana.id, passwordHash: "scrypt$new" });
    expect(await validateSession(db, { uid: ana.id, sv: 1, sid }, { now: at(1000), address: "10.0.0.3" })).toBeNull();
    expect(await validateSession(db, { uid: ana.id, sv: 1 }, { now: at(1000), address: "10.0.0.3" })).toBeNull();
    expect(log.security()).toEqual([
      expect.objectContaining({ event: "session-refused", userId: ana.id, reason: expect.stringMatching(/^(revoked|no-such-session)$/) }),
      expect.objectContaining({ event: "session-refused", userId: ana.id, reason: "no-session-record" }),
    ]);
  });

  it("holds back replays past the per-address limit, and says how many on the next window's first line", async () => {
    const sid = await open(ana.id);
    await signOutEverywhere(db, { userId: ana.id, address: null });
    log.restore();
    log = captureLog();
    const replay = (ms: number, address = "10.0.0.4") => validateSession(db, { uid: ana.id, sv: 1, sid }, { now: at(ms), address });
    for (let i = 0; i < LOG_LINES_PER_WINDOW + 5; i++) await replay(i);
    await replay(100, "10.0.0.5");
    expect(log.security().filter((l) => l.address === "10.0.0.4")).toHaveLength(LOG_LINES_PER_WINDOW);
    expect(log.security().filter((l) => l.address === "10.0.0.5")).toHaveLength(1);
    await replay(LOG_WINDOW_MS);
    expect(log.security().at(-1)).toMatchObject({ event: "session-refused", address: "10.0.0.4", suppressed: 5 });
  });
});

describe("the session list and ending sessions", () => {
  it("lists the user's live sessions, most recently used first, and none of anyone else's", async () => {
    const first = await open(ana.id, T0);
    const second = await open(ana.id, at(60_000));
    await open(ben.id);
    await check(ana.id, first, at(LAST_SEEN_UPDATE_MS * 2));
    const listed = await listSessions(db, { userId: ana.id, now: at(LAST_SEEN_UPDATE_MS * 2) });
    expect(listed.map((s) => s.id)).toEqual([first, second]);
    expect(listed[0]).toMatchObject({ address: "10.0.0.1", userAgent: expect.stringContaining("Firefox") });
    // An expired one is not listed even before anything deleted it.
    expect(await listSessions(db, { userId: ana.id, now: at(SESSION_ABSOLUTE_LIMIT_MS) })).toEqual([]);
  });

  it("another user cannot end a session that is not theirs: nothing changes", async () => {
    const anas = await open(ana.id);
    expect(await endSession(db, { userId: ben.id, sessionId: anas })).toBeUndefined();
    expect(await endListedSession(db, { userId: ben.id, sessionId: anas, address: null })).toBeNull();
    expect(await row(anas)).toBeDefined();
    expect(log.security()).toEqual([]);
  });

  it("ends one session, or all but this one, or every one", async () => {
    const here = await open(ana.id);
    const phone = await open(ana.id);
    const laptop = await open(ana.id);
    const bens = await open(ben.id);
    // The device is named from the record, as the list showed it.
    expect(await endListedSession(db, { userId: ana.id, sessionId: phone, address: "10.0.0.1" })).toBe("Firefox on Linux");
    expect(await row(phone)).toBeUndefined();
    expect(await endSessionsExcept(db, { userId: ana.id, sessionId: here, address: "10.0.0.1" })).toBe(1);
    expect(await row(laptop)).toBeUndefined();
    expect(await row(here)).toBeDefined();
    expect(await signOutEverywhere(db, { userId: ana.id, address: "10.0.0.1" })).toBe(1);
    expect(await row(here)).toBeUndefined();
    expect(await row(bens)).toBeDefined();
    expect(log.events()).toEqual(["session-ended", "sessions-revoked", "sessions-revoked"]);
  });

  it("sign out ends its own record, once", async () => {
    const here = await open(ana.id);
    expect(await endSignedOutSession(db, { userId: ana.id, sessionId: here, address: "10.0.0.1" })).toBe(true);
    expect(await endSignedOutSession(db, { userId: ana.id, sessionId: here, address: "10.0.0.1" })).toBe(false);
    expect(await check(ana.id, here, at(1000))).toEqual({ ok: false, reason: "missing" });
    expect(log.events()).toEqual(["signed-out"]);
  });

  it("a password change ends every session of that user", async () => {
    const a = await open(ana.id);
    const b = await open(ben.id);
    expect(await changePasswordHash(db, { userId: ana.id, passwordHash: "scrypt$new" })).toBe(1);
    expect(await row(a)).toBeUndefined();
    expect(await row(b)).toBeDefined();
  });

  it("deleting the user deletes their sessions", async () => {
    const a = await open(ana.id);
    await write(db, { userId: ana.id }, async (tx) => {
      await tx.delete(users).where(eq(users.id, ana.id));
    });
    expect(await row(a)).toBeUndefined();
  });
});
