import { sql } from "drizzle-orm";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { applications } from "@/db/schema";
import { write } from "@/db/write";
import { applicationListPage, type ListQuery } from "@/lib/data/application-list";
import { decodeListCursor } from "@/lib/applications/list-cursor";
import { DEFAULT_DIRECTION } from "@/lib/validation/application-filter";
import { setArchived } from "@/lib/data/applications";
import { applicationGuidance } from "@/lib/data/guidance";
import { moveApplication } from "@/lib/data/move-application";
import type { ApplicationInput } from "@/lib/validation/application";
import { addRound, DAY, fromNow, HOUR, newApp, NOW, thankYouOwed } from "./support/guidance-data";
import { eventInput, logOk, twoUsers } from "./support/rounds";
import { APPLICATION_STATUSES, CLOSED_STATUSES, OPEN_STATUSES } from "@/lib/vocabulary";
import { rawGet, rawRun } from "./support/raw-sql";

let db: Db;
let ana: { id: string; timeZone: string };
let ben: { id: string; timeZone: string };

beforeEach(async () => {
  const two = await twoUsers();
  ({ db } = two);
  ana = { id: two.ana.id, timeZone: "UTC" };
  ben = { id: two.ben.id, timeZone: "UTC" };
});

const ALL: ListQuery = { sort: "updated", pageSize: 50 };
const list = (user: { id: string; timeZone: string }, q: Partial<ListQuery> = {}) => applicationListPage(db, { user, q: { ...ALL, ...q }, now: NOW });
const cursorOf = (text: string | null, q: Partial<ListQuery> = {}) => {
  const sort = q.sort ?? ALL.sort;
  return text ? decodeListCursor(text, sort, q.direction ?? DEFAULT_DIRECTION[sort]) : null;
};
/** The n-th page (1-based), reached by following Next. */
async function nthPage(user: { id: string; timeZone: string }, q: Partial<ListQuery>, n: number) {
  let page = await list(user, q);
  for (let i = 1; i < n; i++) page = await list(user, { ...q, cursor: cursorOf(page.nextCursor, q) });
  return page;
}
const companies = async (user: { id: string; timeZone: string }, q: Partial<ListQuery> = {}) => (await list(user, q)).rows.map((r) => r.company);

/** Sets columns of one of the user's applications directly, as no form would. */
const setColumns = (userId: string, id: string, values: Partial<typeof applications.$inferInsert>) =>
  write(db, { userId }, async (tx) => {
    await tx.update(applications).set(values).where(eq(applications.id, id));
  });

/** An application last updated `hoursAgo` before NOW, so "last update" order is fixed. */
async function app(userId: string, over: Partial<ApplicationInput>, hoursAgo: number) {
  const a = await newApp(db, userId, over);
  await setColumns(userId, a.id, { updatedAt: fromNow(-hoursAgo * HOUR) });
  return a;
}

/** Two follow-ups after the last round, the last ten days ago: the move-on rule fires. */
async function unanswered(userId: string, company: string) {
  const a = await app(userId, { company, status: "interviewing" }, 1);
  await addRound(db, userId, a.id, { kind: "second", scheduledAt: fromNow(-40 * DAY), thankYouSentAt: fromNow(-40 * DAY + 2 * HOUR) });
  await logOk(db, userId, a.id, eventInput("follow_up_sent", fromNow(-25 * DAY).toISOString()));
  await logOk(db, userId, a.id, eventInput("follow_up_sent", fromNow(-10 * DAY).toISOString()));
  return a;
}

describe("filters", () => {
  it("status narrows to that status; no filter hides ghosted applications", async () => {
    await app(ana.id, { company: "Alpha", status: "interviewing" }, 1);
    await app(ana.id, { company: "Beta", status: "ghosted" }, 2);
    await app(ana.id, { company: "Gamma", status: "applied" }, 3);
    expect(await companies(ana, { status: "interviewing" })).toEqual(["Alpha"]);
    expect(await companies(ana, { status: "ghosted" })).toEqual(["Beta"]);
    expect(await companies(ana)).toEqual(["Alpha", "Beta", "Gamma"]);
  });

  it("'open' and 'closed' split the pipeline by the vocabulary's one meaning of closed", async () => {
    for (const [i, status] of APPLICATION_STATUSES.entries()) await app(ana.id, { company: status, status }, i + 1);
    expect((await companies(ana, { status: "open" })).sort()).toEqual([...OPEN_STATUSES].sort());
    expect((await companies(ana, { status: "closed" })).sort()).toEqual(["accepted", "ghosted", "rejected", "withdrawn"]);
    expect((await companies(ana, { status: "closed" })).sort()).toEqual([...CLOSED_STATUSES].sort());
    expect((await list(ben, { status: "open" })).total).toBe(0);
  });

  it("'interview in the next 7 days' leaves out closed applications, as the dashboard and the feed do", async () => {
    for (const status of ["interviewing", "ghosted", "rejected", "offer"] as const) {
      const a = await app(ana.id, { company: status, status: "interviewing" }, 1);
      await addRound(db, ana.id, a.id, { scheduledAt: fromNow(DAY) });
      await setColumns(ana.id, a.id, { status });
    }
    expect((await companies(ana, { interviewSoon: true })).sort()).toEqual(["interviewing", "offer"]);
  });

  it("'has an overdue step' keeps applications with an overdue step in the dashboard's queue, and no others", async () => {
    await thankYouOwed(db, ana.id, { company: "Overdue Co" });
    const later = await app(ana.id, { company: "Upcoming Co", status: "interviewing" }, 2);
    // A later round in ten days: preparation steps, none due yet.
    await addRound(db, ana.id, later.id, { kind: "second", scheduledAt: fromNow(10 * DAY) });
    await app(ana.id, { company: "Quiet Co" }, 3);
    const upcoming = (await list(ana)).rows.find((r) => r.company === "Upcoming Co")?.nextStep;
    expect(upcoming?.type === "step" && upcoming.step.overdue).toBe(false);
    expect(await companies(ana, { overdueOnly: true })).toEqual(["Overdue Co"]);
    expect((await list(ana, { overdueOnly: true })).total).toBe(1);
  });

  it("'interview in the next 7 days' means a round starting after now and at most 7 days ahead", async () => {
    const at = async (company: string, scheduledAt: Date | null, hoursAgo: number) => {
      const a = await app(ana.id, { company, status: "interviewing" }, hoursAgo);
      if (scheduledAt) await addRound(db, ana.id, a.id, { scheduledAt });
    };
    await at("Tomorrow", fromNow(DAY), 1);
    await at("Exactly seven days", fromNow(7 * DAY), 2);
    await at("Seven days and a second", fromNow(7 * DAY + 1000), 3);
    await at("Starting now", NOW, 4);
    await at("Yesterday", fromNow(-DAY), 5);
    await at("No rounds", null, 6);
    // Logging a round touches its application, so compare as sets.
    expect((await companies(ana, { interviewSoon: true })).sort()).toEqual(["Exactly seven days", "Tomorrow"]);
  });

  it("excitement keeps applications with at least that many stars", async () => {
    await app(ana.id, { company: "Two", excitement: 2 }, 1);
    await app(ana.id, { company: "Four", excitement: 4 }, 2);
    await app(ana.id, { company: "Five", excitement: 5 }, 3);
    await app(ana.id, { company: "Unrated" }, 4);
    expect(await companies(ana, { minExcitement: 4 })).toEqual(["Four", "Five"]);
    expect(await companies(ana, { minExcitement: 5 })).toEqual(["Five"]);
    expect(await companies(ana, { minExcitement: 1 })).toEqual(["Two", "Four", "Five"]);
  });

  it("search matches company, role, location and notes, ignoring case", async () => {
    await app(ana.id, { company: "Acme", roleTitle: "Designer" }, 1);
    await app(ana.id, { company: "Globex", roleTitle: "Engineer", location: "Lisbon" }, 2);
    await app(ana.id, { company: "Initech", roleTitle: "Engineer", notes: "Referral from Sam" }, 3);
    expect(await companies(ana, { query: "ACME" })).toEqual(["Acme"]);
    expect(await companies(ana, { query: "designer" })).toEqual(["Acme"]);
    expect(await companies(ana, { query: "lisbon" })).toEqual(["Globex"]);
    expect(await companies(ana, { query: "referral" })).toEqual(["Initech"]);
    expect(await companies(ana, { query: "  engineer " })).toEqual(["Globex", "Initech"]);
  });

  it("search finds an application by the name or email of someone met there, and by its events' notes", async () => {
    const fernhill = await app(ana.id, { company: "Fernhill" }, 1);
    await app(ana.id, { company: "Globex" }, 2);
    const initech = await app(ana.id, { company: "Initech" }, 3);
    await addRound(db, ana.id, fernhill.id, { newInterviewers: [{ name: "Omar Haddad", email: "omar@fernhill.io" }] });
    await logOk(db, ana.id, initech.id, eventInput("follow_up_sent", fromNow(-DAY).toISOString(), "Asked about the relocation budget"));
    expect(await companies(ana, { query: "omar had" })).toEqual(["Fernhill"]);
    expect(await companies(ana, { query: "@FERNHILL.io" })).toEqual(["Fernhill"]);
    expect(await companies(ana, { query: "relocation" })).toEqual(["Initech"]);
    // Wildcards in a name search are characters, and a second user's search never reaches Ana's people or notes.
    expect(await companies(ana, { query: "Omar_Haddad" })).toEqual([]);
    await app(ben.id, { company: "Ben Co" }, 1);
    expect(await companies(ben, { query: "omar" })).toEqual([]);
    expect(await companies(ben, { query: "relocation" })).toEqual([]);
  });

  it("search treats %, _ and backslash as themselves", async () => {
    await app(ana.id, { company: "100% Remote" }, 1);
    await app(ana.id, { company: "snake_case Ltd" }, 2);
    await app(ana.id, { company: "Back\\slash" }, 3);
    await app(ana.id, { company: "snakeXcase Ltd" }, 4);
    expect(await companies(ana, { query: "%" })).toEqual(["100% Remote"]);
    expect(await companies(ana, { query: "_" })).toEqual(["snake_case Ltd"]);
    expect(await companies(ana, { query: "e_c" })).toEqual(["snake_case Ltd"]);
    expect(await companies(ana, { query: "\\" })).toEqual(["Back\\slash"]);
  });

  it("archived applications show only when asked for", async () => {
    await app(ana.id, { company: "Live" }, 1);
    const old = await app(ana.id, { company: "Old" }, 2);
    await setArchived(db, { userId: ana.id, id: old.id, archived: true });
    expect(await companies(ana)).toEqual(["Live"]);
    expect((await companies(ana, { includeArchived: true })).sort()).toEqual(["Live", "Old"]);
  });

  it("filters combine", async () => {
    await thankYouOwed(db, ana.id, { company: "Match", excitement: 5 });
    await thankYouOwed(db, ana.id, { company: "Too dull", excitement: 2 });
    await app(ana.id, { company: "Match but calm", excitement: 5 }, 1);
    expect(await companies(ana, { overdueOnly: true, minExcitement: 4, query: "match" })).toEqual(["Match"]);
  });
});

describe("sorting", () => {
  beforeEach(async () => {
    await app(ana.id, { company: "bravo", appliedOn: "2026-10-01", excitement: 3 }, 1);
    await app(ana.id, { company: "Alpha", appliedOn: "2026-11-01" }, 2);
    await app(ana.id, { company: "charlie", excitement: 5 }, 3);
  });

  it("by last update, applied date (undated last), company (any case) and excitement (unrated last)", async () => {
    expect(await companies(ana, { sort: "updated" })).toEqual(["bravo", "Alpha", "charlie"]);
    expect(await companies(ana, { sort: "applied" })).toEqual(["Alpha", "bravo", "charlie"]);
    expect(await companies(ana, { sort: "company" })).toEqual(["Alpha", "bravo", "charlie"]);
    expect(await companies(ana, { sort: "excitement" })).toEqual(["charlie", "bravo", "Alpha"]);
  });

  it("the other way round on request, with undated and unrated applications still last", async () => {
    expect(await companies(ana, { sort: "updated", direction: "asc" })).toEqual(["charlie", "Alpha", "bravo"]);
    expect(await companies(ana, { sort: "applied", direction: "asc" })).toEqual(["bravo", "Alpha", "charlie"]);
    expect(await companies(ana, { sort: "company", direction: "desc" })).toEqual(["charlie", "bravo", "Alpha"]);
    expect(await companies(ana, { sort: "excitement", direction: "asc" })).toEqual(["bravo", "charlie", "Alpha"]);
    // The natural direction named outright is the same as leaving it out.
    expect(await companies(ana, { sort: "company", direction: "asc" })).toEqual(await companies(ana, { sort: "company" }));
  });

  it("by next step: Today's order (priority, then due time), then applications with no step by last update", async () => {
    const soon = await app(ana.id, { company: "Prep soon", status: "interviewing" }, 5);
    await addRound(db, ana.id, soon.id, { kind: "second", scheduledAt: fromNow(4 * DAY) });
    const far = await app(ana.id, { company: "Prep later", status: "interviewing" }, 4);
    await addRound(db, ana.id, far.id, { kind: "second", scheduledAt: fromNow(20 * DAY) });
    await thankYouOwed(db, ana.id, { company: "Overdue" });
    // bravo (applied 1 Oct) and Alpha (1 Nov) have heard nothing since applying. A
    // thank-you in its window is high priority; Alpha's follow-up medium; bravo, silent
    // for more than 30 days, is told to move on, which is low. charlie has no step.
    expect(await companies(ana, { sort: "next-step" })).toEqual(["Overdue", "Alpha", "bravo", "Prep soon", "Prep later", "charlie"]);
    const rules = (await list(ana)).rows.flatMap((r) => (r.nextStep?.type === "step" && ["Alpha", "bravo"].includes(r.company) ? [[r.company, r.nextStep.step.ruleId]] : []));
    expect(Object.fromEntries(rules)).toEqual({ Alpha: "follow-up-on-application", bravo: "move-on-no-response" });
    // Paging applies after that order.
    expect((await nthPage(ana, { sort: "next-step", pageSize: 2 }, 2)).rows.map((r) => r.company)).toEqual(["bravo", "Prep soon"]);
    // The other way round; the application with no step stays at the end.
    expect(await companies(ana, { sort: "next-step", direction: "desc" })).toEqual(["Prep later", "Prep soon", "bravo", "Alpha", "Overdue", "charlie"]);
  });
});

describe("pagination", () => {
  beforeEach(async () => {
    for (let i = 0; i < 7; i++) await app(ana.id, { company: `Company ${i}` }, i + 1);
  });

  it("cuts the list into pages that cover every row once, Next and Previous each way", async () => {
    const q = { pageSize: 3 };
    const pages = [await list(ana, q)];
    while (pages.at(-1)!.nextCursor) pages.push(await list(ana, { ...q, cursor: cursorOf(pages.at(-1)!.nextCursor) }));
    expect(pages.map((p) => p.rows.length)).toEqual([3, 3, 1]);
    expect(pages.map((p) => p.from)).toEqual([0, 3, 6]);
    expect(pages.every((p) => p.total === 7)).toBe(true);
    expect(pages.flatMap((p) => p.rows.map((r) => r.company))).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Company ${i}`));
    expect([pages[0].previousCursor, pages[2].nextCursor]).toEqual([null, null]);
    const back = await list(ana, { ...q, cursor: cursorOf(pages[2].previousCursor) });
    expect(back.rows.map((r) => r.company)).toEqual(["Company 3", "Company 4", "Company 5"]);
    expect(back.from).toBe(3);
  });

  it("going back past the start (rows were removed) gives the first page, full", async () => {
    const second = await nthPage(ana, { pageSize: 3 }, 2);
    const first = await list(ana, { pageSize: 3 });
    for (const r of first.rows.slice(1)) await rawRun(db, sql`delete from applications where id = ${r.id}`);
    const back = await list(ana, { pageSize: 3, cursor: cursorOf(second.previousCursor) });
    expect(back.rows.map((r) => r.company)).toEqual(["Company 0", "Company 3", "Company 4"]);
    expect([back.from, back.previousCursor]).toEqual([0, null]);
  });

  it("no matches is one empty page, not an error", async () => {
    expect(await list(ana, { query: "nothing like this" })).toEqual({ rows: [], total: 0, from: 0, nextCursor: null, previousCursor: null, pageSize: 50 });
  });
});

describe("each row's next step", () => {
  it("is its most important to-do, with how many more to-dos there are (advice is not counted)", async () => {
    const { app: owed } = await thankYouOwed(db, ana.id, { company: "Owed" });
    await app(ana.id, { company: "Nothing to do" }, 1);
    const rows = (await list(ana)).rows;
    const row = rows.find((r) => r.id === owed.id);
    expect(row?.nextStep).toMatchObject({ type: "step", step: { title: "Send a thank-you for your second interview on Tue 24 Nov", overdue: true } });
    expect(row?.nextStep?.type === "step" && row.nextStep.step.dueAt?.getTime()).toBe(fromNow(-6 * HOUR).getTime());
    // Its other steps are advice on what a second interview means: not to-dos.
    expect(row?.moreSteps).toBe(0);
    expect(rows.find((r) => r.company === "Nothing to do")).toMatchObject({ nextStep: null, moreSteps: 0 });
  });
});

describe("ghosted", () => {
  it("after Mark as ghosted the move-on step is gone, and the application stays listed and found by search", async () => {
    const a = await unanswered(ana.id, "Silent Corp");
    const rules = async () => (await applicationGuidance(db, { user: ana, applicationId: a.id, now: NOW }))?.recommendations.map((r) => r.ruleId) ?? [];
    expect(await rules()).toContain("move-on-no-response");
    expect((await list(ana)).rows.find((r) => r.id === a.id)?.nextStep).not.toBeNull();

    expect(await moveApplication(db, { userId: ana.id, id: a.id, target: "ghosted", now: NOW })).toEqual({ ok: true, status: "ghosted", logged: null });
    expect(await rules()).not.toContain("move-on-no-response");
    expect((await list(ana)).rows.map((r) => [r.company, r.status, r.nextStep])).toEqual([["Silent Corp", "ghosted", null]]);
    expect(await companies(ana, { query: "silent" })).toEqual(["Silent Corp"]);
    expect(await companies(ana, { status: "ghosted" })).toEqual(["Silent Corp"]);
  });

  it("another user cannot ghost the application", async () => {
    const a = await unanswered(ana.id, "Silent Corp");
    const before = await rawGet(db, sql`select * from applications where id = ${a.id}`);
    expect(await moveApplication(db, { userId: ben.id, id: a.id, target: "ghosted", now: NOW })).toEqual({ ok: false, reason: "not-found" });
    expect(await rawGet(db, sql`select * from applications where id = ${a.id}`)).toEqual(before);
  });
});

describe("scoped by user", () => {
  it("a second user's list never holds the first user's rows, whatever the filters", async () => {
    const { app: owed } = await thankYouOwed(db, ana.id, { company: "Ana Corp", excitement: 5, notes: "secret" });
    await addRound(db, ana.id, owed.id, { kind: "final", scheduledAt: fromNow(2 * DAY) });
    await app(ana.id, { company: "Ana Ghost", status: "ghosted", excitement: 5 }, 1);
    await app(ben.id, { company: "Ben Co" }, 1);

    const queries: Partial<ListQuery>[] = [
      {},
      { includeArchived: true },
      { overdueOnly: true },
      { interviewSoon: true },
      { minExcitement: 5 },
      { status: "ghosted" },
      { query: "Ana" },
      { query: "secret" },
      { query: "%" },
      { sort: "next-step" },
      { sort: "excitement", pageSize: 1 },
    ];
    for (const q of queries) {
      const page = await list(ben, q);
      expect(page.rows.every((r) => r.company === "Ben Co"), JSON.stringify(q)).toBe(true);
      expect(page.total, JSON.stringify(q)).toBeLessThanOrEqual(1);
    }
    expect(await companies(ben)).toEqual(["Ben Co"]);
    // And the owner still sees everything of theirs, so the filters above were live.
    expect(await companies(ana, { overdueOnly: true })).toEqual(["Ana Corp"]);
    expect(await companies(ana, { interviewSoon: true })).toEqual(["Ana Corp"]);
  });
});
