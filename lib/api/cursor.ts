import { ApiError } from "./api-error";

/**
 * An opaque position in a paged list. Callers pass back what they were
 * given; its inside may change, so it is not a number they could build.
 */
export function encodeCursor(page: number): string {
  return Buffer.from(JSON.stringify({ p: page })).toString("base64url");
}

export function decodeCursor(cursor: string): number {
  try {
    const { p } = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { p?: unknown };
    if (typeof p === "number" && Number.isInteger(p) && p >= 1 && p <= 1_000_000) return p;
  } catch {
    // Falls through to the refusal.
  }
  throw new ApiError(400, "That cursor is not one this API gave out; start again without it.", { cursor: "Not a cursor this API gave out." });
}
