import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { requireReader } from "@/app/(app)/request-dates";
import { listPeople } from "@/lib/data/people";
import { filterPeople, groupByCompany } from "@/lib/people/directory";
import { duplicateHints } from "@/lib/people/names";
import { PageLinks, pageOf } from "../_components/page-links";
import { DuplicateHints } from "./_components/duplicate-hints";
import { peopleHref } from "@/lib/people/people-href";
import { PeopleSearch } from "./_components/people-search";
import { PersonFacts } from "./_components/person-facts";

export const metadata: Metadata = { title: "People" };

/** People a page: a long search meets hundreds, and each brings its rounds. */
const PAGE_SIZE = 50;
/** Rounds listed for each person here; their page lists them all. */
const ROUNDS_SHOWN = 5;
const FILTER_MAX = 200;

export default async function PeoplePage({ searchParams }: PageProps<"/people">) {
  const user = await requireReader();
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.slice(0, FILTER_MAX).trim() : "";
  const now = new Date();
  const everyone = await listPeople(getDb(), { userId: user.id });
  const matching = filterPeople(everyone, q);
  const { shown, page, pageCount } = pageOf(matching, Number(params.page), PAGE_SIZE);
  const href = (p: number) => peopleHref(q, p);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">People</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Everyone you have met in your rounds, by company: their details, the rounds they were in and when you last met.
        </p>
      </header>

      {everyone.length === 0 ? (
        <section aria-labelledby="people-empty" className="card px-6 py-10 text-center" data-testid="people-empty">
          <h2 id="people-empty" className="text-lg font-semibold">
            No one yet
          </h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-slate-700 dark:text-slate-300">
            When you log an interview round, add who you met under “Who you met”. They appear here, and the next round at
            the same company offers them again.
          </p>
          <div className="mt-6">
            <Link href="/applications" className="btn-primary">
              Open an application to log a round
            </Link>
          </div>
        </section>
      ) : (
        <>
          <DuplicateHints hints={duplicateHints(everyone)} />
          <PeopleSearch q={q} max={FILTER_MAX} />
          <p className="text-sm text-slate-700 dark:text-slate-300" aria-live="polite">
            {q
              ? `${matching.length} of ${everyone.length} ${everyone.length === 1 ? "person" : "people"} match “${q}”.`
              : `${everyone.length} ${everyone.length === 1 ? "person" : "people"}.`}
          </p>
          {groupByCompany(shown).map((group, i) => (
            <section key={`${group.company}-${i}`} aria-labelledby={`company-${i}`} className="space-y-3" data-testid="people-company">
              <h2 id={`company-${i}`} className="text-lg font-semibold">
                <bdi>{group.company}</bdi>
              </h2>
              <ul className="space-y-3">
                {group.people.map((person) => (
                  <li key={person.id} className="card space-y-2 p-4" data-testid="person">
                    <h3 className="font-semibold">
                      <Link href={`/people/${person.id}`} className="text-brand-700 underline underline-offset-2 dark:text-brand-100">
                        <bdi>{person.name}</bdi>
                      </Link>
                    </h3>
                    <PersonFacts person={person} dates={user.dates} now={now} maxRounds={ROUNDS_SHOWN} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <PageLinks page={page} pageCount={pageCount} href={href} label="People pages" />
        </>
      )}
    </div>
  );
}
