import "server-only";
import { and, asc, eq, exists, inArray, notExists, sql } from "drizzle-orm";
import { caseInsensitiveOrder } from "@/db/dialect";
import type { Db } from "@/db/open";
import { write, type Tx } from "@/db/write";
import { interviewers, roundInterviewers, rounds } from "@/db/schema";
import { matchPerson } from "@/lib/people/match";

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
export async function contactsAtCompany(db: Db, { userId, company }: { userId: string; company: string }): Promise<Contact[]> {
  const prefix = keyPrefix(company);
  return await db
    .select({ ...interviewerColumns, matchKey: interviewers.matchKey })
    .from(interviewers)
    // SQLite's substr counts characters, not UTF-16 units: an emoji in a company's name is one.
    .where(and(eq(interviewers.userId, userId), sql`substr(${interviewers.matchKey}, 1, ${[...prefix].length}) = ${prefix}`))
    .orderBy(asc(interviewers.createdAt), asc(interviewers.id));
}

/**
 * Gives a contact the title and email it lacked, and the key that goes with
 * its email, unless another contact holds that key already.
 */
async function fillInContact(
  tx: Tx,
  { userId, contact, from }: { userId: string; contact: Contact; from: NewInterviewer | InterviewerView },
): Promise<Contact> {
  const title = contact.title ?? from.title ?? null;
  const email = contact.email ?? from.email ?? null;
  if (title === contact.title && email === contact.email) return contact;
  const key = matchKey(companyOfKey(contact.matchKey), { name: contact.name, email });
  const [holder] =
    key === contact.matchKey
      ? []
      : await tx
          .select({ id: interviewers.id })
          .from(interviewers)
          .where(and(eq(interviewers.userId, userId), eq(interviewers.matchKey, key)))
          .limit(1);
  const taken = Boolean(holder);
  await tx
    .update(interviewers)
    .set({ title, email, ...(taken ? {} : { matchKey: key }) })
    .where(and(eq(interviewers.userId, userId), eq(interviewers.id, contact.id)));
  return { ...contact, title, email, matchKey: taken ? contact.matchKey : key };
}

/**
 * Finds or creates the user's contact for each person met at `company`, in
 * order. A person typed again (by email, or by name when the emails don't
 * differ; see matchPerson) is the same contact, whatever the client sent; a
 * title or email fills in one that was missing but never rewrites what
 * earlier rounds show.
 */
export async function upsertInterviewers(
  tx: Tx,
  { userId, company, people }: { userId: string; company: string; people: NewInterviewer[] },
): Promise<string[]> {
  const known = await contactsAtCompany(tx, { userId, company });
  const ids: string[] = [];
  // One after another: each person may match one the previous created or filled in.
  for (const person of people) {
    const match = matchPerson(known, person);
    if (match) {
      // The list is kept up to date, so a person typed twice in one form fills in once.
      Object.assign(match, await fillInContact(tx, { userId, contact: match, from: person }));
      ids.push(match.id);
      continue;
    }
    const key = matchKey(company, person);
    const [row] = await tx
      .insert(interviewers)
      .values({ userId, name: person.name, title: person.title ?? null, email: person.email ?? null, matchKey: key })
      .onConflictDoUpdate({
        target: [interviewers.userId, interviewers.matchKey],
        set: { title: sql`coalesce(${interviewers.title}, excluded.title)` },
      })
      .returning(interviewerColumns);
    known.push({ ...row, matchKey: key });
    ids.push(row.id);
  }
  return ids;
}

/** The subset of `ids` that are the user's own contacts. */
export async function ownedInterviewerIds(db: Db, { userId, ids }: { userId: string; ids: string[] }): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: interviewers.id })
    .from(interviewers)
    .where(and(eq(interviewers.userId, userId), inArray(interviewers.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/** People met in any round of this application, to pick again for the next one. */
export async function interviewersMetFor(db: Db, { userId, applicationId }: { userId: string; applicationId: string }): Promise<InterviewerView[]> {
  // EXISTS, not DISTINCT over the join: Postgres refuses a DISTINCT ordered by an expression it does not select.
  const met = db
    .select({ one: sql`1` })
    .from(roundInterviewers)
    .innerJoin(rounds, and(eq(rounds.id, roundInterviewers.roundId), eq(rounds.userId, userId)))
    .where(and(eq(roundInterviewers.userId, userId), eq(roundInterviewers.interviewerId, interviewers.id), eq(rounds.applicationId, applicationId)));
  return await db
    .select(interviewerColumns)
    .from(interviewers)
    .where(and(eq(interviewers.userId, userId), exists(met)))
    .orderBy(asc(caseInsensitiveOrder(interviewers.name)), asc(interviewers.id));
}

// Bound parameters per query stay far below SQLite's limit, however many rounds are asked about.
const ROUND_IDS_PER_QUERY = 500;

/**
 * The people met in each of these rounds, in each round's own order (rounds
 * with nobody are absent): one query per 500 rounds. The round pages and the
 * calendar feed both read people this way.
 */
export async function interviewersOfRounds(
  db: Db,
  { userId, roundIds }: { userId: string; roundIds: string[] },
): Promise<Map<string, InterviewerView[]>> {
  const byRound = new Map<string, InterviewerView[]>();
  for (let i = 0; i < roundIds.length; i += ROUND_IDS_PER_QUERY) {
    const links = await db
      .select({ roundId: roundInterviewers.roundId, ...interviewerColumns })
      .from(roundInterviewers)
      .innerJoin(interviewers, and(eq(interviewers.id, roundInterviewers.interviewerId), eq(interviewers.userId, userId)))
      .where(and(eq(roundInterviewers.userId, userId), inArray(roundInterviewers.roundId, roundIds.slice(i, i + ROUND_IDS_PER_QUERY))))
      .orderBy(asc(roundInterviewers.roundId), asc(roundInterviewers.position), asc(roundInterviewers.interviewerId));
    for (const { roundId, ...person } of links) {
      const list = byRound.get(roundId);
      if (list) list.push(person);
      else byRound.set(roundId, [person]);
    }
  }
  return byRound;
}

/**
 * Removes the user's contacts that no round mentions any more, so deleting
 * a round or an application leaves no one behind.
 */
export async function pruneContacts(tx: Tx, { userId }: { userId: string }): Promise<void> {
  await tx
    .delete(interviewers)
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
    );
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
export async function mergeInterviewers(
  db: Db,
  { userId, keepId, mergeId }: { userId: string; keepId: string; mergeId: string },
): Promise<MergeOutcome> {
  if (keepId === mergeId) return { ok: false, reason: "same-person" };
  return write(db, { userId }, async (tx): Promise<MergeOutcome> => {
    const columns = { ...interviewerColumns, matchKey: interviewers.matchKey };
    const [keep] = await tx.select(columns).from(interviewers).where(ownedContact(userId, keepId)).limit(1);
    const [other] = await tx.select(columns).from(interviewers).where(ownedContact(userId, mergeId)).limit(1);
    if (!keep || !other) return { ok: false, reason: "not-found" };

    const linksOf = (id: string) =>
      tx
        .select({ roundId: roundInterviewers.roundId, position: roundInterviewers.position })
        .from(roundInterviewers)
        .where(and(eq(roundInterviewers.userId, userId), eq(roundInterviewers.interviewerId, id)));
    const kept = new Map((await linksOf(keepId)).map((l) => [l.roundId, l.position]));
    const link = (roundId: string, id: string) =>
      and(eq(roundInterviewers.userId, userId), eq(roundInterviewers.roundId, roundId), eq(roundInterviewers.interviewerId, id));
    for (const { roundId, position } of await linksOf(mergeId)) {
      const keptAt = kept.get(roundId);
      if (keptAt === undefined) {
        await tx.update(roundInterviewers).set({ interviewerId: keepId }).where(link(roundId, mergeId));
        continue;
      }
      await tx.delete(roundInterviewers).where(link(roundId, mergeId));
      if (position < keptAt) await tx.update(roundInterviewers).set({ position }).where(link(roundId, keepId));
    }
    // The other person goes first: the kept one's new key may be the one it held.
    await tx.delete(interviewers).where(ownedContact(userId, mergeId));
    await fillInContact(tx, { userId, contact: keep, from: other });
    return { ok: true, kept: keep.name, merged: other.name };
  });
}
