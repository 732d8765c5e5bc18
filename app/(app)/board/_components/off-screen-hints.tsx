"use client";

import type { RefObject } from "react";
import { STATUS_LABELS } from "@/lib/applications/labels";
import type { ApplicationStatus } from "@/lib/vocabulary";
import type { OffScreen } from "./use-off-screen-columns";

const columns = (n: number) => `${n} ${n === 1 ? "column" : "columns"}`;
const names = (statuses: ApplicationStatus[]) => statuses.map((s) => STATUS_LABELS[s]).join(", ");

const HINT =
  "rounded-full border border-brand-600 bg-white px-3 py-1 text-xs font-medium text-brand-700 shadow-md hover:bg-brand-50 dark:border-brand-100 dark:bg-slate-900 dark:text-brand-100 dark:hover:bg-slate-800";

/**
 * "3 more columns →" on the side where columns are cut off: a click scrolls
 * them into view. Their row is kept even when empty, so that appearing
 * after the first measurement moves nothing on the page, and sits above the
 * board rather than over it, where it would hide a column's name.
 */
export function OffScreenHints({ offScreen, scroller }: { offScreen: OffScreen; scroller: RefObject<HTMLElement | null> }) {
  const reveal = (status: ApplicationStatus, inline: ScrollLogicalPosition) =>
    scroller.current?.querySelector(`[data-column="${status}"]`)?.scrollIntoView({ inline, block: "nearest", behavior: "smooth" });
  const { left, right } = offScreen;
  return (
    <div className="-mt-3 flex items-center gap-2 max-sm:min-h-7 sm:empty:hidden">
      {left.length ? (
        <button
          type="button"
          className={HINT}
          aria-label={`Scroll back to ${columns(left.length)}: ${names(left)}`}
          data-testid="columns-left"
          onClick={() => reveal(left[left.length - 1], "end")}
        >
          <span aria-hidden>← </span>
          {columns(left.length)}
        </button>
      ) : null}
      {right.length ? (
        <button
          type="button"
          className={`${HINT} ml-auto`}
          // ml-auto: on the right edge even when there is no left hint.
          aria-label={`Scroll to ${right.length} more ${right.length === 1 ? "column" : "columns"}: ${names(right)}`}
          data-testid="columns-right"
          onClick={() => reveal(right[0], "start")}
        >
          {right.length} more {right.length === 1 ? "column" : "columns"}
          <span aria-hidden> →</span>
        </button>
      ) : null}
    </div>
  );
}
