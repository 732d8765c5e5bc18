import { describe, expect, it } from "vitest";
import { columnViews } from "@/app/(app)/board/_components/card-view";
import { feedSteps } from "@/lib/calendar/feed-steps";
import { applicationListPage, type ListQuery } from "@/lib/data/application-list";
import { boardColumns } from "@/lib/data/board";
import { feedContents } from "@/lib/data/calendar-feed";
import { guidanceOverview } from "@/lib/data/guidance";
import { nextSteps, type NextStep } from "@/lib/dashboard/next-step";
import type { QueueItem } from "@/lib/dashboard/overview";
import { planDashboard } from "@/lib/dashboard/today";
import { BRITISH } from "@/lib/time/formats";
import { seededDb } from "./support/seeded";

// The same next step everywhere: Today's first step of each block, the
// board's card, the list's column and the calendar feed name one step.

const NOW = new Date("2026-11-25T12:00:00Z");
const ZONE = "Europe/London";
const DATES = { ...BRITISH, zone: ZONE };
const LIST: ListQuery = { sort: "updated", pageSize: 10_000, includeArchived: false };

async function seeded(accounts: { email: string; applications: number; seed: number }[]) {
  const { db, accounts: made } = await seededDb(
    accounts.map((a) => ({ label: a.email, email: a.email, name: "N", applications: a.applications, seed: a.seed, customSettings: false })),
    NOW,
  );
  return { db, users: made.map((account) => ({ id: account.userId, timeZone: ZONE })) };
}

const stepKey = (n: NextStep) => (n.type === "step" ? n.step.key : `check-in:${n.checkIn.ruleId}:${n.checkIn.followUp}`);

describe("an application's next step", () => {
  it("is Today's first step of its block, the board card's, the list's and the feed's, in a seeded search", async () => {
    const { db, users } = await seeded([{ email: "one@example.com", applications: 200, seed: 7 }]);
    const user = users[0];
    const overview = await guidanceOverview(db, { user, now: NOW });
    const next = nextSteps(overview, NOW, ZONE);
    const plan = planDashboard({ overview, interviews: [], now: NOW, timeZone: ZONE });
    expect(plan.blocks.length).toBeGreaterThan(10);
    for (const block of plan.blocks) expect(stepKey(next.get(block.applicationId)!), block.company).toBe(block.steps[0].key);

    const list = await applicationListPage(db, { user, q: LIST, now: NOW });
    const cards = columnViews(await boardColumns(db, { userId: user.id, now: NOW, limit: 10_000 }), overview, NOW, ZONE, DATES).flatMap((c) => c.cards);
    const feed = (await feedContents(db, { user, now: NOW })).steps;
    let compared = 0;
    for (const row of list.rows) {
      const mine = next.get(row.id);
      expect(row.nextStep ? stepKey(row.nextStep) : null).toBe(mine ? stepKey(mine) : null);
      const card = cards.find((c) => c.id === row.id);
      if (card && mine?.type === "step") {
        expect(card.step?.title).toBe(mine.step.title);
        compared++;
      }
      const inFeed = feed.filter((s) => s.applicationId === row.id);
      expect(inFeed.length).toBeLessThanOrEqual(1);
      if (inFeed.length) expect(inFeed[0].key).toBe(stepKey(mine!));
    }
    expect(compared).toBeGreaterThan(10);
  });

  it("is never advice, and an application with nothing to do shows its next check-in", async () => {
    const { db, users } = await seeded([{ email: "two@example.com", applications: 120, seed: 3 }]);
    const overview = await guidanceOverview(db, { user: users[0], now: NOW });
    const next = nextSteps(overview, NOW, ZONE);
    expect([...next.values()].every((n) => n.type === "check-in" || n.step.kind === "todo")).toBe(true);
    const withTodo = new Set(overview.queue.filter((s) => s.kind === "todo").map((s) => s.applicationId));
    for (const c of overview.checkIns) expect(next.get(c.applicationId)?.type).toBe(withTodo.has(c.applicationId) ? "step" : "check-in");
  });

  it("puts a step due today before a later one, and among today's a high-priority step before an older medium one", () => {
    const base = { kind: "todo", priority: "medium", applicationId: "a", roundId: null, roundAt: null, status: "interviewing" } as const;
    const step = (over: Partial<QueueItem>) => ({ ...base, key: over.ruleId!, title: over.ruleId!, overdue: false, ...over }) as QueueItem;
    const followUp = step({ ruleId: "follow-up-after-silence", dueAt: new Date("2026-08-28T09:00:00Z"), overdue: true });
    const thankYou = step({ ruleId: "send-thank-you", dueAt: new Date("2026-11-25T11:00:00Z"), overdue: true });
    const later = step({ ruleId: "negotiate-after-offer", dueAt: new Date("2026-11-27T09:00:00Z") });
    const overview = { queue: [followUp, thankYou, later], checkIns: [] };
    expect(nextSteps(overview, NOW, ZONE).get("a")).toEqual({ type: "step", step: thankYou });
    expect(nextSteps({ queue: [later, followUp], checkIns: [] }, NOW, ZONE).get("a")).toEqual({ type: "step", step: followUp });
    // The feed puts the overdue one on today at 09:00 (GMT in November), not on its date.
    expect(feedSteps({ queue: [followUp], checkIns: [] }, NOW, ZONE)[0].dueAt.toISOString()).toBe("2026-11-25T09:00:00.000Z");
  });
});

describe("next steps and isolation", () => {
  it("a second user's list, board and feed never hold the first user's applications or steps", async () => {
    const { db, users } = await seeded([
      { email: "ana@example.com", applications: 60, seed: 5 },
      { email: "ben@example.com", applications: 40, seed: 9 },
    ]);
    const [ana, ben] = users;
    const anas = new Set((await applicationListPage(db, { user: ana, q: LIST, now: NOW })).rows.map((r) => r.id));
    const anaKeys = new Set((await guidanceOverview(db, { user: ana, now: NOW })).queue.map((s) => s.key + s.applicationId));
    const benOverview = await guidanceOverview(db, { user: ben, now: NOW });
    const rows = (await applicationListPage(db, { user: ben, q: LIST, now: NOW })).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => anas.has(r.id))).toEqual([]);
    expect([...nextSteps(benOverview, NOW, ZONE).keys()].filter((id) => anas.has(id))).toEqual([]);
    const cards = columnViews(await boardColumns(db, { userId: ben.id, now: NOW }), benOverview, NOW, ZONE, DATES).flatMap((c) => c.cards);
    expect(cards.filter((c) => anas.has(c.id))).toEqual([]);
    const feed = (await feedContents(db, { user: ben, now: NOW })).steps;
    expect(feed.filter((s) => anas.has(s.applicationId) || anaKeys.has(s.key + s.applicationId))).toEqual([]);
  });
});

describe("worked out once per overview and day", () => {
  it("gives the same answers all day, new ones the next day, and the dashboard the same move-on steps", async () => {
    const { db, users } = await seeded([{ email: "day@example.com", applications: 120, seed: 11 }]);
    const overview = await guidanceOverview(db, { user: users[0], now: NOW });
    const later = new Date(NOW.getTime() + 3 * 3_600_000); // 15:00, the same day in London
    const tomorrow = new Date(NOW.getTime() + 24 * 3_600_000);
    expect(nextSteps(overview, later, ZONE)).toBe(nextSteps(overview, NOW, ZONE));
    expect(nextSteps(overview, tomorrow, ZONE)).not.toBe(nextSteps(overview, NOW, ZONE));
    expect(nextSteps(overview, NOW, "Asia/Tokyo")).not.toBe(nextSteps(overview, NOW, ZONE));
    // What was kept is what a fresh walk finds.
    expect([...nextSteps(overview, NOW, ZONE)]).toEqual([...nextSteps({ queue: overview.queue, checkIns: overview.checkIns }, NOW, ZONE)]);
    const plan = () => planDashboard({ overview, interviews: [], now: NOW, timeZone: ZONE });
    expect(plan().moveOn).toBe(plan().moveOn);
  });
});
