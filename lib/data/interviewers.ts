import "server-only";
import { and, asc, eq, inArray, notExists, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/open";
import { interviewers, roundInterviewers, rounds } from "@/db/schema";
import { matchPerson } from "@/lib/people/match";
import { write, type WriteTx } from "./write";

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
// the parts apart whatever characters a name contains. The unique index on
// it is the last guard against a twin; matchPerson (which also forgives
// spacing and a missing email) decides first.
export const matchKey = (company: string, p: { name: string; email?: string | null }) =>
  JSON.stringify([company, p.name, p.email ?? ""].map((part) => part.trim().toLowerCase()));

/** The company part of a key, as the key spells it: what "at that company" means for a contact. */
export const companyOfKey = (key: string): string => {
  const parts: unknown = JSON.parse(key);
  return Array.isArray(parts) && typeof parts[0] === "string" ? parts[0] : "";
};

const keyPrefix = (company: string) => `${JSON.stringify([company.trim().toLowerCase()]).slice(0, -1)},`;

type Contact = InterviewerView & { matchKey: string };

/** The user's contacts met at `company` (any of its applications), oldest first. */
export function contactsAtCompany(db: Queryable, { userId, company }: { userId: string; company: string }): Contact[] {
  const prefix = keyPrefix(company);
  return db
    .select({ ...interviewerColumns, matchKey: interviewers.matchKey })
    .from(interviewers)
    // SQLite's substr counts characters, not UTF-16 units: an emoji in a company's name is one.
    .where(and(eq(interviewers.userId, userId), sql`substr(${interviewers.matchKey}, 1, ${[...prefix].length}) = ${prefix}`))
    .orderBy(asc(interviewers.createdAt), asc(interviewers.id))
    .all();
}

/**
 * Gives a contact the title and email it lacked, and the key that goes with
 * its email, unless another contact holds that key already.
 */
function fillInContact(tx: WriteTx, userId: string, contact: Contact, from: NewInterviewer | InterviewerView): Contact {
  const title = contact.title ?? from.title ?? null;
  const email = contact.email ?? from.email ?? null;
  if (title === contact.title && email === contact.email) return contact;
  const key = matchKey(companyOfKey(contact.matchKey), { name: contact.name, email });
  const taken = key !== contact.matchKey && tx.select({ id: interviewers.id }).from(interviewers).where(and(eq(interviewers.userId, userId), eq(interviewers.matchKey, key))).get();
  tx.update(interviewers)
    .set({ title, email, ...(taken ? {} : { matchKey: key }) })
    .where(and(eq(interviewers.userId, userId), eq(interviewers.id, contact.id)))
    .run();
  return { ...contact, title, email, matchKey: taken ? contact.matchKey : key };
}

/**
 * Finds or creates the user's contact for each person met at `company`, in
 * order. A person typed again (by email, or by name when the emails don't
 * differ; see matchPerson) is the same contact, whatever the client sent; a
 * title or email fills in one that was missing but never rewrites what
 * earlier rounds show.
 */
export function upsertInterviewers(tx: WriteTx, userId: string, company: string, people: NewInterviewer[]): string[] {
  const known = contactsAtCompany(tx, { userId, company });
  return people.map((person) => {
    const match = matchPerson(known, person);
    if (match) {
      // The list is kept up to date, so a person typed twice in one form fills in once.
      Object.assign(match, fillInContact(tx, userId, match, person));
      return match.id;
    }
    const key = matchKey(company, person);
    const row = tx
      .insert(interviewers)
      .values({ userId, name: person.name, title: person.title ?? null, email: person.email ?? null, matchKey: key })
      .onConflictDoUpdate({
        target: [interviewers.userId, interviewers.matchKey],
        set: { title: sql`coalesce(${interviewers.title}, excluded.title)` },
      })
      .returning(interviewerColumns)
      .get();
    known.push({ ...row, matchKey: key });
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

export type MergeOutcome =
  | { ok: true; kept: string; merged: string }
  | { ok: false; reason: "same-person" | "not-found" };

const ownedContact = (userId: string, id: string) => and(eq(interviewers.userId, userId), eq(interviewers.id, id));

/**
 * Folds `mergeId` into `keepId`, in one transaction: every round that met
 * the other person now meets the kept one (a round that listed both keeps
 * one link, at the earlier of the two places), the kept person takes the
 * title and email they lacked, and the other person goes. Not found when
 * either is not the user's.
 */
export function mergeInterviewers(db: Db, { userId, keepId, mergeId }: { userId: string; keepId: string; mergeId: string }): MergeOutcome {
  if (keepId === mergeId) return { ok: false, reason: "same-person" };
  return write(db, (tx) => {
    const columns = { ...interviewerColumns, matchKey: interviewers.matchKey };
    const keep = tx.select(columns).from(interviewers).where(ownedContact(userId, keepId)).get();
    const other = tx.select(columns).from(interviewers).where(ownedContact(userId, mergeId)).get();
    if (!keep || !other) return { ok: false, reason: "not-found" };

    const linksOf = (id: string) =>
      tx
        .select({ roundId: roundInterviewers.roundId, position: roundInterviewers.position })
        .from(roundInterviewers)
        .where(and(eq(roundInterviewers.userId, userId), eq(roundInterviewers.interviewerId, id)))
        .all();
    const kept = new Map(linksOf(keepId).map((l) => [l.roundId, l.position]));
    const link = (roundId: string, id: string) =>
      and(eq(roundInterviewers.userId, userId), eq(roundInterviewers.roundId, roundId), eq(roundInterviewers.interviewerId, id));
    for (const { roundId, position } of linksOf(mergeId)) {
      const keptAt = kept.get(roundId);
      if (keptAt === undefined) {
        tx.update(roundInterviewers).set({ interviewerId: keepId }).where(link(roundId, mergeId)).run();
        continue;
      }
      tx.delete(roundInterviewers).where(link(roundId, mergeId)).run();
      if (position < keptAt) tx.update(roundInterviewers).set({ position }).where(link(roundId, keepId)).run();
    }
    // The other person goes first: the kept one's new key may be the one it held.
    tx.delete(interviewers).where(ownedContact(userId, mergeId)).run();
    fillInContact(tx, userId, keep, other);
    return { ok: true, kept: keep.name, merged: other.name };
  });
}
