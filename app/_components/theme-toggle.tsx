"use client";

import { useActionState } from "react";
import { THEME_CHOICES, THEME_LABELS, type ThemeChoice } from "@/lib/theme";
import { setThemeAction, type ThemeState } from "../theme-actions";

const ICONS: Record<ThemeChoice, React.ReactNode> = {
  system: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </>
  ),
  light: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
    </>
  ),
  dark: <path d="M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z" />,
};

/**
 * Three submit buttons rather than a select that acts on change: each is one
 * Tab stop and one Enter, and the form posts the same way without JavaScript.
 */
export function ThemeToggle({ current }: { current: ThemeChoice }) {
  const [state, formAction, pending] = useActionState<ThemeState, FormData>(setThemeAction, {});
  return (
    <form action={formAction} className="flex items-center" aria-busy={pending}>
      <fieldset className="flex rounded-md border border-slate-300 bg-white p-0.5 dark:border-slate-600 dark:bg-slate-800">
        <legend className="sr-only">Colour theme</legend>
        {THEME_CHOICES.map((choice) => {
          const active = choice === current;
          return (
            <button
              key={choice}
              type="submit"
              name="theme"
              value={choice}
              aria-pressed={active}
              title={`${THEME_LABELS[choice]} theme`}
              className={`inline-flex h-9 w-9 items-center justify-center rounded ${
                active
                  ? "bg-brand-600 text-white dark:bg-brand-300 dark:text-slate-950"
                  : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-700"
              }`}
            >
              <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
                {ICONS[choice]}
              </svg>
              <span className="sr-only">{THEME_LABELS[choice]}</span>
            </button>
          );
        })}
      </fieldset>
      {state.message ? (
        <p role="alert" className="ml-2 text-sm text-red-700 dark:text-red-300">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
