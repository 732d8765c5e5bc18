import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES, EVENT_KINDS, type ApplicationStatus, type EventKind } from "@/db/schema";
import { STATUS_SETTING_EVENTS, statusAfterDeletingEvent } from "@/lib/interviews/status-moves";

type Args = Parameters<typeof statusAfterDeletingEvent>[0];
const after = (
  current: ApplicationStatus,
  deleted: EventKind,
  statusBefore: ApplicationStatus | null,
  over: Partial<Pick<Args, "latestRemaining" | "hasRounds">> = {},
) => statusAfterDeletingEvent({ current, deleted: { kind: deleted, statusBefore }, latestRemaining: null, hasRounds: false, ...over });

const QUIET = EVENT_KINDS.filter((k) => !(k in STATUS_SETTING_EVENTS));

describe("statusAfterDeletingEvent", () => {
  it("knows which events set which status", () => {
    expect(STATUS_SETTING_EVENTS).toEqual({ offer_received: "offer", rejection_received: "rejected", withdrawn: "withdrawn" });
  });

  it("leaves every status alone when the deleted event does not set any", () => {
    for (const current of APPLICATION_STATUSES) {
      for (const kind of QUIET) {
        expect(after(current, kind, "applied", { latestRemaining: "offer_received", hasRounds: true }), `${kind} on ${current}`).toBe(current);
      }
    }
  });

  it("leaves the status alone when the deleted event did not set the current one", () => {
    // An offer deleted under a later withdrawal, or after the status was changed by hand.
    expect(after("withdrawn", "offer_received", "interviewing")).toBe("withdrawn");
    expect(after("accepted", "offer_received", "interviewing", { latestRemaining: "offer_received" })).toBe("accepted");
    expect(after("interviewing", "rejection_received", "interviewing", { hasRounds: true })).toBe("interviewing");
    expect(after("applied", "withdrawn", "offer")).toBe("applied");
  });

  it("the latest remaining status-setting event wins over what came before", () => {
    expect(after("offer", "offer_received", "interviewing", { latestRemaining: "offer_received" })).toBe("offer");
    expect(after("withdrawn", "withdrawn", "interviewing", { latestRemaining: "offer_received" })).toBe("offer");
    expect(after("rejected", "rejection_received", "screening", { latestRemaining: "withdrawn", hasRounds: true })).toBe("withdrawn");
  });

  it("falls back to the status before the event when no setter remains and it is not an event-set status", () => {
    for (const before of ["saved", "applied", "screening", "interviewing", "ghosted", "accepted"] as const) {
      expect(after("offer", "offer_received", before), before).toBe(before);
      expect(after("offer", "offer_received", before, { hasRounds: true }), `${before} with rounds`).toBe(before);
    }
    // Events that set no status do not count as "remaining" setters.
    expect(after("withdrawn", "withdrawn", "screening", { latestRemaining: "follow_up_sent" })).toBe("screening");
  });

  it("otherwise goes to interviewing when the application has rounds, else to applied", () => {
    for (const before of [null, "offer", "rejected", "withdrawn"] as const) {
      expect(after("offer", "offer_received", before, { hasRounds: true }), `${before} with rounds`).toBe("interviewing");
      expect(after("offer", "offer_received", before, { hasRounds: false }), `${before} without rounds`).toBe("applied");
    }
    expect(after("withdrawn", "withdrawn", "offer", { latestRemaining: "feedback_received", hasRounds: true })).toBe("interviewing");
  });
});
