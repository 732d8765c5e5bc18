import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { actOnStep, guidanceOverview, guidanceQueue } from "@/lib/data/guidance";
import { cachedForUser, cacheUse, dataVersion, dataVersions } from "@/lib/data/guidance-cache";
import { PARTIAL_RELOAD_MAX } from "@/lib/data/guidance-parts";
import { userAnalytics } from "@/lib/data/analytics";
import { loadGuidanceInputs } from "@/lib/data/guidance-inputs";
import { overviewOf } from "@/lib/dashboard/overview";
import { saveGuidanceSettings } from "@/lib/data/guidance-settings";
import { DEFAULT_GUIDANCE_SETTINGS } from "@/lib/guidance/settings";
import { addRound, DAY, freshOverview, fromNow, HOUR, newApp, NOW, rejectedAfterRound, thankYouOwed, type GuidanceUser } from "./support/guidance-data";
import { interviewsBetween } from "@/lib/data/upcoming-interviews";
import { twoUsers } from "./support/rounds";
import { instantSql, rawRun } from "./support/raw-sql";
import { watchStatements } from "./support/statements";

let db: Db;
let ana: GuidanceUser;
let ben: GuidanceUser;

beforeEach(async () => {
  ({ db, ana, ben } = await twoUsers());
});

const thankYouKey = (roundId: string) => `send-thank-you:${roundId}`;
const keys = async (user: GuidanceUser, now = NOW) => (await guidanceQueue(db, { user, now })).map((i) => i.key);

describe("the data version", () => {
  it("moves on every write to a table the guidance reads, for that user only, whoever writes", async () => {
    const { app, round2 } = await thankYouOwed(db, ana.id);
    const writes: [string, () => unknown][] = [
      ["applications", () => rawRun(db, sql`update applications set company = 'Initech' where id = ${app.id}`)],
      ["rounds", () => rawRun(db, sql`update rounds set thank_you_sent_at = ${instantSql(new Date(1000))} where id = ${round2}`)],
      ["round_signals", () => rawRun(db, sql`insert into round_signals (user_id, round_id, signal) values (${ana.id}, ${round2}, 'met_team')`)],
      ["events", () => rawRun(db, sql`insert into events (id, user_id, application_id, kind, occurred_at) values ('e1', ${ana.id}, ${app.id}, 'follow_up_sent', ${instantSql(new Date(1000))})`)],
      ["events (delete)", () => rawRun(db, sql`delete from events where id = 'e1'`)],
      ["guidance_settings", () => saveGuidanceSettings(db, { userId: ana.id, settings: { ...DEFAULT_GUIDANCE_SETTINGS, decisionWaitDays: 9 } })],
      ["users.time_zone", () => rawRun(db, sql`update users set time_zone = 'Asia/Tokyo' where id = ${ana.id}`)],
    ];
    for (const [table, write] of writes) {
      const before = { ana: await dataVersion(db, { userId: ana.id }), ben: await dataVersion(db, { userId: ben.id }) };
      await write();
      expect(await dataVersion(db, { userId: ana.id }), table).toBeGreaterThan(before.ana);
      expect(await dataVersion(db, { userId: ben.id }), table).toBe(before.ben);
    }
  });
});

describe("guidanceQueue's cache", () => {
  it("serves the same overview while nothing changed, however much later, until a part says it changes", async () => {
    const { app } = await thankYouOwed(db, ana.id);
    const first = await guidanceOverview(db, { user: ana, now: NOW });
    const changesAt = overviewOf(await loadGuidanceInputs(db, { user: ana, scope: { applicationId: app.id } }), NOW).changesAt;
    expect(changesAt).toBeGreaterThan(NOW.getTime() + 60_000);
    expect(await guidanceOverview(db, { user: ana, now: new Date(changesAt - 1) })).toBe(first);
    expect(await guidanceOverview(db, { user: ana, now: new Date(changesAt) })).not.toBe(first);
  });

  it("recomputes when asked about an earlier instant than it was computed for", async () => {
    await thankYouOwed(db, ana.id);
    const first = await guidanceQueue(db, { user: ana, now: NOW });
    expect(await guidanceQueue(db, { user: ana, now: fromNow(-HOUR) })).not.toBe(first);
  });

  it("does not serve a step as not overdue once its due time has passed", async () => {
    const app = await newApp(db, ana.id);
    await addRound(db, ana.id, app.id, { scheduledAt: fromNow(-3 * HOUR) });
    const dueSoon = (await guidanceQueue(db, { user: ana, now: NOW })).find((i) => i.ruleId === "send-thank-you");
    if (!dueSoon?.dueAt) throw new Error("fixture has no step falling due");
    const justBefore = new Date(dueSoon.dueAt.getTime() - 1000);
    expect((await guidanceQueue(db, { user: ana, now: justBefore })).find((i) => i.key === dueSoon.key)).toMatchObject({ overdue: false });
    expect((await guidanceQueue(db, { user: ana, now: dueSoon.dueAt })).find((i) => i.key === dueSoon.key)).toMatchObject({ overdue: false });
    expect((await guidanceQueue(db, { user: ana, now: new Date(dueSoon.dueAt.getTime() + 1000) })).find((i) => i.key === dueSoon.key)).toMatchObject({ overdue: true });
  });

  it("brings a follow-up in at the moment its check-in falls due, recomputing only that application", async () => {
    // Applied 6 days before NOW (Wed 25 Nov, 12:00 UTC): the check-in is 09:00 on Thu 26 Nov.
    const app = await newApp(db, ana.id, { company: "Patient Co", appliedOn: "2026-11-19" });
    const before = await guidanceOverview(db, { user: ana, now: NOW });
    const checkIn = before.checkIns.find((c) => c.applicationId === app.id);
    expect(checkIn?.dueAt).toEqual(new Date("2026-11-26T09:00:00Z"));
    expect(await guidanceOverview(db, { user: ana, now: new Date(NOW.getTime() + 1000) })).toBe(before);
    // Computed 30 seconds before the check-in: without the check-in as a change, that would be served for a minute.
    const justBefore = await guidanceOverview(db, { user: ana, now: new Date(checkIn!.dueAt.getTime() - 30_000) });
    expect(justBefore.queue.some((s) => s.ruleId === "follow-up-on-application")).toBe(false);
    const other = await thankYouOwed(db, ana.id, { company: "Busy Co" });
    const withOther = await guidanceOverview(db, { user: ana, now: new Date(checkIn!.dueAt.getTime() - 30_000) });
    const at = await guidanceOverview(db, { user: ana, now: new Date(checkIn!.dueAt.getTime() + 1) });
    expect(at).not.toBe(withOther);
    const thanks = (o: typeof at) => o.queue.find((s) => s.applicationId === other.app.id);
    expect(thanks(at)).toBe(thanks(withOther));
    expect(at.queue.some((s) => s.applicationId === app.id && s.ruleId === "follow-up-on-application")).toBe(true);
    expect(at.checkIns.some((c) => c.applicationId === app.id)).toBe(false);
  });

  it("shows a write at once, even one made behind the app's back", async () => {
    const { round2 } = await thankYouOwed(db, ana.id);
    expect(await keys(ana)).toContain(thankYouKey(round2));
    await rawRun(db, sql`update rounds set thank_you_sent_at = ${instantSql(NOW)} where id = ${round2}`);
    expect(await keys(ana)).not.toContain(thankYouKey(round2));
  });

  it("shows a step put aside at once", async () => {
    const { app, round2 } = await thankYouOwed(db, ana.id);
    expect(await keys(ana)).toContain(thankYouKey(round2));
    await actOnStep(db, { user: ana, applicationId: app.id, key: thankYouKey(round2), action: { kind: "dismiss" }, now: NOW });
    expect(await keys(ana)).not.toContain(thankYouKey(round2));
  });

  it("keeps users apart: one user's queue is never served to another", async () => {
    const { round2 } = await thankYouOwed(db, ana.id);
    expect(await keys(ana)).toContain(thankYouKey(round2));
    expect(await keys(ben)).toEqual([]);
  });

  it("follows a change of time zone passed in, even before the stored zone changes", async () => {
    await thankYouOwed(db, ana.id);
    const first = await guidanceQueue(db, { user: ana, now: NOW });
    expect(await guidanceQueue(db, { user: { ...ana, timeZone: "Pacific/Auckland" }, now: NOW })).not.toBe(first);
  });

  it("never serves one reader's texts to another locale or clock", async () => {
    await thankYouOwed(db, ana.id);
    const us = { ...ana, dates: { locale: "en-US", hourCycle: "h12" as const } };
    const first = await guidanceOverview(db, { user: us, now: NOW });
    const uk = await guidanceOverview(db, { user: { ...ana, dates: { locale: "en-GB", hourCycle: "h12" as const } }, now: NOW });
    expect(uk).not.toBe(first);
    const h23 = await guidanceOverview(db, { user: { ...us, dates: { locale: "en-US", hourCycle: "h23" as const } }, now: NOW });
    expect(h23).not.toBe(uk);
    expect(await guidanceOverview(db, { user: us, now: NOW })).toEqual(first);
  });
});

describe("what couples applications: how many are in play", () => {
  it("recomputes only the steps that say how many others there are when that count changes", async () => {
    const waiting = await thankYouOwed(db, ana.id);
    const rejected = await rejectedAfterRound(db, ana.id);
    const saved = await newApp(db, ana.id, { company: "Later Co", status: "saved" });
    const before = await guidanceOverview(db, { user: ana, now: NOW });
    const keepSearching = (o: typeof before) => o.queue.find((s) => s.applicationId === waiting.app.id && s.ruleId === "keep-searching");
    const reflect = (o: typeof before) => o.queue.find((s) => s.applicationId === rejected.app.id);
    expect(keepSearching(before)?.reasons).toContain("This is your only application in play.");
    expect(reflect(before)).toBeDefined();

    await rawRun(db, sql`update applications set status = 'applied' where id = ${saved.id}`);
    const after = await guidanceOverview(db, { user: ana, now: NOW });
    expect(keepSearching(after)?.reasons).toContain("You have 1 other application in play.");
    expect(reflect(after)).toBe(reflect(before));
    expect(after).toEqual(await freshOverview(db, ana));
  });
});


describe("many changes at once", () => {
  it("reads the whole user again past the partial reload's bound, with the same answer", async () => {
    await thankYouOwed(db, ana.id);
    const before = await guidanceOverview(db, { user: ana, now: NOW });
    const rows = Array.from({ length: PARTIAL_RELOAD_MAX + 1 }, (_, i) => sql`(${`bulk-${i}`}, ${ana.id}, ${`Co ${i}`}, 'Dev', 'applied', '2026-11-10')`);
    // One statement, as one transaction was: the versions move once for all of them.
    await rawRun(db, sql`insert into applications (id, user_id, company, role_title, status, applied_on) values ${sql.join(rows, sql`, `)}`);
    const after = await guidanceOverview(db, { user: ana, now: NOW });
    expect(after).not.toBe(before);
    expect(after.queue.length).toBeGreaterThan(PARTIAL_RELOAD_MAX);
    expect(after).toEqual(await freshOverview(db, ana));
  });
});

describe("analytics' freshness", () => {
  it("holds the figures until the next round ends, and counts that round at once", async () => {
    const app = await newApp(db, ana.id, { status: "interviewing", appliedOn: "2026-11-01" });
    await addRound(db, ana.id, app.id, { scheduledAt: fromNow(-2 * DAY) });
    await addRound(db, ana.id, app.id, { kind: "second", scheduledAt: fromNow(2 * HOUR), durationMinutes: 60 });
    const ends = fromNow(3 * HOUR).getTime();
    const first = await userAnalytics(db, { user: ana, now: NOW });
    const ended = (a: typeof first) => a.responseTimes.reduce((n, r) => n + r.answered + r.waiting, 0);
    expect(ended(first)).toBe(1);
    expect(await userAnalytics(db, { user: ana, now: new Date(ends - 1) })).toBe(first);
    const after = await userAnalytics(db, { user: ana, now: new Date(ends) });
    expect(after).not.toBe(first);
    expect(ended(after)).toBe(2);
  });
});


/** Runs `run` while counting the statements sent whose SQL `counts` accepts. */
async function counting<T>(counts: (sql: string) => boolean, run: () => Promise<T>): Promise<{ result: T; statements: number }> {
  let statements = 0;
  const result = await watchStatements(db, (source) => void (counts(source) && statements++), run);
  return { result, statements };
}

/** Fails every statement whose SQL `fails` accepts, while `run` runs. */
function failing<T>(fails: (sql: string) => boolean, run: () => Promise<T>): Promise<T> {
  return watchStatements(
    db,
    (source) => {
      if (fails(source)) throw new Error("the disk is on fire");
    },
    run,
  );
}

const readsSteps = (sql: string) => sql.includes('from "guidance_steps"');
const readsVersions = (sql: string) => sql.includes('from "user_data_versions"');

/** Lookups of one key whose compute takes a few milliseconds; `failFirst` makes the first compute throw. */
function slowLookups(failFirst = false) {
  const counter = { computes: 0 };
  const lookUp = () =>
    cachedForUser(db, {
      what: "test",
      user: ana,
      now: NOW,
      compute: async () => {
        const computes = ++counter.computes;
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (failFirst && computes === 1) throw new Error("the first one fails");
        return { value: { computes } };
      },
    });
  return { lookUp, counter };
}

describe("one rebuild at a time", () => {
  it("computes once for lookups that arrive together, and serves them all its result", async () => {
    const { lookUp, counter } = slowLookups();
    const [a, b, c] = await Promise.all([lookUp(), lookUp(), lookUp()]);
    expect(counter.computes).toBe(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it("keeps nothing of a failed compute: a lookup that waited for it computes again, and its result is kept", async () => {
    const { lookUp, counter } = slowLookups(true);
    const [first, second] = [lookUp(), lookUp()];
    await expect(first).rejects.toThrow("the first one fails");
    expect(await second).toEqual({ computes: 2 });
    expect(await lookUp()).toBe(await second);
    expect(counter.computes).toBe(2);
  });

  it("rebuilds the overview once for two requests after a write, partial or full", async () => {
    const { app } = await thankYouOwed(db, ana.id);
    const cold = await counting(readsSteps, () => Promise.all([guidanceOverview(db, { user: ana, now: NOW }), guidanceOverview(db, { user: ana, now: NOW })]));
    expect(cold.statements).toBe(1);
    expect(cold.result[1]).toBe(cold.result[0]);
    await rawRun(db, sql`update applications set company = 'Initech' where id = ${app.id}`);
    const partial = await counting(readsSteps, () => Promise.all([guidanceOverview(db, { user: ana, now: NOW }), guidanceOverview(db, { user: ana, now: NOW })]));
    expect(partial.statements).toBe(1);
    expect(partial.result[1]).toBe(partial.result[0]);
    expect(partial.result[0]).not.toBe(cold.result[0]);
    expect(partial.result[0]).toEqual(await freshOverview(db, ana));
  });

  it("keeps no overview whose rebuild failed, and builds a right one on the next request", async () => {
    const { round2 } = await thankYouOwed(db, ana.id);
    const before = await guidanceOverview(db, { user: ana, now: NOW });
    await rawRun(db, sql`update rounds set thank_you_sent_at = ${instantSql(NOW)} where id = ${round2}`);
    const both = failing(readsSteps, () => Promise.allSettled([guidanceOverview(db, { user: ana, now: NOW }), guidanceOverview(db, { user: ana, now: NOW })]));
    expect((await both).map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(cacheUse(db).entries).toBe(0);
    const after = await guidanceOverview(db, { user: ana, now: NOW });
    expect(after).not.toBe(before);
    expect(after.queue.map((s) => s.key)).not.toContain(thankYouKey(round2));
    expect(after).toEqual(await freshOverview(db, ana));
  });

  it("reads the kept interview times once for two windows asked together", async () => {
    const app = await newApp(db, ana.id);
    for (let h = 1; h <= 3; h++) await addRound(db, ana.id, app.id, { scheduledAt: fromNow(h * HOUR) });
    const readsTimes = (sql: string) => sql.includes('from "rounds"') && !sql.includes('"company"');
    const { result, statements } = await counting(readsTimes, () =>
      Promise.all([
        interviewsBetween(db, { userId: ana.id, after: NOW, through: fromNow(2 * HOUR), limit: 0 }),
        // From the same instant: whichever of the two reaches the cache first, its kept times cover the other's
        // (on Postgres the two reads before it finish in either order).
        interviewsBetween(db, { userId: ana.id, after: NOW, through: fromNow(DAY), limit: 0 }),
      ]),
    );
    expect(statements).toBe(1);
    expect(result.map((r) => r.total)).toEqual([2, 3]);
  });
});

describe("the user's data versions", () => {
  it("are read once by each lookup not given them, and not at all by one given them", async () => {
    await thankYouOwed(db, ana.id);
    const compute = async () => ({ value: 1 });
    const versions = await dataVersions(db, { userId: ana.id });
    const given = await counting(readsVersions, async () => {
      await guidanceOverview(db, { user: ana, now: NOW, versions });
      await interviewsBetween(db, { userId: ana.id, after: NOW, through: fromNow(DAY), limit: 0, versions });
      await cachedForUser(db, { what: "test", user: ana, now: NOW, versions, compute });
    });
    expect(given.statements).toBe(0);
    const own = await counting(readsVersions, async () => {
      await guidanceOverview(db, { user: ana, now: NOW });
      await cachedForUser(db, { what: "test", user: ana, now: NOW, compute });
    });
    expect(own.statements).toBe(2);
  });
});
