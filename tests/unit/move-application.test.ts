import { beforeEach, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import type { Db } from "@/db/open";
import { createApplication, getApplication } from "@/lib/data/applications";
import { listEvents } from "@/lib/data/events";
import { moveApplication } from "@/lib/data/move-application";
import type { ApplicationInput } from "@/lib/validation/application";
import { countRows, rawRow, twoUsers } from "./support/rounds";

let db: Db;
let sqlite: Database.Database;
let ana: { id: string };
let ben: { id: string };
const now = new Date("2026-11-20T10:00:00Z");

const app = (userId: string, over: Partial<ApplicationInput> = {}) =>
  createApplication(db, userId, { company: "Acme", roleTitle: "Engineer", status: "interviewing", ...over });

beforeEach(async () => {
  ({ db, sqlite, ana, ben } = await twoUsers());
});

describe("moveApplication", () => {
  it.each([
    ["offer", "offer_received"],
    ["rejected", "rejection_received"],
    ["withdrawn", "withdrawn"],
  ] as const)("a move to %s logs %s at now and sets the status", (target, kind) => {
    const a = app(ana.id);
    expect(moveApplication(db, ana.id, a.id, target, now)).toEqual({ ok: true, status: target, logged: kind });
    expect(getApplication(db, ana.id, a.id)?.status).toBe(target);
    expect(listEvents(db, ana.id, a.id)).toMatchObject([{ kind, occurredAt: now }]);
  });

  it("a move to another status sets it without logging anything", () => {
    const a = app(ana.id, { status: "applied" });
    expect(moveApplication(db, ana.id, a.id, "ghosted", now)).toEqual({ ok: true, status: "ghosted", logged: null });
    expect(getApplication(db, ana.id, a.id)?.status).toBe("ghosted");
    expect(countRows(sqlite, "events")).toBe(0);
  });

  it("a move to the status it already has changes nothing", () => {
    const a = app(ana.id, { status: "offer" });
    const before = rawRow(sqlite, "applications", a.id);
    expect(moveApplication(db, ana.id, a.id, "offer", now)).toEqual({ ok: true, status: "offer", logged: null });
    expect(rawRow(sqlite, "applications", a.id)).toEqual(before);
    expect(countRows(sqlite, "events")).toBe(0);
  });

  it("a move the timeline would refuse is refused with its reason and writes nothing", () => {
    const a = app(ana.id, { status: "saved" });
    const result = moveApplication(db, ana.id, a.id, "offer", now);
    expect(result).toMatchObject({ ok: false, reason: "refused", message: expect.stringMatching(/only saved/) });
    expect(getApplication(db, ana.id, a.id)?.status).toBe("saved");
    expect(countRows(sqlite, "events")).toBe(0);
  });

  it("another user's application is not found and stays as it was", () => {
    const a = app(ana.id);
    const before = rawRow(sqlite, "applications", a.id);
    expect(moveApplication(db, ben.id, a.id, "rejected", now)).toEqual({ ok: false, reason: "not-found" });
    expect(moveApplication(db, ben.id, a.id, "ghosted", now)).toEqual({ ok: false, reason: "not-found" });
    expect(rawRow(sqlite, "applications", a.id)).toEqual(before);
    expect(countRows(sqlite, "events")).toBe(0);
  });
});
