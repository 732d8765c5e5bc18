import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import type { Db } from "@/db/open";
import { applications } from "@/db/schema";
import { applicationListPage, type ListQuery } from "@/lib/data/application-list";
import { setArchived } from "@/lib/data/applications";
import { applicationGuidance } from "@/lib/data/guidance";
import { moveApplication } from "@/lib/data/move-application";
import type { ApplicationInput } from "@/lib/validation/application";
import { addRound, DAY, fromNow, HOUR, newApp, NOW, thankYouOwed } from "./support/guidance-data";
import { eventInput, logOk, twoUsers } from "./support/rounds";
import { APPLICATION_STATUSES, CLOSED_STATUSES, OPEN_STATUSES } from "@/lib/vocabulary";

let db: Db;
let sqlite: Database.Database;
let ana: { id: string; timeZone: string };
let ben: { id: string; timeZone: string };

beforeEach(async () => {
  const two = await twoUsers();
  ({ db, sqlite } = two);
  ana = { id: two.ana.id, timeZone: "UTC" };
  ben = { id: two.ben.id, timeZone: "UTC" };
});

const ALL: ListQuery = { sort: "updated", page: 1, pageSize: 50 };
const list = (user: { id: string; timeZone: string }, q: Partial<ListQuery> = {}) => applicationListPage(db, user, { ...ALL, ...q }, NOW);
const companies = (user: { id: string; timeZone: string }, q: Partial<ListQuery> = {}) => list(user, q).rows.map((r) => r.company);

/** An application last updated `hoursAgo` before NOW, so "last update" order is fixed. */
function app(userId: string, over: Partial<ApplicationInput>, hoursAgo: number) {
  const a = newApp(db, userId, over);
  db.update(applications).set({ updatedAt: fromNow(-hoursAgo * HOUR) }).where(eq(applications.id, a.id)).run();
  return a;
}

/** Two follow-ups after the last round, the last ten days ago: the move-on rule fires. */
function unanswered(userId: string, company: string) {
  const a = app(userId, { company, status: "interviewing" }, 1);
  addRound(db, userId, a.id, { kind: "second", scheduledAt: fromNow(-40 * DAY), thankYouSentAt: fromNow(-40 * DAY + 2 * HOUR) });
  logOk(db, userId, a.id, eventInput("follow_up_sent", fromNow(-25 * DAY).toISOString()));
  logOk(db, userId, a.id, eventInput("follow_up_sent", fromNow(-10 * DAY).toISOString()));
  return a;
}

describe("filters", () => {
  it("status narrows to that status; no filter hides ghosted applications", () => {
    app(ana.id, { company: "Alpha", status: "interviewing" }, 1);
    app(ana.id, { company: "Beta", status: "ghosted" }, 2);
    app(ana.id, { company: "Gamma", status: "applied" }, 3);
    expect(companies(ana, { status: "interviewing" })).toEqual(["Alpha"]);
    expect(companies(ana, { status: "ghosted" })).toEqual(["Beta"]);
    expect(companies(ana)).toEqual(["Alpha", "Beta", "Gamma"]);
  });

  it("'open' and 'closed' split the pipeline by the vocabulary's one meaning of closed", () => {
    for (const [i, status] of APPLICATION_STATUSES.entries()) app(ana.id, { company: status, status }, i + 1);
    expect(companies(ana, { status: "open" }).sort()).toEqual([...OPEN_STATUSES].sort());
    expect(companies(ana, { status: "closed" }).sort()).toEqual(["accepted", "ghosted", "rejected", "withdrawn"]);
    expect(companies(ana, { status: "closed" }).sort()).toEqual([...CLOSED_STATUSES].sort());
    expect(list(ben, { status: "open" }).total).toBe(0);
  });

  it("'interview in the next 7 days' leaves out closed applications, as the dashboard and the feed do", () => {
    for (const status of ["interviewing", "ghosted", "rejected", "offer"] as const) {
      const a = app(ana.id, { company: status, status: "interviewing" }, 1);
      addRound(db, ana.id, a.id, { scheduledAt: fromNow(DAY) });
      db.update(applications).set({ status }).where(eq(applications.id, a.id)).run();
    }
    expect(companies(ana, { interviewSoon: true }).sort()).toEqual(["interviewing", "offer"]);
  });

  it("'has an overdue step' keeps applications with an overdue step in the dashboard's queue, and no others", () => {
    thankYouOwed(db, ana.id, { company: "Overdue Co" });
    const later = app(ana.id, { company: "Upcoming Co", status: "interviewing" }, 2);
    // A later round in ten days: preparation steps, none due yet.
    addRound(db, ana.id, later.id, { kind: "second", scheduledAt: fromNow(10 * DAY) });
    app(ana.id, { company: "Quiet Co" }, 3);
    const upcoming = list(ana).rows.find((r) => r.company === "Upcoming Co")?.nextStep;
    expect(upcoming?.type === "step" && upcoming.step.overdue).toBe(false);
    expect(companies(ana, { overdueOnly: true })).toEqual(["Overdue Co"]);
    expect(list(ana, { overdueOnly: true }).total).toBe(1);
  });

  it("'interview in the next 7 days' means a round starting after now and at most 7 days ahead", () => {
    const at = (company: string, scheduledAt: Date | null, hoursAgo: number) => {
      const a = app(ana.id, { company, status: "interviewing" }, hoursAgo);
      if (scheduledAt) addRound(db, ana.id, a.id, { scheduledAt });
    };
    at("Tomorrow", fromNow(DAY), 1);
    at("Exactly seven days", fromNow(7 * DAY), 2);
    at("Seven days and a second", fromNow(7 * DAY + 1000), 3);
    at("Starting now", NOW, 4);
    at("Yesterday", fromNow(-DAY), 5);
    at("No rounds", null, 6);
    // Logging a round touches its application, so compare as sets.
    expect(companies(ana, { interviewSoon: true }).sort()).toEqual(["Exactly seven days", "Tomorrow"]);
  });

  it("excitement keeps applications with at least that many stars", () => {
    app(ana.id, { company: "Two", excitement: 2 }, 1);
    app(ana.id, { company: "Four", excitement: 4 }, 2);
    app(ana.id, { company: "Five", excitement: 5 }, 3);
    app(ana.id, { company: "Unrated" }, 4);
    expect(companies(ana, { minExcitement: 4 })).toEqual(["Four", "Five"]);
    expect(companies(ana, { minExcitement: 5 })).toEqual(["Five"]);
    expect(companies(ana, { minExcitement: 1 })).toEqual(["Two", "Four", "Five"]);
  });

  it("search matches company, role, location and notes, ignoring case", () => {
    app(ana.id, { company: "Acme", roleTitle: "Designer" }, 1);
    app(ana.id, { company: "Globex", roleTitle: "Engineer", location: "Lisbon" }, 2);
    app(ana.id, { company: "Initech", roleTitle: "Engineer", notes: "Referral from Sam" }, 3);
    expect(companies(ana, { query: "ACME" })).toEqual(["Acme"]);
    expect(companies(ana, { query: "designer" })).toEqual(["Acme"]);
    expect(companies(ana, { query: "lisbon" })).toEqual(["Globex"]);
    expect(companies(ana, { query: "referral" })).toEqual(["Initech"]);
    expect(companies(ana, { query: "  engineer " })).toEqual(["Globex", "Initech"]);
  });

  it("search finds an application by the name or email of someone met there, and by its events' notes", () => {
    const fernhill = app(ana.id, { company: "Fernhill" }, 1);
    app(ana.id, { company: "Globex" }, 2);
    const initech = app(ana.id, { company: "Initech" }, 3);
    addRound(db, ana.id, fernhill.id, { newInterviewers: [{ name: "Omar Haddad", email: "omar@fernhill.io" }] });
    logOk(db, ana.id, initech.id, eventInput("follow_up_sent", fromNow(-DAY).toISOString(), "Asked about the relocation budget"));
    expect(companies(ana, { query: "omar had" })).toEqual(["Fernhill"]);
    expect(companies(ana, { query: "@FERNHILL.io" })).toEqual(["Fernhill"]);
    expect(companies(ana, { query: "relocation" })).toEqual(["Initech"]);
    // Wildcards in a name search are characters, and a second user's search never reaches Ana's people or notes.
    expect(companies(ana, { query: "Omar_Haddad" })).toEqual([]);
    app(ben.id, { company: "Ben Co" }, 1);
    expect(companies(ben, { query: "omar" })).toEqual([]);
    expect(companies(ben, { query: "relocation" })).toEqual([]);
  });

  it("search treats %, _ and backslash as themselves", () => {
    app(ana.id, { company: "100% Remote" }, 1);
    app(ana.id, { company: "snake_case Ltd" }, 2);
    app(ana.id, { company: "Back\\slash" }, 3);
    app(ana.id, { company: "snakeXcase Ltd" }, 4);
    expect(companies(ana, { query: "%" })).toEqual(["100% Remote"]);
    expect(companies(ana, { query: "_" })).toEqual(["snake_case Ltd"]);
    expect(companies(ana, { query: "e_c" })).toEqual(["snake_case Ltd"]);
    expect(companies(ana, { query: "\\" })).toEqual(["Back\\slash"]);
  });

  it("archived applications show only when asked for", () => {
    app(ana.id, { company: "Live" }, 1);
    const old = app(ana.id, { company: "Old" }, 2);
    setArchived(db, ana.id, old.id, true);
    expect(companies(ana)).toEqual(["Live"]);
    expect(companies(ana, { includeArchived: true }).sort()).toEqual(["Live", "Old"]);
  });

  it("filters combine", () => {
    thankYouOwed(db, ana.id, { company: "Match", excitement: 5 });
    thankYouOwed(db, ana.id, { company: "Too dull", excitement: 2 });
    app(ana.id, { company: "Match but calm", excitement: 5 }, 1);
    expect(companies(ana, { overdueOnly: true, minExcitement: 4, query: "match" })).toEqual(["Match"]);
  });
});

describe("sorting", () => {
  beforeEach(() => {
    app(ana.id, { company: "bravo", appliedOn: "2026-10-01", excitement: 3 }, 1);
    app(ana.id, { company: "Alpha", appliedOn: "2026-11-01" }, 2);
    app(ana.id, { company: "charlie", excitement: 5 }, 3);
  });

  it("by last update, applied date (undated last), company (any case) and excitement (unrated last)", () => {
    expect(companies(ana, { sort: "updated" })).toEqual(["bravo", "Alpha", "charlie"]);
    expect(companies(ana, { sort: "applied" })).toEqual(["Alpha", "bravo", "charlie"]);
    expect(companies(ana, { sort: "company" })).toEqual(["Alpha", "bravo", "charlie"]);
    expect(companies(ana, { sort: "excitement" })).toEqual(["charlie", "bravo", "Alpha"]);
  });

  it("the other way round on request, with undated and unrated applications still last", () => {
    expect(companies(ana, { sort: "updated", direction: "asc" })).toEqual(["charlie", "Alpha", "bravo"]);
    expect(companies(ana, { sort: "applied", direction: "asc" })).toEqual(["bravo", "Alpha", "charlie"]);
    expect(companies(ana, { sort: "company", direction: "desc" })).toEqual(["charlie", "bravo", "Alpha"]);
    expect(companies(ana, { sort: "excitement", direction: "asc" })).toEqual(["bravo", "charlie", "Alpha"]);
    // The natural direction named outright is the same as leaving it out.
    expect(companies(ana, { sort: "company", direction: "asc" })).toEqual(companies(ana, { sort: "company" }));
  });

  it("by next step: Today's order (priority, then due time), then applications with no step by last update", () => {
    const soon = app(ana.id, { company: "Prep soon", status: "interviewing" }, 5);
    addRound(db, ana.id, soon.id, { kind: "second", scheduledAt: fromNow(4 * DAY) });
    const far = app(ana.id, { company: "Prep later", status: "interviewing" }, 4);
    addRound(db, ana.id, far.id, { kind: "second", scheduledAt: fromNow(20 * DAY) });
    thankYouOwed(db, ana.id, { company: "Overdue" });
    // bravo (applied 1 Oct) and Alpha (1 Nov) have heard nothing since applying. A
    // thank-you in its window is high priority; Alpha's follow-up medium; bravo, silent
    // for more than 30 days, is told to move on, which is low. charlie has no step.
    expect(companies(ana, { sort: "next-step" })).toEqual(["Overdue", "Alpha", "bravo", "Prep soon", "Prep later", "charlie"]);
    const rules = list(ana).rows.flatMap((r) => (r.nextStep?.type === "step" && ["Alpha", "bravo"].includes(r.company) ? [[r.company, r.nextStep.step.ruleId]] : []));
    expect(Object.fromEntries(rules)).toEqual({ Alpha: "follow-up-on-application", bravo: "move-on-no-response" });
    // Paging applies after that order.
    expect(companies(ana, { sort: "next-step", pageSize: 2, page: 2 })).toEqual(["bravo", "Prep soon"]);
    // The other way round; the application with no step stays at the end.
    expect(companies(ana, { sort: "next-step", direction: "desc" })).toEqual(["Prep later", "Prep soon", "bravo", "Alpha", "Overdue", "charlie"]);
  });
});

describe("pagination", () => {
  beforeEach(() => {
    for (let i = 0; i < 7; i++) app(ana.id, { company: `Company ${i}` }, i + 1);
  });

  it("cuts the list into pages that cover every row once", () => {
    const pages = [1, 2, 3].map((page) => list(ana, { pageSize: 3, page }));
    expect(pages.map((p) => p.rows.length)).toEqual([3, 3, 1]);
    expect(pages.every((p) => p.total === 7 && p.pageCount === 3)).toBe(true);
    expect(pages.flatMap((p) => p.rows.map((r) => r.company))).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => `Company ${i}`));
  });

  it("a page past the end gives the last page; a page before the start gives the first", () => {
    const past = list(ana, { pageSize: 3, page: 99 });
    expect(past.page).toBe(3);
    expect(past.rows.map((r) => r.company)).toEqual(["Company 6"]);
    expect(list(ana, { pageSize: 3, page: 0 }).page).toBe(1);
    const exact = list(ana, { pageSize: 7, page: 2 });
    expect([exact.page, exact.pageCount, exact.rows.length]).toEqual([1, 1, 7]);
  });

  it("no matches is one empty page, not an error", () => {
    expect(list(ana, { query: "nothing like this", page: 5 })).toEqual({ rows: [], total: 0, page: 1, pageCount: 1, pageSize: 50 });
  });
});

describe("each row's next step", () => {
  it("is its most important to-do, with how many more to-dos there are (advice is not counted)", () => {
    const { app: owed } = thankYouOwed(db, ana.id, { company: "Owed" });
    app(ana.id, { company: "Nothing to do" }, 1);
    const rows = list(ana).rows;
    const row = rows.find((r) => r.id === owed.id);
    expect(row?.nextStep).toMatchObject({ type: "step", step: { title: "Send a thank-you for your second interview on Tue 24 Nov", overdue: true } });
    expect(row?.nextStep?.type === "step" && row.nextStep.step.dueAt?.getTime()).toBe(fromNow(-6 * HOUR).getTime());
    // Its other steps are advice on what a second interview means: not to-dos.
    expect(row?.moreSteps).toBe(0);
    expect(rows.find((r) => r.company === "Nothing to do")).toMatchObject({ nextStep: null, moreSteps: 0 });
  });
});

describe("ghosted", () => {
  it("after Mark as ghosted the move-on step is gone, and the application stays listed and found by search", () => {
    const a = unanswered(ana.id, "Silent Corp");
    const rules = () => applicationGuidance(db, ana, a.id, NOW)?.recommendations.map((r) => r.ruleId) ?? [];
    expect(rules()).toContain("move-on-no-response");
    expect(list(ana).rows.find((r) => r.id === a.id)?.nextStep).not.toBeNull();

    expect(moveApplication(db, ana.id, a.id, "ghosted", NOW)).toEqual({ ok: true, status: "ghosted", logged: null });
    expect(rules()).not.toContain("move-on-no-response");
    expect(list(ana).rows.map((r) => [r.company, r.status, r.nextStep])).toEqual([["Silent Corp", "ghosted", null]]);
    expect(companies(ana, { query: "silent" })).toEqual(["Silent Corp"]);
    expect(companies(ana, { status: "ghosted" })).toEqual(["Silent Corp"]);
  });

  it("another user cannot ghost the application", () => {
    const a = unanswered(ana.id, "Silent Corp");
    const before = sqlite.prepare("select * from applications where id = ?").get(a.id);
    expect(moveApplication(db, ben.id, a.id, "ghosted", NOW)).toEqual({ ok: false, reason: "not-found" });
    expect(sqlite.prepare("select * from applications where id = ?").get(a.id)).toEqual(before);
  });
});

describe("scoped by user", () => {
  it("a second user's list never holds the first user's rows, whatever the filters", () => {
    const { app: owed } = thankYouOwed(db, ana.id, { company: "Ana Corp", excitement: 5, notes: "secret" });
    addRound(db, ana.id, owed.id, { kind: "final", scheduledAt: fromNow(2 * DAY) });
    app(ana.id, { company: "Ana Ghost", status: "ghosted", excitement: 5 }, 1);
    app(ben.id, { company: "Ben Co" }, 1);

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
      { sort: "excitement", page: 2, pageSize: 1 },
    ];
    for (const q of queries) {
      const page = list(ben, q);
      expect(page.rows.every((r) => r.company === "Ben Co"), JSON.stringify(q)).toBe(true);
      expect(page.total, JSON.stringify(q)).toBeLessThanOrEqual(1);
    }
    expect(companies(ben)).toEqual(["Ben Co"]);
    // And the owner still sees everything of theirs, so the filters above were live.
    expect(companies(ana, { overdueOnly: true })).toEqual(["Ana Corp"]);
    expect(companies(ana, { interviewSoon: true })).toEqual(["Ana Corp"]);
  });
});
