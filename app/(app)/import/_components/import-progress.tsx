"use client";

const PHASE = { checking: "Checking rows", saving: "Saving" } as const;

/**
 * A progress bar for the phase under way. The bar moves with every update;
 * the words a screen reader hears change only every tenth, so it is told
 * how far along the import is without hearing every number.
 */
export function ImportProgress({ phase, done, total }: { phase: keyof typeof PHASE; done: number; total: number | null }) {
  const tenth = total ? Math.floor((done / total) * 10) * 10 : null;
  const words = total ? `${PHASE[phase]}: ${done.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}` : `${PHASE[phase]}…`;
  return (
    <div className="space-y-2" data-testid="import-progress">
      <label htmlFor="import-progress-bar" className="block text-sm font-medium">
        {words}
      </label>
      <progress id="import-progress-bar" max={total ?? undefined} value={total ? done : undefined} className="h-3 w-full accent-brand-600">
        {words}
      </progress>
      <p role="status" className="sr-only">
        {tenth === null ? `${PHASE[phase]}…` : `${PHASE[phase]}, ${tenth}% done`}
      </p>
    </div>
  );
}
