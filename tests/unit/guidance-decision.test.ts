import { describe, expect, it } from "vitest";
import type { GuidanceEvent, GuidanceInput, HandledStep } from "@/lib/guidance/input";
import { fired, recommend } from "@/lib/guidance/recommend";
import type { ApplicationStatus } from "@/lib/vocabulary";
import { ago, days, endedAgo, event, fromNow, guidanceInput, hours, MINUTE, NOW, plus, round, ruleIdsOf, stepOf, stepsOf } from "./support/guidance";

// Two rounds, the second ended five days ago; the company said no ten hours ago
// (02:00 UTC on Tue 1 Dec). Due days count from the rejection's day, at 09:00.
const REJECTED_AT = ago(hours(10));
const utc = (iso: string) => new Date(`${iso}Z`);
const FEEDBACK_DUE = utc("2026-12-03T09:00");
const REFLECT_DUE = utc("2026-12-08T09:00");
const rounds = [round({ id: "r1", ...endedAgo(days(15)) }), round({ id: "r2", kind: "second", ...endedAgo(days(5)), outcome: "rejected" })];
const rejection = event("rejection_received", REJECTED_AT, "rej-1");

function rejected(over: { events?: GuidanceEvent[]; status?: ApplicationStatus; rounds?: GuidanceInput["rounds"] } = {}) {
  return guidanceInput({ application: { status: over.status ?? "rejected" }, rounds: over.rounds ?? rounds, events: [rejection, ...(over.events ?? [])] });
}

describe("request-feedback", () => {
  it("fires after a rejection that followed an interview, due at 09:00 two days after it", () => {
    const step = stepOf(rejected(), "request-feedback");
    expect(step).toMatchObject({ key: "request-feedback:rej-1", roundId: "r2", priority: "medium", kind: "todo", draft: "feedback-request", overdue: false });
    expect(step?.dueAt).toEqual(FEEDBACK_DUE);
    expect(step?.reasons).toEqual(["Acme said no 10 hours ago, after your second interview on Thu 26 Nov.", "No feedback request is logged."]);
  });

  it("turns overdue just after 09:00 on its day", () => {
    expect(stepOf(rejected(), "request-feedback", FEEDBACK_DUE)?.overdue).toBe(false);
    expect(stepOf(rejected(), "request-feedback", plus(FEEDBACK_DUE, MINUTE))?.overdue).toBe(true);
  });

  it("counts the days in the user's zone: the rejection's day differs behind and ahead of UTC", () => {
    // 02:00 UTC on Tue 1 Dec is Mon 30 Nov, 18:00 in Los Angeles and Tue 1 Dec, 11:00 in Tokyo.
    const inZone = (timeZone: string) => stepOf({ ...rejected(), timeZone }, "request-feedback")?.dueAt;
    expect(inZone("America/Los_Angeles")).toEqual(utc("2026-12-02T17:00"));
    expect(inZone("Asia/Tokyo")).toEqual(utc("2026-12-03T00:00"));
  });

  it("needs a round before the rejection", () => {
    expect(stepOf(rejected({ rounds: [] }), "request-feedback")).toBeUndefined();
    const afterwards = [round({ id: "late", scheduledAt: plus(REJECTED_AT, hours(1)), durationMinutes: 30 })];
    expect(stepOf(rejected({ rounds: afterwards }), "request-feedback")).toBeUndefined();
  });

  it("stops once a feedback request is logged after the rejection, not for one from before", () => {
    expect(stepOf(rejected({ events: [event("feedback_requested", plus(REJECTED_AT, hours(2)))] }), "request-feedback")).toBeUndefined();
    const earlier = rejected({ events: [event("feedback_requested", ago(days(3)))] });
    expect(stepOf(earlier, "request-feedback")?.key).toBe("request-feedback:rej-1");
  });

  it("needs the application to be marked rejected", () => {
    for (const status of ["interviewing", "ghosted", "offer"] as const) {
      expect(stepOf(rejected({ status }), "request-feedback"), status).toBeUndefined();
    }
  });

  it("is still offered, overdue, until 30 days after the rejection, to the minute, and then goes", () => {
    const late = stepOf(rejected(), "request-feedback", plus(REJECTED_AT, days(30) - MINUTE));
    expect(late).toMatchObject({ key: "request-feedback:rej-1", overdue: true, dueAt: FEEDBACK_DUE });
    expect(late?.reasons).toEqual(["Acme said no 29 days ago, after your second interview on Thu 26 Nov.", "No feedback request is logged."]);
    expect(stepOf(rejected(), "request-feedback", plus(REJECTED_AT, days(30)))).toBeUndefined();
    expect(stepOf(rejected(), "request-feedback", plus(REJECTED_AT, days(365)))).toBeUndefined();
    // Reflecting is not a message to them: it stays.
    expect(stepOf(rejected(), "reflect-and-update", plus(REJECTED_AT, days(60)))?.key).toBe("reflect-and-update:rej-1");
  });

  it("thanks them and asks what would have made a stronger candidate", () => {
    expect(stepOf(rejected(), "request-feedback")?.detail).toBe(
      "Thank them for their time and ask what would have made you a stronger candidate. A gracious reply leaves the door open for the next role there.",
    );
  });

  it("is about the latest rejection, so a new rejection is a new step", () => {
    const again = rejected({ events: [event("rejection_received", ago(hours(1)), "rej-2")] });
    expect(stepsOf(again, "request-feedback").map((s) => s.key)).toEqual(["request-feedback:rej-2"]);
  });
});

describe("reflect-and-update", () => {
  it("fires after a rejection that followed an interview, due at 09:00 seven days after it, low priority", () => {
    const step = stepOf(rejected(), "reflect-and-update");
    expect(step).toMatchObject({ key: "reflect-and-update:rej-1", roundId: "r2", priority: "low", kind: "todo", draft: null });
    expect(step?.dueAt).toEqual(REFLECT_DUE);
    expect(step?.reasons).toEqual(["Acme said no 10 hours ago, after 2 rounds."]);
    expect(stepOf(rejected(), "reflect-and-update", REFLECT_DUE)?.overdue).toBe(false);
    expect(stepOf(rejected(), "reflect-and-update", plus(REFLECT_DUE, MINUTE))?.overdue).toBe(true);
  });

  it("is still offered, overdue, long after the rejection", () => {
    const late = stepOf(rejected(), "reflect-and-update", plus(REJECTED_AT, days(60)));
    expect(late).toMatchObject({ key: "reflect-and-update:rej-1", overdue: true, dueAt: REFLECT_DUE });
    expect(late?.reasons).toEqual(["Acme said no 60 days ago, after 2 rounds."]);
    expect(stepOf(rejected(), "reflect-and-update", plus(REJECTED_AT, days(365)))?.key).toBe("reflect-and-update:rej-1");
  });

  it("asks the user to note what worked and what to change", () => {
    expect(stepOf(rejected(), "reflect-and-update")?.detail).toBe(
      "Note what worked and what you would change, then adjust how you prepare for the next one. A no is easier to carry once it has taught you something.",
    );
  });

  it("words a single round", () => {
    expect(stepOf(rejected({ rounds: [rounds[0]] }), "reflect-and-update")?.reasons[0]).toBe("Acme said no 10 hours ago, after one round.");
  });

  it("stays after a feedback request, which only closes request-feedback", () => {
    const asked = rejected({ events: [event("feedback_requested", ago(hours(1)))] });
    expect(stepOf(asked, "reflect-and-update")?.key).toBe("reflect-and-update:rej-1");
  });

  it("needs a round before the rejection and the rejected status", () => {
    expect(stepOf(rejected({ rounds: [] }), "reflect-and-update")).toBeUndefined();
    expect(stepOf(rejected({ status: "interviewing" }), "reflect-and-update")).toBeUndefined();
    expect(stepOf(guidanceInput({ application: { status: "rejected" }, rounds }), "reflect-and-update")).toBeUndefined();
  });

  it("ignores a rejection dated in the future", () => {
    const future = guidanceInput({ application: { status: "rejected" }, rounds, events: [event("rejection_received", fromNow(hours(1)))] });
    expect(stepOf(future, "reflect-and-update")).toBeUndefined();
  });
});

describe("negotiate-after-offer", () => {
  const offered = (status: ApplicationStatus, events = [event("offer_received", ago(hours(3)), "offer-1")]) =>
    guidanceInput({ application: { status }, rounds, events });

  it("fires for an offer event while the status is offer, a high-priority to-do about the offer", () => {
    const step = stepOf(offered("offer"), "negotiate-after-offer");
    // The offer came at 09:00: due that morning.
    expect(step).toMatchObject({ key: "negotiate-after-offer:offer-1", roundId: null, priority: "high", kind: "todo", dueAt: utc("2026-12-01T09:00") });
    expect(step?.reasons).toEqual(["Acme made an offer 3 hours ago and you have not answered yet."]);
  });

  it("is due the first 09:00 after an offer that came later in the day", () => {
    const afternoon = offered("offer", [event("offer_received", utc("2026-11-30T14:00"), "offer-1")]);
    expect(stepOf(afternoon, "negotiate-after-offer")).toMatchObject({ dueAt: utc("2026-12-01T09:00"), overdue: true });
    expect(stepOf(afternoon, "negotiate-after-offer", utc("2026-11-30T15:00"))).toMatchObject({ overdue: false });
  });

  it("needs both the offer event and the offer status", () => {
    expect(stepOf(offered("offer", []), "negotiate-after-offer")).toBeUndefined();
    expect(stepOf(offered("interviewing"), "negotiate-after-offer")).toBeUndefined();
    expect(stepOf(offered("offer", [event("offer_received", fromNow(hours(1)))]), "negotiate-after-offer")).toBeUndefined();
  });

  it("stops once the offer is answered", () => {
    expect(recommend(offered("accepted"), NOW)).toEqual([]);
    expect(stepOf(offered("rejected"), "negotiate-after-offer")).toBeUndefined();
  });

  it("is the only rule about pay once the offer is in", () => {
    const input = offered("offer");
    expect(ruleIdsOf(input)).not.toContain("salary-wait-for-offer");
    expect(ruleIdsOf(input)).toContain("negotiate-after-offer");
  });
});

describe("handled steps", () => {
  // Round 2 ended 30 hours ago: a thank-you (overdue) and keep-searching are open.
  const open = () => guidanceInput({ rounds: [round({ id: "r1", ...endedAgo(days(20)), thankYouSentAt: ago(days(19)) }), round({ id: "r2", ...endedAgo(hours(30)) })] });
  const withHandled = (...handled: HandledStep[]) => ({ ...open(), handled });

  it("start with both steps open", () => {
    expect(recommend(open(), NOW).map((r) => r.key)).toEqual(["send-thank-you:r2", "keep-searching:r2"]);
  });

  it.each(["done", "dismissed"] as const)("hides a step marked %s for good, and only that step", (state) => {
    const input = withHandled({ key: "send-thank-you:r2", state, until: null });
    expect(recommend(input, NOW).map((r) => r.key)).toEqual(["keep-searching:r2"]);
    expect(recommend(input, plus(NOW, days(3))).map((r) => r.ruleId)).not.toContain("send-thank-you");
  });

  it("hides a snoozed step until its time, then brings it back", () => {
    const until = fromNow(hours(6));
    const input = withHandled({ key: "send-thank-you:r2", state: "snoozed", until });
    expect(stepOf(input, "send-thank-you")).toBeUndefined();
    expect(stepOf(input, "send-thank-you", plus(until, -MINUTE))).toBeUndefined();
    expect(stepOf(input, "send-thank-you", until)?.key).toBe("send-thank-you:r2");
  });

  it("are still reported by fired() with includeHandled", () => {
    const input = withHandled({ key: "send-thank-you:r2", state: "dismissed", until: null });
    expect(fired(input, NOW, { includeHandled: true }).map((r) => r.key)).toEqual(["send-thank-you:r2", "keep-searching:r2"]);
    expect(fired(input, NOW, { includeHandled: false }).map((r) => r.key)).toEqual(["keep-searching:r2"]);
  });

  it("come back when the rule fires for a new reason", () => {
    const END = ago(days(30));
    const base = guidanceInput({ rounds: [round({ id: "r2", kind: "second", scheduledAt: plus(END, -hours(1)), thankYouSentAt: END })] });
    const sent = plus(END, days(8));
    const input = { ...base, events: [event("follow_up_sent", sent)], handled: [{ key: "follow-up-after-silence:r2:1", state: "done" as const, until: null }] };
    // Due the first 09:00 after the 7-day spacing; a day later it is open.
    expect(stepOf(input, "follow-up-after-silence", plus(sent, days(8)))?.key).toBe("follow-up-after-silence:r2:2");
    const dismissed = [{ key: "keep-searching:r1", state: "dismissed" as const, until: null }];
    const r1 = round({ id: "r1", ...endedAgo(days(12)), thankYouSentAt: ago(days(12)) });
    expect(stepOf(guidanceInput({ rounds: [r1], handled: dismissed }), "keep-searching")).toBeUndefined();
    const r2 = round({ id: "r2", ...endedAgo(days(1)), thankYouSentAt: ago(hours(20)) });
    expect(stepOf(guidanceInput({ rounds: [r1, r2], handled: dismissed }), "keep-searching")?.key).toBe("keep-searching:r2");
  });
});

describe("closed applications", () => {
  it.each(["accepted", "withdrawn"] as const)("get no steps at all once %s", (status) => {
    const busy = guidanceInput({
      rounds: [round({ id: "r1", ...endedAgo(hours(30)), signals: [{ signal: "met_team", onDate: null }] }), round({ id: "r2", scheduledAt: fromNow(days(2)) })],
      events: [event("offer_received", ago(hours(1)))],
      application: { status: "offer" },
    });
    expect(recommend(busy, NOW).length).toBeGreaterThan(0);
    const closed = { ...busy, application: { ...busy.application, status } };
    expect(recommend(closed, NOW)).toEqual([]);
    expect(fired(closed, NOW, { includeHandled: true })).toEqual([]);
  });
});
