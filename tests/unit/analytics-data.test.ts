import { describe, expect, it } from "vitest";
import { setArchived } from "@/lib/data/applications";
import { analyze } from "@/lib/analytics/analyze";
import { loadAnalyticsRows, userAnalytics } from "@/lib/data/analytics";
import { addRound, DAY, fromNow, newApp, NOW } from "./support/guidance-data";
import { eventInput, logOk, twoUsers } from "./support/rounds";

describe("analytics data", () => {
  it("reads only the user's own rows, archived applications included", async () => {
    const { db, ana, ben } = await twoUsers();
    const acme = await newApp(db, ana.id, { company: "Acme", status: "applied" });
    await addRound(db, ana.id, acme.id, { kind: "screen", scheduledAt: fromNow(-20 * DAY) });
    await addRound(db, ana.id, acme.id, { kind: "second", scheduledAt: fromNow(-10 * DAY), signals: ["met_team", "role_skills"] });
    await logOk(db, ana.id, acme.id, eventInput("offer_received", fromNow(-7 * DAY).toISOString()));
    const archived = await newApp(db, ana.id, { company: "Old Co", status: "rejected" });
    await setArchived(db, { userId: ana.id, id: archived.id, archived: true });
    await newApp(db, ana.id, { company: "Someday", status: "saved" });

    const before = await userAnalytics(db, { user: ana, now: NOW });

    // Ben's busier history, with every kind of row, must change nothing of Ana's.
    for (let i = 0; i < 3; i++) {
      const app = await newApp(db, ben.id, { company: `Ben ${i}`, status: "interviewing" });
      await addRound(db, ben.id, app.id, { kind: "final", scheduledAt: fromNow(-5 * DAY), signals: ["hiring_timeline", "long_term_discussion"], hiringTimelineOn: "2026-12-01" });
      await logOk(db, ben.id, app.id, eventInput("rejection_received", fromNow(-DAY).toISOString()));
    }
    // Read again from the database: the cache would rightly serve Ana's old
    // figures, since none of her rows changed.
    const after = analyze(await loadAnalyticsRows(db, { userId: ana.id }), NOW);
    expect(after).toEqual(before);

    expect(after.applied).toBe(2);
    expect(after.funnel.map((s) => s.reached)).toEqual([2, 1, 1, 1, 1, 1]); // the offer counts through the final it skipped
    expect(after.responseTimes.map((t) => [t.kind, t.answered, t.waiting])).toEqual([
      ["screen", 1, 0],
      ["second", 1, 0],
    ]);
    expect((await loadAnalyticsRows(db, { userId: ana.id })).signals.map((s) => s.signal).sort()).toEqual(["met_team", "role_skills"]);
    // role_skills is not a positive indicator: one of four seen.
    expect(after.outcomes.map((o) => [o.bucket, o.n, o.counts.offer])).toEqual([
      ["0–1", 1, 1],
      ["2", 0, 0],
      ["3–4", 0, 0],
    ]);

    const bens = await userAnalytics(db, { user: ben, now: NOW });
    expect(bens.applied).toBe(3);
    expect(bens.outcomes.map((o) => [o.bucket, o.n, o.counts.rejected])).toEqual([
      ["0–1", 0, 0],
      ["2", 3, 3],
      ["3–4", 0, 0],
    ]);
    const bensRows = await loadAnalyticsRows(db, { userId: ben.id });
    expect(new Set(bensRows.applications.map((a) => a.id)).has(acme.id)).toBe(false);
    expect(bensRows.rounds.every((r) => r.applicationId !== acme.id)).toBe(true);
  });

  it("gives zeros for an account with nothing logged", async () => {
    const { db, ana } = await twoUsers();
    const result = await userAnalytics(db, { user: ana, now: NOW });
    expect(result.applied).toBe(0);
    expect(result.funnel.every((s) => s.reached === 0)).toBe(true);
    expect(result.responseTimes).toEqual([]);
  });
});
