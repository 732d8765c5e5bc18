import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { applications, interviewers, roundInterviewers, rounds } from "@/db/schema";
import type { RoundKind } from "@/lib/vocabulary";
import { companyOfKey, contactsAtCompany, interviewerColumns, type InterviewerView } from "./interviewers";

/** A round a person was in, with what names it on the People pages. */
export type PersonRound = {
  roundId: string;
  applicationId: string;
  kind: RoundKind;
  scheduledAt: Date;
  company: string;
  roleTitle: string;
};

/** Someone the user has met: their contact details and their rounds, latest first. */
export type Person = InterviewerView & {
  /** The company as the match key has it (lower case): people are grouped and matched by it. */
  companyKey: string;
  /** The company as the user last typed it, from the latest round. */
  company: string;
  rounds: PersonRound[];
};

function roundsOf(db: Queryable, userId: string, ids?: string[]): Map<string, PersonRound[]> {
  const rows = db
    .select({
      interviewerId: roundInterviewers.interviewerId,
      roundId: rounds.id,
      applicationId: rounds.applicationId,
      kind: rounds.kind,
      scheduledAt: rounds.scheduledAt,
      company: applications.company,
      roleTitle: applications.roleTitle,
    })
    .from(roundInterviewers)
    .innerJoin(rounds, and(eq(rounds.id, roundInterviewers.roundId), eq(rounds.userId, userId)))
    .innerJoin(applications, and(eq(applications.id, rounds.applicationId), eq(applications.userId, userId)))
    .where(
      and(
        eq(roundInterviewers.userId, userId),
        ids ? inArray(roundInterviewers.interviewerId, sql`(select value from json_each(${JSON.stringify(ids)}))`) : undefined,
      ),
    )
    .orderBy(desc(rounds.scheduledAt), desc(rounds.id))
    .all();
  const byPerson = new Map<string, PersonRound[]>();
  for (const { interviewerId, ...round } of rows) {
    const list = byPerson.get(interviewerId);
    if (list) list.push(round);
    else byPerson.set(interviewerId, [round]);
  }
  return byPerson;
}

function assemble(people: (InterviewerView & { matchKey: string })[], links: Map<string, PersonRound[]>): Person[] {
  return people.map(({ matchKey, ...person }) => {
    const own = links.get(person.id) ?? [];
    const companyKey = companyOfKey(matchKey);
    return { ...person, companyKey, company: own[0]?.company.trim() || companyKey, rounds: own };
  });
}

const byCompanyThenName = (a: Person, b: Person) =>
  a.company.localeCompare(b.company, "en", { sensitivity: "base" }) ||
  a.name.localeCompare(b.name, "en", { sensitivity: "base" }) ||
  a.id.localeCompare(b.id);

/** Everyone the user has met, by company (alphabetical), then by name. */
export function listPeople(db: Queryable, { userId }: { userId: string }): Person[] {
  const people = db
    .select({ ...interviewerColumns, matchKey: interviewers.matchKey })
    .from(interviewers)
    .where(eq(interviewers.userId, userId))
    .all();
  return assemble(people, roundsOf(db, userId)).sort(byCompanyThenName);
}

/** One of the user's people, or undefined for a missing or foreign id. */
export function getPerson(db: Queryable, { userId, id }: { userId: string; id: string }): Person | undefined {
  const person = db
    .select({ ...interviewerColumns, matchKey: interviewers.matchKey })
    .from(interviewers)
    .where(and(eq(interviewers.userId, userId), eq(interviewers.id, id)))
    .get();
  return person ? assemble([person], roundsOf(db, userId, [person.id]))[0] : undefined;
}

/** The people met at `company` (any of the user's applications there), for the round form to offer. */
export function peopleAtCompany(db: Queryable, { userId, company }: { userId: string; company: string }): Person[] {
  const people = contactsAtCompany(db, { userId, company });
  return assemble(people, roundsOf(db, userId, people.map((p) => p.id))).sort(byCompanyThenName);
}
