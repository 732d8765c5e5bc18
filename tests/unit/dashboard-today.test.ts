import { describe, expect, it } from "vitest";
import { overviewOf as buildOverview, type GuidanceOverview } from "@/lib/dashboard/overview";
import type { UpcomingInterview } from "@/lib/data/upcoming-interviews";
import { planDashboard } from "@/lib/dashboard/today";
import { guide } from "@/lib/guidance/recommend";
import type { GuidanceInput } from "@/lib/guidance/input";
import { days, endedAgo, event, fromNow, guidanceInput, hours, NOW, round } from "./support/guidance";

// The dashboard's split of the engine's answer: Today, Coming up, advice and
// "keep searching", in the user's zone. NOW is Tue 1 Dec 2026, 12:00 UTC.

/** What guidanceOverview would hold for these applications, without the database. */
const overviewOf = (inputs: GuidanceInput[], now = NOW): GuidanceOverview => buildOverview(inputs, now);

const app = (id: string, company: string, over: Parameters<typeof guidanceInput>[0] = {}) =>
  guidanceInput({ ...over, application: { id, company, ...over.application } });

/** An overdue thank-you (second interview 30 hours ago) and the advice that goes with it. */
const thanked = (id: string, company: string) =>
  app(id, company, { rounds: [round({ id: `${id}-r1`, ...endedAgo(days(12)), thankYouSentAt: fromNow(-days(11)) }), round({ id: `${id}-r2`, kind: "second", ...endedAgo(hours(30)) })] });
/** A final interview tomorrow at 10:00 UTC: preparation steps, some due today. */
const tomorrow = (id: string, company: string) => app(id, company, { rounds: [round({ id: `${id}-r1`, kind: "final", scheduledAt: new Date("2026-12-02T10:00:00Z"), loggedAt: fromNow(-days(5)) })] });
/** Waiting after an interview four days ago: keep searching, and a check-in to come. */
const waitingOn = (id: string, company: string) => app(id, company, { rounds: [round({ id: `${id}-r1`, ...endedAgo(days(4)), thankYouSentAt: fromNow(-days(4)) })] });

const interview = (roundId: string, applicationId: string, company: string, at: Date): UpcomingInterview => ({
  roundId,
  applicationId,
  company,
  roleTitle: "Product Designer",
  kind: "final",
  format: "video",
  scheduledAt: at,
});

describe("planDashboard", () => {
  const inputs = [thanked("a1", "Acme"), tomorrow("a2", "Globex"), waitingOn("a3", "Initech"), waitingOn("a4", "Umbrella"), waitingOn("a5", "Hooli")];
  const interviews = [
    interview("a2-r1", "a2", "Globex", new Date("2026-12-02T10:00:00Z")),
    interview("x-r", "a3", "Initech", new Date("2026-12-05T10:00:00Z")),
    interview("late", "a4", "Umbrella", new Date("2026-12-20T10:00:00Z")),
  ];
  const plan = planDashboard({ overview: overviewOf(inputs), interviews, now: NOW, timeZone: "UTC" });

  it("puts interviews of the next 48 hours first, and later ones of the week under Coming up", () => {
    expect(plan.interviews.map((i) => i.roundId)).toEqual(["a2-r1"]);
    const coming = plan.comingUp.filter((e) => e.type === "interview");
    expect(coming.map((e) => e.type === "interview" && e.interview.roundId)).toEqual(["x-r"]);
  });

  it("groups today's to-dos into one block per application, the most urgent block and step first, advice left out", () => {
    // Globex's research was due on Sunday, before Acme's thank-you fell due this morning.
    expect(plan.blocks.map((b) => b.company)).toEqual(["Globex", "Acme"]);
    const [globex, acme] = plan.blocks;
    expect(acme.steps.map((s) => s.ruleId)).toEqual(["send-thank-you"]);
    expect(acme.overdue).toBe(1);
    // Examples and research were due 09:00 Sun 29 Nov (overdue; a tie, so by key); questions and the mock interview 09:00 today
    // (with the round within 48 hours, all four are high priority, so the mock interview no longer trails as low).
    expect(globex.steps.map((s) => s.ruleId)).toEqual(["prepare-examples", "prepare-research-company", "prepare-mock-interview", "prepare-questions-to-ask"]);
    expect(globex.overdue).toBe(4);
    for (const block of plan.blocks) for (const s of block.steps) expect(s.kind).toBe("todo");
    for (const block of plan.blocks) for (const s of block.steps) expect(s.dueAt!.getTime()).toBeLessThan(plan.endOfToday.getTime());
  });

  it("counts advice per application instead of listing it, and names the waiting applications once", () => {
    const adviceSteps = overviewOf(inputs).queue.filter((s) => s.kind === "advice");
    expect(plan.advice.total).toBe(adviceSteps.length);
    expect(plan.advice.applications.reduce((n, a) => n + a.count, 0)).toBe(adviceSteps.length);
    expect(plan.waiting.map((w) => w.company).sort()).toEqual(["Acme", "Hooli", "Initech", "Umbrella"]);
  });

  it("shows when each waiting application's next check-in falls, if within the week", () => {
    // Ended Fri 27 Nov at 12:00: the 7-day wait is over at 12:00 on Fri 4 Dec, so the next 09:00 is Saturday's,
    // on the weekend: a follow-up is written on Monday 7 Dec. Acme's second interview ended Mon 30 Nov at 06:00: Mon 7 Dec too.
    const checkIns = plan.comingUp.flatMap((e) => (e.type === "check-in" ? [[e.checkIn.company, e.at.toISOString()]] : []));
    // Same morning: in application order, as the overview keeps them.
    expect(checkIns).toEqual([
      ["Acme", "2026-12-07T09:00:00.000Z"],
      ["Initech", "2026-12-07T09:00:00.000Z"],
      ["Umbrella", "2026-12-07T09:00:00.000Z"],
      ["Hooli", "2026-12-07T09:00:00.000Z"],
    ]);
    for (let i = 1; i < plan.comingUp.length; i++) expect(plan.comingUp[i - 1].at.getTime()).toBeLessThanOrEqual(plan.comingUp[i].at.getTime());
  });

  it("ends Today and Coming up at midnight in the user's zone", () => {
    // 12:00 UTC is 21:00 in Tokyo: today there ends at 15:00 UTC.
    const tokyo = planDashboard({ overview: overviewOf(inputs), interviews, now: NOW, timeZone: "Asia/Tokyo" });
    expect(tokyo.endOfToday).toEqual(new Date("2026-12-01T15:00:00Z"));
    expect(tokyo.endOfComingUp).toEqual(new Date("2026-12-08T15:00:00Z"));
    const la = planDashboard({ overview: overviewOf(inputs), interviews, now: NOW, timeZone: "America/Los_Angeles" });
    expect(la.endOfToday).toEqual(new Date("2026-12-02T08:00:00Z"));
  });

  it("works the plan out again for another day or zone, even from the same overview", () => {
    const overview = overviewOf(inputs);
    const first = planDashboard({ overview, interviews, now: NOW, timeZone: "UTC" });
    expect(planDashboard({ overview, interviews, now: NOW, timeZone: "UTC" }).blocks).toBe(first.blocks);
    const tomorrow = planDashboard({ overview, interviews, now: new Date(NOW.getTime() + days(1)), timeZone: "UTC" });
    expect(tomorrow.endOfToday).toEqual(new Date("2026-12-03T00:00:00Z"));
    const tokyo = planDashboard({ overview, interviews, now: NOW, timeZone: "Asia/Tokyo" });
    expect(tokyo.endOfToday).toEqual(new Date("2026-12-01T15:00:00Z"));
    // Interviews are merged in afresh every time, in time order with the rest.
    const none = planDashboard({ overview, interviews: [], now: NOW, timeZone: "UTC" });
    expect(none.interviews).toEqual([]);
    expect(none.comingUp.some((e) => e.type === "interview")).toBe(false);
  });

  it("moves a step due tomorrow to Coming up, and a step due this evening stays in Today", () => {
    // A rejection at 08:00 today: feedback due Thu 3 Dec 09:00 (Coming up), and nothing in Today for it.
    const rejected = app("r", "Rejecto", {
      application: { status: "rejected" },
      rounds: [round({ id: "r-r1", ...endedAgo(days(3)) })],
      events: [event("rejection_received", fromNow(-hours(4)), "rej")],
    });
    const p = planDashboard({ overview: overviewOf([rejected]), interviews: [], now: NOW, timeZone: "UTC" });
    expect(p.blocks).toEqual([]);
    expect(p.comingUp.map((e) => e.type === "step" && e.step.ruleId)).toEqual(["request-feedback", "reflect-and-update"]);
  });

  it("counts a snoozed keep-searching as still waiting, and has empty parts for a quiet account", () => {
    const quiet = planDashboard({ overview: { queue: [], putAside: [], checkIns: [] }, interviews: [], now: NOW, timeZone: "UTC" });
    expect(quiet).toMatchObject({ interviews: [], blocks: [], comingUp: [], waiting: [], advice: { total: 0, applications: [] } });
    const snoozed = waitingOn("s", "Snoozy");
    const handled = [{ key: guide(snoozed, NOW).steps.find((s) => s.ruleId === "keep-searching")!.key, state: "dismissed" as const, until: null }];
    const p = planDashboard({ overview: overviewOf([{ ...snoozed, handled }]), interviews: [], now: NOW, timeZone: "UTC" });
    expect(p.waiting.map((w) => w.company)).toEqual(["Snoozy"]);
  });
});
