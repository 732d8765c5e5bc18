import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import { applications, events, guidanceSteps } from "@/db/schema";
import { write } from "@/db/write";
import { createApplication, getApplication, type ApplicationView } from "@/lib/data/applications";
import { createRound } from "@/lib/data/rounds";
import { loadGuidanceInputs } from "@/lib/data/guidance-inputs";
import { overviewOf, type GuidanceOverview } from "@/lib/dashboard/overview";
import type { ApplicationInput } from "@/lib/validation/application";
import type { RoundInput } from "@/lib/validation/round";
import { tableRows } from "./raw-sql";
import { eventInput, logOk, roundInput } from "./rounds";

// The guidance data layer never reads the clock: every call takes `now`, and
// these fixtures place rounds and events relative to one fixed instant.
// Whole seconds throughout, since SQLite keeps timestamps in seconds.
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const NOW = new Date("2026-11-25T12:00:00Z");
/** NOW moved by `ms` (negative for the past). */
export const fromNow = (ms: number) => new Date(NOW.getTime() + ms);

export type GuidanceUser = { id: string; timeZone: string };

/**
 * A new application. With `id`, it is written straight to the table so a test
 * can fix the order the queue's last tiebreak (the application id) would give.
 */
export async function newApp(db: Db, userId: string, over: Partial<ApplicationInput> = {}, id?: string): Promise<ApplicationView> {
  const input: ApplicationInput = { company: "Acme", roleTitle: "Engineer", status: "applied", ...over };
  if (!id) return createApplication(db, { userId, input });
  await write(db, { userId }, async (tx) => {
    await tx.insert(applications).values({ ...input, id, userId });
  });
  const view = await getApplication(db, { userId, id });
  if (!view) throw new Error("application not written");
  return view;
}

/** Logs a round that must be accepted; an hour long unless told otherwise. */
export async function addRound(db: Db, userId: string, applicationId: string, over: Partial<RoundInput> = {}): Promise<string> {
  const id = await createRound(db, { userId, applicationId, input: roundInput({ durationMinutes: 60, ...over }) });
  if (!id) throw new Error("round refused");
  return id;
}

/**
 * Round 1 (thanked) five days ago, round 2 (a second interview) ended 30
 * hours before NOW with no thank-you: with the 24-hour default window the
 * thank-you for round 2 was due 6 hours ago.
 */
export async function thankYouOwed(db: Db, userId: string, over: Partial<ApplicationInput> = {}) {
  const app = await newApp(db, userId, { company: "Acme", roleTitle: "Staff Engineer", ...over });
  const start1 = fromNow(-5 * DAY);
  const round1 = await addRound(db, userId, app.id, { scheduledAt: start1, thankYouSentAt: fromNow(-5 * DAY + 2 * HOUR) });
  const round2 = await addRound(db, userId, app.id, { kind: "second", scheduledAt: fromNow(-31 * HOUR) });
  return { app, round1, round2 };
}

/** One round that ended nine days before NOW, nothing heard since: a follow-up is due. */
export async function silentAfterRound(db: Db, userId: string, over: Partial<ApplicationInput> = {}) {
  const app = await newApp(db, userId, { company: "Hooli", ...over });
  const round = await addRound(db, userId, app.id, { scheduledAt: fromNow(-9 * DAY) });
  return { app, round };
}

/** A round five days ago, then a rejection `ago` before NOW: request-feedback and reflect fire. */
export async function rejectedAfterRound(db: Db, userId: string, ago = DAY, over: Partial<ApplicationInput> = {}, id?: string) {
  const app = await newApp(db, userId, { company: "Umbrella", ...over }, id);
  const round = await addRound(db, userId, app.id, { scheduledAt: fromNow(-5 * DAY) });
  const rejection = await logOk(db, userId, app.id, eventInput("rejection_received", fromNow(-ago).toISOString()));
  return { app, round, rejection };
}

const OWNED_TABLES = ["applications", "rounds", "round_signals", "round_interviewers", "interviewers", "events", "guidance_steps"] as const;

/** Every row the user owns in the tables guidance reads or writes, straight from the database. */
export async function rowsOf(db: Db, userId: string): Promise<Record<(typeof OWNED_TABLES)[number], unknown[]>> {
  const entries = await Promise.all(OWNED_TABLES.map(async (t) => [t, await tableRows(db, t, userId)]));
  return Object.fromEntries(entries) as Record<(typeof OWNED_TABLES)[number], unknown[]>;
}

/** The guidance_steps rows, optionally of one application (times as Dates, on either engine). */
export function stepRows(db: Db, applicationId?: string) {
  return db
    .select({ application_id: guidanceSteps.applicationId, key: guidanceSteps.key, state: guidanceSteps.state, until: guidanceSteps.until })
    .from(guidanceSteps)
    .where(applicationId ? eq(guidanceSteps.applicationId, applicationId) : undefined)
    .orderBy(asc(guidanceSteps.key));
}

/** Events of one kind on an application. */
export function eventsOfKind(db: Db, applicationId: string, kind: string) {
  return db
    .select({ occurred_at: events.occurredAt })
    .from(events)
    .where(and(eq(events.applicationId, applicationId), eq(events.kind, kind as (typeof events.$inferSelect)["kind"])));
}

/** The overview built from scratch, without the cache: what the merged cached parts must equal. */
export async function freshOverview(db: Db, user: GuidanceUser, now = NOW): Promise<GuidanceOverview> {
  const { queue, putAside, checkIns } = overviewOf(await loadGuidanceInputs(db, { user, scope: { dashboard: true } }), now);
  return { queue, putAside, checkIns };
}
