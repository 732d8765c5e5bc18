import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { reminderDeliveries } from "@/db/schema";
import { StorageError } from "@/db/storage-error";
import { CLAIM_LEASE_MS, claimDueDeliveries } from "@/lib/data/reminder-claim";
import { markDeliverySent, recordDueReminders, type DueReminder } from "@/lib/data/reminder-outbox";
import { sendDue } from "@/lib/reminders/pass";
import { makeUser, testDb } from "../support/db";
import { fromNow, NOW } from "../support/guidance-data";
import { adminUrl, databaseUrl } from "../support/postgres-url";
import { atOnce, databaseOf, serversOn, type Servers } from "../support/postgres-servers";
import { channelsOf, deliveryRows, recordingChannel } from "../support/reminders";
import { cutNextCommit } from "../support/cut-at-commit";

// The reminders' outbox on Postgres with several senders (app servers, the
// worker), each a pool of its own: claims run at once, FOR UPDATE SKIP LOCKED
// hands each a different set of rows, and every delivery goes out once.

let db: Db;
let servers: Servers | undefined;
const admin = new pg.Pool({ connectionString: adminUrl(), max: 2 });
afterAll(() => admin.end());

beforeEach(() => {
  db = testDb();
});
afterEach(async () => {
  await servers?.close();
  servers = undefined;
});

const MESSAGE = JSON.stringify({ subject: "A reminder", intro: "", entries: [] });

/** `count` deliveries due at NOW, spread over three accounts; their ids. */
async function dueDeliveries(count: number, batch: string): Promise<string[]> {
  const users = [await makeUser(db, `ana-${batch}@example.com`), await makeUser(db, `ben-${batch}@example.com`), await makeUser(db, `cy-${batch}@example.com`)];
  const reminders: DueReminder[] = Array.from({ length: count }, (_, i) => ({
    userId: users[i % users.length].id,
    item: `item:${batch}:${i}`,
    occurrence: NOW.toISOString(),
    channel: "email",
    kind: "interview",
    message: MESSAGE,
    // Some ties, some apart: the claim's order is by not_before alone.
    notBefore: fromNow(-(i % 5) * 60_000),
  }));
  expect(await recordDueReminders(db, { reminders, now: NOW })).toBe(count);
  const rows = await db.select({ id: reminderDeliveries.id, item: reminderDeliveries.item }).from(reminderDeliveries);
  return rows.filter((r) => r.item.startsWith(`item:${batch}:`)).map((r) => r.id);
}

/** A channel that takes a moment to send, so one server's sends overlap the others' claims. */
function slowChannel() {
  const channel = recordingChannel();
  const send = channel.send.bind(channel);
  channel.send = async (outgoing) => {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
    await send(outgoing);
  };
  return channel;
}

describe("claiming due deliveries on Postgres", () => {
  it("hands four servers claiming at once disjoint rows, round after round, until every row is claimed once", async () => {
    servers = await serversOn(db, 4);
    for (const batch of ["a", "b", "c"]) {
      const ids = await dueDeliveries(120, batch);
      const claimedBy = new Map<string, number>();
      for (;;) {
        const [claims] = await atOnce(servers, 1, (server) => claimDueDeliveries(server, { now: NOW, limit: 7, channels: ["email"] }));
        const tokens = new Set(claims.flatMap((c) => c.map((d) => d.claimToken)));
        expect(tokens.size).toBe(claims.filter((c) => c.length > 0).length);
        for (const [server, claimed] of claims.entries()) {
          for (const { id } of claimed) {
            expect(claimedBy.get(id), `delivery ${id} claimed twice`).toBeUndefined();
            claimedBy.set(id, server);
          }
        }
        if (claims.every((c) => c.length === 0)) break;
      }
      expect([...claimedBy.keys()].sort()).toEqual([...ids].sort());
      // Each row's token is the one its claimer was handed.
      const rows = await db.select({ id: reminderDeliveries.id, leaseUntil: reminderDeliveries.leaseUntil }).from(reminderDeliveries);
      expect(rows.filter((r) => ids.includes(r.id)).every((r) => r.leaseUntil?.getTime() === NOW.getTime() + CLAIM_LEASE_MS)).toBe(true);
    }
  });

  it("sends every delivery exactly once when four servers run their sends at once", async () => {
    servers = await serversOn(db, 4);
    for (const batch of ["a", "b"]) {
      const ids = await dueDeliveries(150, batch);
      const channels = servers.dbs.map(() => slowChannel());
      const [results] = await atOnce(servers, 1, (server, i) => sendDue(server, { channels: channelsOf(channels[i]), clock: () => NOW }));
      const sent = channels.flatMap((c) => c.sent.map((s) => s.id));
      expect(sent).toHaveLength(ids.length);
      expect(new Set(sent)).toEqual(new Set(ids));
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(ids.length);
      expect(results.every((r) => r.failed === 0)).toBe(true);
      const rows = (await deliveryRows(db)).filter((r) => ids.includes(r.id));
      expect(rows.every((r) => r.status === "sent" && r.claimToken === null && r.leaseUntil === null)).toBe(true);
    }
  });

  it("passes over rows another claim holds, without waiting for it", async () => {
    const ids = await dueDeliveries(10, "a");
    // A claim in flight on another server: its transaction holds four rows.
    const other = new pg.Client({ connectionString: databaseUrl(adminUrl(), await databaseOf(db)) });
    await other.connect();
    try {
      await other.query("begin");
      const held = await other.query<{ id: string }>("select id from reminder_deliveries order by id limit 4 for update");
      const heldIds = held.rows.map((r) => r.id);
      const claimed = await claimDueDeliveries(db, { now: NOW, limit: 100, channels: ["email"] });
      expect(claimed.map((c) => c.id).sort()).toEqual(ids.filter((id) => !heldIds.includes(id)).sort());
      await other.query("rollback");
      // Let go of (the claim in flight failed): the next claim takes them.
      const rest = await claimDueDeliveries(db, { now: NOW, limit: 100, channels: ["email"] });
      expect(rest.map((c) => c.id).sort()).toEqual([...heldIds].sort());
    } finally {
      await other.end();
    }
  });

  it("leaves nothing claimed when the claimer's connection dies before its commit", async () => {
    const ids = await dueDeliveries(5, "a");
    servers = await serversOn(db, 2);
    const [dying, survivor] = servers.dbs;
    // The dying server's connection is cut as it sends COMMIT: the claim never commits.
    const cut = cutNextCommit(admin);
    try {
      const error = await claimDueDeliveries(dying, { now: NOW, limit: 100, channels: ["email"] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
    } finally {
      cut.restore();
    }
    const claimed = await claimDueDeliveries(survivor, { now: NOW, limit: 100, channels: ["email"] });
    expect(claimed.map((c) => c.id).sort()).toEqual([...ids].sort());
  });

  it("gives a dead sender's rows to another once its lease runs out, and the dead one's token no longer counts", async () => {
    const ids = await dueDeliveries(30, "a");
    servers = await serversOn(db, 2);
    const [dying] = servers.dbs;
    // The first server claims everything, sends nothing, and dies.
    const lost = await claimDueDeliveries(dying, { now: NOW, limit: 100, channels: ["email"] });
    expect(lost).toHaveLength(ids.length);
    await servers.close();
    servers = await serversOn(db, 1);
    const [other] = servers.dbs;
    const channel = slowChannel();
    // Within the lease: nothing to send.
    expect(await sendDue(other, { channels: channelsOf(channel), clock: () => fromNow(CLAIM_LEASE_MS - 1000) })).toEqual({ sent: 0, failed: 0 });
    // Once it has run out: each sent once, by the survivor.
    const after = fromNow(CLAIM_LEASE_MS);
    expect(await sendDue(other, { channels: channelsOf(channel), clock: () => after })).toEqual({ sent: ids.length, failed: 0 });
    expect(channel.sent.map((s) => s.id).sort()).toEqual([...ids].sort());
    expect(await sendDue(other, { channels: channelsOf(channel), clock: () => fromNow(2 * CLAIM_LEASE_MS) })).toEqual({ sent: 0, failed: 0 });
    // A sender that was only slow, not dead, finds its claim gone and records nothing.
    expect(await markDeliverySent(db, { id: lost[0].id, claimToken: lost[0].claimToken, now: after })).toBe(false);
    const [row] = await db.select().from(reminderDeliveries).where(eq(reminderDeliveries.id, lost[0].id));
    expect(row).toMatchObject({ status: "sent", sentAt: after, claimToken: null });
  });

  it("lets claims on several servers run at once: a second claim completes while the first has not committed", async () => {
    const ids = await dueDeliveries(12, "a");
    servers = await serversOn(db, 2);
    const [first, second] = servers.dbs;
    const query = pg.Client.prototype.query;
    let letCommit!: () => void;
    const commitAllowed = new Promise<void>((resolve) => (letCommit = resolve));
    let commitReached!: () => void;
    const atCommit = new Promise<void>((resolve) => (commitReached = resolve));
    // The first claim stops at its COMMIT, holding its rows, until told to go on.
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      if (args[0] === "COMMIT") {
        pg.Client.prototype.query = query;
        commitReached();
        return commitAllowed.then(() => (query as (...a: unknown[]) => unknown).apply(this, args));
      }
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof query;
    try {
      const held = claimDueDeliveries(first, { now: NOW, limit: 5, channels: ["email"] });
      await atCommit;
      const meanwhile = await claimDueDeliveries(second, { now: NOW, limit: 100, channels: ["email"] });
      letCommit();
      const firstClaim = await held;
      expect(firstClaim).toHaveLength(5);
      expect(meanwhile).toHaveLength(7);
      expect([...firstClaim, ...meanwhile].map((c) => c.id).sort()).toEqual([...ids].sort());
    } finally {
      pg.Client.prototype.query = query;
      letCommit();
    }
  });
});
