"use client";

import { useEffect, useState, useTransition } from "react";
import type { Silent } from "@/lib/dashboard/silent";
import { plural } from "@/lib/text/plural";
import { useOfferUndo } from "../undo/undo-toast-provider";
import { ghostSilentAction, silentRowsAction } from "../../move-on-actions";
import { useOpenedOnce } from "../guidance/opened-once";
import { SilentList } from "./silent-list";

/** The last answer to a fetch of the rows, and which fetch (signature and attempt) it answered. */
type Answer = { key: string; rows: Silent[] | null };

/**
 * One decision for every silent application: the list opens ticked, each
 * with its last contact, and one button marks the ticked ones as ghosted
 * (undo follows in the toast). Nothing is deleted. The page sends only the
 * heading: the rows (hundreds, for a big old search) are fetched on
 * opening, and again when `signature` says the server's list changed.
 */
export function MoveOnItem({ headline, signature }: { headline: string; signature: string }) {
  const offerUndo = useOfferUndo();
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState("");
  const [working, start] = useTransition();
  const { ref, opened, onToggle } = useOpenedOnce();
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const key = `${signature}#${attempt}`;

  useEffect(() => {
    // Fetched on first opening, again when the page says the list changed, and on Try again.
    if (!opened) return;
    let current = true;
    silentRowsAction().then(
      (rows) => current && setAnswer({ key, rows }),
      () => current && setAnswer({ key, rows: null }),
    );
    return () => {
      current = false;
    };
  }, [opened, key]);

  const answered = answer?.key === key;
  const failed = answered && answer.rows === null;
  // Until the new answer comes, the last rows stay, marked busy and not actionable.
  const stale = !answered && answer?.rows != null;
  const silent = answer?.rows ?? [];
  const loading = opened && !answered && !stale;
  const ticked = silent.filter((s) => !unticked.has(s.applicationId));

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
      const result = await ghostSilentAction({ ids: ticked.map((s) => s.applicationId) });
      if (!result.ok) return setMessage(result.message);
      if (result.undo) offerUndo(result.undo, { focusIfLost: true });
    });
  }

  return (
    <section aria-labelledby="move-on-heading" className="card border-l-4 border-l-amber-600 p-3 sm:p-4 dark:border-l-amber-400" data-testid="move-on-item">
      <details ref={ref} onToggle={onToggle}>
        <summary className="cursor-pointer">
          <h2 id="move-on-heading" className="inline text-base font-semibold">
            {headline}
          </h2>
          <span className="mt-1 block text-sm text-slate-700 dark:text-slate-300">
            Time to move on from them? Open to review, then mark the ticked ones as ghosted. They stay searchable.
          </span>
        </summary>
        {loading ? (
          <p role="status" className="mt-3 text-sm text-slate-700 dark:text-slate-300" data-testid="move-on-loading">
            Loading the applications…
          </p>
        ) : null}
        {failed ? (
          <div role="alert" className="mt-3 flex flex-wrap items-center gap-3 text-sm text-red-800 dark:text-red-200">
            <p>The list could not be loaded. Check your connection and try again.</p>
            <button type="button" className="btn-secondary" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          </div>
        ) : null}
        {answer?.rows && !failed ? (
          <div aria-busy={stale}>
            <SilentList silent={silent} unticked={unticked} onTick={untick} />
            <div className="mt-3 flex flex-wrap items-center gap-3">
              <button type="button" className="btn-primary" disabled={working || stale || ticked.length === 0} onClick={ghost}>
                {ticked.length === 0 ? "Tick at least one" : `Mark ${plural(ticked.length, "application")} as ghosted`}
              </button>
              {working ? <span className="text-sm text-slate-600 dark:text-slate-400">Saving…</span> : null}
              {message ? (
                <p role="alert" className="basis-full text-sm text-red-800 dark:text-red-200">
                  {message}
                </p>
              ) : null}
            </div>
          </div>
        ) : null}
      </details>
    </section>
  );
}
