import { beforeEach, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import type { Db } from "@/db/open";
import { actOnStep, guidanceOverview, guidanceQueue } from "@/lib/data/guidance";
import { dataVersion } from "@/lib/data/guidance-cache";
import { PARTIAL_RELOAD_MAX } from "@/lib/data/guidance-parts";
import { userAnalytics } from "@/lib/data/analytics";
import { loadGuidanceInputs } from "@/lib/data/guidance-inputs";
import { overviewOf } from "@/lib/dashboard/overview";
import { saveGuidanceSettings } from "@/lib/data/guidance-settings";
import { DEFAULT_GUIDANCE_SETTINGS } from "@/lib/guidance/settings";
import { addRound, DAY, freshOverview, fromNow, HOUR, newApp, NOW, rejectedAfterRound, thankYouOwed, type GuidanceUser } from "./support/guidance-data";
import { twoUsers } from "./support/rounds";

let db: Db;
let sqlite: Database.Database;
let ana: GuidanceUser;
let ben: GuidanceUser;

beforeEach(async () => {
  ({ db, sqlite, ana, ben } = await twoUsers());
});

const thankYouKey = (roundId: string) => `send-thank-you:${roundId}`;
const keys = (user: GuidanceUser, now = NOW) => guidanceQueue(db, user, now).map((i) => i.key);

describe("the data version", () => {
  it("moves on every write to a table the guidance reads, for that user only, whoever writes", () => {
    const { app, round2 } = thankYouOwed(db, ana.id);
    const writes: [string, () => unknown][] = [
      ["applications", () => sqlite.prepare("update applications set company = 'Initech' where id = ?").run(app.id)],
      ["rounds", () => sqlite.prepare("update rounds set thank_you_sent_at = 1 where id = ?").run(round2)],
      ["round_signals", () => sqlite.prepare("insert into round_signals (user_id, round_id, signal) values (?, ?, 'met_team')").run(ana.id, round2)],
      ["events", () => sqlite.prepare("insert into events (id, user_id, application_id, kind, occurred_at) values ('e1', ?, ?, 'follow_up_sent', 1)").run(ana.id, app.id)],
      ["events (delete)", () => sqlite.prepare("delete from events where id = 'e1'").run()],
      ["guidance_settings", () => saveGuidanceSettings(db, ana.id, { ...DEFAULT_GUIDANCE_SETTINGS, decisionWaitDays: 9 })],
      ["users.time_zone", () => sqlite.prepare("update users set time_zone = 'Asia/Tokyo' where id = ?").run(ana.id)],
    ];
    for (const [table, write] of writes) {
      const before = { ana: dataVersion(db, ana.id), ben: dataVersion(db, ben.id) };
      write();
      expect(dataVersion(db, ana.id), table).toBeGreaterThan(before.ana);
      expect(dataVersion(db, ben.id), table).toBe(before.ben);
    }
  });
});

describe("guidanceQueue's cache", () => {
  it("serves the same overview while nothing changed, however much later, until a part says it changes", () => {
    const { app } = thankYouOwed(db, ana.id);
    const first = guidanceOverview(db, ana, NOW);
    const changesAt = overviewOf(loadGuidanceInputs(db, ana, { applicationId: app.id }), NOW).changesAt;
    expect(changesAt).toBeGreaterThan(NOW.getTime() + 60_000);
    expect(guidanceOverview(db, ana, new Date(changesAt - 1))).toBe(first);
    expect(guidanceOverview(db, ana, new Date(changesAt))).not.toBe(first);
  });

  it("recomputes when asked about an earlier instant than it was computed for", () => {
    thankYouOwed(db, ana.id);
    const first = guidanceQueue(db, ana, NOW);
    expect(guidanceQueue(db, ana, fromNow(-HOUR))).not.toBe(first);
  });

  it("does not serve a step as not overdue once its due time has passed", () => {
    const app = newApp(db, ana.id);
    addRound(db, ana.id, app.id, { scheduledAt: fromNow(-3 * HOUR) });
    const dueSoon = guidanceQueue(db, ana, NOW).find((i) => i.ruleId === "send-thank-you");
    if (!dueSoon?.dueAt) throw new Error("fixture has no step falling due");
    const justBefore = new Date(dueSoon.dueAt.getTime() - 1000);
    expect(guidanceQueue(db, ana, justBefore).find((i) => i.key === dueSoon.key)).toMatchObject({ overdue: false });
    expect(guidanceQueue(db, ana, dueSoon.dueAt).find((i) => i.key === dueSoon.key)).toMatchObject({ overdue: false });
    expect(guidanceQueue(db, ana, new Date(dueSoon.dueAt.getTime() + 1000)).find((i) => i.key === dueSoon.key)).toMatchObject({ overdue: true });
  });

  it("brings a follow-up in at the moment its check-in falls due, recomputing only that application", () => {
    // Applied 6 days before NOW (Wed 25 Nov, 12:00 UTC): the check-in is 09:00 on Thu 26 Nov.
    const app = newApp(db, ana.id, { company: "Patient Co", appliedOn: "2026-11-19" });
    const before = guidanceOverview(db, ana, NOW);
    const checkIn = before.checkIns.find((c) => c.applicationId === app.id);
    expect(checkIn?.dueAt).toEqual(new Date("2026-11-26T09:00:00Z"));
    expect(guidanceOverview(db, ana, new Date(NOW.getTime() + 1000))).toBe(before);
    // Computed 30 seconds before the check-in: without the check-in as a change, that would be served for a minute.
    const justBefore = guidanceOverview(db, ana, new Date(checkIn!.dueAt.getTime() - 30_000));
    expect(justBefore.queue.some((s) => s.ruleId === "follow-up-on-application")).toBe(false);
    const other = thankYouOwed(db, ana.id, { company: "Busy Co" });
    const withOther = guidanceOverview(db, ana, new Date(checkIn!.dueAt.getTime() - 30_000));
    const at = guidanceOverview(db, ana, new Date(checkIn!.dueAt.getTime() + 1));
    expect(at).not.toBe(withOther);
    const thanks = (o: typeof at) => o.queue.find((s) => s.applicationId === other.app.id);
    expect(thanks(at)).toBe(thanks(withOther));
    expect(at.queue.some((s) => s.applicationId === app.id && s.ruleId === "follow-up-on-application")).toBe(true);
    expect(at.checkIns.some((c) => c.applicationId === app.id)).toBe(false);
  });

  it("shows a write at once, even one made behind the app's back", () => {
    const { round2 } = thankYouOwed(db, ana.id);
    expect(keys(ana)).toContain(thankYouKey(round2));
    sqlite.prepare("update rounds set thank_you_sent_at = ? where id = ?").run(Math.floor(NOW.getTime() / 1000), round2);
    expect(keys(ana)).not.toContain(thankYouKey(round2));
  });

  it("shows a step put aside at once", () => {
    const { app, round2 } = thankYouOwed(db, ana.id);
    expect(keys(ana)).toContain(thankYouKey(round2));
    actOnStep(db, ana, app.id, thankYouKey(round2), { kind: "dismiss" }, NOW);
    expect(keys(ana)).not.toContain(thankYouKey(round2));
  });

  it("keeps users apart: one user's queue is never served to another", () => {
    const { round2 } = thankYouOwed(db, ana.id);
    expect(keys(ana)).toContain(thankYouKey(round2));
    expect(keys(ben)).toEqual([]);
  });

  it("follows a change of time zone passed in, even before the stored zone changes", () => {
    thankYouOwed(db, ana.id);
    const first = guidanceQueue(db, ana, NOW);
    expect(guidanceQueue(db, { ...ana, timeZone: "Pacific/Auckland" }, NOW)).not.toBe(first);
  });

  it("never serves one reader's texts to another locale or clock", () => {
    thankYouOwed(db, ana.id);
    const us = { ...ana, dates: { locale: "en-US", hourCycle: "h12" as const } };
    const first = guidanceOverview(db, us, NOW);
    const uk = guidanceOverview(db, { ...ana, dates: { locale: "en-GB", hourCycle: "h12" as const } }, NOW);
    expect(uk).not.toBe(first);
    const h23 = guidanceOverview(db, { ...us, dates: { locale: "en-US", hourCycle: "h23" as const } }, NOW);
    expect(h23).not.toBe(uk);
    expect(guidanceOverview(db, us, NOW)).toEqual(first);
  });
});

describe("what couples applications: how many are in play", () => {
  it("recomputes only the steps that say how many others there are when that count changes", () => {
    const waiting = thankYouOwed(db, ana.id);
    const rejected = rejectedAfterRound(db, ana.id);
    const saved = newApp(db, ana.id, { company: "Later Co", status: "saved" });
    const before = guidanceOverview(db, ana, NOW);
    const keepSearching = (o: typeof before) => o.queue.find((s) => s.applicationId === waiting.app.id && s.ruleId === "keep-searching");
    const reflect = (o: typeof before) => o.queue.find((s) => s.applicationId === rejected.app.id);
    expect(keepSearching(before)?.reasons).toContain("This is your only application in play.");
    expect(reflect(before)).toBeDefined();

    sqlite.prepare("update applications set status = 'applied' where id = ?").run(saved.id);
    const after = guidanceOverview(db, ana, NOW);
    expect(keepSearching(after)?.reasons).toContain("You have 1 other application in play.");
    expect(reflect(after)).toBe(reflect(before));
    expect(after).toEqual(freshOverview(db, ana));
  });
});


describe("many changes at once", () => {
  it("reads the whole user again past the partial reload's bound, with the same answer", () => {
    thankYouOwed(db, ana.id);
    const before = guidanceOverview(db, ana, NOW);
    const insert = sqlite.prepare("insert into applications (id, user_id, company, role_title, status, applied_on) values (?, ?, ?, 'Dev', 'applied', '2026-11-10')");
    sqlite.transaction(() => {
      for (let i = 0; i <= PARTIAL_RELOAD_MAX; i++) insert.run(`bulk-${i}`, ana.id, `Co ${i}`);
    })();
    const after = guidanceOverview(db, ana, NOW);
    expect(after).not.toBe(before);
    expect(after.queue.length).toBeGreaterThan(PARTIAL_RELOAD_MAX);
    expect(after).toEqual(freshOverview(db, ana));
  });
});

describe("analytics' freshness", () => {
  it("holds the figures until the next round ends, and counts that round at once", () => {
    const app = newApp(db, ana.id, { status: "interviewing", appliedOn: "2026-11-01" });
    addRound(db, ana.id, app.id, { scheduledAt: fromNow(-2 * DAY) });
    addRound(db, ana.id, app.id, { kind: "second", scheduledAt: fromNow(2 * HOUR), durationMinutes: 60 });
    const ends = fromNow(3 * HOUR).getTime();
    const first = userAnalytics(db, ana, NOW);
    const ended = (a: typeof first) => a.responseTimes.reduce((n, r) => n + r.answered + r.waiting, 0);
    expect(ended(first)).toBe(1);
    expect(userAnalytics(db, ana, new Date(ends - 1))).toBe(first);
    const after = userAnalytics(db, ana, new Date(ends));
    expect(after).not.toBe(first);
    expect(ended(after)).toBe(2);
  });
});

