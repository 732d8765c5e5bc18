import { describe, expect, it } from "vitest";
import { statusAfterEvent } from "@/lib/interviews/status-moves";
import { APPLICATION_STATUSES, CLOSED_STATUSES, DECIDED_STATUSES, isClosed, OPEN_STATUSES, STATUS_GROUPS } from "@/lib/vocabulary";

// One meaning of "closed" (lib/vocabulary.ts), used by the dashboard, the
// calendar feed, the list, the board and the status moves.

describe("open and closed", () => {
  it("splits every status into exactly one of open or closed", () => {
    expect([...OPEN_STATUSES, ...CLOSED_STATUSES].sort()).toEqual([...APPLICATION_STATUSES].sort());
    expect(OPEN_STATUSES.filter((s) => CLOSED_STATUSES.includes(s))).toEqual([]);
    expect(CLOSED_STATUSES).toEqual(["accepted", "rejected", "withdrawn", "ghosted"]);
    for (const s of APPLICATION_STATUSES) expect(isClosed(s), s).toBe(CLOSED_STATUSES.includes(s));
    expect(STATUS_GROUPS).toEqual({ open: OPEN_STATUSES, closed: CLOSED_STATUSES });
  });

  it("lets a decided application take no new decision, while a ghosted one may still hear back", () => {
    expect(DECIDED_STATUSES).toEqual(["accepted", "rejected", "withdrawn"]);
    for (const s of DECIDED_STATUSES) expect(statusAfterEvent(s, "offer_received").ok, s).toBe(false);
    expect(statusAfterEvent("ghosted", "offer_received")).toEqual({ ok: true, status: "offer" });
    expect(statusAfterEvent("ghosted", "rejection_received")).toEqual({ ok: true, status: "rejected" });
  });
});
