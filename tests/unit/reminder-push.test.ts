import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/open";
import { pushSubscriptions, reminderDeliveries } from "@/db/schema";
import { pushDevices, removePushSubscription, savePushCarries, savePushSubscription } from "@/lib/data/push-subscriptions";
import { queueTestReminder } from "@/lib/data/reminder-outbox";
import { reminderRecipients } from "@/lib/data/reminder-recipients";
import type { ReminderChannel } from "@/lib/reminders/channel";
import { schedulerPass, sendDue } from "@/lib/reminders/pass";
import { pushChannel } from "@/lib/reminders/push";
import { retryDelay } from "@/lib/reminders/timing";
import { vapidKeys } from "@/lib/reminders/vapid";
import type { ReminderChannelName } from "@/lib/vocabulary";
import { makeUser, testDb } from "./support/db";
import { NOW } from "./support/guidance-data";
import { startReceiver, type Received } from "./support/http-receiver";
import { accountWithReminders, deliveryRows } from "./support/reminders";
import { browserKeys, decryptPush, verifyVapid, type BrowserKeys } from "./support/web-push";

const ORIGIN = "https://jobs.example.com";
// The test push service listens on 127.0.0.1, a private address a real server refuses unless allowed.
const env = { ...process.env, SHORTLIST_URL: ORIGIN, SHORTLIST_VAPID_SUBJECT: "mailto:ops@example.com", SHORTLIST_REMINDERS_PRIVATE_NETWORK: "allow" };
const { publicKey } = vapidKeys(env);

let db: Db;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let channels: Map<ReminderChannelName, ReminderChannel>;
beforeEach(() => {
  db = testDb();
  channels = new Map([["push", pushChannel(db, env)]]);
});
afterEach(async () => {
  await receiver?.close();
});

/** Subscribes a browser (fresh keys) of the user's at the receiver's `/push/<name>`. */
async function subscribe(userId: string, name: string, at = NOW): Promise<BrowserKeys & { endpoint: string }> {
  const keys = browserKeys();
  const endpoint = `${receiver.url}/push/${name}`;
  await savePushSubscription(db, { userId, subscription: { endpoint, p256dh: keys.p256dh, auth: keys.authText, deviceLabel: "Chrome on Android" }, now: at });
  return { ...keys, endpoint };
}

const payloadOf = (request: Received, keys: BrowserKeys) => JSON.parse(decryptPush(request.raw, keys)) as Record<string, string>;

describe("Web Push", () => {
  it("encrypts each nudge to the device (aes128gcm) and signs it with the server's VAPID key", async () => {
    receiver = await startReceiver();
    const { user, app } = await accountWithReminders(db, "ana@example.com", { emailOn: false });
    const phone = await subscribe(user.id, "ana-phone");
    await savePushCarries(db, { userId: user.id, carries: "nudges", now: NOW });
    expect(await schedulerPass(db, { channels, clock: () => NOW })).toMatchObject({ sent: 2, failed: 0 });
    expect(receiver.requests).toHaveLength(2);

    for (const r of receiver.requests) {
      expect(r).toMatchObject({ method: "POST", url: "/push/ana-phone" });
      expect(r.headers["content-encoding"]).toBe("aes128gcm");
      expect(r.headers["content-type"]).toBe("application/octet-stream");
      expect(r.headers.topic).toMatch(/^[0-9a-f]{32}$/);
      const claims = verifyVapid(r.headers.authorization, publicKey);
      expect(claims.aud).toBe(receiver.url);
      expect(claims.sub).toBe("mailto:ops@example.com");
      // web-push signs with the real clock: valid now, for at most a day.
      expect(claims.exp * 1000).toBeGreaterThan(Date.now());
      expect(claims.exp * 1000).toBeLessThanOrEqual(Date.now() + 24 * 3600_000);
    }
    const pushes = receiver.requests.map((r) => ({ headers: r.headers, payload: payloadOf(r, phone) }));
    const interview = pushes.find((p) => p.payload.title.startsWith("Interview"));
    const thankYou = pushes.find((p) => p.payload.title.startsWith("Thank-you"));
    expect(interview?.payload).toMatchObject({ title: "Interview at 15:00: Acme", url: `${ORIGIN}/applications/${app.id}` });
    expect(interview?.headers).toMatchObject({ urgency: "high", ttl: "10800" });
    expect(thankYou?.payload.url).toBe(`${ORIGIN}/applications/${app.id}`);
    expect(thankYou?.headers.urgency).toBe("normal");
    // The step's reasons travel in the text.
    const [row] = (await deliveryRows(db)).filter((d) => d.kind === "thank-you");
    const reasons = (JSON.parse(row.message) as { entries: { reasons: string[] }[] }).entries[0].reasons;
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(thankYou?.payload.body).toContain(reason);
    // The tag is the delivery id: a retry replaces the notification.
    expect(thankYou?.payload.tag).toBe(row.id);
  });

  it("is on for an account only while it has a device subscribed, carrying what it chose", async () => {
    receiver = await startReceiver();
    const ana = await makeUser(db, "ana@example.com");
    expect((await reminderRecipients(db))[0].push).toBeNull();
    await subscribe(ana.id, "ana");
    expect((await reminderRecipients(db))[0].push).toBe("all");
    await savePushCarries(db, { userId: ana.id, carries: "digest", now: NOW });
    expect((await reminderRecipients(db))[0].push).toBe("digest");
  });

  it("removes a subscription the push service says is gone (410), and gives up on its delivery at once", async () => {
    receiver = await startReceiver([410]);
    const ana = await makeUser(db, "ana@example.com");
    await subscribe(ana.id, "gone");
    await queueTestReminder(db, { userId: ana.id, channel: "push", now: NOW });
    expect(await sendDue(db, { channels, clock: () => NOW })).toEqual({ sent: 0, failed: 1 });
    expect(await pushDevices(db, { userId: ana.id })).toEqual([]);
    const [row] = await deliveryRows(db);
    expect(row).toMatchObject({ status: "failed", attempts: 1, lastError: "the push service says this device is no longer subscribed" });
  });

  it("keeps sending to the devices still there when one of them is gone (404)", async () => {
    receiver = await startReceiver([], { "/push/old": 404 });
    const ana = await makeUser(db, "ana@example.com");
    await subscribe(ana.id, "old");
    const laptop = await subscribe(ana.id, "laptop", new Date(NOW.getTime() + 1));
    await queueTestReminder(db, { userId: ana.id, channel: "push", now: NOW });
    expect(await sendDue(db, { channels, clock: () => NOW })).toEqual({ sent: 1, failed: 0 });
    expect(await pushDevices(db, { userId: ana.id })).toMatchObject([{ id: expect.any(String) }]);
    expect(await db.select({ endpoint: pushSubscriptions.endpoint }).from(pushSubscriptions)).toEqual([{ endpoint: laptop.endpoint }]);
    const delivered = receiver.requests.find((r) => r.url === "/push/laptop");
    expect(delivered && payloadOf(delivered, laptop)).toMatchObject({ title: "Shortlist test reminder", url: `${ORIGIN}/` });
  });

  it("tries again after a 500, and then delivers exactly once", async () => {
    receiver = await startReceiver([500]);
    const ana = await makeUser(db, "ana@example.com");
    const phone = await subscribe(ana.id, "phone");
    await queueTestReminder(db, { userId: ana.id, channel: "push", now: NOW });
    expect(await sendDue(db, { channels, clock: () => NOW })).toEqual({ sent: 0, failed: 1 });
    expect(await deliveryRows(db)).toMatchObject([{ status: "pending", attempts: 1, lastError: "the push service answered 500" }]);
    // Not before its retry is due.
    expect(await sendDue(db, { channels, clock: () => new Date(NOW.getTime() + retryDelay(1) - 1) })).toEqual({ sent: 0, failed: 0 });
    const later = new Date(NOW.getTime() + retryDelay(1));
    expect(await sendDue(db, { channels, clock: () => later })).toEqual({ sent: 1, failed: 0 });
    expect(await sendDue(db, { channels, clock: () => new Date(later.getTime() + 3600_000) })).toEqual({ sent: 0, failed: 0 });
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests.map((r) => payloadOf(r, phone).tag)).toEqual([(await deliveryRows(db))[0].id, (await deliveryRows(db))[0].id]);
    expect(await deliveryRows(db)).toMatchObject([{ status: "sent", attempts: 1 }]);
    expect(await pushDevices(db, { userId: ana.id })).toHaveLength(1);
  });
});

describe("each account's devices are its own", () => {
  it("a second user can neither list, remove nor send a test to the first user's devices", async () => {
    receiver = await startReceiver();
    const ana = await makeUser(db, "ana@example.com");
    const ben = await makeUser(db, "ben@example.com");
    await subscribe(ana.id, "ana");
    const [anas] = await pushDevices(db, { userId: ana.id });
    expect(anas).toMatchObject({ label: "Chrome on Android" });
    expect(await pushDevices(db, { userId: ben.id })).toEqual([]);
    expect(await removePushSubscription(db, { userId: ben.id, id: anas.id })).toBe(false);
    expect(await pushDevices(db, { userId: ana.id })).toHaveLength(1);

    // Ben's test reaches no device of Ana's: he has none, so it is given up on.
    await queueTestReminder(db, { userId: ben.id, channel: "push", now: NOW });
    expect(await sendDue(db, { channels, clock: () => NOW })).toEqual({ sent: 0, failed: 1 });
    expect(receiver.requests).toEqual([]);
    const [bens] = await db.select().from(reminderDeliveries).where(eq(reminderDeliveries.userId, ben.id));
    expect(bens).toMatchObject({ status: "failed", lastError: "no device is subscribed to push any more" });

    expect(await removePushSubscription(db, { userId: ana.id, id: anas.id })).toBe(true);
    expect(await pushDevices(db, { userId: ana.id })).toEqual([]);
  });

  it("a browser subscribed again by another account moves to it: one browser gets one account's reminders", async () => {
    receiver = await startReceiver();
    const ana = await makeUser(db, "ana@example.com");
    const ben = await makeUser(db, "ben@example.com");
    const shared = await subscribe(ana.id, "shared");
    await savePushSubscription(db, { userId: ben.id, subscription: { endpoint: shared.endpoint, p256dh: shared.p256dh, auth: shared.authText, deviceLabel: "Firefox on Linux" }, now: NOW });
    expect(await pushDevices(db, { userId: ana.id })).toEqual([]);
    expect(await pushDevices(db, { userId: ben.id })).toMatchObject([{ label: "Firefox on Linux" }]);
    expect(await db.select().from(pushSubscriptions)).toHaveLength(1);
  });
});

describe("the server's VAPID keys", () => {
  it("are made on first use, kept beside the database readable by its owner alone, and read back after", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "shortlist-vapid-"));
    try {
      vi.stubEnv("SHORTLIST_DB_PATH", path.join(dir, "shortlist.db"));
      const bare = { ...process.env, SHORTLIST_URL: ORIGIN, SHORTLIST_VAPID_PUBLIC_KEY: "", SHORTLIST_VAPID_PRIVATE_KEY: "", SHORTLIST_VAPID_SUBJECT: "" };
      const first = vapidKeys(bare);
      expect(first.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
      expect(first.subject).toBe(ORIGIN);
      const file = path.join(dir, "vapid-keys");
      expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ publicKey: first.publicKey, privateKey: first.privateKey });
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(vapidKeys(bare)).toEqual(first);
      // The environment's pair wins, for several servers that must share one.
      expect(vapidKeys({ ...bare, SHORTLIST_VAPID_PUBLIC_KEY: "pub", SHORTLIST_VAPID_PRIVATE_KEY: "priv" })).toMatchObject({ publicKey: "pub", privateKey: "priv" });
      expect(vapidKeys({ ...bare, SHORTLIST_URL: "http://127.0.0.1:3000" }).subject).toBe("mailto:shortlist@127.0.0.1");
    } finally {
      vi.unstubAllEnvs();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
