"use client";

import { useState, useTransition } from "react";
import { plural } from "@/lib/text/plural";
import { useOfferUndo } from "../undo/undo-toast-provider";
import { ghostSilentAction } from "../../move-on-actions";
import { useOpenedOnce } from "../guidance/opened-once";

/** `days`: since the company was last heard from (or since applying); `lastContact`: the last contact either way, as shown. */
export type Silent = { applicationId: string; company: string; roleTitle: string; lastContact: string | null; days: number | null };

function headline(silent: Silent[]): string {
  const known = silent.flatMap((s) => (s.days === null ? [] : [s.days]));
  const least = known.length ? Math.min(...known) : null;
  const have = silent.length === 1 ? "has" : "have";
  return least === null ? `${plural(silent.length, "application")} ${have} heard nothing back` : `${plural(silent.length, "application")} ${have} heard nothing for ${least} days or more`;
}

/**
 * One decision for every silent application: the list opens ticked, each
 * with its last contact, and one button marks the ticked ones as ghosted
 * (undo follows in the toast). Nothing is deleted.
 */
export function MoveOnItem({ silent }: { silent: Silent[] }) {
  const offerUndo = useOfferUndo();
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState("");
  const [working, start] = useTransition();
  const ticked = silent.filter((s) => !unticked.has(s.applicationId));
  // The list is drawn once opened: with thousands of applications it can run to
  // hundreds of rows, which a phone would otherwise parse and hydrate unseen.
  const { ref, opened, onToggle } = useOpenedOnce();

  function untick(id: string, on: boolean) {
    setUnticked((old) => {
      const next = new Set(old);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function ghost() {
    setMessage("");
    start(async () => {
      const answer = await ghostSilentAction({ ids: ticked.map((s) => s.applicationId) });
      if (!answer.ok) return setMessage(answer.message);
      if (answer.undo) offerUndo(answer.undo, { focusIfLost: true });
    });
  }

  return (
    <section aria-labelledby="move-on-heading" className="card border-l-4 border-l-amber-600 p-3 sm:p-4 dark:border-l-amber-400" data-testid="move-on-item">
      <details ref={ref} onToggle={onToggle}>
        <summary className="cursor-pointer">
          <h2 id="move-on-heading" className="inline text-base font-semibold">
            {headline(silent)}
          </h2>
          <span className="mt-1 block text-sm text-slate-700 dark:text-slate-300">
            Time to move on from them? Open to review, then mark the ticked ones as ghosted. They stay searchable.
          </span>
        </summary>
        {opened ? (
          <>
            <SilentList silent={silent} unticked={unticked} onTick={untick} />
            <div className="mt-3 flex flex-wrap items-center gap-3">
              <button type="button" className="btn-primary" disabled={working || ticked.length === 0} onClick={ghost}>
                {ticked.length === 0 ? "Tick at least one" : `Mark ${plural(ticked.length, "application")} as ghosted`}
              </button>
              {working ? <span className="text-sm text-slate-600 dark:text-slate-400">Saving…</span> : null}
              {message ? (
                <p role="alert" className="basis-full text-sm text-red-800 dark:text-red-200">
                  {message}
                </p>
              ) : null}
            </div>
          </>
        ) : null}
      </details>
    </section>
  );
}

function SilentList({ silent, unticked, onTick }: { silent: Silent[]; unticked: ReadonlySet<string>; onTick: (id: string, on: boolean) => void }) {
  return (
    <fieldset className="mt-3">
      <legend className="sr-only">Applications to mark as ghosted</legend>
      <ul className="divide-y divide-slate-200 dark:divide-slate-700">
        {silent.map((s) => (
          <li key={s.applicationId} className="py-2">
            <label className="flex items-start gap-3">
              <input
                type="checkbox"
                className="mt-0.5 h-5 w-5 shrink-0 accent-brand-600 dark:accent-brand-400"
                checked={!unticked.has(s.applicationId)}
                onChange={(e) => onTick(s.applicationId, e.currentTarget.checked)}
              />
              <span className="min-w-0">
                <span className="font-medium">
                  {s.roleTitle} at {s.company}
                </span>
                <span className="block text-sm text-slate-700 dark:text-slate-300" data-testid="last-contact">
                  {s.lastContact ? `Last contact ${s.lastContact}` : "No contact logged"}
                  {s.days !== null ? ` · nothing heard for ${plural(s.days, "day")}` : ""}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
