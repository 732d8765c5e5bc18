import type { ApplicationStatus, EventKind } from "@/lib/vocabulary";
import { SMALL_SAMPLE } from "./outcomes";
import type { AppHistory } from "./rows";

/** A CV version recorded as sent with an application. */
export type CvAttachment = { applicationId: string; versionId: string; name: string; number: number };

export type CvVersionOutcome = {
  versionId: string;
  label: string;
  /** Applications sent (not merely saved) with this version. */
  n: number;
  answered: number;
  interviewed: number;
  smallSample: boolean;
};

/** Events that are the company's answer; a follow-up is the user's own. */
const ANSWERS: readonly EventKind[] = ["response_received", "feedback_received", "offer_received", "rejection_received"];
/** Statuses only an answer leads to. Ghosted and withdrawn are not answers. */
const ANSWERED_STATUSES: readonly ApplicationStatus[] = ["screening", "interviewing", "offer", "accepted", "rejected"];
const INTERVIEWED_STATUSES: readonly ApplicationStatus[] = ["interviewing", "offer", "accepted"];

/** The company answered: a round, an answer logged, or a status only an answer leads to. */
export const wasAnswered = (h: AppHistory) => h.rounds.length > 0 || h.events.some((e) => ANSWERS.includes(e.kind)) || ANSWERED_STATUSES.includes(h.application.status);
/** Reached an interview: a round logged, or a status past one. */
export const wasInterviewed = (h: AppHistory) => h.rounds.length > 0 || INTERVIEWED_STATUSES.includes(h.application.status);

/**
 * Per CV version: how many applications it went out with, how many got an
 * answer and how many an interview. Saved-only applications are left out
 * (nothing was sent yet). Versions with fewer than SMALL_SAMPLE
 * applications are marked, as the other figures are.
 */
export function outcomesByCvVersion(list: readonly AppHistory[], attachments: readonly CvAttachment[]): CvVersionOutcome[] {
  const byId = new Map(list.map((h) => [h.application.id, h]));
  const rows = new Map<string, CvVersionOutcome & { seen: Set<string> }>();
  for (const a of attachments) {
    const history = byId.get(a.applicationId);
    if (!history || history.application.status === "saved") continue;
    const row = rows.get(a.versionId) ?? { versionId: a.versionId, label: `${a.name} — v${a.number}`, n: 0, answered: 0, interviewed: 0, smallSample: true, seen: new Set<string>() };
    rows.set(a.versionId, row);
    if (row.seen.has(a.applicationId)) continue;
    row.seen.add(a.applicationId);
    row.n += 1;
    if (wasAnswered(history)) row.answered += 1;
    if (wasInterviewed(history)) row.interviewed += 1;
  }
  return [...rows.values()]
    .map(({ seen, ...row }) => (void seen, { ...row, smallSample: row.n < SMALL_SAMPLE }))
    .sort((x, y) => x.label.localeCompare(y.label, "en") || x.versionId.localeCompare(y.versionId));
}

/** A share as a whole percentage. */
export const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));
