type Props = { open: boolean; onToggle: () => void; controls: string; active: number };

/** On a phone, the button the folded filters sit behind; it counts the filters that are set. Hidden from small screens up. */
export function FilterToggle({ open, onToggle, controls, active }: Props) {
  return (
    <button type="button" className="btn-secondary shrink-0 gap-1.5 sm:hidden" aria-expanded={open} aria-controls={controls} onClick={onToggle}>
      Filters{" "}
      {active ? (
        <span className="inline-flex min-w-5 items-center justify-center rounded-full bg-brand-600 px-1.5 text-xs font-semibold text-white dark:bg-brand-300 dark:text-slate-950">
          {active}
          <span className="sr-only"> set</span>
        </span>
      ) : null}
    </button>
  );
}
