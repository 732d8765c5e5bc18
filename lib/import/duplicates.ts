/** What two applications must share to count as the same one. */
export type DuplicateFields = { company: string; roleTitle: string; appliedOn?: string | null; postingUrl?: string | null };
export type DuplicateReason = "posting-url" | "company-role-date";

// Query parameters that say how someone reached a posting, not which one it is.
const TRACKING = /^(utm_.*|ref|refid|trackingid|trk|trkinfo|src|source|gh_src|lever-source|ebp|originalsubdomain|currentjobid|position|pagenum|sid)$/i;

/** The posting a URL points at: the same job linked from two places, or with a trailing slash, is one key. */
export function postingKey(url: string): string {
  try {
    const u = new URL(url.trim());
    const params = [...u.searchParams.entries()].filter(([k]) => !TRACKING.test(k)).sort(([a], [b]) => a.localeCompare(b));
    const query = params.length ? `?${new URLSearchParams(params).toString()}` : "";
    return `${u.hostname.replace(/^www\./, "").toLowerCase()}${u.pathname.replace(/\/+$/, "")}${query}`;
  } catch {
    return url.trim().toLowerCase();
  }
}

const text = (value: string) => value.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/** The keys an application is known by; any one in common makes two applications the same. */
export function duplicateKeys(a: DuplicateFields): [DuplicateReason, string][] {
  const keys: [DuplicateReason, string][] = [["company-role-date", `${text(a.company)}\u0000${text(a.roleTitle)}\u0000${a.appliedOn ?? ""}`]];
  if (a.postingUrl) keys.unshift(["posting-url", `url\u0000${postingKey(a.postingUrl)}`]);
  return keys;
}

export const DUPLICATE_REASONS: Record<DuplicateReason, string> = {
  "posting-url": "the same job posting URL",
  "company-role-date": "the same company, role and applied date",
};

/**
 * Splits new applications from those Shortlist already has (`known`, the
 * keys of the user's applications) and from repeats within the same file,
 * in order; the first of two repeats is the one kept. `known` gains the
 * keys of what is kept, so calling this again with the same rows finds
 * them all. `withinFile: false` compares with `known` only: a Shortlist
 * export is a copy of an account, whose two look-alike applications are
 * both real.
 */
export function splitDuplicates<T>(
  items: T[],
  fields: (item: T) => DuplicateFields,
  known: Set<string>,
  { withinFile = true }: { withinFile?: boolean } = {},
): { fresh: T[]; duplicates: { item: T; reason: DuplicateReason; earlierInFile: boolean }[] } {
  const fresh: T[] = [];
  const duplicates: { item: T; reason: DuplicateReason; earlierInFile: boolean }[] = [];
  const fromFile = new Set<string>();
  for (const item of items) {
    const keys = duplicateKeys(fields(item));
    const hit = keys.find(([, key]) => known.has(key));
    if (hit) {
      duplicates.push({ item, reason: hit[0], earlierInFile: fromFile.has(hit[1]) });
      continue;
    }
    if (withinFile) {
      for (const [, key] of keys) {
        known.add(key);
        fromFile.add(key);
      }
    }
    fresh.push(item);
  }
  return { fresh, duplicates };
}

export function knownKeys(rows: DuplicateFields[]): Set<string> {
  const known = new Set<string>();
  for (const row of rows) for (const [, key] of duplicateKeys(row)) known.add(key);
  return known;
}
