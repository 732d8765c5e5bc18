import { describe, expect, it } from "vitest";
import { insertApplications } from "@/lib/data/applications";
import { guidanceOverview } from "@/lib/data/guidance";
import { upcomingInterviews } from "@/lib/data/upcoming-interviews";
import { planDashboard } from "@/lib/dashboard/today";
import { sampleApplications } from "@/lib/sample-data";
import { twoUsers } from "./support/rounds";

// "Load sample data" on a fresh account should show what the dashboard is
// for: an interview tomorrow, things to do today, and check-ins coming up.
// The sample is dated from the moment it is loaded, so this loads it just
// after midnight, before 09:00 and late in the evening (UTC, ana's zone).

describe("the sample data on the dashboard", () => {
  it.each(["2026-12-08T00:30:00Z", "2026-12-08T08:45:00Z", "2026-12-08T23:30:00Z"])("loaded at %s, fills Today and Coming up, and says keep searching once", async (at) => {
    const { db, ana } = await twoUsers();
    const now = new Date(at);
    await insertApplications(db, { userId: ana.id, rows: sampleApplications(now) });
    const plan = planDashboard({
      overview: await guidanceOverview(db, { user: ana, now }),
      interviews: await upcomingInterviews(db, { userId: ana.id, now, days: 8 }),
      now,
      timeZone: ana.timeZone,
    });
    expect(plan.interviews.map((i) => [i.company, i.kind])).toEqual([["Northwind Analytics", "second"]]);
    const blocks = new Map(plan.blocks.map((b) => [b.company, b.steps.map((s) => s.ruleId)]));
    expect(blocks.get("Lumen Health")).toContain("send-thank-you");
    expect(blocks.get("Quillstack")).toEqual(["negotiate-after-offer"]);
    const checkIns = plan.comingUp.flatMap((e) => (e.type === "check-in" ? [[e.checkIn.company, e.checkIn.followUp]] : []));
    expect(checkIns).toEqual(
      expect.arrayContaining([
        ["Brightline Logistics", 1],
        ["Okapi Studio", 1],
        ["Harbor & Finch", 2],
      ]),
    );
    expect(plan.waiting.map((w) => w.company)).toEqual(expect.arrayContaining(["Harbor & Finch", "Lumen Health"]));
    expect(plan.advice.total).toBeGreaterThan(0);
  });
});
