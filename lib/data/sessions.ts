import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, gt, lte, ne, or } from "drizzle-orm";
import type { Db } from "@/db/open";
import { write } from "@/db/write";
import { sessions, users } from "@/db/schema";
import { LAST_SEEN_UPDATE_MS, SESSION_ABSOLUTE_LIMIT_MS, SESSION_IDLE_LIMIT_MS } from "@/lib/auth/limits";
import { sessionEnd, type SessionEnd } from "@/lib/auth/session-expiry";
import { serverLog } from "@/lib/security-log";
import { sessionColumns, toSessionUser, type SessionUser } from "./users";

const USER_AGENT_MAX = 400;

/** Sessions of this user that are over by either limit at `now`. */
const expiredOf = (userId: string, now: Date) =>
  and(
    eq(sessions.userId, userId),
    or(lte(sessions.createdAt, new Date(now.getTime() - SESSION_ABSOLUTE_LIMIT_MS)), lte(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_LIMIT_MS))),
  );

/** Records a sign-in and returns the new session's id (128 random bits); clears the user's expired ones too. */
export async function createSession(
  db: Db,
  { userId, userAgent, address, now }: { userId: string; userAgent: string | null; address: string | null; now: Date },
): Promise<string> {
  const id = randomBytes(16).toString("base64url");
  await write(db, { userId }, async (tx) => {
    await tx.delete(sessions).where(expiredOf(userId, now));
    await tx.insert(sessions).values({ id, userId, createdAt: now, lastSeenAt: now, userAgent: userAgent?.slice(0, USER_AGENT_MAX) ?? null, address });
  });
  return id;
}

export type SessionCheck = { ok: true; user: SessionUser } | { ok: false; reason: "missing" | "revoked" | SessionEnd };

/**
 * Whether a cookie's session still stands: its row exists for that user, the
 * user's session version is the cookie's, and neither time limit has passed.
 * An expired row is deleted here. "Last seen" is written only when it is
 * more than a few minutes old, so a page load is not a write.
 */
export async function checkSession(
  db: Db,
  { userId, sessionId, sessionVersion, now }: { userId: string; sessionId: string; sessionVersion: number; now: Date },
): Promise<SessionCheck> {
  const [row] = await db
    .select({
      session: { createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt },
      user: sessionColumns,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
    .limit(1);
  if (!row) return { ok: false, reason: "missing" };
  if (row.user.sessionVersion !== sessionVersion) return { ok: false, reason: "revoked" };
  const ended = sessionEnd(row.session, now);
  if (ended) {
    await write(db, { userId }, async (tx) => {
      await tx.delete(sessions).where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)));
    });
    return { ok: false, reason: ended };
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() >= LAST_SEEN_UPDATE_MS) await touchSession(db, { userId, sessionId, now });
  return { ok: true, user: toSessionUser(row.user) };
}

async function touchSession(db: Db, { userId, sessionId, now }: { userId: string; sessionId: string; now: Date }): Promise<void> {
  try {
    await write(db, { userId }, async (tx) => {
      await tx
        .update(sessions)
        .set({ lastSeenAt: now })
        .where(
          and(eq(sessions.id, sessionId), eq(sessions.userId, userId), lte(sessions.lastSeenAt, new Date(now.getTime() - LAST_SEEN_UPDATE_MS))),
        );
    });
  } catch (error) {
    // "Last seen" is a courtesy: a busy database must not fail the page the
    // user asked for. The next request a few minutes on tries again.
    serverLog("warn", "session last-seen time not saved", { error: error instanceof Error ? error.name : "unknown" });
  }
}

export type SessionListing = { id: string; createdAt: Date; lastSeenAt: Date; userAgent: string | null; address: string | null };

/** The user's live sessions, most recently used first. */
export async function listSessions(db: Db, { userId, now }: { userId: string; now: Date }): Promise<SessionListing[]> {
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, userAgent: sessions.userAgent, address: sessions.address })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        gt(sessions.createdAt, new Date(now.getTime() - SESSION_ABSOLUTE_LIMIT_MS)),
        gt(sessions.lastSeenAt, new Date(now.getTime() - SESSION_IDLE_LIMIT_MS)),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt), asc(sessions.id));
}

/** Ends one of the user's sessions, giving back what it was signed in with; undefined when the id is not one of theirs. */
export async function endSession(
  db: Db,
  { userId, sessionId }: { userId: string; sessionId: string },
): Promise<{ userAgent: string | null } | undefined> {
  const [ended] = await write(db, { userId }, async (tx) =>
    tx
      .delete(sessions)
      .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId)))
      .returning({ userAgent: sessions.userAgent }),
  );
  return ended;
}

/** Ends every session of the user but the one named; returns how many ended. */
export async function endOtherSessions(db: Db, { userId, keepSessionId }: { userId: string; keepSessionId: string }): Promise<number> {
  const ended = await write(db, { userId }, async (tx) =>
    tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))).returning({ id: sessions.id }),
  );
  return ended.length;
}
