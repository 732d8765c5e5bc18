/**
 * Page numbers to offer: the first, the last, and two either side of the
 * current one; null marks a gap. A gap of one page shows that page instead,
 * since "…" would take the same room.
 */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2]);
  const pages = [...wanted].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  return pages.flatMap((p, i) => {
    const gap = i > 0 ? p - pages[i - 1] - 1 : 0;
    return gap === 0 ? [p] : gap === 1 ? [p - 1, p] : [null, p];
  });
}
