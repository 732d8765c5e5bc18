import "server-only";
import { and, asc, count, eq, inArray, isNull, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Db } from "@/db/open";
import { snapshot } from "@/db/write";
import {
  applications,
  events,
  guidanceSteps,
  interviewers,
  roundInterviewers,
  rounds,
  roundSignals,
  type ApplicationStatus,
  type SignalKey,
} from "@/db/schema";
import { ACTIVE_STATUSES } from "@/lib/vocabulary";
import type { GuidanceEvent, GuidanceInput, GuidanceRound, HandledStep } from "@/lib/guidance/input";
import { getGuidanceSettings } from "./guidance-settings";
import { offerTermColumns, type OfferTerms } from "./offer-terms";
import { groupBy } from "@/lib/group-by";
import type { DateDisplay } from "@/lib/time/locale";

/** Whose guidance it is, and how they read dates: reasons name days and times in their zone, locale and clock. */
export type GuidanceReader = { id: string; timeZone: string; dates?: DateDisplay };

/** Statuses for which some rule can still fire; the dashboard reads no others. */
export const ADVISABLE_STATUSES: ApplicationStatus[] = [...ACTIVE_STATUSES, "rejected"];

/**
 * One application (whatever its status), every application the dashboard
 * advises on, or those of a few ids that the dashboard advises on (the
 * cache's reload of changed applications).
 */
type Scope = { applicationId: string } | { dashboard: true; applicationIds?: readonly string[] };

type SignalRow = { roundId: string; signal: SignalKey; onDate: string | null };
type PersonRow = { roundId: string; name: string; email: string | null };

/**
 * The owner check for a read narrowed to a few applications, written so that
 * no index on the user can serve it: with a user's index and an
 * application's to choose from, and statistics missing (a new database filled
 * by an import, before the hourly refresh), SQLite took the user's and walked
 * every signal and person of the account to find one application's: 87 ms
 * and 200 ms per application at 5,000 applications, against 0.02 and 0.08
 * with this check. The check itself still applies. `|| ''` is plain SQL on
 * both engines (SQLite's unary `+` hint is not);
 * tests/unit/query-statistics.test.ts holds the plan.
 */
const ownedBy = (column: AnyColumn, userId: string): SQL => sql`(${column} || '') = ${userId}`;

/** A few applications' signals and people, through their rounds (each found by its application's index). */
async function roundDetailsOfSome(db: Db, { userId, ids }: { userId: string; ids: readonly string[] }): Promise<{ signalRows: SignalRow[]; peopleRows: PersonRow[] }> {
  const ofApplication = and(inArray(rounds.applicationId, [...ids]), ownedBy(rounds.userId, userId));
  return {
    signalRows: await db
      .select({ roundId: roundSignals.roundId, signal: roundSignals.signal, onDate: roundSignals.onDate })
      .from(roundSignals)
      .innerJoin(rounds, and(eq(rounds.id, roundSignals.roundId), ofApplication))
      .where(ownedBy(roundSignals.userId, userId))
      .orderBy(asc(roundSignals.roundId), asc(roundSignals.signal)),
    peopleRows: await db
      .select({ roundId: roundInterviewers.roundId, name: interviewers.name, email: interviewers.email })
      .from(roundInterviewers)
      // Owned-by checks that no index may serve: by the user's interviewers, SQLite walked every person of a
      // 20,000-application account (130 ms) to find one application's few.
      .innerJoin(interviewers, and(eq(interviewers.id, roundInterviewers.interviewerId), ownedBy(interviewers.userId, userId)))
      .innerJoin(rounds, and(eq(rounds.id, roundInterviewers.roundId), ofApplication))
      .where(ownedBy(roundInterviewers.userId, userId))
      .orderBy(asc(roundInterviewers.position), asc(roundInterviewers.roundId), asc(roundInterviewers.interviewerId)),
  };
}

/**
 * All the user's signals and people. The composite foreign keys guarantee a
 * row's user is its round's, so no join through rounds is needed: each read
 * is one range scan of a covering index (migration 0005), and people are
 * matched to their rounds here rather than by a lookup per pair.
 */
async function roundDetailsOfAll(db: Db, { userId }: { userId: string }): Promise<{ signalRows: SignalRow[]; peopleRows: PersonRow[] }> {
  const signalRows = await db
    .select({ roundId: roundSignals.roundId, signal: roundSignals.signal, onDate: roundSignals.onDate })
    .from(roundSignals)
    .where(eq(roundSignals.userId, userId))
    // The covering index's order, made explicit: a reason that lists a round's signals must read the same
    // whichever plan SQLite picks, and whether one application or all were read (stored parts are compared).
    .orderBy(asc(roundSignals.roundId), asc(roundSignals.signal));
  const personRows = await db
    .select({ id: interviewers.id, name: interviewers.name, email: interviewers.email })
    .from(interviewers)
    .where(eq(interviewers.userId, userId));
  const people = new Map(personRows.map((p) => [p.id, p]));
  const peopleRows: PersonRow[] = [];
  const pairs = await db
    .select({ roundId: roundInterviewers.roundId, interviewerId: roundInterviewers.interviewerId })
    .from(roundInterviewers)
    .where(eq(roundInterviewers.userId, userId))
    .orderBy(asc(roundInterviewers.roundId), asc(roundInterviewers.position), asc(roundInterviewers.interviewerId));
  for (const { roundId, interviewerId } of pairs) {
    const person = people.get(interviewerId);
    if (person) peopleRows.push({ roundId, name: person.name, email: person.email });
  }
  return { signalRows, peopleRows };
}

/** How many of the user's applications are in play: each one's `otherActiveApplications` is this less itself. */
export async function activeApplicationCount(db: Db, { userId }: { userId: string }): Promise<number> {
  const [active] = await db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.userId, userId), isNull(applications.archivedAt), inArray(applications.status, ACTIVE_STATUSES)));
  return active?.n ?? 0;
}

type Inputs = (GuidanceInput & { application: { roleTitle: string } })[];

/**
 * The engine's input for one application, or for every application the
 * dashboard advises on, in a fixed number of queries whatever the count.
 * Every query is scoped by the user's id, and all are read in one snapshot
 * (inside a write or a snapshot already, in that one).
 */
export async function loadGuidanceInputs(db: Db, { user, scope }: { user: GuidanceReader; scope: Scope }): Promise<Inputs> {
  const some = "applicationId" in scope ? [scope.applicationId] : scope.applicationIds ? [...scope.applicationIds] : null;
  if (some?.length === 0) return [];
  const rows = await snapshot(db, (read) => readInputRows(read, { userId: user.id, scope, some }));
  return rows ? assembleInputs(rows, user) : [];
}

type InputRows = NonNullable<Awaited<ReturnType<typeof readInputRows>>>;

/** The rows loadGuidanceInputs reads; null when there is no application to read for. */
async function readInputRows(db: Db, { userId, scope, some }: { userId: string; scope: Scope; some: string[] | null }) {
  const advisable = and(isNull(applications.archivedAt), inArray(applications.status, ADVISABLE_STATUSES));
  const appCondition: SQL | undefined = and(
    eq(applications.userId, userId),
    "applicationId" in scope ? undefined : advisable,
    some ? inArray(applications.id, some) : undefined,
  );
  const apps = await db
    .select({
      id: applications.id,
      company: applications.company,
      roleTitle: applications.roleTitle,
      status: applications.status,
      appliedOn: applications.appliedOn,
      archivedAt: applications.archivedAt,
      createdAt: applications.createdAt,
      importedAt: applications.importedAt,
    })
    .from(applications)
    .where(appCondition)
    .orderBy(asc(applications.id));
  if (apps.length === 0) return null;

  // A few applications: filter every child query by their ids. The dashboard:
  // read the user's rows once and group them, which beats thousands of IN-list ids.
  const roundRows = await db
    .select({
      id: rounds.id,
      applicationId: rounds.applicationId,
      kind: rounds.kind,
      scheduledAt: rounds.scheduledAt,
      durationMinutes: rounds.durationMinutes,
      outcome: rounds.outcome,
      thankYouSentAt: rounds.thankYouSentAt,
      noNextSteps: rounds.noNextSteps,
      loggedAt: rounds.createdAt,
      notes: rounds.notes,
    })
    .from(rounds)
    .where(some ? and(ownedBy(rounds.userId, userId), inArray(rounds.applicationId, some)) : eq(rounds.userId, userId))
    // Timeline order, which the engine would otherwise sort into.
    .orderBy(asc(rounds.scheduledAt), asc(rounds.createdAt), asc(rounds.id));
  const { signalRows, peopleRows } = some ? await roundDetailsOfSome(db, { userId, ids: some }) : await roundDetailsOfAll(db, { userId });
  const eventRows = await db
    .select({
      id: events.id,
      applicationId: events.applicationId,
      kind: events.kind,
      occurredAt: events.occurredAt,
      loggedAt: events.createdAt,
      saidBy: events.saidBy,
      ...offerTermColumns,
    })
    .from(events)
    .where(some ? and(ownedBy(events.userId, userId), inArray(events.applicationId, some)) : eq(events.userId, userId))
    .orderBy(asc(events.occurredAt), asc(events.id));
  const stepRows = await db
    .select({ applicationId: guidanceSteps.applicationId, key: guidanceSteps.key, state: guidanceSteps.state, until: guidanceSteps.until })
    .from(guidanceSteps)
    .where(some ? and(ownedBy(guidanceSteps.userId, userId), inArray(guidanceSteps.applicationId, some)) : eq(guidanceSteps.userId, userId));
  const activeCount = await activeApplicationCount(db, { userId });
  const settings = await getGuidanceSettings(db, { userId });
  return { apps, roundRows, signalRows, peopleRows, eventRows, stepRows, activeCount, settings };
}

/** The rows, grouped into one input per application. */
function assembleInputs(rows: InputRows, user: GuidanceReader): Inputs {
  const { apps, roundRows, signalRows, peopleRows, eventRows, stepRows, activeCount, settings } = rows;
  const byApp = <T extends { applicationId: string }>(list: T[]) => groupBy(list, (r) => r.applicationId);
  const signalsByRound = groupBy(signalRows, (s) => s.roundId);
  const peopleByRound = groupBy(peopleRows, (p) => p.roundId);
  const roundsByApp = byApp(roundRows);
  const eventsByApp = byApp(eventRows);
  const stepsByApp = byApp(stepRows);

  return apps.map(({ archivedAt, createdAt, importedAt, ...fields }) => {
    // An import brings old facts in at once: they reached Shortlist when it ran, whatever their own dates.
    const reachedAt = (logged: Date) => (importedAt && importedAt.getTime() > logged.getTime() ? importedAt : logged);
    const app = { ...fields, loggedAt: importedAt ?? createdAt };
    const appRounds: GuidanceRound[] = (roundsByApp.get(app.id) ?? []).map((r) => ({
      id: r.id,
      kind: r.kind,
      scheduledAt: r.scheduledAt,
      durationMinutes: r.durationMinutes,
      outcome: r.outcome,
      thankYouSentAt: r.thankYouSentAt,
      noNextSteps: r.noNextSteps,
      loggedAt: reachedAt(r.loggedAt),
      notes: r.notes,
      signals: (signalsByRound.get(r.id) ?? []).map(({ signal, onDate }) => ({ signal, onDate })),
      interviewers: (peopleByRound.get(r.id) ?? []).map(({ name, email }) => ({ name, email })),
    }));
    const appEvents: GuidanceEvent[] = (eventsByApp.get(app.id) ?? []).map(eventInput(reachedAt));
    const handled: HandledStep[] = (stepsByApp.get(app.id) ?? []).map(({ key, state, until }) => ({ key, state, until }));
    return {
      application: app,
      rounds: appRounds,
      events: appEvents,
      settings,
      otherActiveApplications: Math.max(0, activeCount - (!archivedAt && ACTIVE_STATUSES.includes(app.status) ? 1 : 0)),
      timeZone: user.timeZone,
      dates: user.dates,
      handled,
    };
  });
}

type EventRow = { id: string; kind: GuidanceEvent["kind"]; occurredAt: Date; loggedAt: Date; saidBy: string | null } & OfferTerms;

/** An event as the engine reads it: a reply's date, an offer's terms, and when it reached Shortlist. */
const eventInput =
  (reachedAt: (logged: Date) => Date) =>
  ({ id, kind, occurredAt, loggedAt, saidBy, ...terms }: EventRow): GuidanceEvent => ({
    id,
    kind,
    occurredAt,
    loggedAt: reachedAt(loggedAt),
    ...(saidBy ? { saidBy } : {}),
    ...(kind === "offer_received" ? { offer: terms } : {}),
  });
