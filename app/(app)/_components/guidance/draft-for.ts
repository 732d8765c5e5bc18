import type { DraftMaterial } from "@/lib/data/guidance";
import { buildDraft, type Draft } from "@/lib/guidance/drafts";
import type { Recommendation } from "@/lib/guidance/recommendation";
import { formatsFor, type DateStyle } from "@/lib/time/formats";

type Context = { senderName: string; application: { company: string; roleTitle: string }; dates: DateStyle };

/** The editable draft a step offers, built from what the user logged; none for steps without one. */
export function draftFor(step: Pick<Recommendation, "draft">, material: DraftMaterial | null, context: Context): Draft | undefined {
  if (!step.draft || !material) return undefined;
  const { round, appliedOn } = material;
  const formats = formatsFor(context.dates);
  if (!round && step.draft !== "application-follow-up") return undefined;
  return buildDraft({
    kind: step.draft,
    senderName: context.senderName,
    application: context.application,
    round: round ? { kind: round.kind, signals: round.signals, interviewers: round.interviewers, dateText: formats.longDate(round.scheduledAt) } : null,
    appliedOnText: appliedOn ? formats.calendarDate(appliedOn) : null,
  });
}
