import "server-only";
import { getDb } from "@/db/client";
import { noteForeignAccess } from "@/lib/auth/foreign-access";
import { getPerson, listPeople, type Person } from "@/lib/data/people";
import { notFoundError } from "../api-error";
import type { ApiCaller } from "../authenticate";

const personView = ({ companyKey, ...person }: Person) => {
  void companyKey;
  return person;
};

/** Everyone the user has met in a round, with their company and rounds. */
export async function listPeopleOp(caller: ApiCaller) {
  return { items: (await listPeople(getDb(), { userId: caller.id })).map(personView) };
}

export async function getPersonOp(caller: ApiCaller, id: string) {
  const person = await getPerson(getDb(), { userId: caller.id, id });
  if (!person) {
    await noteForeignAccess(caller.id, { kind: "interviewer", id });
    throw notFoundError("No person with that id in your account.");
  }
  return personView(person);
}
