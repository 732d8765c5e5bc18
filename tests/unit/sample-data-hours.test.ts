import { describe, expect, it } from "vitest";
import { insertApplications } from "@/lib/data/applications";
import { guidanceOverview } from "@/lib/data/guidance";
import { setTimeZone, getSessionUser } from "@/lib/data/users";
import { upcomingInterviews } from "@/lib/data/upcoming-interviews";
import { planDashboard } from "@/lib/dashboard/today";
import { sampleApplications } from "@/lib/sample-data";
import { toWallTime } from "@/lib/time/zoned";
import { twoUsers } from "./support/rounds";

// Sample data loaded at night used to put interviews at 03:00: each round
// is now on its day at a business hour of the user's zone, whenever it is loaded.
const MOMENTS: [string, string][] = [
  ["2026-12-07T00:58:00Z", "Europe/Berlin"], // 01:58 in Berlin
  ["2026-12-07T13:00:00Z", "Europe/Berlin"],
  ["2026-12-08T07:30:00Z", "America/Los_Angeles"], // 23:30 the evening before
  ["2026-12-07T20:15:00Z", "Asia/Kolkata"], // 01:45
  ["2026-12-07T11:00:00Z", "Pacific/Auckland"], // midnight
];

describe("sample data at business hours in the user's zone", () => {
  it.each(MOMENTS)("loaded at %s in %s, every round starts between 09:00 and 17:00 there", (at, zone) => {
    const rows = sampleApplications(new Date(at), zone);
    const hours = rows.flatMap((r) => (r.rounds ?? []).map((round) => toWallTime(round.scheduledAt, zone).slice(11)));
    expect(hours.length).toBeGreaterThan(10);
    for (const hour of hours) expect(hour >= "09:00" && hour <= "17:00", hour).toBe(true);
    const events = rows.flatMap((r) => (r.events ?? []).map((e) => toWallTime(e.occurredAt, zone).slice(11)));
    for (const hour of events) expect(hour).toBe("16:00");
  });

  it.each(MOMENTS)("loaded at %s in %s, the dashboard still shows tomorrow's interview, a thank-you and the offer", async (at, zone) => {
    const { db, ana } = await twoUsers();
    await setTimeZone(db, { userId: ana.id, timeZone: zone });
    const user = await getSessionUser(db, { userId: ana.id });
    if (!user) throw new Error("no user");
    const now = new Date(at);
    await insertApplications(db, { userId: user.id, rows: sampleApplications(now, zone) });
    const plan = planDashboard({
      overview: await guidanceOverview(db, { user, now }),
      interviews: await upcomingInterviews(db, { userId: user.id, now, days: 8 }),
      now,
      timeZone: zone,
    });
    expect(plan.interviews.map((i) => [i.company, i.kind])).toEqual([["Northwind Analytics", "second"]]);
    const blocks = new Map(plan.blocks.map((b) => [b.company, b.steps.map((s) => s.ruleId)]));
    expect(blocks.get("Lumen Health")).toContain("send-thank-you");
    expect(blocks.get("Quillstack")).toEqual(["negotiate-after-offer"]);
  });

  it("applied dates are the user's calendar days, never after today there", () => {
    const now = new Date("2026-12-08T07:30:00Z"); // 23:30 on 7 December in Los Angeles
    const applied = sampleApplications(now, "America/Los_Angeles").flatMap((r) => (r.appliedOn ? [r.appliedOn] : []));
    expect(applied.every((d) => d < "2026-12-07")).toBe(true);
    expect(applied).toContain("2026-12-03"); // Okapi Studio, four days back
  });
});
