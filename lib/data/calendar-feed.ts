import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, gte, inArray, isNull, notInArray } from "drizzle-orm";
import type { Db, Queryable } from "@/db/open";
import { applications, calendarFeeds, interviewers, roundInterviewers, rounds, users } from "@/db/schema";
import { CLOSED_STATUSES } from "@/lib/vocabulary";
import type { CalendarRound, CalendarStep } from "@/lib/calendar/ics";
import { DAY } from "@/lib/guidance/facts";
import { dateDisplayFor, hourCycleOrNull } from "@/lib/time/locale";
import { currentZoneName } from "@/lib/time/zone-names";
import { guidanceOverview } from "./guidance";
import { feedSteps } from "@/lib/calendar/feed-steps";
import type { GuidanceReader } from "./guidance-inputs";
import { write } from "./write";

/** How far back the feed reaches, so a calendar keeps the rounds of the last weeks. */
export const FEED_LOOKBACK_DAYS = 30;
/** 32 random bytes in base64url, without padding. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export type CalendarFeedView = { token: string; createdAt: Date };

export function getCalendarFeed(db: Queryable, userId: string): CalendarFeedView | null {
  return (
    db
      .select({ token: calendarFeeds.token, createdAt: calendarFeeds.createdAt })
      .from(calendarFeeds)
      .where(eq(calendarFeeds.userId, userId))
      .get() ?? null
  );
}

/**
 * Gives the user a feed with a new secret. With a feed already there, the
 * token is replaced in the same statement, so there is no moment when both
 * the old and the new URL work, nor one when neither does.
 */
export function createOrRegenerateCalendarFeed(db: Db, userId: string, now: Date): CalendarFeedView {
  const token = randomBytes(32).toString("base64url");
  return write(db, (tx) =>
    tx
      .insert(calendarFeeds)
      .values({ userId, token, createdAt: now })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { token, createdAt: now } })
      .returning({ token: calendarFeeds.token, createdAt: calendarFeeds.createdAt })
      .get(),
  );
}

/** Removes the user's feed; its URL answers 404 from now on. True when there was one. */
export function turnOffCalendarFeed(db: Queryable, userId: string): boolean {
  return write(db, (tx) => tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).run().changes > 0);
}

/**
 * The owner of a feed token: only what building the feed needs, never the
 * account's other columns. Malformed tokens are refused before the query.
 */
export function findFeedOwner(db: Queryable, token: string): GuidanceReader | null {
  if (!TOKEN_SHAPE.test(token)) return null;
  const row = db
    .select({ id: users.id, timeZone: users.timeZone, locale: users.locale, hourCycle: users.hourCycle, seenLocale: users.seenLocale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(eq(calendarFeeds.token, token))
    .get();
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

// Bound parameters per query stay far below SQLite's limit, however many rounds a feed holds.
const IDS_PER_QUERY = 500;

/** Adds who the user meets in each round, in the round's own order: one query per 500 rounds. */
function withPeople(db: Queryable, userId: string, rows: RoundRow[]): CalendarRound[] {
  const people = new Map<string, string[]>();
  for (let i = 0; i < rows.length; i += IDS_PER_QUERY) {
    const ids = rows.slice(i, i + IDS_PER_QUERY).map((r) => r.id);
    const links = db
      .select({ roundId: roundInterviewers.roundId, name: interviewers.name, title: interviewers.title })
      .from(roundInterviewers)
      .innerJoin(interviewers, and(eq(interviewers.id, roundInterviewers.interviewerId), eq(interviewers.userId, userId)))
      .where(and(eq(roundInterviewers.userId, userId), inArray(roundInterviewers.roundId, ids)))
      .orderBy(asc(roundInterviewers.roundId), asc(roundInterviewers.position))
      .all();
    for (const link of links) {
      const list = people.get(link.roundId) ?? [];
      list.push(link.title ? `${link.name} (${link.title})` : link.name);
      people.set(link.roundId, list);
    }
  }
  return rows.map((r) => ({ ...r, people: people.get(r.id) ?? [] }));
}

/** The user's rounds from `since` onward on applications still open, with who they meet in each. */
export function calendarRounds(db: Queryable, userId: string, since: Date): CalendarRound[] {
  const rows = db
    .select(calendarRoundColumns)
    .from(rounds)
    .innerJoin(applications, and(eq(applications.id, rounds.applicationId), eq(applications.userId, userId)))
    .where(
      and(
        eq(rounds.userId, userId),
        gte(rounds.scheduledAt, since),
        isNull(applications.archivedAt),
        notInArray(applications.status, [...CLOSED_STATUSES]),
      ),
    )
    .orderBy(asc(rounds.scheduledAt), asc(rounds.id))
    .all();
  return withPeople(db, userId, rows);
}

/** One of the user's rounds under its own application, whatever the application's state; null otherwise. */
export function calendarRound(db: Queryable, userId: string, applicationId: string, roundId: string): CalendarRound | null {
  const row = db
    .select(calendarRoundColumns)
    .from(rounds)
    .innerJoin(applications, and(eq(applications.id, rounds.applicationId), eq(applications.userId, userId)))
    .where(and(eq(rounds.userId, userId), eq(rounds.id, roundId), eq(rounds.applicationId, applicationId)))
    .get();
  return row ? withPeople(db, userId, [row])[0] : null;
}

/**
 * Everything the feed holds: recent and upcoming rounds, and each open
 * application's next step (lib/calendar/feed-steps.ts), all on open
 * applications: a rejected one's "look back" is advice for the app, not an
 * appointment. One rounds query,
 * one for their people per 500 rounds, and one queue computation.
 */
export function feedContents(
  db: Queryable,
  user: GuidanceReader,
  now: Date,
): { rounds: CalendarRound[]; steps: CalendarStep[] } {
  const since = new Date(now.getTime() - FEED_LOOKBACK_DAYS * DAY);
  const steps = feedSteps(guidanceOverview(db, user, now), now, user.timeZone);
  return { rounds: calendarRounds(db, user.id, since), steps };
}
