"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { notFoundFor } from "@/lib/auth/foreign-access";
import { requestContext } from "@/lib/auth/request-context";
import { endListedSession, endSessionsExcept } from "@/lib/auth/sign-out";
import { formField } from "@/lib/forms/form-field";
import type { FormState } from "@/lib/forms/form-state";

/** "End" beside one session in the list. The id comes from the form: another user's (or a stale one) is a 404. */
export async function endSessionAction(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const sessionId = formField(formData, "sessionId");
  const device = await endListedSession(getDb(), { userId: user.id, sessionId, address: (await requestContext()).address });
  if (device === null) return notFoundFor(user.id, { kind: "session", id: sessionId });
  revalidatePath("/settings");
  return { message: `Ended the session on ${device}. It is signed out now.` };
}

/** Every session but this one. */
export async function endOtherSessionsAction(): Promise<FormState> {
  const user = await requireUser();
  const count = await endSessionsExcept(getDb(), { userId: user.id, sessionId: user.sessionId, address: (await requestContext()).address });
  revalidatePath("/settings");
  return { message: count === 1 ? "Ended 1 other session." : `Ended ${count} other sessions.` };
}
