import "server-only";
import { and, eq, type SQLWrapper } from "drizzle-orm";
import type { Db } from "@/db/open";
import { applications } from "@/db/schema";

/**
 * "This application is the user's": its id and its owner both match. The
 * one place the check is written; every read or write of one application
 * goes through it, so someone else's id and a missing one find the same
 * nothing (the caller's 404). `id` is a value, or a column such as
 * rounds.applicationId to join another table's rows to the user's
 * applications only.
 */
export const ownedApplication = (userId: string, id: string | SQLWrapper) => and(eq(applications.id, id), eq(applications.userId, userId));

/** Whether `applicationId` is one of the user's applications: false for someone else's and for a missing one alike. */
export async function isUsersApplication(db: Db, { userId, applicationId }: { userId: string; applicationId: string }): Promise<boolean> {
  const [row] = await db.select({ id: applications.id }).from(applications).where(ownedApplication(userId, applicationId)).limit(1);
  return row !== undefined;
}
