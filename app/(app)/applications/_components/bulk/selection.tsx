"use client";

import { createContext, useContext, useMemo, useRef, useState } from "react";

type Selection = {
  pageIds: readonly string[];
  /** Rows matching the filters across every page. */
  total: number;
  /** The list's query string, for "select all matching". */
  query: string;
  picked: ReadonlySet<string>;
  /** Every application the filters match, on this page or not. */
  allMatching: boolean;
  toggle: (id: string, checked: boolean, range: boolean) => void;
  setPage: (checked: boolean) => void;
  selectAllMatching: () => void;
  clear: () => void;
};

const SelectionContext = createContext<Selection | null>(null);

export function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error("useSelection outside <BulkSelection>");
  return selection;
}

/** The ids between two rows of the page, both included, in page order. */
export function rangeBetween(pageIds: readonly string[], from: string, to: string): string[] {
  const a = pageIds.indexOf(from);
  const b = pageIds.indexOf(to);
  if (a < 0 || b < 0) return [to];
  return pageIds.slice(Math.min(a, b), Math.max(a, b) + 1);
}

/**
 * Which rows of the list are ticked. Shift with a click (or with Space on a
 * checkbox) ticks or unticks every row from the last one touched. Keyed by
 * the page's query on the page, so a new search starts with nothing ticked.
 */
export function BulkSelection({ pageIds, total, query, children }: { pageIds: string[]; total: number; query: string; children: React.ReactNode }) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const anchor = useRef<string | null>(null);
  const value = useMemo<Selection>(() => {
    const onPage = (ids: Set<string>) => new Set([...ids].filter((id) => pageIds.includes(id)));
    return {
      pageIds,
      total,
      query,
      picked,
      allMatching,
      toggle(id, checked, range) {
        const ids = range && anchor.current ? rangeBetween(pageIds, anchor.current, id) : [id];
        anchor.current = id;
        setAllMatching(false);
        setPicked((old) => {
          const next = onPage(new Set(old));
          for (const each of ids) {
            if (checked) next.add(each);
            else next.delete(each);
          }
          return next;
        });
      },
      setPage(checked) {
        setAllMatching(false);
        setPicked(checked ? new Set(pageIds) : new Set());
      },
      selectAllMatching() {
        setPicked(new Set(pageIds));
        setAllMatching(true);
      },
      clear() {
        anchor.current = null;
        setAllMatching(false);
        setPicked(new Set());
      },
    };
  }, [pageIds, total, query, picked, allMatching]);
  return <SelectionContext.Provider value={value}>{children}</SelectionContext.Provider>;
}

/** A row's tick box, named for its application so a list of them reads as more than "checkbox, checkbox". */
export function RowCheckbox({ id, name }: { id: string; name: string }) {
  const { picked, allMatching, toggle } = useSelection();
  return (
    <input
      type="checkbox"
      className="mt-1 h-5 w-5 shrink-0 accent-brand-600 sm:mt-0 dark:accent-brand-400"
      aria-label={`Select ${name}`}
      checked={allMatching || picked.has(id)}
      data-testid="row-checkbox"
      onChange={() => {}}
      onClick={(e) => toggle(id, e.currentTarget.checked, e.shiftKey)}
    />
  );
}
