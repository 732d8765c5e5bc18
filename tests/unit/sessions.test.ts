import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sessions, users } from "@/db/schema";
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
const row = (id: string) => db.select().from(sessions).where(eq(sessions.id, id)).get();
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
  it("accepts a live session for its own user, and nobody else's claim on it", () => {
    const id = open(ana.id);
    expect(check(ana.id, id, at(1000))).toMatchObject({ ok: true, user: { id: ana.id, email: "ana@example.com" } });
    expect(check(ben.id, id, at(1000))).toEqual({ ok: false, reason: "missing" });
    expect(check(ana.id, "no-such-session", at(1000))).toEqual({ ok: false, reason: "missing" });
  });

  it("refuses a cookie whose session version is older, as after sign out everywhere", () => {
    const id = open(ana.id);
    db.update(users).set({ sessionVersion: 2 }).where(eq(users.id, ana.id)).run();
    expect(check(ana.id, id, at(1000), 1)).toEqual({ ok: false, reason: "revoked" });
  });

  it("ends an idle session at the limit, deleting its record, while use keeps one alive", () => {
    const idle = open(ana.id);
    const used = open(ana.id);
    // Used 10 days in: its last-seen moves, so at day 14 it is still live.
    expect(check(ana.id, used, at(10 * 24 * 3_600_000)).ok).toBe(true);
    expect(check(ana.id, idle, at(SESSION_IDLE_LIMIT_MS - 1)).ok).toBe(true);
    // That check moved idle's last-seen too; measured from it, the limit is reached here:
    const lastSeen = row(idle)!.lastSeenAt.getTime();
    expect(check(ana.id, idle, new Date(lastSeen + SESSION_IDLE_LIMIT_MS))).toEqual({ ok: false, reason: "idle" });
    expect(row(idle)).toBeUndefined();
    expect(check(ana.id, used, at(SESSION_IDLE_LIMIT_MS)).ok).toBe(true);
  });

  it("ends any session 30 days after its sign-in, used or not", () => {
    const id = open(ana.id);
    for (let day = 1; day < 30; day++) expect(check(ana.id, id, at(day * 24 * 3_600_000)).ok).toBe(true);
    expect(check(ana.id, id, at(SESSION_ABSOLUTE_LIMIT_MS - 1)).ok).toBe(true);
    expect(check(ana.id, id, at(SESSION_ABSOLUTE_LIMIT_MS))).toEqual({ ok: false, reason: "absolute" });
    expect(row(id)).toBeUndefined();
  });

  it("writes last-seen at most every few minutes, not on every request", () => {
    const id = open(ana.id);
    for (const ms of [1000, 60_000, LAST_SEEN_UPDATE_MS - 1]) {
      expect(check(ana.id, id, at(ms)).ok).toBe(true);
      expect(row(id)!.lastSeenAt).toEqual(T0);
    }
    expect(check(ana.id, id, at(LAST_SEEN_UPDATE_MS)).ok).toBe(true);
    expect(row(id)!.lastSeenAt).toEqual(at(LAST_SEEN_UPDATE_MS));
  });

  it("a new sign-in clears that user's expired records, and only theirs", () => {
    const old = open(ana.id);
    const bens = open(ben.id);
    open(ana.id, at(SESSION_ABSOLUTE_LIMIT_MS));
    expect(row(old)).toBeUndefined();
    expect(row(bens)).toBeDefined();
  });
});

describe("validateSession (the check behind requireUser and the jwt callback)", () => {
  it("needs all three claims; a cookie from before session records is refused", () => {
    const sid = open(ana.id);
    const now = at(1000);
    expect(validateSession(db, { uid: ana.id, sv: 1, sid }, { now, address: null })).toMatchObject({ id: ana.id, sessionId: sid });
    expect(validateSession(db, { uid: ana.id, sv: 1 }, { now, address: null })).toBeNull();
    expect(validateSession(db, { uid: ana.id, sid }, { now, address: null })).toBeNull();
    expect(validateSession(db, { uid: ben.id, sv: 1, sid }, { now, address: null })).toBeNull();
  });

  it("logs an expired session's end once, and each replay of its cookie as refused", () => {
    const sid = open(ana.id);
    for (let i = 0; i < 3; i++) expect(validateSession(db, { uid: ana.id, sv: 1, sid }, { now: at(SESSION_IDLE_LIMIT_MS), address: "10.0.0.2" })).toBeNull();
    const replay = expect.objectContaining({ event: "session-refused", level: "warn", userId: ana.id, address: "10.0.0.2", reason: "no-such-session" });
    expect(log.security()).toEqual([expect.objectContaining({ event: "session-ended", userId: ana.id, address: "10.0.0.2", reason: "idle" }), replay, replay]);
  });

  it("logs a replay of a revoked session (password changed) and of a pre-record cookie, with the reason", () => {
    const sid = open(ana.id);
    changePasswordHash(db, ana.id, "scrypt$new");
    expect(validateSession(db, { uid: ana.id, sv: 1, sid }, { now: at(1000), address: "10.0.0.3" })).toBeNull();
    expect(validateSession(db, { uid: ana.id, sv: 1 }, { now: at(1000), address: "10.0.0.3" })).toBeNull();
    expect(log.security()).toEqual([
      expect.objectContaining({ event: "session-refused", userId: ana.id, reason: expect.stringMatching(/^(revoked|no-such-session)$/) }),
      expect.objectContaining({ event: "session-refused", userId: ana.id, reason: "no-session-record" }),
    ]);
  });

  it("holds back replays past the per-address limit, and says how many on the next window's first line", () => {
    const sid = open(ana.id);
    signOutEverywhere(db, { userId: ana.id, address: null });
    log.restore();
    log = captureLog();
    const replay = (ms: number, address = "10.0.0.4") => validateSession(db, { uid: ana.id, sv: 1, sid }, { now: at(ms), address });
    for (let i = 0; i < LOG_LINES_PER_WINDOW + 5; i++) replay(i);
    replay(100, "10.0.0.5");
    expect(log.security().filter((l) => l.address === "10.0.0.4")).toHaveLength(LOG_LINES_PER_WINDOW);
    expect(log.security().filter((l) => l.address === "10.0.0.5")).toHaveLength(1);
    replay(LOG_WINDOW_MS);
    expect(log.security().at(-1)).toMatchObject({ event: "session-refused", address: "10.0.0.4", suppressed: 5 });
  });
});

describe("the session list and ending sessions", () => {
  it("lists the user's live sessions, most recently used first, and none of anyone else's", () => {
    const first = open(ana.id, T0);
    const second = open(ana.id, at(60_000));
    open(ben.id);
    check(ana.id, first, at(LAST_SEEN_UPDATE_MS * 2));
    const listed = listSessions(db, { userId: ana.id, now: at(LAST_SEEN_UPDATE_MS * 2) });
    expect(listed.map((s) => s.id)).toEqual([first, second]);
    expect(listed[0]).toMatchObject({ address: "10.0.0.1", userAgent: expect.stringContaining("Firefox") });
    // An expired one is not listed even before anything deleted it.
    expect(listSessions(db, { userId: ana.id, now: at(SESSION_ABSOLUTE_LIMIT_MS) })).toEqual([]);
  });

  it("another user cannot end a session that is not theirs: nothing changes", () => {
    const anas = open(ana.id);
    expect(endSession(db, { userId: ben.id, sessionId: anas })).toBeUndefined();
    expect(endListedSession(db, { userId: ben.id, sessionId: anas, address: null })).toBeNull();
    expect(row(anas)).toBeDefined();
    expect(log.security()).toEqual([]);
  });

  it("ends one session, or all but this one, or every one", () => {
    const here = open(ana.id);
    const phone = open(ana.id);
    const laptop = open(ana.id);
    const bens = open(ben.id);
    // The device is named from the record, as the list showed it.
    expect(endListedSession(db, { userId: ana.id, sessionId: phone, address: "10.0.0.1" })).toBe("Firefox on Linux");
    expect(row(phone)).toBeUndefined();
    expect(endSessionsExcept(db, { userId: ana.id, sessionId: here, address: "10.0.0.1" })).toBe(1);
    expect(row(laptop)).toBeUndefined();
    expect(row(here)).toBeDefined();
    expect(signOutEverywhere(db, { userId: ana.id, address: "10.0.0.1" })).toBe(1);
    expect(row(here)).toBeUndefined();
    expect(row(bens)).toBeDefined();
    expect(log.events()).toEqual(["session-ended", "sessions-revoked", "sessions-revoked"]);
  });

  it("sign out ends its own record, once", () => {
    const here = open(ana.id);
    expect(endSignedOutSession(db, { userId: ana.id, sessionId: here, address: "10.0.0.1" })).toBe(true);
    expect(endSignedOutSession(db, { userId: ana.id, sessionId: here, address: "10.0.0.1" })).toBe(false);
    expect(check(ana.id, here, at(1000))).toEqual({ ok: false, reason: "missing" });
    expect(log.events()).toEqual(["signed-out"]);
  });

  it("a password change ends every session of that user", () => {
    const a = open(ana.id);
    const b = open(ben.id);
    expect(changePasswordHash(db, ana.id, "scrypt$new")).toBe(1);
    expect(row(a)).toBeUndefined();
    expect(row(b)).toBeDefined();
  });

  it("deleting the user deletes their sessions", () => {
    const a = open(ana.id);
    db.delete(users).where(eq(users.id, ana.id)).run();
    expect(row(a)).toBeUndefined();
  });
});
