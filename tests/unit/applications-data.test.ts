import type Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { applications, users } from "@/db/schema";
import {
  countApplications,
  countByStatus,
  createApplication,
  deleteApplication,
  getApplication,
  insertApplications,
  listApplications,
  setArchived,
  updateApplication,
} from "@/lib/data/applications";
import { sampleApplications } from "@/lib/sample-data";
import type { ApplicationInput } from "@/lib/validation/application";
import { makeUser, type testDb } from "./support/db";
import { testDbWithSqlite } from "./support/rounds";

const input = (over: Partial<ApplicationInput> = {}): ApplicationInput => ({
  company: "Acme",
  roleTitle: "Engineer",
  status: "applied",
  ...over,
});

let db: ReturnType<typeof testDb>;
let sqlite: Database.Database;
let ana: { id: string };
let ben: { id: string };

beforeEach(async () => {
  ({ db, sqlite } = testDbWithSqlite());
  ana = await makeUser(db, "ana@example.com");
  ben = await makeUser(db, "ben@example.com");
});

describe("applications are scoped to their owner", () => {
  it("another user cannot read, list, change, archive or delete them", () => {
    const mine = createApplication(db, ana.id, input({ notes: "mine" }));
    const before = db.select().from(applications).where(eq(applications.id, mine.id)).get();

    expect(getApplication(db, ben.id, mine.id)).toBeUndefined();
    expect(listApplications(db, ben.id, { includeArchived: true })).toEqual([]);
    expect(countApplications(db, ben.id)).toEqual({ total: 0, archived: 0 });
    expect(countByStatus(db, ben.id)).toEqual({});
    expect(updateApplication(db, ben.id, mine.id, input({ company: "Hijacked" }))).toBe(false);
    expect(setArchived(db, ben.id, mine.id, true)).toBe(false);
    expect(deleteApplication(db, ben.id, mine.id)).toBe(false);

    const after = db.select().from(applications).where(eq(applications.id, mine.id)).get();
    expect(after).toEqual(before);
    expect(getApplication(db, ana.id, mine.id)?.company).toBe("Acme");
  });

  it("never returns the owner's id with a row", () => {
    const mine = createApplication(db, ana.id, input());
    expect(mine).not.toHaveProperty("userId");
    expect(getApplication(db, ana.id, mine.id)).not.toHaveProperty("userId");
  });

  it("lets the owner update, archive and delete", () => {
    const mine = createApplication(db, ana.id, input({ location: "Berlin" }));
    expect(updateApplication(db, ana.id, mine.id, input({ company: "Acme GmbH" }))).toBe(true);
    const updated = getApplication(db, ana.id, mine.id)!;
    expect(updated.company).toBe("Acme GmbH");
    expect(updated.location).toBeNull(); // cleared in the form, cleared in the row
    expect(setArchived(db, ana.id, mine.id, true)).toBe(true);
    expect(getApplication(db, ana.id, mine.id)?.archivedAt).toBeInstanceOf(Date);
    expect(deleteApplication(db, ana.id, mine.id)).toBe(true);
    expect(getApplication(db, ana.id, mine.id)).toBeUndefined();
  });

  it("an unknown id behaves like a foreign one", () => {
    expect(getApplication(db, ana.id, "no-such-id")).toBeUndefined();
    expect(updateApplication(db, ana.id, "no-such-id", input())).toBe(false);
    expect(deleteApplication(db, ana.id, "no-such-id")).toBe(false);
  });
});

describe("listApplications", () => {
  beforeEach(() => {
    createApplication(db, ana.id, input({ company: "beta labs", roleTitle: "Designer", status: "saved" }));
    createApplication(db, ana.id, input({ company: "Alpha", roleTitle: "Frontend Engineer", appliedOn: "2026-03-01" }));
    createApplication(db, ana.id, input({ company: "Gamma 100%", roleTitle: "Backend", appliedOn: "2026-04-01", status: "interviewing" }));
    const archived = createApplication(db, ana.id, input({ company: "Delta", roleTitle: "Engineer" }));
    setArchived(db, ana.id, archived.id, true);
    createApplication(db, ben.id, input({ company: "Alpha", roleTitle: "Ben's own" }));
  });

  it("hides archived applications unless asked", () => {
    expect(listApplications(db, ana.id).map((a) => a.company)).not.toContain("Delta");
    expect(listApplications(db, ana.id, { includeArchived: true }).map((a) => a.company)).toContain("Delta");
  });

  it("limits to the most recent when asked", () => {
    expect(listApplications(db, ana.id, { limit: 2 })).toHaveLength(2);
    expect(listApplications(db, ana.id, { limit: 2 }).map((a) => a.company)).toEqual(
      listApplications(db, ana.id).slice(0, 2).map((a) => a.company),
    );
  });

  it("lists the most recently updated first", () => {
    const alpha = listApplications(db, ana.id).find((a) => a.company === "Alpha")!;
    // Made a moment ago, the others could share the update's millisecond and tie with it: age them first.
    sqlite.prepare("update applications set updated_at = updated_at - 60000 where user_id = ?").run(ana.id);
    updateApplication(db, ana.id, alpha.id, input({ company: "Alpha", roleTitle: "Frontend Engineer" }));
    expect(listApplications(db, ana.id)[0].company).toBe("Alpha");
  });

  it("counts per status leave out archived applications", () => {
    expect(countByStatus(db, ana.id)).toEqual({ saved: 1, applied: 1, interviewing: 1 });
    expect(countApplications(db, ana.id)).toEqual({ total: 4, archived: 1 });
  });
});

describe("insertApplications", () => {
  it("loads the sample set into one account and reports progress", () => {
    const progress: number[] = [];
    const rows = sampleApplications(new Date("2026-11-25T12:00:00Z"));
    insertApplications(db, ana.id, rows, (done) => progress.push(done));
    expect(progress).toEqual(rows.map((_, i) => i + 1));
    expect(countApplications(db, ana.id).total).toBe(rows.length);
    expect(countApplications(db, ben.id).total).toBe(0);
    expect(rows.length).toBeGreaterThanOrEqual(10);
  });

  it("is all or nothing", () => {
    const rows = [input(), input({ excitement: 9 })]; // the CHECK constraint refuses 9
    expect(() => insertApplications(db, ana.id, rows)).toThrow();
    expect(countApplications(db, ana.id).total).toBe(0);
  });
});

it("deleting a user removes their applications (cascade)", () => {
  createApplication(db, ana.id, input());
  db.delete(users).where(eq(users.id, ana.id)).run();
  expect(db.select().from(applications).all()).toEqual([]);
});
