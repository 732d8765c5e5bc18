import Link from "next/link";
import type { Person } from "@/lib/data/people";
import type { DuplicateHint } from "@/lib/people/names";

/** Pairs listed before "and N more": a long list of guesses helps no one. */
const HINTS_SHOWN = 5;

/**
 * People at one company who might be one person logged twice ("J. Whitfield"
 * and "James Whitfield"). Each links to the fuller entry's page with the
 * other chosen in its merge form, so the merge is the one that already
 * exists, with its confirmation.
 */
export function DuplicateHints({ hints }: { hints: DuplicateHint<Person>[] }) {
  if (hints.length === 0) return null;
  return (
    <section aria-labelledby="duplicate-hints-heading" className="card space-y-2 p-4" data-testid="duplicate-hints">
      <h2 id="duplicate-hints-heading" className="text-base font-semibold">
        Maybe the same person
      </h2>
      <ul className="space-y-2 text-sm">
        {hints.slice(0, HINTS_SHOWN).map(({ keep, other }) => (
          <li key={`${keep.id}-${other.id}`} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span>
              <bdi className="font-medium">{other.name}</bdi> and <bdi className="font-medium">{keep.name}</bdi> at <bdi>{keep.company}</bdi>
            </span>
            <Link href={`/people/${keep.id}?merge=${other.id}`} className="text-brand-700 underline underline-offset-2 dark:text-brand-100">
              Review merging <bdi>{other.name}</bdi> into <bdi>{keep.name}</bdi>
            </Link>
          </li>
        ))}
      </ul>
      {hints.length > HINTS_SHOWN ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">…and {hints.length - HINTS_SHOWN} more pairs.</p>
      ) : null}
    </section>
  );
}
