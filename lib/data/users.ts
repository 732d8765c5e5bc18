import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/open";
import { users } from "@/db/schema";

/** What the app may know of a signed-in user: never the password hash. */
export type SessionUser = { id: string; email: string; name: string; sessionVersion: number; timeZone: string };

const sessionColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  sessionVersion: users.sessionVersion,
  timeZone: users.timeZone,
};

/** Creates the account, or returns null when the email is already taken. */
export function createUser(
  db: Db,
  input: { name: string; email: string; passwordHash: string; timeZone?: string },
): SessionUser | null {
  const rows = db.insert(users).values(input).onConflictDoNothing({ target: users.email }).returning(sessionColumns).all();
  return rows[0] ?? null;
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
  return db.select(sessionColumns).from(users).where(eq(users.id, userId)).get();
}

export function findUserByEmail(db: Db, email: string): SessionUser | undefined {
  return db.select(sessionColumns).from(users).where(eq(users.email, email)).get();
}

/** Invalidates every session issued before now. */
export function revokeSessions(db: Db, userId: string): void {
  db.update(users).set({ sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, userId)).run();
}

/** New password and revocation of older sessions in one statement. */
export function changePasswordHash(db: Db, userId: string, passwordHash: string): void {
  db.update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .run();
}

export function setTimeZone(db: Db, userId: string, timeZone: string): void {
  db.update(users).set({ timeZone }).where(eq(users.id, userId)).run();
}
