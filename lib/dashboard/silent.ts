import type { QueueItem } from "./overview";
import type { LastContact } from "@/lib/data/last-contact";
import type { DateFormat } from "@/lib/time/formats";
import { DAY_MS } from "@/lib/time/units";
import { plural } from "@/lib/text/plural";

/** One row of the move-on list. `days`: since the company was last heard from (or since applying); `lastContact`: the last contact either way, as shown. */
export type Silent = { applicationId: string; company: string; roleTitle: string; lastContact: string | null; days: number | null };

/** Since when the company has been silent: last heard from, or the day applied; null when neither is known. */
function silentSince(contact: LastContact | undefined): Date | null {
  return contact?.heardAt ?? (contact?.appliedOn ? new Date(`${contact.appliedOn}T12:00:00Z`) : null);
}

const daysSince = (since: Date | null, now: Date) => (since ? Math.max(0, Math.floor((now.getTime() - since.getTime()) / DAY_MS)) : null);

/** Whole days of silence: since the company was last heard from, or since applying; null when neither is known. */
export const silentDays = (contact: LastContact | undefined, now: Date): number | null => daysSince(silentSince(contact), now);

/** The list's rows, drawn only when it is opened (see silentApplications). */
export function silentRows(steps: readonly QueueItem[], contacts: ReadonlyMap<string, LastContact>, now: Date, f: DateFormat): Silent[] {
  return steps.map((s) => {
    const c = contacts.get(s.applicationId);
    return {
      applicationId: s.applicationId,
      company: s.company,
      roleTitle: s.roleTitle,
      lastContact: c?.at ? f.shortDate(c.at) : c?.appliedOn ? f.calendarDay(c.appliedOn) : null,
      days: silentDays(c, now),
    };
  });
}

/**
 * Per move-on steps (kept per plan and day, with their contacts kept beside
 * them): the latest instant any of them was last heard from, and the
 * signature. The heading's days then cost nothing per request, however many
 * applications there are.
 */
const kept = new WeakMap<readonly QueueItem[], { contacts: ReadonlyMap<string, LastContact>; latest: Date | null; signature: string }>();

function keptFor(steps: readonly QueueItem[], contacts: ReadonlyMap<string, LastContact>) {
  const held = kept.get(steps);
  if (held && held.contacts === contacts) return held;
  let latest: Date | null = null;
  for (const s of steps) {
    const since = silentSince(contacts.get(s.applicationId));
    if (since && (!latest || since.getTime() > latest.getTime())) latest = since;
  }
  const made = { contacts, latest, signature: signatureOf(steps) };
  kept.set(steps, made);
  return made;
}

/** The item's heading, from the steps alone: "3 applications have heard nothing for 31 days or more". */
export function silentHeadline(steps: readonly QueueItem[], contacts: ReadonlyMap<string, LastContact>, now: Date): string {
  // The least silent has waited the fewest days: the one heard from last.
  const least = daysSince(keptFor(steps, contacts).latest, now);
  const have = steps.length === 1 ? "has" : "have";
  return least === null ? `${plural(steps.length, "application")} ${have} heard nothing back` : `${plural(steps.length, "application")} ${have} heard nothing for ${least} days or more`;
}

/**
 * Which rows the page's heading stands for, as a short string: the client
 * fetches the rows again when it changes (a ghosting, an undo, another tab).
 */
export const silentSignature = (steps: readonly QueueItem[], contacts: ReadonlyMap<string, LastContact>): string => keptFor(steps, contacts).signature;

/** FNV-1a over the ids, so hundreds of them cost the page a few bytes. */
function signatureOf(steps: readonly QueueItem[]): string {
  let h = 0x811c9dc5;
  for (const s of steps) {
    for (let i = 0; i < s.applicationId.length; i++) h = Math.imul(h ^ s.applicationId.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 0x2c, 0x01000193);
  }
  return `${steps.length}.${(h >>> 0).toString(36)}`;
}
