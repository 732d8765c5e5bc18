import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { matchingApplicationIds } from "@/lib/data/application-list";
import { bulkApply } from "@/lib/data/bulk-applications";
import { StorageError } from "@/db/storage-error";
import { undoAction } from "@/lib/data/undo/records";
import { everyRow, failCommits } from "./support/commit-fault";
import { makeUser, testDb } from "./support/db";
import { addRound, DAY, newApp, NOW, type GuidanceUser } from "./support/guidance-data";
import { countRows, logOk, eventInput } from "./support/rounds";
import { rawRows, rawGet } from "./support/raw-sql";

let db: Db;
let ana: GuidanceUser;
let ben: GuidanceUser;

beforeEach(async () => {
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
  ben = await makeUser(db, "ben@example.com");
});

/** Ana's rows in every table but the bookkeeping ones, in a stable order: "as it was" means equal to this. */
async function anaRows() {
  const skip = ["undo_records", "user_data_versions", "application_versions", "sessions"];
  return Object.fromEntries(
    Object.entries(await everyRow(db))
      .filter(([table]) => !skip.includes(table))
      .map(([table, rows]) => [
        table,
        (rows as Record<string, unknown>[]).filter((r) => r.user_id === ana.id || r.id === ana.id).map((r) => JSON.stringify(r)).sort(),
      ]),
  );
}

const statusOf = async (id: string) => ((await rawGet(db, sql`select status from applications where id = ${id}`)) as { status: string } | undefined)?.status;

describe("bulkApply", () => {
  it("moves 50 applications to rejected in one go, logging each rejection, and one undo puts all 50 back", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push((await newApp(db, ana.id, { company: `Co ${i}`, status: "interviewing" })).id);
    const before = await anaRows();
    const { result, undo } = await bulkApply(db, { userId: ana.id, ids, action: { kind: "status", status: "rejected" }, now: NOW });
    expect(result).toEqual({ ok: true, changed: 50 });
    expect(undo?.label).toBe("Moved 50 applications to Rejected");
    expect((await Promise.all(ids.map(statusOf))).every((status) => status === "rejected")).toBe(true);
    expect(await countRows(db, "events", ana.id)).toBe(50);
    expect((await undoAction(db, { userId: ana.id, id: undo!.id, now: NOW })).ok).toBe(true);
    expect(await anaRows()).toEqual(before);
  });

  it("a delete's undo brings back the rows, their rounds, events and the people only they mentioned", async () => {
    const app = await newApp(db, ana.id, { company: "Fernhill" });
    await addRound(db, ana.id, app.id, {
      scheduledAt: new Date(NOW.getTime() - 3 * DAY),
      signals: ["met_team"],
      customSignals: ["They asked about on-call"],
      newInterviewers: [{ name: "Priya Shah", title: "EM", email: "priya@fernhill.example" }],
    });
    await logOk(db, ana.id, app.id, eventInput("follow_up_sent", "2026-11-22T09:00:00Z", "Sent a note"));
    const before = await anaRows();
    const { result, undo } = await bulkApply(db, { userId: ana.id, ids: [app.id], action: { kind: "delete" }, now: NOW });
    expect(result).toEqual({ ok: true, changed: 1 });
    expect(await countRows(db, "interviewers", ana.id)).toBe(0);
    expect(await countRows(db, "rounds", ana.id)).toBe(0);
    expect((await undoAction(db, { userId: ana.id, id: undo!.id, now: NOW })).ok).toBe(true);
    expect(await anaRows()).toEqual(before);
  });

  it("archives only what is not archived yet, and says how many", async () => {
    const a = await newApp(db, ana.id);
    const b = await newApp(db, ana.id);
    await bulkApply(db, { userId: ana.id, ids: [a.id], action: { kind: "archive" }, now: NOW });
    const { result, undo } = await bulkApply(db, { userId: ana.id, ids: [a.id, b.id], action: { kind: "archive" }, now: NOW });
    expect(result).toEqual({ ok: true, changed: 1 });
    expect(undo?.label).toBe("Archived 1 application");
  });

  it("one move the timeline refuses rolls back the others and keeps no undo record", async () => {
    const a = await newApp(db, ana.id, { company: "First", status: "interviewing" });
    const b = await newApp(db, ana.id, { company: "Saved Co", status: "saved" });
    const before = await everyRow(db);
    const { result, undo } = await bulkApply(db, { userId: ana.id, ids: [a.id, b.id], action: { kind: "status", status: "offer" }, now: NOW });
    expect(result).toMatchObject({ ok: false, reason: "refused", message: expect.stringMatching(/^Saved Co: .*Nothing was changed\.$/) });
    expect(undo).toBeNull();
    expect(await everyRow(db)).toEqual(before);
  });

  it("another user's ids are never touched: alone they are not-found, mixed in they are skipped", async () => {
    const mine = await newApp(db, ana.id);
    const theirs = await newApp(db, ben.id, { company: "Ben's" });
    const benBefore = await rawRows(db, sql`select * from applications where user_id = ${ben.id}`);
    expect(await bulkApply(db, { userId: ana.id, ids: [theirs.id], action: { kind: "delete" }, now: NOW })).toEqual({
      result: { ok: false, reason: "not-found" },
      undo: null,
    });
    const { result, undo } = await bulkApply(db, { userId: ana.id, ids: [mine.id, theirs.id], action: { kind: "status", status: "ghosted" }, now: NOW });
    expect(result).toEqual({ ok: true, changed: 1 });
    expect(await rawRows(db, sql`select * from applications where user_id = ${ben.id}`)).toEqual(benBefore);
    // Nor can Ben undo Ana's action.
    expect(await undoAction(db, { userId: ben.id, id: undo!.id, now: NOW })).toEqual({ ok: false, reason: "not-found" });
    expect(await statusOf(mine.id)).toBe("ghosted");
  });

  it("a failed commit deletes nothing and is not reported as done", async () => {
    const ids = [(await newApp(db, ana.id)).id, (await newApp(db, ana.id)).id];
    const before = await everyRow(db);
    const fault = await failCommits(db);
    await expect(bulkApply(db, { userId: ana.id, ids, action: { kind: "delete" }, now: NOW })).rejects.toThrow(StorageError);
    await fault.restore();
    expect(await everyRow(db)).toEqual(before);
  });
});

describe("matchingApplicationIds", () => {
  it("finds every match across pages, for this user only", async () => {
    for (let i = 0; i < 7; i++) await newApp(db, ana.id, { company: `Acme ${i}` });
    await newApp(db, ana.id, { company: "Other" });
    await newApp(db, ben.id, { company: "Acme Ben" });
    const q = { query: "acme", sort: "updated" as const, pageSize: 25 };
    expect(await matchingApplicationIds(db, { user: ana, q: { ...q, pageSize: 2 }, now: NOW })).toHaveLength(7);
    expect(await matchingApplicationIds(db, { user: ben, q, now: NOW })).toHaveLength(1);
  });
});
