import { describe, expect, it } from "vitest";
import { startScheduler } from "@/lib/reminders/scheduler";
import { testDb } from "./support/db";
import { addRound, HOUR, NOW } from "./support/guidance-data";
import { accountWithReminders, channelsOf, recordingChannel } from "./support/reminders";

describe("the scheduler", () => {
  it("passes at start, and again right after a user's write (an interview booked at short notice)", async () => {
    const db = testDb();
    const channel = recordingChannel();
    const { user, app } = await accountWithReminders(db, "ana@example.com", { emailCarries: "nudges" });
    // An hour between full passes: only the start and the write can explain the passes below.
    const scheduler = startScheduler(db, { channels: channelsOf(channel), clock: () => NOW, everyMs: HOUR });
    expect(await scheduler.nextPass()).toEqual({ users: 1, recorded: 2, sent: 2, failed: 0 });

    await addRound(db, user.id, app.id, { kind: "final", scheduledAt: new Date(NOW.getTime() + HOUR) });
    expect(await scheduler.nextPass()).toEqual({ users: 1, recorded: 1, sent: 1, failed: 0 });
    // 14:00 in Berlin, where Ana lives.
    expect(channel.sent.at(-1)?.message.subject).toBe("Interview at 14:00: Acme");
    await scheduler.stop();
  });
});
