"use client";

import { useEffect, useId, useRef, useState, type ReactNode } from "react";

export type MenuItem = { key: string; label: ReactNode; onSelect: () => void; tone?: "danger" };

type Props = {
  /** The button's accessible name; should start with its visible text. */
  label: string;
  children: ReactNode;
  items: MenuItem[];
  buttonClassName?: string;
  describedBy?: string;
  /** A tooltip, for a button that shows only an icon. */
  title?: string;
};

const MENU_WIDTH = 192;
/** An item's height (py-2 and a line of text-sm), for placing the list before it is drawn. */
const ITEM_HEIGHT = 36;

/**
 * A menu button (WAI-ARIA pattern): Enter, Space or Arrow Down opens it on
 * its first item, arrows and Home/End move, Escape closes it and gives focus
 * back to the button, Tab closes it and moves on. The list is fixed to the
 * viewport beside its button, so a scrolling board column cannot clip it;
 * scrolling or resizing closes it rather than leave it behind.
 */
export function ActionMenu({ label, children, items, buttonClassName = "btn-secondary px-2 py-1 text-xs", describedBy, title }: Props) {
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const id = useId();
  const open = place !== null;

  useEffect(() => {
    if (!open) return;
    // preventScroll: a scroll closes the menu, and focusing must not cause one.
    list.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus({ preventScroll: true });
    const close = () => setPlace(null);
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!list.current?.contains(target) && !button.current?.contains(target)) close();
    };
    document.addEventListener("pointerdown", onPointer);
    window.addEventListener("scroll", close, true);
    window.addEventListener("resize", close);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      window.removeEventListener("scroll", close, true);
      window.removeEventListener("resize", close);
    };
  }, [open]);

  function show() {
    const rect = button.current?.getBoundingClientRect();
    if (!rect) return;
    const left = Math.max(8, Math.min(rect.right - MENU_WIDTH, window.innerWidth - MENU_WIDTH - 8));
    // Below the button, or above it when the list would run off the bottom of the screen.
    const height = Math.min(items.length * ITEM_HEIGHT + 8, window.innerHeight * 0.6);
    const below = rect.bottom + 4;
    setPlace({ top: below + height > window.innerHeight ? Math.max(8, rect.top - 4 - height) : below, left });
  }

  function hide(refocus: boolean) {
    setPlace(null);
    if (refocus) button.current?.focus({ preventScroll: true });
  }

  function onListKey(event: React.KeyboardEvent<HTMLUListElement>) {
    const entries = [...(list.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    const moveTo: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: entries.length - 1 };
    if (event.key in moveTo) {
      event.preventDefault();
      entries[(moveTo[event.key] + entries.length) % entries.length]?.focus({ preventScroll: true });
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      hide(true);
    } else if (event.key === "Tab") {
      hide(false);
    }
  }

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={label}
        aria-describedby={describedBy}
        title={title}
        className={buttonClassName}
        onClick={() => (open ? hide(false) : show())}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            show();
          }
        }}
      >
        {children}
      </button>
      {open ? (
        <ul
          ref={list}
          id={id}
          role="menu"
          aria-label={label}
          onKeyDown={onListKey}
          style={{ top: place.top, left: place.left, width: MENU_WIDTH }}
          className="fixed z-40 max-h-[60vh] overflow-y-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {items.map((item) => (
            <li key={item.key} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  hide(true);
                  item.onSelect();
                }}
                className={`block w-full px-3 py-2 text-left hover:bg-slate-100 focus:bg-slate-100 focus:outline-none dark:hover:bg-slate-800 dark:focus:bg-slate-800 ${
                  item.tone === "danger" ? "text-red-800 dark:text-red-300" : "text-slate-800 dark:text-slate-100"
                }`}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** Three dots in a row: the usual mark of a small menu of more actions. */
export function MoreIcon({ className = "h-4 w-4" }: { className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className={className} fill="currentColor">
      {/* Three dots as one path: a board draws this on every card. */}
      <path d="M2.4 10a1.6 1.6 0 1 0 3.2 0a1.6 1.6 0 1 0 -3.2 0M8.4 10a1.6 1.6 0 1 0 3.2 0a1.6 1.6 0 1 0 -3.2 0M14.4 10a1.6 1.6 0 1 0 3.2 0a1.6 1.6 0 1 0 -3.2 0" />
    </svg>
  );
}
