import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { authSecret } from "@/lib/config";
import { clientAddressFrom } from "./client-address";
import { sessionClaimsFrom } from "./session-cookie";
import { validateSession, type SignedInUser } from "./session-check";

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
  const claims = await sessionClaimsFrom(h, authSecret());
  if (!claims) return null;
  return validateSession(getDb(), claims, { now: new Date(), address: clientAddressFrom(h) });
});

/** For pages and actions that need a user: sends everyone else to sign in. */
export async function requireUser(): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return user;
}
