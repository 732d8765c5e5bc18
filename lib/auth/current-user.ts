import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getSessionUser, type SessionUser } from "@/lib/data/users";
import { auth } from "./auth";

/**
 * The signed-in user, checked against the database: a session whose version
 * is older than the user's (after "sign out everywhere" or a password
 * change) counts as signed out.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const version = session?.sessionVersion;
  if (!id || typeof version !== "number") return null;
  const user = getSessionUser(getDb(), id);
  return user && user.sessionVersion === version ? user : null;
});

/** For pages and actions that need a user: sends everyone else to sign in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}
