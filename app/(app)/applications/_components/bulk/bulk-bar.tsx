"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { plural } from "@/lib/text/plural";
import type { BulkActionInput } from "@/lib/validation/bulk-action";
import { useOfferUndo } from "../../../_components/undo/undo-toast-provider";
import { bulkAction } from "../../bulk-actions";
import { BulkActions } from "./bulk-actions-menu";
import { BulkConfirm, type Pending } from "./bulk-confirm";
import { useSelection } from "./selection";

/**
 * Above the list: tick the page, then act on the ticked rows or on every
 * application the filters match. Delete, and anything done to rows not on
 * the page, asks first with the count; everything offers Undo after.
 */
export function BulkBar() {
  const selection = useSelection();
  const offerUndo = useOfferUndo();
  const [message, setMessage] = useState("");
  const [confirming, setConfirming] = useState<Pending | null>(null);
  const [working, startWork] = useTransition();
  const pageBox = useRef<HTMLInputElement>(null);
  const count = selection.allMatching ? selection.total : selection.picked.size;
  const pageTicked = selection.pageIds.filter((id) => selection.picked.has(id)).length;

  useEffect(() => {
    if (pageBox.current) pageBox.current.indeterminate = !selection.allMatching && pageTicked > 0 && pageTicked < selection.pageIds.length;
  }, [pageTicked, selection.pageIds.length, selection.allMatching]);

  function run(action: BulkActionInput["action"]) {
    const chosen: BulkActionInput["selection"] = selection.allMatching
      ? { kind: "matching", query: selection.query, expected: selection.total }
      : { kind: "picked", ids: [...selection.picked] };
    setConfirming(null);
    setMessage("");
    startWork(async () => {
      const answer = await bulkAction({ action, selection: chosen });
      if (!answer.ok) return setMessage(answer.message);
      selection.clear();
      if (answer.undo) offerUndo(answer.undo);
    });
  }

  function ask(action: BulkActionInput["action"]) {
    if (action.kind === "delete" || selection.allMatching) setConfirming({ action, count });
    else run(action);
  }

  return (
    <div className="card flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 dark:border-slate-700 dark:bg-slate-900" data-testid="bulk-bar">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          ref={pageBox}
          type="checkbox"
          className="h-5 w-5 accent-brand-600 dark:accent-brand-400"
          checked={selection.allMatching || (pageTicked > 0 && pageTicked === selection.pageIds.length)}
          onChange={(e) => selection.setPage(e.currentTarget.checked)}
        />
        Select all on this page
      </label>
      {count > 0 ? (
        <>
          <p className="text-sm" data-testid="selected-count">
            {selection.allMatching ? `All ${plural(count, "application")} matching selected` : `${plural(count, "application")} selected`}
          </p>
          {!selection.allMatching && pageTicked === selection.pageIds.length && selection.total > selection.pageIds.length ? (
            <button type="button" className="text-sm font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100" onClick={selection.selectAllMatching}>
              Select all {plural(selection.total, "application")} matching
            </button>
          ) : null}
          <button type="button" className="text-sm text-slate-700 underline underline-offset-2 dark:text-slate-300" onClick={selection.clear}>
            Clear selection
          </button>
          <BulkActions count={count} working={working} onAct={ask} />
        </>
      ) : (
        <p className="hidden text-sm text-slate-600 sm:block dark:text-slate-400">Tick applications to mark them ghosted, archive, move or delete them together. Shift-click ticks a range.</p>
      )}
      {message ? (
        <p role="alert" className="basis-full text-sm text-red-800 dark:text-red-200">
          {message}
        </p>
      ) : null}
      <BulkConfirm pending={confirming} onConfirm={run} onCancel={() => setConfirming(null)} />
    </div>
  );
}
