import { normaliseName } from "./match";

/** How the People pages read a person's rounds and narrow the list: pure, so tests need no database. */

type Dated = { scheduledAt: Date };

/** The latest round that has started by `now`, from rounds latest first; null while every round is ahead. */
export function lastMet<R extends Dated>(rounds: readonly R[], now: Date): R | null {
  return rounds.find((r) => r.scheduledAt.getTime() <= now.getTime()) ?? null;
}

type Findable = { name: string; email: string | null; company: string };

/** People whose name, email or company contains the text, ignoring case and spacing. */
export function filterPeople<P extends Findable>(people: readonly P[], text: string): P[] {
  const needle = normaliseName(text);
  if (!needle) return [...people];
  return people.filter((p) => [p.name, p.email ?? "", p.company].some((part) => normaliseName(part).includes(needle)));
}

/** Consecutive runs of one company, in the order given (the list is sorted by company already). */
export function groupByCompany<P extends { companyKey: string; company: string }>(people: readonly P[]): { company: string; people: P[] }[] {
  const groups: { key: string; company: string; people: P[] }[] = [];
  for (const person of people) {
    const last = groups.at(-1);
    if (last?.key === person.companyKey) last.people.push(person);
    else groups.push({ key: person.companyKey, company: person.company, people: [person] });
  }
  return groups.map(({ company, people: members }) => ({ company, people: members }));
}
