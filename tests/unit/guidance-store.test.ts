import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/open";
import { deleteApplication, insertApplications, setArchived } from "@/lib/data/applications";
import { guidanceOverview } from "@/lib/data/guidance";
import { flushStoredParts, queueParts, startWriteBack, type SizedPart } from "@/lib/data/guidance-store";
import { saveGuidanceSettings } from "@/lib/data/guidance-settings";
import { markThankYouSent } from "@/lib/data/rounds";
import { DEFAULT_GUIDANCE_SETTINGS } from "@/lib/guidance/settings";
import { sampleApplications } from "@/lib/sample-data";
import { makeUser, sharedTestDatabase } from "./support/db";
import { rawCount, rawRows, rawRun, refuseWrites } from "./support/raw-sql";
import { DAY, freshOverview, fromNow, HOUR, newApp, NOW, rejectedAfterRound, silentAfterRound, thankYouOwed, type GuidanceUser } from "./support/guidance-data";
import { failureOf } from "./support/failures";

// A server that starts reads the parts an earlier one stored: each "server"
// here is a connection of its own to one database file, with its own
// in-process cache, as a restarted or second server has.

let dir: string;
type Server = { db: Db; close: () => Promise<void> };
let database: ReturnType<typeof sharedTestDatabase>;
let servers: Server[];
let ana: GuidanceUser;
let ben: GuidanceUser;
let owed: Awaited<ReturnType<typeof thankYouOwed>>;

/** A new server on the database: empty caches, writing its computed parts back when flushed. */
function startServer(): Server {
  const opened = database.open();
  startWriteBack(opened.db, { afterMs: Infinity });
  servers.push(opened);
  return opened;
}

/** What each stored row of the user's was computed at, by application. */
const storedAt = async (server: Server, userId: string) =>
  new Map((await rawRows<{ id: string; at: unknown }>(server.db, sql`select application_id id, computed_at at from guidance_parts where user_id = ${userId}`)).map((r) => [r.id, r.at]));

/** The version each stored row of the user's was computed at, by application. */
const storedVersions = async (server: Server, userId: string) =>
  new Map((await rawRows<{ id: string; version: unknown }>(server.db, sql`select application_id id, version from guidance_parts where user_id = ${userId}`)).map((r) => [r.id, r.version]));

/** Serves the user's overview at `now` on a fresh server, stores what it computed, and returns both. */
async function afterRestart(user: GuidanceUser, now: Date) {
  const server = startServer();
  const overview = await guidanceOverview(server.db, { user, now });
  await flushStoredParts(server.db);
  return { server, overview };
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-stored-parts-"));
  servers = [];
  database = sharedTestDatabase(dir);
  const { db } = startServer();
  ana = { ...(await makeUser(db, "ana@example.com")), timeZone: "UTC" };
  ben = { ...(await makeUser(db, "ben@example.com")), timeZone: "UTC" };
  await insertApplications(db, { userId: ana.id, rows: sampleApplications(NOW) });
  owed = await thankYouOwed(db, ana.id);
  await silentAfterRound(db, ana.id, { company: "Quiet Co" });
  await rejectedAfterRound(db, ana.id, 2 * DAY, { company: "Nope Ltd" });
  await newApp(db, ana.id, { company: "Patient Co", appliedOn: "2026-11-19" });
  await thankYouOwed(db, ben.id, { company: "Ben's Corp" });
  // The first server computes everyone's overview and stores it.
  await guidanceOverview(db, { user: ana, now: NOW });
  await guidanceOverview(db, { user: ben, now: NOW });
  await flushStoredParts(db);
});

afterEach(async () => {
  for (const s of servers) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("stored guidance parts, after a restart", () => {
  it("give the same overview as computing everything afresh, at several instants", async () => {
    const stored = await storedAt(servers[0], ana.id);
    expect(stored.size).toBeGreaterThan(5);
    for (const now of [NOW, fromNow(HOUR), fromNow(21 * HOUR), fromNow(3 * DAY), fromNow(30 * DAY)]) {
      const { server, overview } = await afterRestart(ana, now);
      expect(overview, now.toISOString()).toEqual(await freshOverview(server.db, ana, now));
    }
  });

  it("are read, not recomputed, while nothing changed and none has expired", async () => {
    const before = await storedAt(servers[0], ana.id);
    const { server, overview } = await afterRestart(ana, NOW);
    expect(overview.queue.length).toBeGreaterThan(0);
    // Every row still says NOW: the new server computed nothing, or it would have stored it at its own instant.
    expect(await storedAt(server, ana.id)).toEqual(before);
  });

  it("recompute an application written after its part was stored (by any process), and only that one", async () => {
    const writer = startServer();
    const key = `send-thank-you:${owed.round2}`;
    expect((await freshOverview(writer.db, ana, NOW)).queue.map((i) => i.key)).toContain(key);
    await markThankYouSent(writer.db, { userId: ana.id, id: owed.round2, at: fromNow(-HOUR) });
    const before = await storedVersions(writer, ana.id);
    // At the instant the parts were stored for: none has expired, only the write makes one stale.
    const { server, overview } = await afterRestart(ana, NOW);
    expect(overview).toEqual(await freshOverview(server.db, ana, NOW));
    expect(overview.queue.map((i) => i.key)).not.toContain(key);
    const after = await storedVersions(server, ana.id);
    expect([...after].filter(([id, version]) => version !== before.get(id)).map(([id]) => id)).toEqual([owed.app.id]);
  });

  it("are all stale after a change every application reads (the guidance settings)", async () => {
    const writer = startServer();
    const before = await freshOverview(writer.db, ana, NOW);
    await saveGuidanceSettings(writer.db, { userId: ana.id, settings: { ...DEFAULT_GUIDANCE_SETTINGS, thankYouWindowHours: 48, decisionWaitDays: 3 } });
    for (const now of [NOW, fromNow(2 * DAY)]) {
      const { server, overview } = await afterRestart(ana, now);
      expect(overview).toEqual(await freshOverview(server.db, ana, now));
    }
    expect(await freshOverview(writer.db, ana, NOW)).not.toEqual(before);
  });

  it("follow the count of applications in play, an archive and a delete", async () => {
    const writer = startServer();
    await newApp(writer.db, ana.id, { company: "Newcomer", status: "interviewing" });
    const { server: second, overview } = await afterRestart(ana, NOW);
    expect(overview).toEqual(await freshOverview(second.db, ana, NOW));
    await setArchived(writer.db, { userId: ana.id, id: owed.app.id, archived: true });
    const silent = (await freshOverview(writer.db, ana, NOW)).queue.find((i) => i.company === "Quiet Co")!;
    await deleteApplication(writer.db, { userId: ana.id, id: silent.applicationId });
    const now = fromNow(HOUR);
    const { server, overview: later } = await afterRestart(ana, now);
    expect(later).toEqual(await freshOverview(server.db, ana, now));
    expect(later.queue.some((i) => i.applicationId === owed.app.id || i.applicationId === silent.applicationId)).toBe(false);
    expect((await storedAt(server, ana.id)).has(silent.applicationId)).toBe(false);
  });

  it("are not read for another reader (zone, locale, clock), nor for an earlier instant than computed", async () => {
    const german = { ...ana, dates: { locale: "de-DE", hourCycle: "h23" as const } };
    const { server, overview } = await afterRestart(german, fromNow(60_000));
    const fresh = await freshOverview(server.db, german, fromNow(60_000));
    expect(overview).toEqual(fresh);
    const english = await freshOverview(server.db, ana, fromNow(60_000));
    expect(overview.queue.map((i) => i.reasons)).not.toEqual(english.queue.map((i) => i.reasons));
    const earlier = fromNow(-2 * HOUR);
    const { server: again, overview: before } = await afterRestart(ana, earlier);
    expect(before).toEqual(await freshOverview(again.db, ana, earlier));
  });

  it("never give one user's parts to another", async () => {
    const { server, overview } = await afterRestart(ben, fromNow(60_000));
    expect(overview).toEqual(await freshOverview(server.db, ben, fromNow(60_000)));
    expect(overview.queue.every((i) => i.company === "Ben's Corp")).toBe(true);
    const anas = new Set((await storedAt(server, ana.id)).keys());
    expect([...(await storedAt(server, ben.id)).keys()].some((id) => anas.has(id))).toBe(false);
  });

  it("that cannot be read are computed again", async () => {
    await rawRun(servers[0].db, sql`update guidance_parts set body = ${Buffer.from([0x00, 0xff])} where user_id = ${ana.id}`);
    const { server, overview } = await afterRestart(ana, fromNow(60_000));
    expect(overview).toEqual(await freshOverview(server.db, ana, fromNow(60_000)));
  });

  it("are stored a slice at a time, and what a failed write left is queued again", async () => {
    const { db } = servers[0];
    const ids = Array.from({ length: 600 }, (_, i) => `bulk-${String(i).padStart(3, "0")}`);
    const rows = ids.map((id) => sql`(${id}, ${ben.id}, 'Bulk', 'Dev', 'applied')`);
    await rawRun(db, sql`insert into applications (id, user_id, company, role_title, status) values ${sql.join(rows, sql`, `)}`);
    const count = () => rawCount(db, "guidance_parts", sql`user_id = ${ben.id} and application_id like 'bulk-%'`);
    const part: SizedPart = { queue: [], putAside: [], checkIn: null, changesAt: Infinity, readsOtherApplications: false, bytes: 64 };
    const stamp = { reader: "UTC||", version: 1, sharedVersion: 0, activeCount: 0, computedAt: NOW.getTime() };
    queueParts(db, { userId: ben.id, stamp, parts: ids.map((id) => [id, part] as [string, SizedPart]) });
    // The second slice's write fails: the first stays stored, the rest waits for the next flush.
    const restore = await refuseWrites(db, {
      name: "refuse_second_slice",
      table: "guidance_parts",
      op: "insert",
      when: "(select count(*) from guidance_parts where application_id like 'bulk-%') >= 250",
      message: "disk full",
    });
    expect(await failureOf(flushStoredParts(db))).toMatch(/disk full/);
    expect(await count()).toBe(250);
    await restore();
    await flushStoredParts(db);
    expect(await count()).toBe(600);
  });
});
