import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { Db } from "@/db/open";
import { write, type Tx } from "@/db/write";
import { accessTokens, calendarFeeds, sessions, users } from "@/db/schema";
import { hourCycleOrNull, type HourCycle } from "@/lib/time/locale";
import { currentZoneName } from "@/lib/time/zone-names";

/**
 * What the app may know of a signed-in user: never the password hash.
 * `timeZone` is always usable (UTC until the user's is known);
 * `timeZoneChosen` says whether it is really theirs. `locale` and
 * `hourCycle` are null while the user lets the browser decide.
 */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
  timeZone: string;
  timeZoneChosen: boolean;
  locale: string | null;
  hourCycle: HourCycle | null;
  /** The browser's locale, last seen (see recordSeenLocale). */
  seenLocale: string | null;
};

export const sessionColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  sessionVersion: users.sessionVersion,
  timeZone: users.timeZone,
  locale: users.locale,
  hourCycle: users.hourCycle,
  seenLocale: users.seenLocale,
};

type SessionRow = {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
  timeZone: string | null;
  locale: string | null;
  hourCycle: string | null;
  seenLocale: string | null;
};

export function toSessionUser(row: SessionRow): SessionUser {
  return {
    ...row,
    // An old spelling saved before names were canonical still works, and reads as today's name.
    timeZone: row.timeZone ? currentZoneName(row.timeZone) : "UTC",
    timeZoneChosen: row.timeZone !== null,
    hourCycle: hourCycleOrNull(row.hourCycle),
  };
}

/**
 * Creates the account, or returns null when the email is already taken.
 * Not yet anyone's data: the write is scoped by the email it claims.
 */
export async function createUser(
  db: Db,
  input: { name: string; email: string; passwordHash: string; timeZone?: string },
): Promise<SessionUser | null> {
  const rows = await write(db, { key: `sign-up:${input.email}` }, async (tx) =>
    tx.insert(users).values(input).onConflictDoNothing({ target: users.email }).returning(sessionColumns),
  );
  return rows[0] ? toSessionUser(rows[0]) : null;
}

/** The one place a password hash is read: sign-in and password change. */
export async function findCredentials(
  db: Db,
  { email }: { email: string },
): Promise<{ id: string; passwordHash: string; sessionVersion: number } | undefined> {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return row;
}

export async function passwordHashOf(db: Db, { userId }: { userId: string }): Promise<string | undefined> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.passwordHash;
}

export async function getSessionUser(db: Db, { userId }: { userId: string }): Promise<SessionUser | undefined> {
  const [row] = await db.select(sessionColumns).from(users).where(eq(users.id, userId)).limit(1);
  return row ? toSessionUser(row) : undefined;
}

export async function findUserByEmail(db: Db, { email }: { email: string }): Promise<SessionUser | undefined> {
  const [row] = await db.select(sessionColumns).from(users).where(eq(users.email, email)).limit(1);
  return row ? toSessionUser(row) : undefined;
}

/**
 * A calendar feed URL copied in a session that is being revoked must die
 * with it: the feed stays on, under a new secret shown in Settings.
 */
async function newCalendarFeedSecret(tx: Tx, { userId }: { userId: string }): Promise<void> {
  await tx.update(calendarFeeds).set({ token: randomBytes(32).toString("base64url") }).where(eq(calendarFeeds.userId, userId));
}

/**
 * Ends every session and access token: their records go, and the version
 * every cookie carries moves on, so even a cookie from before session records is refused.
 */
async function endAllSessions(tx: Tx, { userId }: { userId: string }): Promise<number> {
  await tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId));
  // An agent's token is one more way in: it ends with the sessions.
  await tx.delete(accessTokens).where(eq(accessTokens.userId, userId));
  return (await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })).length;
}

/** Ends every session, and the calendar feed's URL; returns how many sessions ended. */
export async function revokeSessions(db: Db, { userId }: { userId: string }): Promise<number> {
  return write(db, { userId }, async (tx) => {
    await newCalendarFeedSecret(tx, { userId });
    return endAllSessions(tx, { userId });
  });
}

/** New password, and the end of every session and of the calendar feed's URL, together. */
export async function changePasswordHash(db: Db, { userId, passwordHash }: { userId: string; passwordHash: string }): Promise<number> {
  return write(db, { userId }, async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await newCalendarFeedSecret(tx, { userId });
    return endAllSessions(tx, { userId });
  });
}

export async function setTimeZone(db: Db, { userId, timeZone }: { userId: string; timeZone: string }): Promise<void> {
  await write(db, { userId }, async (tx) => {
    await tx.update(users).set({ timeZone }).where(eq(users.id, userId));
  });
}

/** The user's choice of how dates read: null for either follows the browser. */
export async function setDateDisplay(
  db: Db,
  { userId, locale, hourCycle }: { userId: string; locale: string | null; hourCycle: HourCycle | null },
): Promise<void> {
  await write(db, { userId }, async (tx) => {
    await tx.update(users).set({ locale, hourCycle }).where(eq(users.id, userId));
  });
}

/**
 * Remembers the browser's locale for the calendar feed, which has no browser
 * to ask; true when it changed. Written only when it differs, so a page view
 * costs no write.
 */
export async function recordSeenLocale(db: Db, { userId, locale }: { userId: string; locale: string }): Promise<boolean> {
  const changed = await write(db, { userId }, async (tx) =>
    tx
      .update(users)
      .set({ seenLocale: locale })
      .where(and(eq(users.id, userId), or(isNull(users.seenLocale), ne(users.seenLocale, locale))))
      .returning({ id: users.id }),
  );
  return changed.length === 1;
}

/** Takes the device's zone only while the account has none, so it never overrides a choice. */
export async function adoptTimeZone(db: Db, { userId, timeZone }: { userId: string; timeZone: string }): Promise<boolean> {
  const changed = await write(db, { userId }, async (tx) =>
    tx.update(users).set({ timeZone }).where(and(eq(users.id, userId), isNull(users.timeZone))).returning({ id: users.id }),
  );
  return changed.length === 1;
}
