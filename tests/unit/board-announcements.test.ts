import type { Active, Over } from "@dnd-kit/core";
import { describe, expect, it } from "vitest";
import { boardAnnouncements } from "@/app/(app)/board/_components/keyboard-columns";

const card = { id: "a1", company: "Other Co", roleTitle: "Analyst", status: "applied", step: null, nextInterview: null };
const active = { id: "a1", data: { current: { card } } } as unknown as Active;
const over = (id: string) => ({ id }) as unknown as Over;

describe("what a screen reader hears while a card moves", () => {
  it("says the pick-up once: neither the columns' late measuring (over nothing) nor the card's own column cuts it off", () => {
    const say = boardAnnouncements();
    expect(say.onDragStart({ active })).toBe("Picked up Other Co, Analyst. In column Applied.");
    expect(say.onDragOver?.({ active, over: null })).toBeUndefined();
    expect(say.onDragOver?.({ active, over: over("applied") })).toBeUndefined();
    expect(say.onDragOver?.({ active, over: over("screening") })).toBe("Over column Screening.");
    expect(say.onDragOver?.({ active, over: over("screening") })).toBeUndefined();
  });

  it("says so when the card leaves every column once the columns are known", () => {
    const say = boardAnnouncements();
    say.onDragStart({ active });
    expect(say.onDragOver?.({ active, over: over("applied") })).toBeUndefined();
    expect(say.onDragOver?.({ active, over: null })).toBe("Not over a column.");
    expect(say.onDragOver?.({ active, over: over("applied") })).toBe("Over column Applied.");
  });

  it("starts afresh with each pick-up", () => {
    const say = boardAnnouncements();
    say.onDragStart({ active });
    say.onDragOver?.({ active, over: over("screening") });
    say.onDragStart({ active });
    expect(say.onDragOver?.({ active, over: null })).toBeUndefined();
  });
});
