"use client";

import Link from "next/link";
import { useLiveQuery } from "@/app/_components/use-live-query";
import { peopleHref } from "@/lib/people/people-href";

/**
 * The People filter: narrows as you type (after a pause), keeps the URL in
 * step, and still works as a GET form without JavaScript.
 */
export function PeopleSearch({ q, max }: { q: string; max: number }) {
  const { values, change, submit, pending } = useLiveQuery(peopleHref(q), () => ({ q }), (v) => peopleHref(v.q));
  return (
    <form role="search" aria-label="Filter people" className="card flex flex-wrap items-end gap-3 p-4" onSubmit={submit} aria-busy={pending}>
      <div className="min-w-0 flex-1">
        <label htmlFor="people-q" className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
          Filter
        </label>
        <input
          id="people-q"
          name="q"
          type="search"
          value={values.q}
          onChange={(e) => change({ q: e.target.value }, true)}
          maxLength={max}
          placeholder="Name, email or company"
          className="input"
        />
      </div>
      <noscript>
        <button type="submit" className="btn-secondary">
          Filter
        </button>
      </noscript>
      {q ? (
        <Link href="/people" className="btn-secondary">
          Show everyone
        </Link>
      ) : null}
    </form>
  );
}
