import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { reminderDeliveries } from "@/db/schema";
import { write } from "@/db/write";
import { claimDueDeliveries, CLAIM_LEASE_MS } from "@/lib/data/reminder-claim";
import { DELIVERY_KEEP_MS, deliveryFailures, markDeliverySent, pruneDeliveries } from "@/lib/data/reminder-outbox";
import { schedulerPass } from "@/lib/reminders/pass";
import { MAX_ATTEMPTS, retryDelay } from "@/lib/reminders/timing";
import { makeUser, testDb } from "./support/db";
import { fromNow, HOUR, NOW } from "./support/guidance-data";
import { accountWithReminders, channelsOf, deliveryRows, recordingChannel, recordOnly } from "./support/reminders";

let db: Db;
let channel: ReturnType<typeof recordingChannel>;
const passAt = (at: Date, userIds?: string[]) => schedulerPass(db, { channels: channelsOf(channel), clock: () => at, userIds });

beforeEach(() => {
  db = testDb();
  channel = recordingChannel();
});

describe("the reminders outbox", () => {
  it("records one row per item and channel, sends each once, and a second pass adds and sends nothing", async () => {
    const { user, upcoming, ended } = await accountWithReminders(db, "ana@example.com");
    const first = await passAt(NOW);
    expect(first).toMatchObject({ users: 1, recorded: 3, sent: 3, failed: 0 });
    const items = (await deliveryRows(db)).map((r) => `${r.item} ${r.status}`).sort();
    expect(items).toEqual([`digest sent`, `interview:${upcoming} sent`, `thank-you:${ended} sent`]);
    expect(channel.sent.map((s) => s.email)).toEqual(["ana@example.com", "ana@example.com", "ana@example.com"]);

    const second = await passAt(fromNow(60_000));
    expect(second).toMatchObject({ recorded: 0, sent: 0 });
    expect(channel.sent).toHaveLength(3);
    expect(await deliveryRows(db)).toHaveLength(3);
    expect(user.email).toBe("ana@example.com");
  });

  it("composes the digest from today's interviews and the steps due, with reasons, source line and link", async () => {
    const { app } = await accountWithReminders(db, "ana@example.com");
    await passAt(NOW);
    const digest = channel.sent.find((s) => s.kind === "digest");
    // Today's interview, and its four preparation steps due before it; the thank-you is due tomorrow, so it waits.
    expect(digest?.message.subject).toBe("Today: 1 interview, 4 steps due");
    expect(digest?.message.intro).toBe("Your plan for Wed, 25 Nov 2026.");
    const [interview, stories] = digest?.message.entries ?? [];
    expect(interview).toMatchObject({ heading: "Interview: Acme, Staff Engineer", when: "Starts Wed, 25 Nov 2026, 15:00", path: `/applications/${app.id}` });
    expect(stories).toEqual({
      heading: "Pick the stories you will tell (Acme)",
      when: "Due Wed, 25 Nov 2026, 15:00",
      reasons: ["Your second interview with Acme is on Wed, 25 Nov 2026, 15:00, in 2 hours."],
      source: "From “Refine Your Responses” in Does a Second Interview Mean You Got the Job",
      path: `/applications/${app.id}`,
    });
  });

  it("sends no digest on a day with nothing in it, and decides that day once", async () => {
    await makeUser(db, "ben@example.com");
    expect(await passAt(NOW)).toMatchObject({ users: 1, recorded: 1, sent: 0 });
    expect((await deliveryRows(db)).map((r) => r.status)).toEqual(["empty"]);
    expect(await passAt(fromNow(HOUR))).toMatchObject({ recorded: 0, sent: 0 });
  });

  it("holds back all but interview reminders in quiet hours, until they end", async () => {
    // 22:00 in Berlin: quiet (21:00 to 08:00), and too late for today's digest.
    const late = new Date("2026-11-25T21:00:00Z");
    const { upcoming } = await accountWithReminders(db, "cy@example.com");
    const pass = await passAt(late);
    const rows = await deliveryRows(db);
    // The second round ended at 16:00 Berlin time, six hours ago, and no thank-you is logged.
    const thanks = rows.find((r) => r.item === `thank-you:${upcoming}`);
    expect(thanks).toMatchObject({ status: "pending", notBefore: new Date("2026-11-26T07:00:00Z") });
    expect(rows.some((r) => r.item === "digest")).toBe(false);
    expect(pass.sent).toBe(0);
    // Morning: the thank-you goes out at 08:00 with the digest.
    await passAt(new Date("2026-11-26T07:00:00Z"));
    expect(channel.sent.map((s) => s.kind).sort()).toContain("thank-you");
  });

  it("sends an interview reminder at once even in quiet hours, and at once when booked at shorter notice", async () => {
    const at = new Date("2026-11-25T22:30:00Z"); // 23:30 in Berlin
    const { user, app } = await accountWithReminders(db, "ana@example.com", { emailCarries: "nudges" });
    const { addRound } = await import("./support/guidance-data");
    const soon = await addRound(db, user.id, app.id, { kind: "final", scheduledAt: new Date(at.getTime() + HOUR) });
    await passAt(at);
    expect(channel.sent.filter((s) => s.kind === "interview")).toHaveLength(1);
    expect((await deliveryRows(db)).find((r) => r.item === `interview:${soon}`)?.status).toBe("sent");
  });

  it("carries only what the channel is set to carry", async () => {
    await accountWithReminders(db, "ana@example.com", { emailCarries: "digest" });
    await passAt(NOW);
    expect(channel.sent.map((s) => s.kind)).toEqual(["digest"]);
  });

  it("sends nothing by email to an account that turned email off", async () => {
    await accountWithReminders(db, "ana@example.com", { emailOn: false });
    expect(await passAt(NOW)).toMatchObject({ users: 0, recorded: 0, sent: 0 });
  });

  it("backs off after each failure, keeps the reason, and gives up after the cap", async () => {
    const { user } = await accountWithReminders(db, "ana@example.com", { emailCarries: "digest" });
    channel.failWith = "the SMTP server refused the login";
    let at = NOW;
    await passAt(at);
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const [row] = await deliveryRows(db);
      expect(row).toMatchObject({ status: "pending", attempts: attempt, lastError: "the SMTP server refused the login" });
      expect(row.notBefore).toEqual(new Date(at.getTime() + retryDelay(attempt)));
      // Not before its time…
      expect(await passAt(new Date(row.notBefore.getTime() - 1000), [])).toMatchObject({ sent: 0, failed: 0 });
      at = row.notBefore;
      await passAt(at, []);
    }
    const [row] = await deliveryRows(db);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(await deliveryFailures(db, { userId: user.id, limit: 10 })).toEqual([
      { id: row.id, channel: "email", subject: "Today: 1 interview, 4 steps due", reason: "the SMTP server refused the login", at },
    ]);
    channel.failWith = null;
    expect(await passAt(new Date(at.getTime() + 10 * HOUR), [])).toMatchObject({ sent: 0 });
  });

  it("lists one user's failures to that user only", async () => {
    const { user: ana } = await accountWithReminders(db, "ana@example.com", { emailCarries: "digest" });
    const ben = await makeUser(db, "ben@example.com");
    await recordOnly(db, NOW);
    await write(db, { key: "test" }, (tx) =>
      tx.update(reminderDeliveries).set({ status: "failed", lastError: "refused" }).where(eq(reminderDeliveries.userId, ana.id)),
    );
    expect(await deliveryFailures(db, { userId: ana.id, limit: 10 })).toHaveLength(1);
    expect(await deliveryFailures(db, { userId: ben.id, limit: 10 })).toEqual([]);
  });
});

describe("claiming", () => {
  it("gives each due row to one claimer, and again to another only after the lease ran out", async () => {
    await accountWithReminders(db, "ana@example.com");
    expect(await recordOnly(db, NOW)).toBe(3);
    const first = await claimDueDeliveries(db, { now: NOW, limit: 2, channels: ["email"] });
    const second = await claimDueDeliveries(db, { now: NOW, limit: 10, channels: ["email"] });
    expect(first).toHaveLength(2);
    expect(second).toHaveLength(1);
    expect(new Set([...first, ...second].map((c) => c.id)).size).toBe(3);
    expect(await claimDueDeliveries(db, { now: new Date(NOW.getTime() + CLAIM_LEASE_MS - 1), limit: 10, channels: ["email"] })).toEqual([]);
    const again = await claimDueDeliveries(db, { now: new Date(NOW.getTime() + CLAIM_LEASE_MS), limit: 10, channels: ["email"] });
    expect(again).toHaveLength(3);
    // The first claimer's token is stale now: its "sent" does not count.
    expect(await markDeliverySent(db, { id: first[0].id, claimToken: first[0].claimToken, now: NOW })).toBe(false);
    const mine = again.find((c) => c.id === first[0].id);
    expect(mine && (await markDeliverySent(db, { id: mine.id, claimToken: mine.claimToken, now: NOW }))).toBe(true);
  });

  it("claims only the channels the server can send on", async () => {
    await accountWithReminders(db, "ana@example.com");
    await recordOnly(db, NOW);
    expect(await claimDueDeliveries(db, { now: NOW, limit: 10, channels: [] })).toEqual([]);
    expect(await schedulerPass(db, { channels: new Map(), clock: () => NOW })).toMatchObject({ sent: 0, failed: 0 });
    expect((await deliveryRows(db)).map((r) => r.status)).toEqual(["pending", "pending", "pending"]);
  });
});

describe("pruning", () => {
  it("drops finished rows past the keep period and keeps pending ones", async () => {
    await accountWithReminders(db, "ana@example.com");
    await passAt(NOW);
    expect((await deliveryRows(db)).every((r) => r.status === "sent")).toBe(true);
    await accountWithReminders(db, "ben@example.com");
    await recordOnly(db, NOW);
    const later = new Date(NOW.getTime() + DELIVERY_KEEP_MS + 1);
    expect(await pruneDeliveries(db, { now: later })).toBe(3);
    expect((await deliveryRows(db)).map((r) => r.status)).toEqual(["pending", "pending", "pending"]);
  });
});
