import { describe, expect, it } from "vitest";
import { guide } from "@/lib/guidance/recommend";
import type { GuidanceEvent, GuidanceInput } from "@/lib/guidance/input";
import { weekendOfLocale } from "@/lib/guidance/working-days";
import { days, event, guidanceInput, hours, MINUTE, NOW, plus, round, stepOf } from "./support/guidance";

// The catalog's third edition at its boundaries. NOW is Tue 1 Dec 2026, 12:00 UTC.
const utc = (iso: string) => new Date(`${iso}Z`);
const FOLLOW = "follow-up-after-silence";
const MOVE = "move-on-no-response";

/** A second interview that ended Fri 20 Nov at 16:00 UTC, thanked, and nothing since but `events`. */
const END = utc("2026-11-20T16:00");
const afterRound = (events: GuidanceEvent[] = [], over: Partial<GuidanceInput> = {}) =>
  guidanceInput({ rounds: [round({ id: "r2", kind: "second", scheduledAt: plus(END, -hours(1)), thankYouSentAt: plus(END, hours(2)) })], events, ...over });

describe("a long silence", () => {
  it("turns follow-ups into moving on at 30 days: a follow-up at 29 days, move-on at 31", () => {
    // One follow-up went out; the second would be due long before day 30.
    const input = afterRound([event("follow_up_sent", plus(END, days(10)))]);
    expect(stepOf(input, FOLLOW, plus(END, days(29)))?.key).toBe(`${FOLLOW}:r2:2`);
    expect(stepOf(input, MOVE, plus(END, days(29)))).toBeUndefined();
    expect(stepOf(input, FOLLOW, plus(END, days(31)))).toBeUndefined();
    const move = stepOf(input, MOVE, plus(END, days(31)));
    expect(move).toMatchObject({ key: `${MOVE}:r2`, priority: "low", since: plus(END, days(30)) });
    expect(move?.reasons).toEqual([
      "Your second interview with Acme on Fri 20 Nov ended 31 days ago and nothing has been heard since.",
      "After 30 days without a word, another follow-up is unlikely to change anything.",
      "You sent 1 follow-up after your second interview with Acme on Fri 20 Nov and none was answered.",
    ]);
  });

  it("fires at the silence point to the minute, due the first 09:00 after it", () => {
    const input = afterRound();
    const point = plus(END, days(30)); // Sun 20 Dec, 16:00
    expect(stepOf(input, MOVE, plus(point, -MINUTE))).toBeUndefined();
    expect(stepOf(input, MOVE, point)).toMatchObject({ dueAt: utc("2026-12-21T09:00"), overdue: false });
    // No check-in is promised past the silence point.
    expect(guide(input, plus(point, -MINUTE)).checkIn).toBeNull();
  });

  it("counts from their last reply that decided nothing", () => {
    const reply = event("response_received", plus(END, days(20)));
    const input = afterRound([reply]);
    expect(stepOf(input, MOVE, plus(END, days(31)))).toBeUndefined();
    expect(stepOf(input, MOVE, plus(reply.occurredAt, days(30)))?.key).toBe(`${MOVE}:r2:reply-${reply.id}`);
  });

  it("applies before any interview, from the applied date", () => {
    const applied = guidanceInput({ application: { status: "applied", appliedOn: "2026-11-01" } });
    // 30 days from the start of 1 Nov is the start of 1 Dec.
    expect(stepOf(applied, "follow-up-on-application", utc("2026-11-30T23:59"))?.key).toBe("follow-up-on-application:applied-2026-11-01:1");
    expect(stepOf(applied, "follow-up-on-application", utc("2026-12-01T00:00"))).toBeUndefined();
    expect(stepOf(applied, MOVE, utc("2026-12-01T00:00"))).toMatchObject({ key: `${MOVE}:applied-2026-11-01`, dueAt: utc("2026-12-01T09:00") });
  });
});

describe("a reply that decides nothing", () => {
  it("without a date, starts the decision wait again from the reply", () => {
    // Mon 23 Nov at 10:00: 7 days on is Mon 30 Nov 10:00, so Tuesday's 09:00.
    const reply = event("response_received", utc("2026-11-23T10:00"));
    const step = stepOf(afterRound([reply]), FOLLOW, utc("2026-12-01T09:00"));
    expect(step).toMatchObject({ key: `${FOLLOW}:r2:reply-${reply.id}:1`, dueAt: utc("2026-12-01T09:00"), eventId: reply.id });
    expect(step?.reasons).toEqual([
      "Acme last replied 7 days ago, without a decision, and nothing has been heard since.",
      "They last replied on Mon 23 Nov, without a decision, and 7 days have passed since.",
    ]);
    expect(step?.statedDate).toBeUndefined();
  });

  it("with a date, waits until that day is over, sooner or later than the usual wait, and names it", () => {
    const later = event("response_received", utc("2026-11-23T10:00"));
    const input = afterRound([{ ...later, saidBy: "2026-12-03" }]);
    expect(stepOf(input, FOLLOW, utc("2026-12-04T08:59"))).toBeUndefined();
    const step = stepOf(input, FOLLOW, utc("2026-12-04T09:00"));
    expect(step).toMatchObject({ dueAt: utc("2026-12-04T09:00"), statedDate: "2026-12-03" });
    expect(step?.reasons[1]).toBe("They said they would decide by Thu, 3 Dec 2026; that day is over, and their date counts rather than the usual 7 days.");
    // "We'll be in touch by Wednesday": due Thursday morning, five days before the usual wait would end.
    const sooner = afterRound([{ ...later, saidBy: "2026-11-25" }]);
    expect(stepOf(sooner, FOLLOW, utc("2026-11-26T09:00"))?.dueAt).toEqual(utc("2026-11-26T09:00"));
  });

  it("restarts the wait before any interview too, and a screening application with no round gets its check-in", () => {
    const screening = (events: GuidanceEvent[]) => guidanceInput({ application: { status: "screening", appliedOn: "2026-11-02" }, events });
    const reply = { ...event("response_received", utc("2026-11-20T10:00")), saidBy: "2026-11-27" };
    expect(guide(screening([reply]), utc("2026-11-21T09:00")).checkIn).toEqual({
      applicationId: "app-1",
      ruleId: "follow-up-on-application",
      dueAt: utc("2026-11-30T09:00"),
      followUp: 1,
    });
    const step = stepOf(screening([reply]), "follow-up-on-application", utc("2026-11-30T09:00"));
    expect(step?.reasons[1]).toBe("They said they would be in touch by Fri, 27 Nov 2026; that day is over.");
    expect(step?.statedDate).toBe("2026-11-27");
  });
});

describe("working days, by the user's locale", () => {
  // A rejection after an interview: the feedback request is due 09:00 two days later, on a working day.
  const rejectedOn = (iso: string, locale: string) =>
    guidanceInput({
      application: { status: "rejected" },
      rounds: [round({ id: "r1", scheduledAt: utc("2026-11-25T10:00"), thankYouSentAt: utc("2026-11-25T14:00") })],
      events: [event("rejection_received", utc(`${iso}T10:00`), "rej")],
      dates: { locale, hourCycle: null },
    });
  const dueOf = (iso: string, locale: string) => stepOf(rejectedOn(iso, locale), "request-feedback", utc("2026-12-05T10:00"))?.dueAt;

  it("keeps a Friday and moves a Saturday or Sunday to Monday with a Saturday–Sunday weekend", () => {
    for (const locale of ["en-GB", "en-US"]) {
      expect(dueOf("2026-12-02", locale), `${locale} Fri`).toEqual(utc("2026-12-04T09:00"));
      expect(dueOf("2026-12-03", locale), `${locale} Sat`).toEqual(utc("2026-12-07T09:00"));
      expect(dueOf("2026-12-04", locale), `${locale} Sun`).toEqual(utc("2026-12-07T09:00"));
    }
  });

  it("moves a Friday or Saturday to Sunday and keeps a Sunday with a Friday–Saturday weekend", () => {
    for (const locale of ["he-IL", "ar-SA"]) {
      expect(dueOf("2026-12-02", locale), `${locale} Fri`).toEqual(utc("2026-12-06T09:00"));
      expect(dueOf("2026-12-03", locale), `${locale} Sat`).toEqual(utc("2026-12-06T09:00"));
      expect(dueOf("2026-12-04", locale), `${locale} Sun`).toEqual(utc("2026-12-06T09:00"));
    }
  });

  it("leaves steps that ask nothing of the employer on their day", () => {
    // Reflecting is due 7 days after a Thursday rejection: a Thursday; a Saturday one gives a Saturday.
    expect(stepOf(rejectedOn("2026-11-28", "en-GB"), "reflect-and-update", utc("2026-12-02T10:00"))?.dueAt).toEqual(utc("2026-12-05T09:00"));
  });

  it("knows the weekend from the locale, and from a small table where the runtime has no week data", () => {
    expect(weekendOfLocale("en-GB")).toEqual([6, 7]);
    expect(weekendOfLocale("he-IL")).toEqual([5, 6]);
    for (const [tag, weekend] of [["en-GB", [6, 7]], ["en-US", [6, 7]], ["he-IL", [5, 6]], ["ar-SA", [5, 6]], ["fa-IR", [5]], ["en-IN", [7]], ["not a locale!", [6, 7]]] as const) {
      expect(weekendOfLocale(tag, false), tag).toEqual(weekend);
    }
  });
});

describe("facts that reached Shortlist late", () => {
  it("an imported application whose follow-up fell due months ago suggests moving on, due the morning after the import, not overdue", () => {
    const imported = guidanceInput({ application: { status: "applied", appliedOn: "2026-06-01", loggedAt: plus(NOW, -hours(2)) } });
    expect(stepOf(imported, "follow-up-on-application")).toBeUndefined();
    const move = stepOf(imported, MOVE);
    expect(move).toMatchObject({ dueAt: utc("2026-12-02T09:00"), overdue: false });
    expect(move?.reasons[0]).toBe("No interview is logged and nothing has been heard from Acme since you applied.");
  });

  it("an import inside the wait gives the follow-up at the first working 09:00 after it", () => {
    // Applied 10 Nov: the follow-up fell due 17 Nov, before the import on Fri 4 Dec at 15:00; Monday's 09:00 then.
    const imported = guidanceInput({ application: { status: "applied", appliedOn: "2026-11-10", loggedAt: utc("2026-12-04T15:00") } });
    expect(stepOf(imported, "follow-up-on-application", utc("2026-12-04T15:00"))).toBeUndefined();
    expect(guide(imported, utc("2026-12-04T15:00")).checkIn).toMatchObject({ dueAt: utc("2026-12-07T09:00"), followUp: 1 });
    expect(stepOf(imported, "follow-up-on-application", utc("2026-12-07T09:00"))).toMatchObject({ dueAt: utc("2026-12-07T09:00"), overdue: false });
  });

  it("an event logged late moves the step's due time, not its facts", () => {
    // A rejection on 20 Nov, typed in today: the feedback request was due 22 Nov, so it is due tomorrow morning.
    const late = guidanceInput({
      application: { status: "rejected" },
      rounds: [round({ id: "r1", scheduledAt: utc("2026-11-18T10:00"), thankYouSentAt: utc("2026-11-18T14:00") })],
      events: [{ ...event("rejection_received", utc("2026-11-20T10:00"), "rej"), loggedAt: plus(NOW, -MINUTE) }],
    });
    expect(stepOf(late, "request-feedback")).toMatchObject({ dueAt: utc("2026-12-02T09:00"), overdue: false, since: utc("2026-11-20T10:00") });
  });
});

describe("an offer with an answer-by date", () => {
  const offer = (occurredAt: Date, answerBy: string | null, locale = "en-GB") =>
    guidanceInput({
      application: { status: "offer" },
      rounds: [round({ id: "r1", kind: "final", scheduledAt: utc("2026-11-25T10:00"), thankYouSentAt: utc("2026-11-25T14:00") })],
      events: [
        { ...event("offer_received", occurredAt, "offer-1"), offer: { base: 90_000, bonus: null, currency: "GBP", equity: null, startOn: null, answerBy, notes: null } },
      ],
      dates: { locale, hourCycle: null },
    });

  it("on a Monday: the answer is due Friday 09:00, the negotiation no later than Thursday's, and the reasons name the date", () => {
    const input = offer(utc("2026-11-30T15:00"), "2026-12-07");
    const answer = stepOf(input, "respond-to-offer");
    expect(answer).toMatchObject({ key: "respond-to-offer:offer-1", dueAt: utc("2026-12-04T09:00"), priority: "high", kind: "todo", draft: "offer-answer", eventId: "offer-1" });
    expect(answer?.reasons).toEqual(["Acme made an offer 21 hours ago and wants an answer by Mon, 7 Dec 2026.", "No acceptance or refusal is logged yet."]);
    // The first working morning after the offer (Tuesday) comes before Thursday: Tuesday.
    expect(stepOf(input, "negotiate-after-offer")).toMatchObject({ dueAt: utc("2026-12-01T09:00"), draft: "negotiation" });
    expect(stepOf(input, "negotiate-after-offer")?.reasons[1]).toBe("They want an answer by Mon, 7 Dec 2026: asking two working days before leaves room for their reply.");
  });

  it("on a Sunday in a Friday–Saturday week: the answer is due Thursday", () => {
    expect(stepOf(offer(utc("2026-11-30T15:00"), "2026-12-06", "he-IL"), "respond-to-offer")?.dueAt).toEqual(utc("2026-12-03T09:00"));
  });

  it("received on a Friday, is not overdue for negotiation on Saturday: due Monday morning, or by the answer-by date's cut-off", () => {
    const friday = offer(utc("2026-12-04T15:00"), null);
    expect(stepOf(friday, "negotiate-after-offer", utc("2026-12-05T09:30"))).toMatchObject({ dueAt: utc("2026-12-07T09:00"), overdue: false });
    expect(stepOf(friday, "respond-to-offer", utc("2026-12-05T09:30"))).toBeUndefined();
    // Answer by Wed 16 Dec: negotiation no later than Mon 14 Dec, but Monday the 7th comes first.
    expect(stepOf(offer(utc("2026-12-04T15:00"), "2026-12-16"), "negotiate-after-offer", utc("2026-12-05T09:30"))?.dueAt).toEqual(utc("2026-12-07T09:00"));
  });

  it("pulls the negotiation earlier when the answer-by date leaves little time", () => {
    // Offer on Thu 3 Dec at 08:00, answer by Mon 7 Dec: the first 09:00 is Thursday's own, which also is two working days before.
    expect(stepOf(offer(utc("2026-12-03T08:00"), "2026-12-07"), "negotiate-after-offer", utc("2026-12-03T08:30"))?.dueAt).toEqual(utc("2026-12-03T09:00"));
    // An answer-by date too close for that: never before the offer came, the first working morning after it.
    expect(stepOf(offer(utc("2026-12-04T15:00"), "2026-12-07"), "negotiate-after-offer", utc("2026-12-04T16:00"))?.dueAt).toEqual(utc("2026-12-07T09:00"));
  });

  it("goes once the offer is answered", () => {
    const input = offer(utc("2026-11-30T15:00"), "2026-12-07");
    for (const status of ["accepted", "withdrawn", "rejected"] as const) {
      expect(stepOf({ ...input, application: { ...input.application, status } }, "respond-to-offer"), status).toBeUndefined();
    }
  });
});
