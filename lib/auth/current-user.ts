import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { authSecret } from "@/lib/config";
import { clientAddressFrom } from "./client-address";
import { readSessionCookie } from "./session-cookie";
import { logUnreadableCookie, validateSession, type SignedInUser } from "./session-check";

export type { SignedInUser } from "./session-check";

/**
 * The signed-in user, checked against the database on every request: a
 * cookie whose session record is gone (signed out, ended from another
 * device, revoked) or past its time limits counts as signed out. Once per
 * request (React's cache spans the layout, the page and their components):
 * one decrypt and one database check.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const h = await headers();
  const cookie = await readSessionCookie(h, authSecret());
  if (cookie.kind === "none") return null;
  const now = new Date();
  if (cookie.kind === "unreadable") {
    logUnreadableCookie(clientAddressFrom(h), now);
    return null;
  }
  return await validateSession(getDb(), cookie.claims, { now, address: clientAddressFrom(h) });
});

/** For pages and actions that need a user: sends everyone else to sign in. */
export async function requireUser(): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}
