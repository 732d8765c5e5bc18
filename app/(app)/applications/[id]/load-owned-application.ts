import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { notFoundFor } from "@/lib/auth/foreign-access";
import { getApplication } from "@/lib/data/applications";

/**
 * The signed-in user's application for a page, or the 404 page: a missing id
 * and someone else's id look exactly the same.
 */
export const loadOwnedApplication = cache(async (id: string) => {
  const user = await requireUser();
  const application = await getApplication(getDb(), { userId: user.id, id });
  if (!application) return notFoundFor(user.id, { kind: "application", id });
  return application;
});
