import { createHash } from "node:crypto";

/**
 * The key a reused render is filed under: what is rendered, whose, and a
 * digest of every input the render reads. The user id is spelled out, not
 * only hashed, so two users' keys differ even if everything else matched.
 * Dates are written as their instants and Infinity as a word, so no two
 * distinct inputs serialize alike.
 */
export function renderKey(what: string, userId: string, inputs: readonly unknown[]): string {
  const text = JSON.stringify(inputs, function (this: Record<string, unknown>, name, value: unknown) {
    const raw = this[name];
    if (raw instanceof Date) return `@${raw.getTime()}`;
    if (raw instanceof Map) return [...raw.entries()];
    if (typeof raw === "number" && !Number.isFinite(raw)) return String(raw);
    return value;
  });
  return `${what}:${userId}:${createHash("sha256").update(text).digest("base64url")}`;
}
