import { afterEach, describe, expect, it } from "vitest";
import { guidanceQueue } from "@/lib/data/guidance";
import { cacheBudgetBytes, cacheUse } from "@/lib/data/guidance-cache";
import { estimateBytes, SizedCache } from "@/lib/data/sized-cache";
import { overviewOf } from "@/lib/dashboard/overview";
import { createGenerator } from "../../bench/generate";
import { makeUser, testDb } from "./support/db";
import { NOW, thankYouOwed } from "./support/guidance-data";


describe("estimateBytes", () => {
  it("grows with the text a value holds: a byte a character for Latin-1 text, two beyond it, as V8 keeps them", () => {
    expect(estimateBytes({ a: "x".repeat(10_000) })).toBeGreaterThan(10_000);
    expect(estimateBytes({ a: "x".repeat(10_000) })).toBeLessThan(11_000);
    expect(estimateBytes({ a: "é".repeat(10_000) })).toBeLessThan(11_000);
    expect(estimateBytes({ a: "x".repeat(9_999) + "→" })).toBeGreaterThan(20_000);
    expect(estimateBytes({ a: "x".repeat(9_999) + "→" })).toBeLessThan(21_000);
    expect(estimateBytes([1, 2, 3])).toBeLessThan(estimateBytes([1, 2, 3, 4, 5, 6]));
  });

  it("counts an object shared by many entries once, and survives a cycle", () => {
    const shared = { text: "y".repeat(5_000) };
    expect(estimateBytes([shared, shared, shared])).toBeLessThan(2 * estimateBytes(shared));
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(estimateBytes(cyclic)).toBeGreaterThan(0);
  });
});

describe("SizedCache", () => {
  it("evicts the least recently used until the new value fits", () => {
    const cache = new SizedCache<string>(1_000);
    cache.set("a", "a", 200);
    cache.set("b", "b", 200);
    cache.set("c", "c", 200);
    expect(cache.get("a")).toBe("a"); // now b is the least recently used
    cache.set("d", "d", 200);
    cache.set("e", "e", 250);
    expect(cache.get("b")).toBeUndefined();
    expect([cache.get("a"), cache.get("c"), cache.get("d"), cache.get("e")]).toEqual(["a", "c", "d", "e"]);
    expect(cache.bytes).toBe(850);
    expect(cache.bytes).toBeLessThanOrEqual(cache.budgetBytes);
  });

  it("keeps its count of bytes right through replacements and deletions", () => {
    const cache = new SizedCache<string>(1_000);
    cache.set("a", "a", 100);
    cache.set("a", "a2", 150);
    expect(cache.bytes).toBe(150);
    cache.delete("a");
    cache.delete("a");
    expect(cache).toMatchObject({ bytes: 0, size: 0 });
  });

  it("does not keep a value larger than half the budget", () => {
    const cache = new SizedCache<string>(1_000);
    cache.set("half", "s", 500);
    expect(cache.get("half")).toBe("s");
    cache.set("huge", "h", 501);
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("half")).toBe("s");
  });
});

describe("the guidance cache's budget", () => {
  afterEach(() => {
    delete process.env.SHORTLIST_CACHE_MB;
  });

  it("comes from SHORTLIST_CACHE_MB, 256 MB by default", () => {
    expect(cacheBudgetBytes()).toBe(256 * 1024 * 1024);
    process.env.SHORTLIST_CACHE_MB = "8";
    expect(cacheBudgetBytes()).toBe(8 * 1024 * 1024);
  });

  it("holds no more than its budget, however many users ask, and still answers each of them", async () => {
    process.env.SHORTLIST_CACHE_MB = String(40_000 / 1024 / 1024); // about 40 kB: room for seven of these queues
    const db = testDb();
    const users = [];
    for (let i = 0; i < 12; i++) {
      const user = await makeUser(db, `user${i}@example.com`);
      await thankYouOwed(db, user.id);
      users.push({ id: user.id, timeZone: "UTC" });
    }
    for (const user of users) expect((await guidanceQueue(db, { user, now: NOW })).length).toBeGreaterThan(0);
    const use = cacheUse(db);
    expect(use.entries).toBeGreaterThan(0);
    expect(use.entries).toBeLessThan(users.length);
    expect(use.bytes).toBeLessThanOrEqual(40_000);
    // The most recent user is still served from the cache: the same frozen queue.
    const last = users.at(-1)!;
    expect(await guidanceQueue(db, { user: last, now: NOW })).toBe(await guidanceQueue(db, { user: last, now: NOW }));
  });

  // A busy account whose overview is not kept recomputes it on every page
  // (seconds at 20,000 applications): the default must keep the bench's heaviest.
  it("keeps the overview of a 20,000-application account under the default budget", () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const { application } = createGenerator({ seed: 20_261_125, now });
    const overview = overviewOf(Array.from({ length: 20_000 }, (_, i) => application(i)), now);
    const cache = new SizedCache<unknown>(cacheBudgetBytes());
    cache.set("heavy", overview);
    expect(cache.get("heavy")).toBe(overview);
  });
});
