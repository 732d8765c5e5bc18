import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/open";
import { calendarFeeds, users } from "@/db/schema";

/**
 * What the app may know of a signed-in user: never the password hash.
 * `timeZone` is always usable (UTC until the user's is known);
 * `timeZoneChosen` says whether it is really theirs.
 */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
  timeZone: string;
  timeZoneChosen: boolean;
};

const sessionColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  sessionVersion: users.sessionVersion,
  timeZone: users.timeZone,
};

function toSessionUser(row: { id: string; email: string; name: string; sessionVersion: number; timeZone: string | null }): SessionUser {
  return { ...row, timeZone: row.timeZone ?? "UTC", timeZoneChosen: row.timeZone !== null };
}

/** Creates the account, or returns null when the email is already taken. */
export function createUser(
  db: Db,
  input: { name: string; email: string; passwordHash: string; timeZone?: string },
): SessionUser | null {
  const rows = db.insert(users).values(input).onConflictDoNothing({ target: users.email }).returning(sessionColumns).all();
  return rows[0] ? toSessionUser(rows[0]) : null;
}

/** The one place a password hash is read: sign-in and password change. */
export function findCredentials(db: Db, email: string) {
  return db
    .select({ id: users.id, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, email))
    .get();
}

export function passwordHashOf(db: Db, userId: string): string | undefined {
  return db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).get()?.passwordHash;
}

export function getSessionUser(db: Db, userId: string): SessionUser | undefined {
  const row = db.select(sessionColumns).from(users).where(eq(users.id, userId)).get();
  return row ? toSessionUser(row) : undefined;
}

export function findUserByEmail(db: Db, email: string): SessionUser | undefined {
  const row = db.select(sessionColumns).from(users).where(eq(users.email, email)).get();
  return row ? toSessionUser(row) : undefined;
}

/**
 * A calendar feed URL copied in a session that is being revoked must die
 * with it: the feed stays on, under a new secret shown in Settings.
 */
function newCalendarFeedSecret(tx: Queryable, userId: string): void {
  tx.update(calendarFeeds).set({ token: randomBytes(32).toString("base64url") }).where(eq(calendarFeeds.userId, userId)).run();
}

/** Invalidates every session issued before now, and the calendar feed's URL. */
export function revokeSessions(db: Db, userId: string): void {
  db.transaction((tx) => {
    tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId)).run();
    newCalendarFeedSecret(tx, userId);
  });
}

/** New password, and revocation of older sessions and the calendar feed's URL, together. */
export function changePasswordHash(db: Db, userId: string, passwordHash: string): void {
  db.transaction((tx) => {
    tx.update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .run();
    newCalendarFeedSecret(tx, userId);
  });
}

export function setTimeZone(db: Db, userId: string, timeZone: string): void {
  db.update(users).set({ timeZone }).where(eq(users.id, userId)).run();
}

/** Takes the device's zone only while the account has none, so it never overrides a choice. */
export function adoptTimeZone(db: Queryable, userId: string, timeZone: string): boolean {
  return db.update(users).set({ timeZone }).where(and(eq(users.id, userId), isNull(users.timeZone))).run().changes === 1;
}
