import { z } from "zod";
import { APPLICATION_SORTS, SORT_DIRECTIONS, type ApplicationSort, type SortDirection } from "@/lib/validation/application-filter";

/**
 * A place in the list, between two rows: the sort key and id of the row it
 * sits beside. A page starts after (or, going back, ends before) that row, so
 * reading it is one index range of 25 rows however deep it is, and a row added
 * or removed elsewhere cannot make the next page skip or repeat another.
 * Opaque to callers: base64url JSON whose inside may change.
 */
export type ListCursor = {
  sort: ApplicationSort;
  direction: SortDirection;
  /** The row's sort key as the query compares it; null for an undated, unrated or step-sorted row. */
  key: string | number | null;
  id: string;
  /** "after": the page after this row; "before": the page before it. */
  toward: "after" | "before";
  /** How many rows precede the page's first one when the cursor was made: only for "Showing 26–50", never for reading. */
  at: number;
};

/** Long enough for a lowered 120-character company name in JSON, base64url. */
export const CURSOR_MAX = 1000;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What each sort's key may be: a tampered cursor with the wrong kind of key is refused, not passed to SQL. */
const KEY: Record<ApplicationSort, z.ZodType<string | number | null>> = {
  updated: z.number().int().min(0),
  applied: z.string().regex(DATE).nullable(),
  company: z.string().max(500),
  excitement: z.number().int().min(1).max(5).nullable(),
  "next-step": z.null(),
};

const payload = z.strictObject({
  s: z.enum(APPLICATION_SORTS),
  d: z.enum(SORT_DIRECTIONS),
  k: z.union([z.string(), z.number(), z.null()]),
  i: z.uuid(),
  t: z.enum(["a", "b"]),
  n: z.number().int().min(0).max(10_000_000),
});

export function encodeListCursor(c: ListCursor): string {
  const body: z.infer<typeof payload> = { s: c.sort, d: c.direction, k: c.key, i: c.id, t: c.toward === "after" ? "a" : "b", n: c.at };
  return Buffer.from(JSON.stringify(body)).toString("base64url");
}

/** The cursor, or null when it is not one this app made (malformed, tampered, or for another sort or direction). */
export function decodeListCursor(text: string, sort: ApplicationSort, direction: SortDirection): ListCursor | null {
  if (text.length > CURSOR_MAX) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = payload.safeParse(raw);
  if (!parsed.success) return null;
  const p = parsed.data;
  // A cursor is a place in one order: in another it names nothing.
  if (p.s !== sort || p.d !== direction || !KEY[sort].safeParse(p.k).success) return null;
  return { sort: p.s, direction: p.d, key: p.k, id: p.i, toward: p.t === "a" ? "after" : "before", at: p.n };
}
