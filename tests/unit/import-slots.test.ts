import { describe, expect, it } from "vitest";
import { createImportSlots, DEFAULT_IMPORTS_AT_ONCE, importsAtOnce } from "@/lib/import/import-slots";

function clock() {
  let now = 1_000_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("import slots", () => {
  it("lets one import per account run, and refuses the account's second with when to try again", () => {
    const { now, advance } = clock();
    const slots = createImportSlots({ perServer: 3, now });
    const first = slots.acquire("ana");
    expect(first.ok).toBe(true);
    advance(2_000);
    const second = slots.acquire("ana");
    // Nothing has finished yet: the first guess is 5 s, 2 s of which have passed.
    expect(second).toEqual({ ok: false, own: true, retryAfterSeconds: 3, message: "Your other import is still running. Try again in about 3 seconds, once it has finished." });
    // Another account is not held up by Ana's.
    expect(slots.acquire("ben").ok).toBe(true);
    if (first.ok) first.release();
    expect(slots.acquire("ana").ok).toBe(true);
  });

  it("refuses past the server's limit until one ends, and learns how long imports take", () => {
    const { now, advance } = clock();
    const slots = createImportSlots({ perServer: 2, now });
    const a = slots.acquire("a");
    const b = slots.acquire("b");
    expect(slots.acquire("c")).toMatchObject({ ok: false, retryAfterSeconds: 5, message: expect.stringMatching(/busy reading other imports\. Try again in about 5 seconds/) });
    advance(20_000);
    // Past the guess: at least a second, never zero or negative.
    expect(slots.acquire("c")).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    if (a.ok) a.release();
    if (a.ok) a.release(); // twice is once
    expect(slots.running()).toBe(1);
    const c = slots.acquire("c");
    expect(c.ok).toBe(true);
    // B is overdue: it may end any moment.
    expect(slots.acquire("d")).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    if (b.ok) b.release();
    const e = slots.acquire("e");
    // Two 20 s imports raise the estimate: 5 s → 9.5 s → 12.65 s.
    expect(slots.acquire("f")).toMatchObject({ ok: false, retryAfterSeconds: 13 });
    if (c.ok) c.release();
    if (e.ok) e.release();
    expect(slots.running()).toBe(0);
  });

  it("reads its limit from SHORTLIST_IMPORTS_AT_ONCE, a whole number of at least 1", () => {
    expect(importsAtOnce(undefined)).toBe(DEFAULT_IMPORTS_AT_ONCE);
    expect(importsAtOnce(" 4 ")).toBe(4);
    for (const bad of ["0", "-1", "1.5", "two", ""]) expect(importsAtOnce(bad), bad).toBe(DEFAULT_IMPORTS_AT_ONCE);
  });

  it("queues an account's next import behind its own running one for a while, never behind other accounts'", async () => {
    const slots = createImportSlots({ perServer: 2 });
    const first = slots.acquire("ana");
    if (!first.ok) throw new Error("the first import should run");
    const next = slots.acquireAfterOwn("ana", 2_000);
    setTimeout(first.release, 20);
    const answer = await next;
    expect(answer.ok).toBe(true);
    // Still one at a time: while the queued one runs, a third waits and is refused when the wait runs out.
    expect(await slots.acquireAfterOwn("ana", 30)).toMatchObject({ ok: false, own: true });
    // The server being full of other accounts' imports is answered at once.
    const busy = slots.acquire("ben");
    expect(busy.ok).toBe(true);
    const waited = new Promise((resolve) => setTimeout(() => resolve("still waiting"), 500));
    expect(await Promise.race([slots.acquireAfterOwn("cy", 60_000), waited])).toMatchObject({ ok: false, own: false });
  });
});
