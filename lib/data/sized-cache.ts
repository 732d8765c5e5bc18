// A least-recently-used cache bounded by the memory its values hold, not by
// how many there are: one busy account's next-step queue can weigh as much
// as a thousand light ones, and a bound by count let the server grow past a
// gigabyte under load.

/** What V8 spends, roughly, per object header, per property slot and per string. */
export const OBJECT_BYTES = 32;
export const SLOT_BYTES = 8;
export const STRING_BYTES = 16;

/** V8 keeps a string at one byte a character unless it holds one beyond Latin-1. */
const TWO_BYTE = /[^\u0000-\u00ff]/;

/**
 * An estimate of the heap bytes a value holds: strings at one or two bytes
 * a character, as V8 stores them, numbers and slots at eight, objects, arrays
 * and dates with a header. Shared objects are counted once. Good to tens of
 * percent, which is what a budget needs; it walks the value once.
 */
export function estimateBytes(value: unknown): number {
  const seen = new Set<object>();
  const pending: unknown[] = [value];
  let bytes = 0;
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === "string") bytes += STRING_BYTES + (TWO_BYTE.test(next) ? 2 : 1) * next.length;
    else if (next === null || typeof next !== "object") bytes += SLOT_BYTES;
    else if (!seen.has(next)) {
      seen.add(next);
      if (next instanceof Date) {
        bytes += OBJECT_BYTES;
      } else if (Array.isArray(next)) {
        bytes += OBJECT_BYTES + SLOT_BYTES * next.length;
        pending.push(...next);
      } else {
        const entries = Object.entries(next);
        bytes += OBJECT_BYTES + 2 * SLOT_BYTES * entries.length;
        for (const [, v] of entries) pending.push(v);
      }
    }
  }
  return bytes;
}

export class SizedCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private used = 0;

  /** A value larger than this share of the budget is not kept: it would push out nearly everyone else for one user. */
  static readonly LARGEST_SHARE = 1 / 2;

  constructor(readonly budgetBytes: number) {}

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Refresh its place, so the least recently used is the one evicted.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps the value if it fits, evicting the least recently used until it does. */
  set(key: string, value: V, bytes = estimateBytes(value)): void {
    this.delete(key);
    if (bytes > this.budgetBytes * SizedCache.LARGEST_SHARE) return;
    for (const [oldest, entry] of this.entries) {
      if (this.used + bytes <= this.budgetBytes) break;
      this.entries.delete(oldest);
      this.used -= entry.bytes;
    }
    this.entries.set(key, { value, bytes });
    this.used += bytes;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }
}
