import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { createApplication, getApplication } from "@/lib/data/applications";
import { listEvents } from "@/lib/data/events";
import { moveApplication } from "@/lib/data/move-application";
import type { ApplicationInput } from "@/lib/validation/application";
import { countRows, rawRow, twoUsers } from "./support/rounds";

let db: Db;
let ana: { id: string };
let ben: { id: string };
const now = new Date("2026-11-20T10:00:00Z");

const app = (userId: string, over: Partial<ApplicationInput> = {}) =>
  createApplication(db, { userId, input: { company: "Acme", roleTitle: "Engineer", status: "interviewing", ...over } });

beforeEach(async () => {
  ({ db, ana, ben } = await twoUsers());
});

describe("moveApplication", () => {
  it.each([
    ["offer", "offer_received"],
    ["rejected", "rejection_received"],
    ["withdrawn", "withdrawn"],
  ] as const)("a move to %s logs %s at now and sets the status", async (target, kind) => {
    const a = await app(ana.id);
    expect(await moveApplication(db, { userId: ana.id, id: a.id, target, now })).toEqual({ ok: true, status: target, logged: kind });
    expect((await getApplication(db, { userId: ana.id, id: a.id }))?.status).toBe(target);
    expect(await listEvents(db, { userId: ana.id, applicationId: a.id })).toMatchObject([{ kind, occurredAt: now }]);
  });

  it("a move to another status sets it without logging anything", async () => {
    const a = await app(ana.id, { status: "applied" });
    expect(await moveApplication(db, { userId: ana.id, id: a.id, target: "ghosted", now })).toEqual({ ok: true, status: "ghosted", logged: null });
    expect((await getApplication(db, { userId: ana.id, id: a.id }))?.status).toBe("ghosted");
    expect(await countRows(db, "events")).toBe(0);
  });

  it("a move to the status it already has changes nothing", async () => {
    const a = await app(ana.id, { status: "offer" });
    const before = await rawRow(db, "applications", a.id);
    expect(await moveApplication(db, { userId: ana.id, id: a.id, target: "offer", now })).toEqual({ ok: true, status: "offer", logged: null });
    expect(await rawRow(db, "applications", a.id)).toEqual(before);
    expect(await countRows(db, "events")).toBe(0);
  });

  it("a move the timeline would refuse is refused with its reason and writes nothing", async () => {
    const a = await app(ana.id, { status: "saved" });
    const result = await moveApplication(db, { userId: ana.id, id: a.id, target: "offer", now });
    expect(result).toMatchObject({ ok: false, reason: "refused", message: expect.stringMatching(/only saved/) });
    expect((await getApplication(db, { userId: ana.id, id: a.id }))?.status).toBe("saved");
    expect(await countRows(db, "events")).toBe(0);
  });

  it("another user's application is not found and stays as it was", async () => {
    const a = await app(ana.id);
    const before = await rawRow(db, "applications", a.id);
    expect(await moveApplication(db, { userId: ben.id, id: a.id, target: "rejected", now })).toEqual({ ok: false, reason: "not-found" });
    expect(await moveApplication(db, { userId: ben.id, id: a.id, target: "ghosted", now })).toEqual({ ok: false, reason: "not-found" });
    expect(await rawRow(db, "applications", a.id)).toEqual(before);
    expect(await countRows(db, "events")).toBe(0);
  });
});
