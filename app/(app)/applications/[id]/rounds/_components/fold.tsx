"use client";

import type { ReactNode } from "react";

type Props = { open: boolean; onToggle: (open: boolean) => void; title: string; hint: string; testId: string; children: ReactNode };

/**
 * A part of the round form that waits for its moment. Its fields stay in the
 * form while folded, so saving keeps what they hold.
 */
export function Fold({ open, onToggle, title, hint, testId, children }: Props) {
  return (
    <details open={open} onToggle={(e) => onToggle(e.currentTarget.open)} className="group/fold card p-4 sm:p-5" data-testid={testId}>
      <summary className="cursor-pointer list-none marker:hidden">
        <span className="font-medium text-brand-700 dark:text-brand-300">
          <span aria-hidden className="mr-1 inline-block transition-transform group-open/fold:rotate-90">
            ▸
          </span>
          {title}
        </span>
        <span className="mt-0.5 block text-xs text-slate-600 dark:text-slate-400">{hint}</span>
      </summary>
      <div className="mt-4 space-y-4">{children}</div>
    </details>
  );
}
