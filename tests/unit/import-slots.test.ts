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

  it("queues an account's preview behind its own running preview for a while, never behind a run or other accounts'", async () => {
    const slots = createImportSlots({ perServer: 2 });
    const first = slots.acquire("ana", "preview");
    if (!first.ok) throw new Error("the first preview should run");
    const next = slots.acquireAfterOwn("ana", "preview", 2_000);
    setTimeout(first.release, 20);
    const answer = await next;
    expect(answer.ok).toBe(true);
    // Still one at a time: while the queued one runs, a third waits and is refused when the wait runs out.
    expect(await slots.acquireAfterOwn("ana", "preview", 30)).toMatchObject({ ok: false, own: true });
    if (answer.ok) answer.release();
    // A run being saved is answered at once, as is a server full of other accounts' imports.
    const waited = () => new Promise((resolve) => setTimeout(() => resolve("still waiting"), 500));
    const run = slots.acquire("ana", "run");
    expect(run.ok).toBe(true);
    expect(await Promise.race([slots.acquireAfterOwn("ana", "preview", 60_000), waited()])).toMatchObject({ ok: false, own: true });
    expect(slots.acquire("ben").ok).toBe(true);
    expect(await Promise.race([slots.acquireAfterOwn("cy", "preview", 60_000), waited()])).toMatchObject({ ok: false, own: false });
  });
});
