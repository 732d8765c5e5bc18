import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { actOnStep } from "@/lib/data/guidance";
import { moveApplication } from "@/lib/data/move-application";
import { updateApplication } from "@/lib/data/applications";
import { StorageError } from "@/db/storage-error";
import { undoAction, withUndo, UNDO_WINDOW_MS } from "@/lib/data/undo/records";
import { failCommits, everyRow } from "./support/commit-fault";
import { makeUser, testDb } from "./support/db";
import { addRound, DAY, newApp, NOW, thankYouOwed, type GuidanceUser } from "./support/guidance-data";

let db: Db;
let ana: GuidanceUser;
let ben: GuidanceUser;

beforeEach(async () => {
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
  ben = await makeUser(db, "ben@example.com");
});

/** Every row the user owns, except the undo records themselves: "as it was" means equal to this. */
async function userRows(userId: string) {
  const rows = await everyRow(db);
  return Object.fromEntries(
    Object.entries(rows)
      .filter(([table]) => !["undo_records", "user_data_versions", "application_versions", "sessions"].includes(table))
      .map(([table, list]) => [table, (list as Record<string, unknown>[]).filter((r) => r.user_id === userId || r.id === userId)]),
  );
}

const move = (userId: string, id: string, status: "withdrawn" | "ghosted") =>
  withUndo(db, {
    plan: { userId, applicationIds: [id], now: NOW },
    work: (tx) => moveApplication(tx, { userId, id, target: status, now: NOW }),
    labelFor: (r) => (r.ok ? `Moved to ${status}` : null),
  });

describe("withUndo and undoAction", () => {
  it("a move that logged a withdrawal is undone whole: status, event and the application's own timestamps", async () => {
    const app = await newApp(db, ana.id, { status: "interviewing" });
    await addRound(db, ana.id, app.id, { scheduledAt: new Date(NOW.getTime() - 2 * DAY) });
    const before = await userRows(ana.id);
    const { result, undo } = await move(ana.id, app.id, "withdrawn");
    expect(result).toMatchObject({ ok: true, logged: "withdrawn" });
    expect(await userRows(ana.id)).not.toEqual(before);
    expect(await undoAction(db, { userId: ana.id, id: undo!.id, now: NOW })).toEqual({ ok: true, label: "Moved to withdrawn" });
    expect(await userRows(ana.id)).toEqual(before);
  });

  it("Done on a thank-you (which logs it on the round) is undone, and the step is owed again", async () => {
    const { app, round2 } = await thankYouOwed(db, ana.id);
    const before = await userRows(ana.id);
    const key = `send-thank-you:${round2}`;
    const { result, undo } = await withUndo(db, {
      plan: { userId: ana.id, applicationIds: [app.id], now: NOW },
      work: (tx) => actOnStep(tx, { user: ana, applicationId: app.id, key, action: { kind: "done" }, now: NOW }),
      labelFor: () => "Done",
    });
    expect(result).toMatchObject({ ok: true, logged: "thank-you" });
    expect((await undoAction(db, { userId: ana.id, id: undo!.id, now: NOW })).ok).toBe(true);
    expect(await userRows(ana.id)).toEqual(before);
  });

  it("a record is used once: a second undo is not-found", async () => {
    const app = await newApp(db, ana.id);
    const { undo } = await move(ana.id, app.id, "ghosted");
    expect((await undoAction(db, { userId: ana.id, id: undo!.id, now: NOW })).ok).toBe(true);
    expect(await undoAction(db, { userId: ana.id, id: undo!.id, now: NOW })).toEqual({ ok: false, reason: "not-found" });
  });

  it("another user's undo id, or a forged one, is not-found and changes nothing", async () => {
    const app = await newApp(db, ana.id);
    const { undo } = await move(ana.id, app.id, "ghosted");
    const after = await everyRow(db);
    expect(await undoAction(db, { userId: ben.id, id: undo!.id, now: NOW })).toEqual({ ok: false, reason: "not-found" });
    expect(await undoAction(db, { userId: ben.id, id: crypto.randomUUID(), now: NOW })).toEqual({ ok: false, reason: "not-found" });
    expect(await everyRow(db)).toEqual(after);
    // Ana's own record still works after Ben's attempts.
    expect((await undoAction(db, { userId: ana.id, id: undo!.id, now: NOW })).ok).toBe(true);
  });

  it("an action on another user's application keeps no record and changes nothing", async () => {
    const app = await newApp(db, ana.id);
    const before = await everyRow(db);
    const { result, undo } = await move(ben.id, app.id, "ghosted");
    expect(result).toEqual({ ok: false, reason: "not-found" });
    expect(undo).toBeNull();
    expect(await everyRow(db)).toEqual(before);
  });

  it("a change made after the action is never clobbered: the undo is refused and names the company", async () => {
    const app = await newApp(db, ana.id, { company: "Fernhill" });
    const { undo } = await move(ana.id, app.id, "ghosted");
    await updateApplication(db, { userId: ana.id, id: app.id, input: { company: "Fernhill", roleTitle: "Lead", status: "interviewing" } });
    const after = await everyRow(db);
    expect(await undoAction(db, { userId: ana.id, id: undo!.id, now: NOW })).toEqual({ ok: false, reason: "changed", companies: ["Fernhill"] });
    expect(await everyRow(db)).toEqual(after);
  });

  it("a change to another application does not block the undo", async () => {
    const app = await newApp(db, ana.id);
    const other = await newApp(db, ana.id, { company: "Other" });
    const { undo } = await move(ana.id, app.id, "ghosted");
    await moveApplication(db, { userId: ana.id, id: other.id, target: "ghosted", now: NOW });
    expect((await undoAction(db, { userId: ana.id, id: undo!.id, now: NOW })).ok).toBe(true);
  });

  it("expires at the end of its window, to the millisecond", async () => {
    const app = await newApp(db, ana.id);
    const first = (await move(ana.id, app.id, "ghosted")).undo!;
    const end = new Date(NOW.getTime() + UNDO_WINDOW_MS);
    expect(await undoAction(db, { userId: ana.id, id: first.id, now: end })).toEqual({ ok: false, reason: "expired" });
    const second = (await move(ana.id, (await newApp(db, ana.id)).id, "ghosted")).undo!;
    expect((await undoAction(db, { userId: ana.id, id: second.id, now: new Date(end.getTime() - 1) })).ok).toBe(true);
  });

  it("a failed commit saves neither the action nor its record, and is not reported as done", async () => {
    const app = await newApp(db, ana.id);
    const before = await everyRow(db);
    const fault = await failCommits(db);
    await expect(move(ana.id, app.id, "ghosted")).rejects.toThrow(StorageError);
    await fault.restore();
    expect(await everyRow(db)).toEqual(before);
  });

  it("an undo whose commit fails leaves the action in place and the record usable", async () => {
    const app = await newApp(db, ana.id);
    const { undo } = await move(ana.id, app.id, "ghosted");
    const after = await everyRow(db);
    const fault = await failCommits(db);
    await expect(undoAction(db, { userId: ana.id, id: undo!.id, now: NOW })).rejects.toThrow(StorageError);
    await fault.restore();
    expect(await everyRow(db)).toEqual(after);
    expect((await undoAction(db, { userId: ana.id, id: undo!.id, now: NOW })).ok).toBe(true);
  });
});
