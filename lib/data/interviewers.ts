import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { interviewers, roundInterviewers, rounds } from "@/db/schema";

export type InterviewerView = { id: string; name: string; title: string | null; email: string | null };

export const interviewerColumns = {
  id: interviewers.id,
  name: interviewers.name,
  title: interviewers.title,
  email: interviewers.email,
};

export type NewInterviewer = { name: string; title?: string; email?: string };

const matchKey = (p: NewInterviewer) => `${p.name.trim().toLowerCase()}|${(p.email ?? "").trim().toLowerCase()}`;

/**
 * Finds or creates the user's contact for each person, in order. A person
 * typed again (same name and email) is the same contact; a newly given
 * title updates it.
 */
export function upsertInterviewers(db: Queryable, userId: string, people: NewInterviewer[]): string[] {
  return people.map((person) => {
    const row = db
      .insert(interviewers)
      .values({ userId, name: person.name, title: person.title ?? null, email: person.email ?? null, matchKey: matchKey(person) })
      .onConflictDoUpdate({
        target: [interviewers.userId, interviewers.matchKey],
        set: { title: sql`coalesce(excluded.title, ${interviewers.title})` },
      })
      .returning({ id: interviewers.id })
      .get();
    return row.id;
  });
}

/** The subset of `ids` that are the user's own contacts. */
export function ownedInterviewerIds(db: Queryable, userId: string, ids: string[]): Set<string> {
  if (ids.length === 0) return new Set();
  const rows = db
    .select({ id: interviewers.id })
    .from(interviewers)
    .where(and(eq(interviewers.userId, userId), inArray(interviewers.id, ids)))
    .all();
  return new Set(rows.map((r) => r.id));
}

/** People met in any round of this application, to pick again for the next one. */
export function interviewersMetFor(db: Queryable, userId: string, applicationId: string): InterviewerView[] {
  return db
    .selectDistinct(interviewerColumns)
    .from(roundInterviewers)
    .innerJoin(rounds, and(eq(rounds.id, roundInterviewers.roundId), eq(rounds.userId, userId)))
    .innerJoin(interviewers, and(eq(interviewers.id, roundInterviewers.interviewerId), eq(interviewers.userId, userId)))
    .where(and(eq(roundInterviewers.userId, userId), eq(rounds.applicationId, applicationId)))
    .orderBy(asc(sql`${interviewers.name} collate nocase`))
    .all();
}
