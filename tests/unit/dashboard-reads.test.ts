import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { applications } from "@/db/schema";
import { overviewOf } from "@/lib/dashboard/overview";
import { interviewWindows, planDashboard } from "@/lib/dashboard/today";
import { applicationCounts, countApplications, countByStatus, listApplications, recentApplications, setArchived } from "@/lib/data/applications";
import { interviewsBetween, upcomingInterviews } from "@/lib/data/upcoming-interviews";
import { addRound, DAY, fromNow, HOUR, newApp, NOW, type GuidanceUser } from "./support/guidance-data";
import { twoUsers } from "./support/rounds";
import { instantSql, plusSeconds, rawRows, rawRun } from "./support/raw-sql";
import { seededDb } from "./support/seeded";

// The dashboard reads only what it shows: the first interviews of each
// window with their count, the counts by status in one pass, five recent
// applications. Each must say what the full reads would have said.

let db: Db;
let ana: GuidanceUser;
let ben: GuidanceUser;

beforeEach(async () => {
  ({ db, ana, ben } = await twoUsers());
});

describe("interviewsBetween", () => {
  it("gives the first `limit` in time order and how many there are, of the user's open applications only", async () => {
    const acme = await newApp(db, ana.id, { company: "Acme" });
    const ids: (readonly [number, string])[] = [];
    for (const h of [5, 1, 4, 2, 3]) ids.push([h, await addRound(db, ana.id, acme.id, { scheduledAt: fromNow(h * HOUR) })]);
    const byTime = [...ids].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
    const shelved = await newApp(db, ana.id, { company: "Shelved" });
    await addRound(db, ana.id, shelved.id, { scheduledAt: fromNow(HOUR) });
    await setArchived(db, { userId: ana.id, id: shelved.id, archived: true });
    const closed = await newApp(db, ana.id, { company: "Closed" });
    await addRound(db, ana.id, closed.id, { scheduledAt: fromNow(HOUR) });
    await rawRun(db, sql`update applications set status = 'rejected' where id = ${closed.id}`);
    const bens = await newApp(db, ben.id, { company: "Ben's Co" });
    for (let h = 1; h <= 3; h++) await addRound(db, ben.id, bens.id, { scheduledAt: fromNow(h * HOUR) });

    const window = { userId: ana.id, after: NOW, through: fromNow(DAY) };
    expect(await interviewsBetween(db, { ...window, limit: 2 })).toEqual({ interviews: (await upcomingInterviews(db, { userId: ana.id, now: NOW, days: 1 })).slice(0, 2), total: 5 });
    expect((await interviewsBetween(db, { ...window, limit: 2 })).interviews.map((r) => r.roundId)).toEqual(byTime.slice(0, 2));
    expect(await interviewsBetween(db, { ...window, limit: 10 })).toMatchObject({ total: 5 });
    expect((await interviewsBetween(db, { ...window, limit: 10 })).interviews.map((r) => r.roundId)).toEqual(byTime);
    expect(await interviewsBetween(db, { ...window, limit: 0 })).toEqual({ interviews: [], total: 5 });
    // Ben's three are his alone.
    expect(await interviewsBetween(db, { ...window, userId: ben.id, limit: 1 })).toMatchObject({ total: 3 });
  });

  it("counts what is in the database now: a round added behind the app's back, a closed application, time passing", async () => {
    const acme = await newApp(db, ana.id, { company: "Acme" });
    for (let h = 1; h <= 4; h++) await addRound(db, ana.id, acme.id, { scheduledAt: fromNow(h * HOUR) });
    await addRound(db, ana.id, acme.id, { scheduledAt: fromNow(14 * DAY) });
    const total = async (after = NOW) => (await interviewsBetween(db, { userId: ana.id, after, through: fromNow(DAY), limit: 1 })).total;
    expect(await total()).toBe(4);
    await rawRun(db, sql`insert into rounds (id, user_id, application_id, kind, scheduled_at, outcome, created_at) values ('r-raw', ${ana.id}, ${acme.id}, 'second', ${instantSql(fromNow(5 * HOUR))}, 'pending', ${instantSql(NOW)})`);
    expect(await total()).toBe(5);
    // An hour and a half on, the first has started and is no longer to come.
    expect(await total(fromNow(1.5 * HOUR))).toBe(4);
    // Asked about an earlier instant than it was read for: read again, not guessed.
    expect(await total(fromNow(-HOUR))).toBe(5);
    // Past the kept reach (Coming up's week and a day): read again, so the round in a fortnight counts.
    expect((await interviewsBetween(db, { userId: ana.id, after: NOW, through: fromNow(15 * DAY), limit: 1 })).total).toBe(6);
    await rawRun(db, sql`update applications set status = 'rejected' where id = ${acme.id}`);
    expect(await total()).toBe(0);
    expect((await interviewsBetween(db, { userId: ben.id, after: NOW, through: fromNow(DAY), limit: 0 })).total).toBe(0);
  });

  it("keeps `after` out and `through` in, to the second the times are stored in", async () => {
    const acme = await newApp(db, ana.id, { company: "Acme" });
    const atNow = await addRound(db, ana.id, acme.id, { scheduledAt: NOW });
    const atEnd = await addRound(db, ana.id, acme.id, { scheduledAt: fromNow(HOUR) });
    const pastEnd = await addRound(db, ana.id, acme.id, { scheduledAt: fromNow(HOUR + 1000) });
    const ids = async (after: Date, through: Date) => (await interviewsBetween(db, { userId: ana.id, after, through, limit: 10 })).interviews.map((r) => r.roundId);
    expect(await ids(NOW, fromNow(HOUR))).toEqual([atEnd]);
    expect(await ids(fromNow(-1), fromNow(HOUR))).toEqual([atNow, atEnd]);
    // Half a second on either side: still the instants' order, not the stored seconds'.
    expect(await ids(fromNow(HOUR - 500), fromNow(HOUR + 500))).toEqual([atEnd]);
    expect(await ids(fromNow(HOUR + 500), fromNow(HOUR + 1500))).toEqual([pastEnd]);
    expect(await ids(fromNow(-500), fromNow(HOUR - 1))).toEqual([atNow]);
  });
});

describe("the dashboard's interviews, read a page at a time", () => {
  it("makes the same Today and Coming up as reading the whole week", async () => {
    const apps = [];
    for (const company of ["Acme", "Globex", "Initech"]) apps.push(await newApp(db, ana.id, { company }));
    // Forty interviews over eight days, some in the first 48 hours, and some at the same time as another.
    for (let i = 0; i < 40; i++) {
      const at = fromNow((i * 4.7 + 1) * HOUR);
      await addRound(db, ana.id, apps[i % 3].id, { scheduledAt: at });
      if (i % 4 === 1) await addRound(db, ana.id, apps[(i + 1) % 3].id, { scheduledAt: at });
    }
    const overview = overviewOf([], NOW);
    const zone = "Europe/London";
    const full = planDashboard({ overview, interviews: await upcomingInterviews(db, { userId: ana.id, now: NOW, days: 8 }), now: NOW, timeZone: zone });
    const { soonUntil, comingUpEnd } = interviewWindows(NOW, zone);
    for (const shown of [3, 8, 25]) {
      const soon = await interviewsBetween(db, { userId: ana.id, after: NOW, through: soonUntil, limit: 4 });
      const later = await interviewsBetween(db, { userId: ana.id, after: soonUntil, through: new Date(comingUpEnd.getTime() - 1), limit: shown });
      const paged = planDashboard({
        overview,
        interviews: [...soon.interviews, ...later.interviews],
        interviewTotals: { soon: soon.total, later: later.total },
        now: NOW,
        timeZone: zone,
      });
      expect(paged.interviews).toEqual(full.interviews.slice(0, 4));
      expect(paged.interviewCount).toBe(full.interviews.length);
      expect(paged.comingUp.slice(0, shown)).toEqual(full.comingUp.slice(0, shown));
      expect(paged.comingUpCount).toBe(full.comingUp.length);
    }
    expect(full.interviews.length).toBeGreaterThan(4);
    expect(full.comingUp.length).toBeGreaterThan(25);
    expect(full).toMatchObject({ interviewCount: full.interviews.length, comingUpCount: full.comingUp.length });
  });
});

describe("applicationCounts and recentApplications", () => {
  it("count as countApplications and countByStatus do, in one read, and only the user's own", async () => {
    for (const status of ["applied", "applied", "interviewing", "offer"] as const) await newApp(db, ana.id, { status });
    // One archived beside others of its status, one alone in its status: neither counts by status.
    for (const status of ["applied", "withdrawn"] as const) await setArchived(db, { userId: ana.id, id: (await newApp(db, ana.id, { status })).id, archived: true });
    await newApp(db, ben.id, { status: "saved" });
    expect(await applicationCounts(db, { userId: ana.id })).toEqual({ ...(await countApplications(db, { userId: ana.id })), byStatus: await countByStatus(db, { userId: ana.id }) });
    expect(await applicationCounts(db, { userId: ana.id })).toEqual({ total: 6, archived: 2, byStatus: { applied: 2, interviewing: 1, offer: 1 } });
    expect(await applicationCounts(db, { userId: ben.id })).toEqual({ total: 1, archived: 0, byStatus: { saved: 1 } });
    expect(await applicationCounts(db, { userId: "nobody" })).toEqual({ total: 0, archived: 0, byStatus: {} });
  });

  it("lists the most recently updated, the last added first among those updated in the same second, with only what the dashboard shows", async () => {
    const apps = [];
    for (let i = 0; i < 7; i++) apps.push(await newApp(db, ana.id, { company: `Co ${i}` }));
    // Co 1 updated last; Co 3 to Co 6 in the same second, before it.
    const t = Math.floor(NOW.getTime() / 1000);
    for (const [i, a] of apps.entries()) {
      const at = new Date((i === 1 ? t + 10 : i >= 3 ? t : t - 100 + i) * 1000);
      await db.update(applications).set({ updatedAt: at }).where(eq(applications.id, a.id));
    }
    const archived = await newApp(db, ana.id, { company: "Archived" });
    await setArchived(db, { userId: ana.id, id: archived.id, archived: true });
    await newApp(db, ben.id, { company: "Ben's Co" });
    const recent = await recentApplications(db, { userId: ana.id, limit: 5 });
    expect(recent.map((a) => a.company)).toEqual(["Co 1", "Co 6", "Co 5", "Co 4", "Co 3"]);
    expect(recent[0]).toEqual({ id: apps[1].id, company: "Co 1", roleTitle: apps[1].roleTitle, status: apps[1].status });
    // The same applications as the full list's first five, whose ties go another way.
    expect(new Set(recent.map((a) => a.id))).toEqual(new Set((await listApplications(db, { userId: ana.id, filter: { limit: 5 } })).map((a) => a.id)));
    expect((await recentApplications(db, { userId: ben.id, limit: 5 })).map((a) => a.company)).toEqual(["Ben's Co"]);
  });
});

describe("the kept round times after writes", () => {
  it("count what a fresh read counts, over many writes to rounds and applications by raw SQL", async () => {
    const now = new Date();
    const {
      db: seeded,
      accounts: [{ userId }],
    } = await seededDb([{ label: "times", email: "times@example.com", name: "Times", applications: 300, seed: 7, customSettings: false }], now);
    const apps = (await rawRows<{ id: string }>(seeded, sql`select id from applications where user_id = ${userId}`)).map((r) => r.id);
    let seed = 3;
    const random = (n: number) => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % n;
    const secs = Math.floor(now.getTime() / 1000);
    const writes = [
      (app: string) =>
        rawRun(
          seeded,
          sql`insert into rounds (id, user_id, application_id, kind, scheduled_at, outcome, created_at)
              values (${`r${random(1e9)}`}, ${userId}, ${app}, 'second', ${instantSql(new Date((secs + random(10 * 86_400)) * 1000))}, 'pending', ${instantSql(now)})`,
        ),
      (app: string) => rawRun(seeded, sql`delete from rounds where id = (select max(id) from rounds where application_id = ${app})`),
      (app: string) => rawRun(seeded, sql`update rounds set scheduled_at = ${plusSeconds("scheduled_at", random(3 * 86_400) - 86_400)} where application_id = ${app}`),
      (app: string) => rawRun(seeded, sql`update applications set status = ${["interviewing", "rejected", "applied", "withdrawn"][random(4)]} where id = ${app}`),
      (app: string) => rawRun(seeded, sql`update applications set archived_at = case when archived_at is null then ${instantSql(now)} else null end where id = ${app}`),
    ];
    const through = new Date(now.getTime() + 7 * DAY);
    const counted = async () => (await interviewsBetween(seeded, { userId, after: now, through, limit: 0 })).total;
    const readAfresh = async () => (await upcomingInterviews(seeded, { userId, now, days: 7 })).length;
    expect(await counted()).toBe(await readAfresh());
    expect(await readAfresh()).toBeGreaterThan(20);
    for (let i = 0; i < 80; i++) {
      await writes[random(writes.length)](apps[random(apps.length)]);
      expect(await counted()).toBe(await readAfresh());
    }
  });
});
