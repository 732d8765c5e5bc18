import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getDb } from "@/db/client";
import { notFoundFor } from "@/lib/auth/foreign-access";
import { requireReader } from "@/app/(app)/request-dates";
import { getPerson, listPeople, type Person } from "@/lib/data/people";
import { MergeForm, type MergeChoice } from "../_components/merge-form";
import { PersonFacts } from "../_components/person-facts";

/** Choices from other companies in the merge picker: a longer list is for the People page's filter. */
const OTHERS_SHOWN = 200;

// Cached for the request: the metadata and the page read the same person, and a foreign id is logged once.
const loadPerson = cache(async (id: string) => {
  const user = await requireReader();
  const person = await getPerson(getDb(), { userId: user.id, id });
  if (!person) return notFoundFor(user.id, { kind: "interviewer", id });
  return { user, person };
});

export async function generateMetadata({ params }: PageProps<"/people/[id]">): Promise<Metadata> {
  const { person } = await loadPerson((await params).id);
  return { title: person.name };
}

const choice = (p: Person): MergeChoice => ({ id: p.id, label: [p.name, p.title, p.email].filter(Boolean).join(" · ") });

export default async function PersonPage({ params, searchParams }: PageProps<"/people/[id]">) {
  const { user, person } = await loadPerson((await params).id);
  // From a "Maybe the same person" hint: chosen only if it is one of this user's choices below.
  const suggested = (await searchParams).merge;
  const others = (await listPeople(getDb(), { userId: user.id })).filter((p) => p.id !== person.id);
  const sameCompany = others.filter((p) => p.companyKey === person.companyKey).map(choice);
  const elsewhere = others.filter((p) => p.companyKey !== person.companyKey);

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/people" className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
          ← People
        </Link>
      </nav>
      <header>
        <h1 className="text-2xl font-semibold tracking-tight" dir="auto">
          {person.name}
        </h1>
        <p className="text-lg text-slate-700 dark:text-slate-300" dir="auto">
          {person.company}
        </p>
      </header>
      <section aria-labelledby="person-facts" className="card p-4 sm:p-6">
        <h2 id="person-facts" className="sr-only">
          Details and rounds
        </h2>
        <PersonFacts person={person} dates={user.dates} now={new Date()} />
      </section>
      <section aria-labelledby="merge-heading" className="card space-y-3 p-4 sm:p-6">
        <h2 id="merge-heading" className="text-lg font-semibold">
          Merge
        </h2>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The same person logged twice? Choose the other one: their rounds move to {person.name}, a missing title or email
          is taken from them, and the other entry is deleted.
        </p>
        {others.length ? (
          <MergeForm
            keep={{ id: person.id, name: person.name }}
            company={person.company}
            sameCompany={sameCompany}
            elsewhere={elsewhere.slice(0, OTHERS_SHOWN).map((p) => ({ ...choice(p), label: `${choice(p).label} (${p.company})` }))}
            elsewhereHidden={Math.max(0, elsewhere.length - OTHERS_SHOWN)}
            suggested={typeof suggested === "string" ? suggested : undefined}
          />
        ) : (
          <p className="text-sm text-slate-700 dark:text-slate-300">There is no one else to merge with yet.</p>
        )}
      </section>
    </div>
  );
}
