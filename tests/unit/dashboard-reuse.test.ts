import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { seedAccount } from "../../bench/seed-db";
import { loadDashboardPlan } from "@/lib/data/dashboard-plan";
import { lastContacts } from "@/lib/data/last-contact";
import { DAY_MS, HOUR_MS, MINUTE_MS } from "@/lib/time/units";
import { clockWords, dashboardKey, type DashboardKeyInputs } from "@/app/(app)/_reuse/dashboard-key";
import { DashboardBody } from "@/app/(app)/_components/today/dashboard-body";
import { handedOver, heldCount, withHandedOver } from "@/app/(app)/_reuse/hand-over";
import { testDbWithSqlite } from "./support/rounds";

// Several instants of the day (tests pass at any hour): just after midnight, morning, late evening, in London.
const INSTANTS = ["2026-11-25T00:20:00Z", "2026-11-25T08:45:00Z", "2026-11-25T23:30:00Z"].map((s) => new Date(s));
const ZONE = "Europe/London";
const DATES = { locale: "en-GB", hourCycle: null, zone: ZONE };

async function seeded(now: Date) {
  const { db, sqlite } = testDbWithSqlite();
  const account = await seedAccount(sqlite, { label: "reuse", email: "reuse@example.com", name: "Reuse", applications: 120, seed: 7, customSettings: false }, "x", now, () => {});
  return { db, userId: account.userId };
}

/** The dashboard's inputs at `now`, as the page gathers them (the recent list and counts are fixed here). */
async function inputsAt(db: Awaited<ReturnType<typeof seeded>>["db"], userId: string, now: Date, dates = DATES): Promise<DashboardKeyInputs> {
  const user = { id: userId, timeZone: dates.zone, dates };
  const { plan, versions, changesAt } = await loadDashboardPlan(db, { user, now, soonLimit: 10, laterLimit: 8 });
  const contacts = new Map((await lastContacts(db, { userId, applicationIds: plan.moveOn.map((s) => s.applicationId), now })).map((c) => [c.applicationId, c]));
  return {
    plan,
    versions,
    changesAt,
    userId,
    people: new Map(),
    recent: [{ id: "a1", roleTitle: "Engineer", company: "Acme", status: "applied" }],
    contacts,
    putAside: 0,
    byStatus: { applied: 1 },
    active: 1,
    todayPage: null,
    comingPage: null,
    now,
    dates,
    senderName: "Reuse",
  };
}

const markup = (inputs: DashboardKeyInputs) => renderToStaticMarkup(createElement(DashboardBody, inputs));

describe.each(INSTANTS)("the dashboard's reuse key at %s", (now) => {
  it("is the same for the same inputs, and differs when the user, data version, next change instant, locale, zone, day, name or page differ", async () => {
    const { db, userId } = await seeded(now);
    const inputs = await inputsAt(db, userId, now);
    expect(inputs.plan.blocks.length).toBeGreaterThan(0);
    const key = dashboardKey(inputs);
    expect(dashboardKey(await inputsAt(db, userId, now))).toBe(key);
    const changed: Partial<DashboardKeyInputs>[] = [
      { userId: "someone-else" },
      { versions: { ...inputs.versions, version: inputs.versions.version + 1 } },
      { versions: { ...inputs.versions, sharedVersion: inputs.versions.sharedVersion + 1 } },
      { changesAt: inputs.changesAt + 1 },
      { dates: { ...DATES, locale: "en-US" } },
      { dates: { ...DATES, zone: "America/New_York" } },
      { dates: { ...DATES, hourCycle: "h12" } },
      { senderName: "Someone Else" },
      { todayPage: 2 },
      { comingPage: 2 },
      { now: new Date(now.getTime() + DAY_MS) },
      { byStatus: { applied: 2 } },
    ];
    for (const change of changed) expect(dashboardKey({ ...inputs, ...change }), JSON.stringify(change)).not.toBe(key);
  });

  it("holds exactly while every word of time the body says holds, and the body is then the same", async () => {
    const { db, userId } = await seeded(now);
    const inputs = await inputsAt(db, userId, now);
    const key = dashboardKey(inputs);
    const body = markup(inputs);
    let same = 0;
    let moved = 0;
    // The same data read at later instants (the plan as of `now`, so only the clock moves).
    for (const step of [1, 17 * 1000, MINUTE_MS, 7 * MINUTE_MS, HOUR_MS, 5 * HOUR_MS, 13 * HOUR_MS, DAY_MS, 3 * DAY_MS]) {
      const later = { ...inputs, now: new Date(now.getTime() + step) };
      const sameWords = JSON.stringify(clockWords(later)) === JSON.stringify(clockWords(inputs));
      expect(dashboardKey(later) === key).toBe(sameWords);
      if (sameWords) {
        same++;
        expect(markup(later)).toBe(body);
      } else {
        // Moved words: a new key (the body may still read the same where a word is drawn only on opening).
        moved++;
      }
    }
    expect(same).toBeGreaterThan(0);
    expect(moved).toBeGreaterThan(0);
  });
});

describe("the inputs handed over to a reused render", () => {
  it("are held while a render with that key runs, by every request that asks, and dropped after", async () => {
    let release = () => {};
    const first = withHandedOver("k", { n: 1 }, () => new Promise<number>((r) => (release = () => r(handedOver<{ n: number }>("k").n))));
    const second = withHandedOver("k", { n: 2 }, async () => handedOver<{ n: number }>("k").n);
    // Requests with one key hold equal inputs: the first held serves both.
    expect(await second).toBe(1);
    expect(heldCount()).toBe(1);
    release();
    expect(await first).toBe(1);
    expect(heldCount()).toBe(0);
    expect(() => handedOver("k")).toThrow(/no inputs/);
  });

  it("are dropped when the render fails", async () => {
    await expect(withHandedOver("failing", {}, () => Promise.reject(new Error("render failed")))).rejects.toThrow("render failed");
    expect(heldCount()).toBe(0);
  });
});
