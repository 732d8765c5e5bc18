import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { auth } from "./auth";
import { requestContext } from "./request-context";
import { validateSession, type SignedInUser } from "./session-check";

export type { SignedInUser } from "./session-check";

/**
 * The signed-in user, checked against the database on every request: a
 * cookie whose session record is gone (signed out, ended from another
 * device, revoked) or past its time limits counts as signed out.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const { address } = await requestContext();
  return validateSession(getDb(), { uid: session.user.id, sv: session.sessionVersion, sid: session.sessionId }, { now: new Date(), address });
});

/** For pages and actions that need a user: sends everyone else to sign in. */
export async function requireUser(): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}
