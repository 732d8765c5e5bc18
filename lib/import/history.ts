import { statusAfterEvent, statusAfterRound } from "@/lib/interviews/status-moves";
import { emailField } from "@/lib/validation/fields";
import type { RoundInput } from "@/lib/validation/round";
import type { ApplicationStatus, EventKind, RoundKind } from "@/lib/vocabulary";
import { dateToInstant, parseImportDate, type ParsedDate, type SlashOrder } from "./dates";

export type StageEntry = { label: string; on: ParsedDate };
export type Person = { name: string; email?: string; title?: string };
export type ImportedEvent = { kind: EventKind; occurredAt: Date; statusBefore: ApplicationStatus | null };

/**
 * "applied:2024-03-01;interview:2024-03-10" (Reactive Resume's importer) or
 * "Applied (2024-03-01) → Interview (2024-03-10)" (its exporter), one entry
 * per stage. Entries without a readable date are returned as problems.
 */
export function parseStageHistory(
  text: string,
  order: SlashOrder,
  timeZone: string,
): { entries: StageEntry[]; unreadable: string[] } {
  const entries: StageEntry[] = [];
  const unreadable: string[] = [];
  for (const part of text.split(/\s*(?:;|→|->|\n)\s*/)) {
    const chunk = part.trim();
    if (!chunk) continue;
    const m = /^(.+?)\s*\(([^()]+)\)$/.exec(chunk) ?? /^([^:]+?)\s*:\s*(.+)$/.exec(chunk);
    const parsed = m ? parseImportDate(m[2], order, timeZone) : null;
    if (!m || !parsed?.ok || !parsed.value) {
      unreadable.push(chunk);
      continue;
    }
    entries.push({ label: m[1].trim(), on: parsed.value });
  }
  return { entries, unreadable };
}

/** "Ana Ruiz <ana@acme.com>", "Bo Li (Recruiter, email)", "Sam": one person per line, `;` or comma between addresses. */
export function parseContacts(text: string): Person[] {
  const people: Person[] = [];
  for (const part of text.split(/[\n;]|,(?![^<(]*[>)])/)) {
    const chunk = part.trim();
    if (!chunk) continue;
    const m = /^(.*?)\s*(?:<([^<>]+)>)?\s*(?:\(([^()]*)\))?$/.exec(chunk);
    const name = (m?.[1] || m?.[2] || chunk).trim().replace(/^"|"$/g, "").slice(0, 120);
    const email = m?.[2] ? emailField.safeParse(m[2]) : null;
    const title = m?.[3]?.trim().slice(0, 120);
    if (!name) continue;
    people.push({ name, ...(email?.success ? { email: email.data } : {}), ...(title ? { title } : {}) });
  }
  return people;
}

const ROUND_ORDER: RoundKind[] = ["first", "second", "final"];

export type History = { rounds: RoundInput[]; events: ImportedEvent[]; appliedOn: string | null; status: ApplicationStatus; skipped: string[] };

/**
 * Stage history as Shortlist's timeline: a screening stage becomes a
 * screening round, interview stages become rounds (first, second, final),
 * offers, rejections and withdrawals become the events that set those
 * statuses. Status moves follow the same rules as logging each one by hand
 * (lib/interviews/status-moves), and an event those rules refuse (a
 * rejection after a withdrawal) is left out and named. The people met go
 * with the last round.
 */
export function historyToTimeline(
  entries: { status: ApplicationStatus; on: ParsedDate; label: string }[],
  people: Person[],
  timeZone: string,
  now: Date,
): History {
  const sorted = [...entries].sort((a, b) => (a.on.date + (a.on.time ?? "")).localeCompare(b.on.date + (b.on.time ?? "")));
  const rounds: RoundInput[] = [];
  const events: ImportedEvent[] = [];
  const skipped: string[] = [];
  let status: ApplicationStatus = sorted[0]?.status === "saved" ? "saved" : "applied";
  let appliedOn: string | null = null;
  for (const entry of sorted) {
    const at = dateToInstant(entry.on, timeZone);
    if (!at) continue;
    if (entry.status !== "saved" && status === "saved") status = "applied";
    if (entry.status === "applied") appliedOn ??= entry.on.date;
    const kind: RoundKind | null =
      entry.status === "screening" ? "screen" : entry.status === "interviewing" ? (ROUND_ORDER[rounds.filter((r) => r.kind !== "screen").length] ?? "other") : null;
    if (kind) {
      // An earlier round that led here went well enough to go on.
      const previous = rounds.at(-1);
      if (previous && previous.scheduledAt <= now) previous.outcome = "advanced";
      rounds.push(emptyRound(kind, at));
      status = statusAfterRound(status, kind);
      continue;
    }
    const event: EventKind | null =
      entry.status === "offer" ? "offer_received" : entry.status === "rejected" ? "rejection_received" : entry.status === "withdrawn" ? "withdrawn" : null;
    if (!event) {
      if (entry.status !== "saved" && entry.status !== "applied") status = entry.status;
      continue;
    }
    const move = statusAfterEvent(status, event);
    // The event form refuses the future too: a date ahead of today is a typo in the file.
    if (!move.ok || at > now) {
      skipped.push(`${entry.label} on ${entry.on.date}`);
      continue;
    }
    const previous = rounds.at(-1);
    if (previous && previous.scheduledAt <= at && previous.outcome === "pending") previous.outcome = event === "offer_received" ? "offer" : event === "rejection_received" ? "rejected" : "pending";
    events.push({ kind: event, occurredAt: at, statusBefore: move.status !== status ? status : null });
    status = move.status;
  }
  const last = rounds.at(-1);
  if (last) last.newInterviewers = people;
  return { rounds, events, appliedOn, status, skipped };
}

export function emptyRound(kind: RoundKind, scheduledAt: Date): RoundInput {
  return {
    kind,
    scheduledAt,
    outcome: "pending",
    noNextSteps: false,
    signals: [],
    customSignals: [],
    interviewerIds: [],
    newInterviewers: [],
  };
}
