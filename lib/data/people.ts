import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { inList } from "@/db/dialect";
import type { Db } from "@/db/open";
import { snapshot } from "@/db/write";
import { applications, interviewers, roundInterviewers, rounds } from "@/db/schema";
import type { RoundKind } from "@/lib/vocabulary";
import { companyOfKey, contactsAtCompany, interviewerColumns, type InterviewerView } from "./interviewers";
import { ownedApplication } from "./ownership";

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

async function roundsOf(db: Db, { userId, ids }: { userId: string; ids?: string[] }): Promise<Map<string, PersonRound[]>> {
  const rows = await db
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
    .innerJoin(applications, ownedApplication(userId, rounds.applicationId))
    .where(
      and(
        eq(roundInterviewers.userId, userId),
        ids ? inList(roundInterviewers.interviewerId, ids) : undefined,
      ),
    )
    .orderBy(desc(rounds.scheduledAt), desc(rounds.id));
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
export async function listPeople(db: Db, { userId }: { userId: string }): Promise<Person[]> {
  // People and their rounds as of one moment; read one after the other on the snapshot's connection.
  const [people, links] = await snapshot(db, async (read) => {
    const people = await read
      .select({ ...interviewerColumns, matchKey: interviewers.matchKey })
      .from(interviewers)
      .where(eq(interviewers.userId, userId));
    return [people, await roundsOf(read, { userId })] as const;
  });
  return assemble(people, links).sort(byCompanyThenName);
}

/** One of the user's people, or undefined for a missing or foreign id. */
export async function getPerson(db: Db, { userId, id }: { userId: string; id: string }): Promise<Person | undefined> {
  return snapshot(db, async (read) => {
    const [person] = await read
      .select({ ...interviewerColumns, matchKey: interviewers.matchKey })
      .from(interviewers)
      .where(and(eq(interviewers.userId, userId), eq(interviewers.id, id)))
      .limit(1);
    return person ? assemble([person], await roundsOf(read, { userId, ids: [person.id] }))[0] : undefined;
  });
}

/** The people met at `company` (any of the user's applications there), for the round form to offer. */
export async function peopleAtCompany(db: Db, { userId, company }: { userId: string; company: string }): Promise<Person[]> {
  return snapshot(db, async (read) => {
    const people = await contactsAtCompany(read, { userId, company });
    return assemble(people, await roundsOf(read, { userId, ids: people.map((p) => p.id) })).sort(byCompanyThenName);
  });
}
