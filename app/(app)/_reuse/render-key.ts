import { createHash } from "node:crypto";

/**
 * The key a reused render is filed under: what is rendered, whose, and a
 * digest of the inputs the render reads (plain JSON: dates as their ISO
 * instants; an infinite instant is written as null, which no finite one is).
 * The user id is spelled out, not only hashed, so two users' keys differ
 * even if everything else matched.
 */
export function renderKey(what: string, userId: string, inputs: readonly unknown[]): string {
  return `${what}:${userId}:${createHash("sha256").update(JSON.stringify(inputs)).digest("base64url")}`;
}
