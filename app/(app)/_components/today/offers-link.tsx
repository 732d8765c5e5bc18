import Link from "next/link";

/**
 * With two or more offers open, the dashboard points to their side-by-side
 * comparison. It reads the status counts the dashboard already has, so it
 * costs the page no query.
 */
export function OffersLink({ open }: { open: number }) {
  if (open < 2) return null;
  return (
    <p className="card flex flex-wrap items-baseline justify-between gap-2 border-l-4 border-l-emerald-700 p-3 sm:p-4 dark:border-l-emerald-400" data-testid="offers-link">
      <span>
        <span className="font-semibold">{open} offers are open.</span> See their terms, deadlines and how much you want each, side by side.
      </span>
      <Link href="/offers" className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-300">
        Compare offers
      </Link>
    </p>
  );
}
