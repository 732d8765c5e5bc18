"use client";

import { useEffect, useState, type RefObject } from "react";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/lib/vocabulary";

export type OffScreen = { left: ApplicationStatus[]; right: ApplicationStatus[] };

const NONE: OffScreen = { left: [], right: [] };
// A column within a few pixels of the edge counts as seen: sub-pixel widths never line up exactly.
const TOLERANCE_PX = 4;

const isStatus = (value: string | undefined): value is ApplicationStatus => APPLICATION_STATUSES.includes(value as ApplicationStatus);

/**
 * The columns not wholly in view to the left and right of the board's
 * scroller, kept up to date as it scrolls or resizes, so the board can say
 * "3 more columns →" instead of leaving them to be found by chance.
 * `layoutKey` changes whenever a column opens or closes.
 */
export function useOffScreenColumns(scroller: RefObject<HTMLElement | null>, layoutKey: string): OffScreen {
  const [offScreen, setOffScreen] = useState<OffScreen>(NONE);
  useEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const measure = () => {
      const view = box.getBoundingClientRect();
      const next: OffScreen = { left: [], right: [] };
      for (const column of box.querySelectorAll<HTMLElement>("[data-column]")) {
        const status = column.dataset.column;
        if (!isStatus(status)) continue;
        const rect = column.getBoundingClientRect();
        if (rect.left < view.left - TOLERANCE_PX) next.left.push(status);
        else if (rect.right > view.right + TOLERANCE_PX) next.right.push(status);
      }
      setOffScreen((old) => (old.left.join() === next.left.join() && old.right.join() === next.right.join() ? old : next));
    };
    measure();
    box.addEventListener("scroll", measure, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(box);
    return () => {
      box.removeEventListener("scroll", measure);
      resize.disconnect();
    };
  }, [scroller, layoutKey]);
  return offScreen;
}
