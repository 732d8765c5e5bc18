import { SESSION_ABSOLUTE_LIMIT_MS, SESSION_IDLE_LIMIT_MS } from "./limits";

export type SessionEnd = "idle" | "absolute";

/**
 * Why a session is over at `now`, or null while it is still good. A session
 * ends once it has gone unused for the idle limit, and once the absolute
 * limit has passed since its sign-in, however often it was used.
 */
export function sessionEnd(session: { createdAt: Date; lastSeenAt: Date }, now: Date): SessionEnd | null {
  if (now.getTime() - session.createdAt.getTime() >= SESSION_ABSOLUTE_LIMIT_MS) return "absolute";
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_LIMIT_MS) return "idle";
  return null;
}
