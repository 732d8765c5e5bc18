import Link from "next/link";
import { pageWindow } from "@/lib/applications/page-window";

export const linkClass =
  "inline-flex min-w-10 items-center justify-center rounded-md border px-3 py-1.5 text-sm border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800";
const currentClass =
  "inline-flex min-w-10 items-center justify-center rounded-md border px-3 py-1.5 text-sm font-semibold border-brand-600 bg-brand-600 text-white dark:border-brand-600 dark:bg-brand-600 dark:text-white";
export const disabledClass =
  "inline-flex items-center justify-center rounded-md border px-3 py-1.5 text-sm border-slate-200 text-slate-500 dark:border-slate-700 dark:text-slate-400";

type Props = { page: number; pageCount: number; href: (page: number) => string; label?: string };

/** Previous, numbered pages and Next, each a link made by `href`. */
export function PageLinks({ page, pageCount, href, label = "Pages" }: Props) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-center gap-2">
      {page > 1 ? (
        <Link href={href(page - 1)} className={linkClass} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className={disabledClass} aria-disabled="true">
          ← Previous
        </span>
      )}
      <ol className="flex flex-wrap items-center gap-1">
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden className="px-1 text-slate-600 dark:text-slate-400">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span className={currentClass} aria-current="page">
                  <span className="sr-only">Page </span>
                  {p}
                </span>
              ) : (
                <Link href={href(p)} className={linkClass}>
                  <span className="sr-only">Page </span>
                  {p}
                </Link>
              )}
            </li>
          ),
        )}
      </ol>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={linkClass} rel="next">
          Next →
        </Link>
      ) : (
        <span className={disabledClass} aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}

/** Page `page` (1-based, clamped) of `items`, `size` a page; `total` when `items` holds only the pages up to the one asked for. */
export function pageOf<T>(items: readonly T[], page: number, size: number, total = items.length): { shown: T[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(1, Math.floor(page) || 1), pageCount);
  return { shown: items.slice((p - 1) * size, p * size), page: p, pageCount };
}

const more = "text-brand-700 underline underline-offset-2 dark:text-brand-300";

type PreviewProps = {
  /** The page shown, or null for the preview of the first `preview` items. */
  paged: { page: number; pageCount: number } | null;
  shown: number;
  total: number;
  preview: number;
  /** The URL of page `p` (null: the preview), without the anchor. */
  href: (p: number | null) => string;
  /** Where each link lands: the section's heading. */
  anchor: string;
  /** "applications with steps today" */
  noun: string;
  label: string;
};

/**
 * Under a long section: "Show all N …" from the preview, or the pages and a
 * way back to the preview once showing all.
 */
export function PreviewPager({ paged, shown, total, preview, href, anchor, noun, label }: PreviewProps) {
  if (paged)
    return (
      <>
        <PageLinks page={paged.page} pageCount={paged.pageCount} href={(p) => `${href(p)}#${anchor}`} label={label} />
        <p className="text-sm">
          <Link href={`${href(null)}#${anchor}`} className={more}>
            Show only the first {preview}
          </Link>
        </p>
      </>
    );
  if (shown >= total) return null;
  return (
    <p className="text-sm">
      <Link href={`${href(1)}#${anchor}`} className={more} data-testid={`${anchor}-show-all`}>
        Show all {total.toLocaleString("en-US")} {noun}
      </Link>
    </p>
  );
}
