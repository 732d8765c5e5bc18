import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { ownerOf, type OwnedKind } from "@/lib/data/record-owner";
import { securityLog } from "@/lib/security-log";
import { requestContext } from "./request-context";

export type RecordRef = { kind: OwnedKind; id: string };

/**
 * Logs a reach for another user's record. The user still gets exactly the
 * answer a missing id gets; only the log tells the two apart.
 */
export async function noteForeignAccess(userId: string, ...refs: RecordRef[]): Promise<void> {
  const db = getDb();
  for (const ref of refs) {
    if (!ref.id) continue;
    const owner = await ownerOf(db, ref);
    if (owner && owner !== userId) {
      const { address } = await requestContext();
      // A session's id names a cookie's record: it stays out of the log.
      securityLog("access-denied", { userId, address, resource: ref.kind, ...(ref.kind === "session" ? {} : { resourceId: ref.id }) }, "warn");
      return;
    }
  }
}

/** The 404 for a missing or foreign id, logged when it was foreign. */
export async function notFoundFor(userId: string, ...refs: RecordRef[]): Promise<never> {
  await noteForeignAccess(userId, ...refs);
  notFound();
}
