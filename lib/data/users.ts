import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/open";
import { calendarFeeds, sessions, users } from "@/db/schema";
import { hourCycleOrNull, type HourCycle } from "@/lib/time/locale";
import { currentZoneName } from "@/lib/time/zone-names";
import { write, type WriteTx } from "./write";

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

/** Creates the account, or returns null when the email is already taken. */
export function createUser(
  db: Db,
  input: { name: string; email: string; passwordHash: string; timeZone?: string },
): SessionUser | null {
  const rows = write(db, (tx) => tx.insert(users).values(input).onConflictDoNothing({ target: users.email }).returning(sessionColumns).all());
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
function newCalendarFeedSecret(tx: WriteTx, userId: string): void {
  tx.update(calendarFeeds).set({ token: randomBytes(32).toString("base64url") }).where(eq(calendarFeeds.userId, userId)).run();
}

/**
 * Ends every session: their records go, and the version every cookie carries
 * moves on, so even a cookie from before session records is refused.
 */
function endAllSessions(tx: WriteTx, userId: string): number {
  tx.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId)).run();
  return tx.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}

/** Ends every session, and the calendar feed's URL; returns how many sessions ended. */
export function revokeSessions(db: Db, userId: string): number {
  return write(db, (tx) => {
    newCalendarFeedSecret(tx, userId);
    return endAllSessions(tx, userId);
  });
}

/** New password, and the end of every session and of the calendar feed's URL, together. */
export function changePasswordHash(db: Db, userId: string, passwordHash: string): number {
  return write(db, (tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    newCalendarFeedSecret(tx, userId);
    return endAllSessions(tx, userId);
  });
}

export function setTimeZone(db: Db, userId: string, timeZone: string): void {
  write(db, (tx) => tx.update(users).set({ timeZone }).where(eq(users.id, userId)).run());
}

/** The user's choice of how dates read: null for either follows the browser. */
export function setDateDisplay(db: Db, { userId, locale, hourCycle }: { userId: string; locale: string | null; hourCycle: HourCycle | null }): void {
  write(db, (tx) => tx.update(users).set({ locale, hourCycle }).where(eq(users.id, userId)).run());
}

/**
 * Remembers the browser's locale for the calendar feed, which has no browser
 * to ask; true when it changed. Written only when it differs, so a page view
 * costs no write.
 */
export function recordSeenLocale(db: Db, { userId, locale }: { userId: string; locale: string }): boolean {
  return write(db, (tx) =>
    tx.update(users).set({ seenLocale: locale }).where(and(eq(users.id, userId), sql`${users.seenLocale} is not ${locale}`)).run().changes === 1,
  );
}

/** Takes the device's zone only while the account has none, so it never overrides a choice. */
export function adoptTimeZone(db: Db, userId: string, timeZone: string): boolean {
  return write(db, (tx) => tx.update(users).set({ timeZone }).where(and(eq(users.id, userId), isNull(users.timeZone))).run().changes === 1);
}
