import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, gte, isNull, notInArray } from "drizzle-orm";
import type { Db } from "@/db/open";
import { snapshot, write } from "@/db/write";
import { applications, calendarFeeds, rounds, users } from "@/db/schema";
import { CLOSED_STATUSES } from "@/lib/vocabulary";
import type { CalendarRound, CalendarStep } from "@/lib/calendar/ics";
import { DAY_MS } from "@/lib/time/units";
import { dateDisplayFor, hourCycleOrNull } from "@/lib/time/locale";
import { currentZoneName } from "@/lib/time/zone-names";
import { guidanceOverview } from "./guidance";
import { feedSteps } from "@/lib/calendar/feed-steps";
import type { GuidanceReader } from "./guidance-inputs";
import { interviewersOfRounds } from "./interviewers";
import { ownedApplication } from "./ownership";

/** How far back the feed reaches, so a calendar keeps the rounds of the last weeks. */
export const FEED_LOOKBACK_DAYS = 30;
/** 32 random bytes in base64url, without padding. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export type CalendarFeedView = { token: string; createdAt: Date };

export async function getCalendarFeed(db: Db, { userId }: { userId: string }): Promise<CalendarFeedView | null> {
  const [feed] = await db
    .select({ token: calendarFeeds.token, createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.userId, userId))
    .limit(1);
  return feed ?? null;
}

/**
 * Gives the user a feed with a new secret. With a feed already there, the
 * token is replaced in the same statement, so there is no moment when both
 * the old and the new URL work, nor one when neither does.
 */
export async function createOrRegenerateCalendarFeed(db: Db, { userId, now }: { userId: string; now: Date }): Promise<CalendarFeedView> {
  const token = randomBytes(32).toString("base64url");
  return write(db, { userId }, async (tx) => {
    const [feed] = await tx
      .insert(calendarFeeds)
      .values({ userId, token, createdAt: now })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { token, createdAt: now } })
      .returning({ token: calendarFeeds.token, createdAt: calendarFeeds.createdAt });
    return feed;
  });
}

/** Removes the user's feed; its URL answers 404 from now on. True when there was one. */
export async function turnOffCalendarFeed(db: Db, { userId }: { userId: string }): Promise<boolean> {
  return write(db, { userId }, async (tx) => {
    const removed = await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).returning({ userId: calendarFeeds.userId });
    return removed.length > 0;
  });
}

/**
 * The owner of a feed token: only what building the feed needs, never the
 * account's other columns. Malformed tokens are refused before the query.
 */
export async function findFeedOwner(db: Db, { token }: { token: string }): Promise<GuidanceReader | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const [row] = await db
    .select({ id: users.id, timeZone: users.timeZone, locale: users.locale, hourCycle: users.hourCycle, seenLocale: users.seenLocale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.token, token))
    .limit(1);
  if (!row) return null;
  // A calendar app sends no Accept-Language of the user's: the saved choice,
  // else the browser's locale last seen, else en-US writes the step texts.
  const dates = dateDisplayFor({ locale: row.locale, hourCycle: hourCycleOrNull(row.hourCycle), seenLocale: row.seenLocale }, null);
  return { id: row.id, timeZone: row.timeZone ? currentZoneName(row.timeZone) : "UTC", dates };
}

const calendarRoundColumns = {
  id: rounds.id,
  applicationId: rounds.applicationId,
  kind: rounds.kind,
  scheduledAt: rounds.scheduledAt,
  durationMinutes: rounds.durationMinutes,
  location: rounds.location,
  prepNotes: rounds.prepNotes,
  company: applications.company,
  roleTitle: applications.roleTitle,
};

type RoundRow = Omit<CalendarRound, "people">;

/** Adds who the user meets in each round, in the round's own order: one query per 500 rounds. */
async function withPeople(db: Db, { userId, rows }: { userId: string; rows: RoundRow[] }): Promise<CalendarRound[]> {
  const people = await interviewersOfRounds(db, { userId, roundIds: rows.map((r) => r.id) });
  return rows.map((r) => ({
    ...r,
    people: (people.get(r.id) ?? []).map((p) => (p.title ? `${p.name} (${p.title})` : p.name)),
  }));
}

/** The user's rounds from `since` onward on applications still open, with who they meet in each. */
export async function calendarRounds(db: Db, { userId, since }: { userId: string; since: Date }): Promise<CalendarRound[]> {
  return snapshot(db, async (read) => {
    const rows = await read
      .select(calendarRoundColumns)
      .from(rounds)
      .innerJoin(applications, ownedApplication(userId, rounds.applicationId))
      .where(
        and(
          eq(rounds.userId, userId),
          gte(rounds.scheduledAt, since),
          isNull(applications.archivedAt),
          notInArray(applications.status, [...CLOSED_STATUSES]),
        ),
      )
      .orderBy(asc(rounds.scheduledAt), asc(rounds.id));
    return withPeople(read, { userId, rows });
  });
}

/** One of the user's rounds under its own application, whatever the application's state; null otherwise. */
export async function calendarRound(
  db: Db,
  { userId, applicationId, roundId }: { userId: string; applicationId: string; roundId: string },
): Promise<CalendarRound | null> {
  return snapshot(db, async (read) => {
    const [row] = await read
      .select(calendarRoundColumns)
      .from(rounds)
      .innerJoin(applications, ownedApplication(userId, rounds.applicationId))
      .where(and(eq(rounds.userId, userId), eq(rounds.id, roundId), eq(rounds.applicationId, applicationId)))
      .limit(1);
    return row ? (await withPeople(read, { userId, rows: [row] }))[0] : null;
  });
}

/**
 * Everything the feed holds: recent and upcoming rounds, and each open
 * application's next step (lib/calendar/feed-steps.ts), all on open
 * applications: a rejected one's "look back" is advice for the app, not an
 * appointment. One rounds query,
 * one for their people per 500 rounds, and one queue computation.
 */
export async function feedContents(
  db: Db,
  { user, now }: { user: GuidanceReader; now: Date },
): Promise<{ rounds: CalendarRound[]; steps: CalendarStep[] }> {
  const since = new Date(now.getTime() - FEED_LOOKBACK_DAYS * DAY_MS);
  // One after the other: the overview may rebuild and save its cache first.
  const steps = feedSteps(await guidanceOverview(db, { user, now }), now, user.timeZone);
  return { rounds: await calendarRounds(db, { userId: user.id, since }), steps };
}
