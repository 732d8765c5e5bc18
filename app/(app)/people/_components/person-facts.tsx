import Link from "next/link";
import type { Person } from "@/lib/data/people";
import { ROUND_KIND_LABELS } from "@/lib/interviews/catalog";
import { lastMet } from "@/lib/people/directory";
import type { DateStyle } from "@/lib/time/formats";
import { roundWhen } from "./people-dates";

type Props = {
  person: Person;
  dates: DateStyle;
  now: Date;
  /** How many rounds to list; the rest are counted, with a link to the person's page. */
  maxRounds?: number;
};

const link = "text-brand-700 underline underline-offset-2 dark:text-brand-300";

/** A person's title, email, when last met and the rounds they were in, each linked to its round. */
export function PersonFacts({ person, dates, now, maxRounds }: Props) {
  const met = lastMet(person.rounds, now);
  const shown = maxRounds === undefined ? person.rounds : person.rounds.slice(0, maxRounds);
  const more = person.rounds.length - shown.length;
  return (
    <div className="space-y-2 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {person.title ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Title</dt>
            <dd className="text-slate-900 dark:text-slate-100" dir="auto">
              {person.title}
            </dd>
          </>
        ) : null}
        {person.email ? (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Email</dt>
            <dd className="break-all">
              <a href={`mailto:${person.email}`} className={link}>
                {person.email}
              </a>
            </dd>
          </>
        ) : null}
        <dt className="text-slate-600 dark:text-slate-400">Last met</dt>
        <dd className="text-slate-900 dark:text-slate-100" data-testid="last-met">
          {met ? roundWhen(met.scheduledAt, dates) : "not met yet"}
        </dd>
      </dl>
      {shown.length ? (
        <ul className="space-y-1" aria-label={`Rounds with ${person.name}`}>
          {shown.map((r) => (
            <li key={r.roundId}>
              <Link href={`/applications/${r.applicationId}#round-${r.roundId}`} className={link}>
                {ROUND_KIND_LABELS[r.kind]} · {roundWhen(r.scheduledAt, dates)} · <bdi>{r.company}</bdi>, <bdi>{r.roleTitle}</bdi>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {more > 0 ? (
        <p>
          <Link href={`/people/${person.id}`} className={link}>
            {more === 1 ? "1 more round" : `${more} more rounds`} with {person.name}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
