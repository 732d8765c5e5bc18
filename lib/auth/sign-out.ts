import "server-only";
import type { Db } from "@/db/open";
import { endOtherSessions, endSession } from "@/lib/data/sessions";
import { revokeSessions } from "@/lib/data/users";
import { securityLog } from "@/lib/security-log";
import { deviceName } from "./device";

type Who = { userId: string; address: string | null };

/** Sign out: this device's session record goes, so a copy of its cookie is refused from now on. */
export async function endSignedOutSession(db: Db, { userId, sessionId, address }: Who & { sessionId: string }): Promise<boolean> {
  const ended = (await endSession(db, { userId, sessionId })) !== undefined;
  if (ended) securityLog("signed-out", { userId, address });
  return ended;
}

/**
 * "End" on one line of the session list: the ended device's name, as the
 * list showed it, or null (a 404 for the caller) when the id is not one of
 * the user's. The name comes from the record, not from the form.
 */
export async function endListedSession(db: Db, { userId, sessionId, address }: Who & { sessionId: string }): Promise<string | null> {
  const ended = await endSession(db, { userId, sessionId });
  if (!ended) return null;
  securityLog("session-ended", { userId, address, reason: "ended-from-session-list" });
  return deviceName(ended.userAgent);
}

/** "Sign out all other sessions": every device but this one. */
export async function endSessionsExcept(db: Db, { userId, sessionId, address }: Who & { sessionId: string }): Promise<number> {
  const count = await endOtherSessions(db, { userId, keepSessionId: sessionId });
  securityLog("sessions-revoked", { userId, address, reason: "other-sessions-ended", count });
  return count;
}

/** "Sign out everywhere": every session, this one too, and a new calendar feed URL. */
export async function signOutEverywhere(db: Db, { userId, address }: Who): Promise<number> {
  const count = await revokeSessions(db, { userId });
  securityLog("sessions-revoked", { userId, address, reason: "signed-out-everywhere", count });
  return count;
}
