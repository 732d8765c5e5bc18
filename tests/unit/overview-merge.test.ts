import { describe, expect, it } from "vitest";
import { ExpiryQueue } from "@/lib/data/guidance-expiry";
import { replaceItems } from "@/lib/dashboard/overview";

type Item = { app: string; n: number };
const byN = (a: Item, b: Item) => a.n - b.n || (a.app < b.app ? -1 : a.app > b.app ? 1 : 0);
const item = (app: string, n: number): Item => ({ app, n });

describe("replaceItems", () => {
  it("gives what a sort of everything would, keeping the untouched items themselves", () => {
    const sorted = [item("a", 1), item("b", 2), item("a", 3), item("c", 3), item("b", 5), item("c", 8)].sort(byN);
    const removed = sorted.filter((i) => i.app === "a");
    const added = [item("a", 9), item("a", 0), item("a", 3)];
    const merged = replaceItems(sorted, removed, [...added], byN);
    const expected = [...sorted.filter((i) => i.app !== "a"), ...added].sort(byN);
    expect(merged).toEqual(expected);
    for (const kept of sorted.filter((i) => i.app !== "a")) expect(merged).toContain(kept);
    expect(merged?.filter((i) => removed.includes(i))).toEqual([]);
  });

  it("matches a full sort over many random replacements", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    let sorted = Array.from({ length: 300 }, (_, i) => item(`app${i % 40}`, Math.floor(random() * 50))).sort(byN);
    for (let round = 0; round < 50; round++) {
      const app = `app${Math.floor(random() * 45)}`;
      const added = Array.from({ length: Math.floor(random() * 4) }, () => item(app, Math.floor(random() * 50)));
      const merged = replaceItems(sorted, sorted.filter((i) => i.app === app), [...added], byN);
      expect(merged).toEqual([...sorted.filter((i) => i.app !== app), ...added].sort(byN));
      sorted = merged!;
    }
  });

  it("refuses when a removed item is not where the order puts it", () => {
    const sorted = [item("a", 1), item("b", 2)];
    expect(replaceItems(sorted, [item("a", 1)], [], byN)).toBeNull();
  });
});

describe("ExpiryQueue", () => {
  it("gives the current parts due by a time, soonest first, and skips replaced ones", () => {
    const current = new Map<string, object>();
    const queue = new ExpiryQueue<object>();
    const file = (id: string, at: number) => {
      const part = {};
      current.set(id, part);
      queue.push(at, id, part);
    };
    file("a", 30);
    file("b", 10);
    file("c", 20);
    file("d", Infinity);
    file("b", 40); // b recomputed: its entry at 10 is a leftover
    const isCurrent = (id: string, part: object) => current.get(id) === part;
    expect(queue.soonest(isCurrent)).toBe(20);
    expect(queue.popDue(29, isCurrent)).toEqual(["c"]);
    expect(queue.popDue(40, isCurrent)).toEqual(["a", "b"]);
    expect(queue.soonest(isCurrent)).toBe(Infinity);
    expect(queue.size).toBe(0);
  });
});
