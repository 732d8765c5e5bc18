import { createHmac } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { ownReminderChannels, removeReminderChannel, saveNtfyChannel, saveWebhookChannel } from "@/lib/data/reminder-channels";
import type { ReminderChannel } from "@/lib/reminders/channel";
import { ntfyChannel } from "@/lib/reminders/ntfy";
import { schedulerPass } from "@/lib/reminders/pass";
import { retryDelay } from "@/lib/reminders/timing";
import { webhookChannel } from "@/lib/reminders/webhook";
import type { ReminderChannelName } from "@/lib/vocabulary";
import { makeUser, testDb } from "./support/db";
import { NOW } from "./support/guidance-data";
import { startReceiver } from "./support/http-receiver";
import { accountWithReminders, deliveryRows } from "./support/reminders";

const ORIGIN = "https://jobs.example.com";
// The receiver listens on 127.0.0.1, a private address a real server refuses unless allowed.
const env = { ...process.env, SHORTLIST_URL: ORIGIN, SHORTLIST_REMINDERS_PRIVATE_NETWORK: "allow" };
const channels = new Map<ReminderChannelName, ReminderChannel>([
  ["ntfy", ntfyChannel(env)],
  ["webhook", webhookChannel(env)],
]);
const passAt = (db: Db, at: Date) => schedulerPass(db, { channels, clock: () => at });

let db: Db;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeEach(() => {
  db = testDb();
});
afterEach(async () => {
  await receiver?.close();
});

describe("ntfy", () => {
  it("publishes each nudge to the topic as JSON, with the token, the title and a tap that opens the application", async () => {
    receiver = await startReceiver();
    const { user, app } = await accountWithReminders(db, "ana@example.com", { emailOn: false });
    await saveNtfyChannel(db, { userId: user.id, url: `${receiver.url}/shortlist-ana`, token: "tk_secret", carries: "nudges", now: NOW });
    expect(await passAt(db, NOW)).toMatchObject({ sent: 2, failed: 0 });
    expect(receiver.requests).toHaveLength(2);
    for (const r of receiver.requests) {
      expect(r).toMatchObject({ method: "POST", url: "/" });
      expect(r.headers.authorization).toBe("Bearer tk_secret");
      expect(r.headers["content-type"]).toBe("application/json");
    }
    const bodies = receiver.requests.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    expect(bodies.find((b) => String(b.title).startsWith("Interview"))).toEqual({
      topic: "shortlist-ana",
      title: "Interview at 15:00: Acme",
      message: "Your interview with Acme starts Wed, 25 Nov 2026, 15:00.\nInterview: Acme, Staff Engineer: Starts Wed, 25 Nov 2026, 15:00",
      click: `${ORIGIN}/applications/${app.id}`,
      tags: ["calendar"],
    });
    expect(bodies.map((b) => b.title)).toContain("Thank-you owed: Acme");
  });

  it("keeps the token unless a new one is given, and never shows it", async () => {
    const ana = await makeUser(db, "ana@example.com");
    await saveNtfyChannel(db, { userId: ana.id, url: "https://ntfy.sh/a", token: "tk_1", carries: "all", now: NOW });
    await saveNtfyChannel(db, { userId: ana.id, url: "https://ntfy.sh/b", token: undefined, carries: "digest", now: NOW });
    expect(await ownReminderChannels(db, { userId: ana.id })).toEqual([{ channel: "ntfy", url: "https://ntfy.sh/b", carries: "digest", hasToken: true, signingSecret: null }]);
    await saveNtfyChannel(db, { userId: ana.id, url: "https://ntfy.sh/b", token: "", carries: "digest", now: NOW });
    expect((await ownReminderChannels(db, { userId: ana.id }))[0].hasToken).toBe(false);
  });
});

describe("webhooks", () => {
  it("post JSON signed with HMAC-SHA256 over the body, with the delivery id as the idempotency key, the same on a retry", async () => {
    receiver = await startReceiver([500]);
    const { user, app } = await accountWithReminders(db, "ana@example.com", { emailOn: false });
    await saveWebhookChannel(db, { userId: user.id, url: `${receiver.url}/hooks/shortlist`, carries: "digest", now: NOW });
    const [{ signingSecret }] = await ownReminderChannels(db, { userId: user.id });
    expect(signingSecret).toMatch(/^whsec_/);

    expect(await passAt(db, NOW)).toMatchObject({ sent: 0, failed: 1 });
    const [row] = await deliveryRows(db);
    expect(row).toMatchObject({ status: "pending", lastError: "the webhook answered 500" });
    expect(await passAt(db, new Date(NOW.getTime() + retryDelay(1)))).toMatchObject({ sent: 1, failed: 0 });

    expect(receiver.requests).toHaveLength(2);
    const [first, second] = receiver.requests;
    for (const r of receiver.requests) {
      expect(r.url).toBe("/hooks/shortlist");
      expect(r.headers["idempotency-key"]).toBe(row.id);
      expect(r.headers["x-shortlist-signature"]).toBe(`sha256=${createHmac("sha256", signingSecret ?? "").update(r.body).digest("hex")}`);
    }
    expect(second.body).toBe(first.body);
    const body = JSON.parse(second.body) as { id: string; kind: string; title: string; body: string; entries: { url: string; reasons: string[] }[] };
    expect(body).toMatchObject({ id: row.id, kind: "digest", title: "Today: 1 interview, 4 steps due" });
    expect(body.body).toContain("Your plan for Wed, 25 Nov 2026.");
    expect(body.entries[0].url).toBe(`${ORIGIN}/applications/${app.id}`);
    expect(body.entries[1].reasons).toEqual(["Your second interview with Acme is on Wed, 25 Nov 2026, 15:00, in 2 hours."]);
  });

  it("gives up at once on an address that is gone (410), with the reason", async () => {
    receiver = await startReceiver([410]);
    const { user } = await accountWithReminders(db, "ana@example.com", { emailOn: false });
    await saveWebhookChannel(db, { userId: user.id, url: `${receiver.url}/gone`, carries: "digest", now: NOW });
    await passAt(db, NOW);
    expect((await deliveryRows(db))[0]).toMatchObject({ status: "failed", attempts: 1, lastError: "the webhook says the address is not there (410)" });
  });

  it("are each account's own: another account neither sees nor removes them", async () => {
    const ana = await makeUser(db, "ana@example.com");
    const ben = await makeUser(db, "ben@example.com");
    await saveWebhookChannel(db, { userId: ana.id, url: "https://example.com/hook", carries: "all", now: NOW });
    expect(await ownReminderChannels(db, { userId: ben.id })).toEqual([]);
    expect(await removeReminderChannel(db, { userId: ben.id, channel: "webhook" })).toBe(false);
    expect(await ownReminderChannels(db, { userId: ana.id })).toHaveLength(1);
    expect(await removeReminderChannel(db, { userId: ana.id, channel: "webhook" })).toBe(true);
    expect(await ownReminderChannels(db, { userId: ana.id })).toEqual([]);
  });
});
