import "server-only";
import { getDb } from "@/db/client";
import { noteForeignAccess } from "@/lib/auth/foreign-access";
import { draftFor } from "@/lib/dashboard/draft-for";
import { draftMaterial } from "@/lib/dashboard/overview";
import { getApplication } from "@/lib/data/applications";
import { listEvents } from "@/lib/data/events";
import { applicationGuidance } from "@/lib/data/guidance";
import { offerTermsOf } from "@/lib/data/offer-terms";
import { listRounds } from "@/lib/data/rounds";
import type { DraftKind } from "@/lib/guidance/recommendation";
import { ApiError, notFoundError } from "../api-error";
import type { ApiCaller } from "../authenticate";

export const DRAFT_KINDS = ["thank-you", "follow-up", "application-follow-up", "feedback-request", "negotiation", "offer-answer"] as const satisfies readonly DraftKind[];

/**
 * The message an open step offers (a thank-you, a follow-up, a feedback
 * request…), exactly as the application page drafts it, from what the user
 * logged. With `kind`, that draft; without, the first open step's.
 */
export async function draftMessageOp(caller: ApiCaller, applicationId: string, kind: DraftKind | undefined, now: Date) {
  const db = getDb();
  const [application, guidance, rounds, events] = await Promise.all([
    getApplication(db, { userId: caller.id, id: applicationId }),
    applicationGuidance(db, { user: caller, applicationId, now }),
    listRounds(db, { userId: caller.id, applicationId }),
    listEvents(db, { userId: caller.id, applicationId }),
  ]);
  if (!application || !guidance) {
    await noteForeignAccess(caller.id, { kind: "application", id: applicationId });
    throw notFoundError("No application with that id in your account.");
  }
  const steps = guidance.recommendations.filter((s) => s.draft && (!kind || s.draft === kind));
  const eventsForDraft = events.map((e) => ({ id: e.id, offer: offerTermsOf(e) }));
  for (const step of steps) {
    const material = draftMaterial(step, { rounds, events: eventsForDraft, appliedOn: application.appliedOn });
    const draft = draftFor(step, material, { senderName: caller.name, application, dates: caller.dates });
    if (draft) return { applicationId, stepKey: step.key, kind: step.draft, subject: draft.subject, body: draft.body, to: draft.to };
  }
  const open = [...new Set(guidance.recommendations.flatMap((s) => (s.draft ? [s.draft] : [])))];
  throw new ApiError(
    404,
    kind
      ? `No open step on this application offers a ${kind} draft${open.length ? `; it offers: ${open.join(", ")}` : ""}.`
      : "No open step on this application offers a message to send right now.",
  );
}
