import { sql } from "drizzle-orm";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { applications, users } from "@/db/schema";
import { write } from "@/db/write";
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
import { makeUser, testDb } from "./support/db";
import { plusMs, rawRun } from "./support/raw-sql";

const input = (over: Partial<ApplicationInput> = {}): ApplicationInput => ({
  company: "Acme",
  roleTitle: "Engineer",
  status: "applied",
  ...over,
});

let db: ReturnType<typeof testDb>;
let ana: { id: string };
let ben: { id: string };

beforeEach(async () => {
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
  ben = await makeUser(db, "ben@example.com");
});

describe("applications are scoped to their owner", () => {
  it("another user cannot read, list, change, archive or delete them", async () => {
    const mine = await createApplication(db, { userId: ana.id, input: input({ notes: "mine" }) });
    const before = await db.select().from(applications).where(eq(applications.id, mine.id));

    expect(await getApplication(db, { userId: ben.id, id: mine.id })).toBeUndefined();
    expect(await listApplications(db, { userId: ben.id, filter: { includeArchived: true } })).toEqual([]);
    expect(await countApplications(db, { userId: ben.id })).toEqual({ total: 0, archived: 0 });
    expect(await countByStatus(db, { userId: ben.id })).toEqual({});
    expect(await updateApplication(db, { userId: ben.id, id: mine.id, input: input({ company: "Hijacked" }) })).toBe(false);
    expect(await setArchived(db, { userId: ben.id, id: mine.id, archived: true })).toBe(false);
    expect(await deleteApplication(db, { userId: ben.id, id: mine.id })).toBe(false);

    const after = await db.select().from(applications).where(eq(applications.id, mine.id));
    expect(after).toEqual(before);
    expect((await getApplication(db, { userId: ana.id, id: mine.id }))?.company).toBe("Acme");
  });

  it("never returns the owner's id with a row", async () => {
    const mine = await createApplication(db, { userId: ana.id, input: input() });
    expect(mine).not.toHaveProperty("userId");
    expect(await getApplication(db, { userId: ana.id, id: mine.id })).not.toHaveProperty("userId");
  });

  it("lets the owner update, archive and delete", async () => {
    const mine = await createApplication(db, { userId: ana.id, input: input({ location: "Berlin" }) });
    expect(await updateApplication(db, { userId: ana.id, id: mine.id, input: input({ company: "Acme GmbH" }) })).toBe(true);
    const updated = (await getApplication(db, { userId: ana.id, id: mine.id }))!;
    expect(updated.company).toBe("Acme GmbH");
    expect(updated.location).toBeNull(); // cleared in the form, cleared in the row
    expect(await setArchived(db, { userId: ana.id, id: mine.id, archived: true })).toBe(true);
    expect((await getApplication(db, { userId: ana.id, id: mine.id }))?.archivedAt).toBeInstanceOf(Date);
    expect(await deleteApplication(db, { userId: ana.id, id: mine.id })).toBe(true);
    expect(await getApplication(db, { userId: ana.id, id: mine.id })).toBeUndefined();
  });

  it("an unknown id behaves like a foreign one", async () => {
    expect(await getApplication(db, { userId: ana.id, id: "no-such-id" })).toBeUndefined();
    expect(await updateApplication(db, { userId: ana.id, id: "no-such-id", input: input() })).toBe(false);
    expect(await deleteApplication(db, { userId: ana.id, id: "no-such-id" })).toBe(false);
  });
});

describe("listApplications", () => {
  const list = (userId: string, filter?: { includeArchived?: boolean; limit?: number }) => listApplications(db, { userId, filter });

  beforeEach(async () => {
    await createApplication(db, { userId: ana.id, input: input({ company: "beta labs", roleTitle: "Designer", status: "saved" }) });
    await createApplication(db, { userId: ana.id, input: input({ company: "Alpha", roleTitle: "Frontend Engineer", appliedOn: "2026-03-01" }) });
    await createApplication(db, { userId: ana.id, input: input({ company: "Gamma 100%", roleTitle: "Backend", appliedOn: "2026-04-01", status: "interviewing" }) });
    const archived = await createApplication(db, { userId: ana.id, input: input({ company: "Delta", roleTitle: "Engineer" }) });
    await setArchived(db, { userId: ana.id, id: archived.id, archived: true });
    await createApplication(db, { userId: ben.id, input: input({ company: "Alpha", roleTitle: "Ben's own" }) });
  });

  it("hides archived applications unless asked", async () => {
    expect((await list(ana.id)).map((a) => a.company)).not.toContain("Delta");
    expect((await list(ana.id, { includeArchived: true })).map((a) => a.company)).toContain("Delta");
  });

  it("limits to the most recent when asked", async () => {
    expect(await list(ana.id, { limit: 2 })).toHaveLength(2);
    expect((await list(ana.id, { limit: 2 })).map((a) => a.company)).toEqual(
      (await list(ana.id)).slice(0, 2).map((a) => a.company),
    );
  });

  it("lists the most recently updated first", async () => {
    const alpha = (await list(ana.id)).find((a) => a.company === "Alpha")!;
    // Made a moment ago, the others could share the update's millisecond and tie with it: age them first.
    await rawRun(db, sql`update applications set updated_at = ${plusMs("updated_at", -60_000)} where user_id = ${ana.id}`);
    await updateApplication(db, { userId: ana.id, id: alpha.id, input: input({ company: "Alpha", roleTitle: "Frontend Engineer" }) });
    expect((await list(ana.id))[0].company).toBe("Alpha");
  });

  it("counts per status leave out archived applications", async () => {
    expect(await countByStatus(db, { userId: ana.id })).toEqual({ saved: 1, applied: 1, interviewing: 1 });
    expect(await countApplications(db, { userId: ana.id })).toEqual({ total: 4, archived: 1 });
  });
});

describe("insertApplications", () => {
  it("loads the sample set into one account and reports progress", async () => {
    const progress: number[] = [];
    const rows = sampleApplications(new Date("2026-11-25T12:00:00Z"));
    await insertApplications(db, { userId: ana.id, rows, onProgress: (done) => progress.push(done) });
    expect(progress).toEqual(rows.map((_, i) => i + 1));
    expect((await countApplications(db, { userId: ana.id })).total).toBe(rows.length);
    expect((await countApplications(db, { userId: ben.id })).total).toBe(0);
    expect(rows.length).toBeGreaterThanOrEqual(10);
  });

  it("is all or nothing", async () => {
    const rows = [input(), input({ excitement: 9 })]; // the CHECK constraint refuses 9
    await expect(insertApplications(db, { userId: ana.id, rows })).rejects.toThrow();
    expect((await countApplications(db, { userId: ana.id })).total).toBe(0);
  });
});

it("deleting a user removes their applications (cascade)", async () => {
  await createApplication(db, { userId: ana.id, input: input() });
  await write(db, { userId: ana.id }, async (tx) => {
    await tx.delete(users).where(eq(users.id, ana.id));
  });
  expect(await db.select().from(applications)).toEqual([]);
});
