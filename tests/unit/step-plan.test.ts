import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { dashboardGuidance } from "@/lib/data/guidance";
import { planDashboard, type DashboardPlan } from "@/lib/dashboard/today";
import type { GuidanceOverview, OverviewChange } from "@/lib/dashboard/overview";
import { instantSql, rawRows, rawRun } from "./support/raw-sql";
import { seededDb } from "./support/seeded";

const NOW = new Date("2026-11-25T12:00:00Z");
const ZONE = "Europe/London";
const plan = (overview: GuidanceOverview, now = NOW, change?: OverviewChange | null) => planDashboard({ overview, change, interviews: [], now, timeZone: ZONE });
/** A copy is a new overview object, which the planner has never seen: it walks every item. */
const walkedInFull = (overview: GuidanceOverview, now = NOW) =>
  plan({ queue: [...overview.queue], putAside: [...overview.putAside], checkIns: [...overview.checkIns] }, now);

async function seeded(applications: number) {
  const {
    db,
    accounts: [account],
  } = await seededDb([{ label: "plan", email: "plan@example.com", name: "Plan", applications, seed: 42, customSettings: false }], NOW);
  const user = { id: account.userId, timeZone: ZONE };
  const apps = (await rawRows<{ id: string }>(db, sql`select id from applications where user_id = ${account.userId} order by id`)).map((r) => r.id);
  return { db, user, apps };
}

/** The blocks, advice counts and waiting entries of applications other than `touched`, by identity. */
const untouched = (p: DashboardPlan, touched: string) => [
  ...p.blocks.filter((b) => b.applicationId !== touched),
  ...p.advice.applications.filter((a) => a.applicationId !== touched),
];

describe("the dashboard plan after a write to one application", () => {
  it("is what a walk of every step gives, over many writes of every kind, and keeps the other applications' entries", async () => {
    const { db, user, apps } = await seeded(300);
    let seed = 11;
    const random = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const secs = Math.floor(NOW.getTime() / 1000);
    const writes = [
      (app: string) =>
        rawRun(db, sql`insert into events (id, user_id, application_id, kind, occurred_at) values (${`e${random(1e9)}`}, ${user.id}, ${app}, 'follow_up_sent', ${instantSql(new Date((secs - random(40) * 86_400) * 1000))})`),
      (app: string) => rawRun(db, sql`delete from events where id = (select max(id) from events where application_id = ${app})`),
      (app: string) => rawRun(db, sql`update applications set status = ${["interviewing", "rejected", "applied", "offer"][random(4)]} where id = ${app}`),
      (app: string) => rawRun(db, sql`update rounds set thank_you_sent_at = case when thank_you_sent_at is null then ${instantSql(NOW)} else null end where application_id = ${app}`),
      (app: string) =>
        rawRun(
          db,
          sql`insert into guidance_steps (user_id, application_id, key, state, until, updated_at)
              select user_id, application_id, 'keep-searching:' || id, 'dismissed', null, ${instantSql(NOW)} from rounds where application_id = ${app}
              on conflict (application_id, key) do update set state = excluded.state, until = excluded.until, updated_at = excluded.updated_at`,
        ),
    ];
    const first = await dashboardGuidance(db, { user, now: NOW });
    expect(first.change).toBeNull();
    let before = plan(first.overview, NOW, first.change);
    expect(before.blocks.length + before.comingUp.length + before.advice.total).toBeGreaterThan(100);
    let derivedWrites = 0;
    let oneApplicationWrites = 0;
    for (let i = 0; i < 60; i++) {
      const app = apps[random(apps.length)];
      const kind = random(writes.length);
      await writes[kind](app);
      const { overview, change } = await dashboardGuidance(db, { user, now: NOW });
      const after = plan(overview, NOW, change);
      expect(after).toEqual(walkedInFull(overview));
      // Derived, not walked again: everything the write did not touch is the very object the last plan held.
      // (A status change may move the count of applications in play, which other applications' advice reads.)
      if (kind !== 2) {
        oneApplicationWrites++;
        const kept = untouched(before, app);
        if (kept.every((x) => untouched(after, app).includes(x))) derivedWrites++;
      }
      before = after;
    }
    expect(oneApplicationWrites).toBeGreaterThan(30);
    expect(derivedWrites).toBe(oneApplicationWrites);
  });

  it("walks everything again on a new day, since Today's end has moved", async () => {
    const { db, user, apps } = await seeded(60);
    const kept = await dashboardGuidance(db, { user, now: NOW });
    const first = plan(kept.overview, NOW, kept.change);
    await rawRun(db, sql`update applications set status = 'rejected' where id = ${apps[0]}`);
    const tomorrow = new Date(NOW.getTime() + 24 * 3_600_000);
    const { overview, change } = await dashboardGuidance(db, { user, now: tomorrow });
    const next = plan(overview, tomorrow, change);
    expect(next.endOfToday.getTime()).toBeGreaterThan(first.endOfToday.getTime());
    expect(next).toEqual(walkedInFull(overview, tomorrow));
  });

  it("is what a walk gives when the overview before was never planned (another page asked for it)", async () => {
    const { db, user, apps } = await seeded(60);
    const kept = await dashboardGuidance(db, { user, now: NOW });
    plan(kept.overview, NOW, kept.change);
    await rawRun(db, sql`update applications set company = 'Initech' where id = ${apps[0]}`);
    const unplanned = await dashboardGuidance(db, { user, now: NOW });
    await rawRun(db, sql`update applications set company = 'Globex' where id = ${apps[1]}`);
    const { overview, change } = await dashboardGuidance(db, { user, now: NOW });
    // Only the last change is kept: it leads back to the unplanned overview, not to the one planned.
    expect(change?.from).toBe(unplanned.overview);
    expect(plan(overview, NOW, change)).toEqual(walkedInFull(overview));
  });
});
