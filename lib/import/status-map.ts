import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/vocabulary";

/**
 * Words trackers use for their columns and stages, and the Shortlist status
 * each most likely means (English, and German for JobHunter). A stage name
 * containing one of these words gets that status as its default; the user
 * can change every one before importing.
 */
const WORDS: [ApplicationStatus, string[]][] = [
  ["withdrawn", ["withdrawn", "withdrew", "withdraw", "zurückgezogen"]],
  ["rejected", ["rejected", "rejection", "declined", "not selected", "absage", "abgelehnt", "turned down", "no offer", "unsuccessful"]],
  ["accepted", ["accepted", "hired", "angenommen", "signed", "zusage"]],
  ["offer", ["offer", "offered", "negotiat", "angebot"]],
  ["ghosted", ["ghosted", "expired", "no response", "no reply", "closed", "archived", "archiviert", "stale"]],
  ["interviewing", ["interview", "gespräch", "entretien", "onsite", "on site", "technical", "final round", "assessment", "take home", "case study"]],
  ["screening", ["screen", "recruiter", "phone call", "hr call"]],
  ["applied", ["applied", "beworben", "submitted", "application sent", "waiting"]],
  ["saved", ["wishlist", "wish list", "saved", "bookmark", "draft", "interest", "interessant", "to apply", "applying", "watch", "idea", "favorite", "favourite", "backlog", "todo", "to do"]],
];

/** A stage name as the mapping keys it: case, spacing, emoji and punctuation don't make two stages. */
export const stageKey = (label: string) =>
  label
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();

/** The status a stage name most likely means; an unknown one counts as applied, the commonest state of a tracked job. */
export function defaultStatusFor(label: string): ApplicationStatus {
  const key = stageKey(label);
  if ((APPLICATION_STATUSES as readonly string[]).includes(key)) return key as ApplicationStatus;
  for (const [status, words] of WORDS) if (words.some((w) => key.includes(w))) return status;
  return "applied";
}

/** True when the default comes from a known word rather than the fallback, so the page can ask the user to check. */
export function isKnownStage(label: string): boolean {
  const key = stageKey(label);
  return (APPLICATION_STATUSES as readonly string[]).includes(key) || WORDS.some(([, words]) => words.some((w) => key.includes(w)));
}
