import "server-only";
import { and, asc, eq, inArray, notExists, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { interviewers, roundInterviewers, rounds } from "@/db/schema";
import type { WriteTx } from "./write";

export type InterviewerView = { id: string; name: string; title: string | null; email: string | null };

export const interviewerColumns = {
  id: interviewers.id,
  name: interviewers.name,
  title: interviewers.title,
  email: interviewers.email,
};

export type NewInterviewer = { name: string; title?: string; email?: string };

// Two "Sam Lee"s at two companies are two people; the same name and email
// at one company (even across two applications there) is one. JSON keeps
// the parts apart whatever characters a name contains.
const matchKey = (company: string, p: NewInterviewer) =>
  JSON.stringify([company, p.name, p.email ?? ""].map((part) => part.trim().toLowerCase()));

/**
 * Finds or creates the user's contact for each person met at `company`, in
 * order. A person typed again is the same contact; a title fills in one
 * that was missing but never rewrites what earlier rounds show.
 */
export function upsertInterviewers(tx: WriteTx, userId: string, company: string, people: NewInterviewer[]): string[] {
  return people.map((person) => {
    const row = tx
      .insert(interviewers)
      .values({
        userId,
        name: person.name,
        title: person.title ?? null,
        email: person.email ?? null,
        matchKey: matchKey(company, person),
      })
      .onConflictDoUpdate({
        target: [interviewers.userId, interviewers.matchKey],
        set: { title: sql`coalesce(${interviewers.title}, excluded.title)` },
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

/**
 * Removes the user's contacts that no round mentions any more, so deleting
 * a round or an application leaves no one behind.
 */
export function pruneContacts(tx: WriteTx, userId: string): void {
  tx.delete(interviewers)
    .where(
      and(
        eq(interviewers.userId, userId),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(roundInterviewers)
            .where(and(eq(roundInterviewers.userId, userId), eq(roundInterviewers.interviewerId, interviewers.id))),
        ),
      ),
    )
    .run();
}
