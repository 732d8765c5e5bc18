import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { deleteEvent, listEvents } from "@/lib/data/events";
import { loadGuidanceInputs } from "@/lib/data/guidance-inputs";
import { actOnStep, applicationGuidance, guidanceQueue } from "@/lib/data/guidance";
import { getRound } from "@/lib/data/rounds";
import { fired } from "@/lib/guidance/recommend";
import { makeUser, testDb } from "./support/db";
import {
  addRound,
  DAY,
  eventsOfKind,
  fromNow,
  HOUR,
  NOW,
  rejectedAfterRound,
  rowsOf,
  silentAfterRound,
  stepRows,
  thankYouOwed,
  type GuidanceUser,
} from "./support/guidance-data";
import { rawRows, rawGet } from "./support/raw-sql";

let db: Db;
let ana: GuidanceUser;

beforeEach(async () => {
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
});

const keysAt = async (applicationId: string, now: Date) => (await applicationGuidance(db, { user: ana, applicationId, now }))!.recommendations.map((r) => r.key);
/** What the engine would say if nothing had been put aside: proves a hidden step is hidden, not gone. */
const firingKeys = async (applicationId: string, now: Date) =>
  fired((await loadGuidanceInputs(db, { user: ana, scope: { applicationId } }))[0], now, { includeHandled: true }).map((r) => r.key);
const thankYouKey = (roundId: string) => `send-thank-you:${roundId}`;

describe("actOnStep", () => {
  const done = { kind: "done" } as const;
  const dismiss = { kind: "dismiss" } as const;
  const snoozeFor = (ms: number) => ({ kind: "snooze", until: fromNow(ms) }) as const;
  /** Every column of every guidance_steps row, updated_at too, for "changed nothing" checks. */
  const rawSteps = () => rawRows(db, sql`select * from guidance_steps order by application_id, key`);
  const followUpKeys = async (applicationId: string, now: Date) => (await keysAt(applicationId, now)).filter((k) => k.startsWith("follow-up"));

  it("done on a thank-you records it on the round, stores no step row, and the step leaves the queue", async () => {
    const { app, round1, round2 } = await thankYouOwed(db, ana.id);
    const round1Before = await rawGet(db, sql`select * from rounds where id = ${round1}`);
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key: thankYouKey(round2), action: done, now: NOW })).toEqual({ ok: true, state: "done", logged: "thank-you" });
    expect((await getRound(db, { userId: ana.id, id: round2 }))!.thankYouSentAt).toEqual(NOW);
    expect(await rawGet(db, sql`select * from rounds where id = ${round1}`)).toEqual(round1Before);
    // The logged thank-you closes the step: it no longer fires at all, so nothing needs storing.
    expect(await stepRows(db, app.id)).toEqual([]);
    expect(await firingKeys(app.id, NOW)).not.toContain(thankYouKey(round2));
    expect((await guidanceQueue(db, { user: ana, now: NOW })).map((i) => i.key)).not.toContain(thankYouKey(round2));
    expect((await guidanceQueue(db, { user: ana, now: fromNow(HOUR) })).map((i) => i.ruleId)).not.toContain("send-thank-you");

    // A second click, later, from a stale tab: the step is gone and nothing changes.
    const after = await rowsOf(db, ana.id);
    for (const action of [done, dismiss, snoozeFor(DAY)]) {
      expect(await actOnStep(db, { user: ana, applicationId: app.id, key: thankYouKey(round2), action, now: fromNow(2 * HOUR) }), action.kind).toEqual({ ok: false, reason: "gone" });
    }
    expect(await rowsOf(db, ana.id)).toEqual(after);
    expect((await getRound(db, { userId: ana.id, id: round2 }))!.thankYouSentAt).toEqual(NOW);
  });

  it("done on a follow-up logs it and stores no row; deleting the logged follow-up brings the step back", async () => {
    const { app, round } = await silentAfterRound(db, ana.id);
    const first = `follow-up-after-silence:${round}:1`;
    expect(await keysAt(app.id, NOW)).toContain(first);
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key: first, action: done, now: NOW })).toEqual({ ok: true, state: "done", logged: "follow-up" });
    expect((await listEvents(db, { userId: ana.id, applicationId: app.id })).map((e) => [e.kind, e.occurredAt])).toEqual([["follow_up_sent", NOW]]);
    expect(await stepRows(db, app.id)).toEqual([]);
    expect(await firingKeys(app.id, NOW)).not.toContain(first);

    // Repeating it logs nothing more.
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key: first, action: done, now: NOW })).toEqual({ ok: false, reason: "gone" });
    expect(await eventsOfKind(db, app.id, "follow_up_sent")).toHaveLength(1);

    // Only the logged follow-up closed the step: once it is deleted the step is back, and Done logs again.
    expect(await deleteEvent(db, { userId: ana.id, id: (await listEvents(db, { userId: ana.id, applicationId: app.id }))[0].id })).toBe(app.id);
    expect(await keysAt(app.id, NOW)).toContain(first);
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key: first, action: done, now: fromNow(HOUR) })).toEqual({ ok: true, state: "done", logged: "follow-up" });
    expect(await eventsOfKind(db, app.id, "follow_up_sent")).toEqual([{ occurred_at: fromNow(HOUR) }]);
    expect(await stepRows(db, app.id)).toEqual([]);

    // The spacing (7 days) runs from that follow-up (13:00 on Wed 25 Nov); the next one is a
    // new step from the first 09:00 after it, Thu 3 Dec.
    expect(await followUpKeys(app.id, fromNow(7 * DAY + HOUR))).toEqual([]);
    expect(await followUpKeys(app.id, new Date("2026-12-03T08:59:59Z"))).toEqual([]);
    expect(await followUpKeys(app.id, new Date("2026-12-03T09:00:00Z"))).toEqual([`follow-up-after-silence:${round}:2`]);
  });

  it("done on a feedback request logs feedback_requested once, stores no row, and leaves reflecting open", async () => {
    const { app, rejection } = await rejectedAfterRound(db, ana.id);
    const key = `request-feedback:${rejection}`;
    expect(await keysAt(app.id, NOW)).toContain(key);
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key, action: done, now: NOW })).toEqual({ ok: true, state: "done", logged: "feedback-request" });
    expect(await eventsOfKind(db, app.id, "feedback_requested")).toEqual([{ occurred_at: NOW }]);
    expect(await stepRows(db, app.id)).toEqual([]);
    expect(await keysAt(app.id, NOW)).not.toContain(key);
    expect(await keysAt(app.id, NOW)).toContain(`reflect-and-update:${rejection}`);
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key, action: done, now: fromNow(HOUR) })).toEqual({ ok: false, reason: "gone" });
    expect(await eventsOfKind(db, app.id, "feedback_requested")).toHaveLength(1);
    expect(await listEvents(db, { userId: ana.id, applicationId: app.id })).toHaveLength(2);
  });

  it("done on a snoozed step that logs something clears the snooze", async () => {
    const { app, round2 } = await thankYouOwed(db, ana.id);
    const key = thankYouKey(round2);
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key, action: snoozeFor(2 * HOUR), now: NOW })).toEqual({ ok: true, state: "snoozed", logged: null });
    expect(await stepRows(db, app.id)).toHaveLength(1);
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key, action: done, now: fromNow(HOUR) })).toEqual({ ok: true, state: "done", logged: "thank-you" });
    expect(await stepRows(db, app.id)).toEqual([]);
    expect((await getRound(db, { userId: ana.id, id: round2 }))!.thankYouSentAt).toEqual(fromNow(HOUR));
  });

  it("done on a step that logs nothing stores it as done, and it stays put away", async () => {
    const { app, round } = await silentAfterRound(db, ana.id);
    const key = `keep-searching:${round}`;
    const eventsBefore = await listEvents(db, { userId: ana.id, applicationId: app.id });
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key, action: done, now: NOW })).toEqual({ ok: true, state: "done", logged: null });
    expect(await stepRows(db, app.id)).toEqual([{ application_id: app.id, key, state: "done", until: null }]);
    expect(await listEvents(db, { userId: ana.id, applicationId: app.id })).toEqual(eventsBefore);
    expect((await getRound(db, { userId: ana.id, id: round }))!.thankYouSentAt).toBeNull();
    for (const now of [NOW, fromNow(30 * DAY)]) {
      expect(await firingKeys(app.id, now)).toContain(key);
      expect(await keysAt(app.id, now)).not.toContain(key);
    }
  });

  it("snooze hides a step until its time, then it comes back; nothing is logged", async () => {
    const { app, round2 } = await thankYouOwed(db, ana.id);
    const key = thankYouKey(round2);
    const until = fromNow(2 * HOUR);
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key, action: { kind: "snooze", until }, now: NOW })).toEqual({ ok: true, state: "snoozed", logged: null });
    expect(await stepRows(db, app.id)).toEqual([{ application_id: app.id, key, state: "snoozed", until }]);
    for (const now of [NOW, fromNow(HOUR), fromNow(2 * HOUR - 1000)]) {
      expect(await firingKeys(app.id, now)).toContain(key);
      expect((await guidanceQueue(db, { user: ana, now })).map((i) => i.key)).not.toContain(key);
    }
    expect((await guidanceQueue(db, { user: ana, now: until })).map((i) => i.key)).toContain(key);
    expect((await guidanceQueue(db, { user: ana, now: fromNow(3 * HOUR) })).find((i) => i.key === key)).toMatchObject({ overdue: true });
    expect((await getRound(db, { userId: ana.id, id: round2 }))!.thankYouSentAt).toBeNull();
  });

  it("a second snooze moves the time, and a dismiss after a snooze puts the step away for good", async () => {
    const { app, round2 } = await thankYouOwed(db, ana.id);
    const key = thankYouKey(round2);
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key, action: snoozeFor(2 * HOUR), now: NOW })).toEqual({ ok: true, state: "snoozed", logged: null });
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key, action: snoozeFor(5 * HOUR), now: fromNow(HOUR) })).toEqual({ ok: true, state: "snoozed", logged: null });
    expect(await stepRows(db, app.id)).toEqual([{ application_id: app.id, key, state: "snoozed", until: fromNow(5 * HOUR) }]);
    expect(await keysAt(app.id, fromNow(4 * HOUR))).not.toContain(key);
    expect(await keysAt(app.id, fromNow(5 * HOUR))).toContain(key);

    expect(await actOnStep(db, { user: ana, applicationId: app.id, key, action: dismiss, now: fromNow(HOUR) })).toEqual({ ok: true, state: "dismissed", logged: null });
    expect(await stepRows(db, app.id)).toEqual([{ application_id: app.id, key, state: "dismissed", until: null }]);
    expect(await keysAt(app.id, fromNow(5 * HOUR))).not.toContain(key);
  });

  it("dismiss hides a step for good; done after it still logs, and the logged fact then closes it", async () => {
    const { app, round2 } = await thankYouOwed(db, ana.id);
    const key = thankYouKey(round2);
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key, action: dismiss, now: NOW })).toEqual({ ok: true, state: "dismissed", logged: null });
    for (const now of [NOW, fromNow(DAY), fromNow(2 * DAY)]) {
      expect(await firingKeys(app.id, now)).toContain(key);
      expect(await keysAt(app.id, now)).not.toContain(key);
    }
    expect((await getRound(db, { userId: ana.id, id: round2 }))!.thankYouSentAt).toBeNull();
    expect(await stepRows(db, app.id)).toEqual([{ application_id: app.id, key, state: "dismissed", until: null }]);
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key, action: done, now: fromNow(HOUR) })).toEqual({ ok: true, state: "done", logged: "thank-you" });
    expect((await getRound(db, { userId: ana.id, id: round2 }))!.thankYouSentAt).toEqual(fromNow(HOUR));
    expect(await stepRows(db, app.id)).toEqual([]);
    expect(await firingKeys(app.id, fromNow(2 * HOUR))).not.toContain(key);
  });

  it("a snooze or dismiss from a stale tab changes nothing on a step put away for good", async () => {
    const silent = await silentAfterRound(db, ana.id);
    const owed = await thankYouOwed(db, ana.id);
    const doneKey = `keep-searching:${silent.round}`;
    const dismissedKey = `keep-searching:${owed.round2}`;
    expect(await actOnStep(db, { user: ana, applicationId: silent.app.id, key: doneKey, action: done, now: NOW })).toEqual({ ok: true, state: "done", logged: null });
    expect(await actOnStep(db, { user: ana, applicationId: owed.app.id, key: dismissedKey, action: dismiss, now: NOW })).toEqual({ ok: true, state: "dismissed", logged: null });
    const before = await rawSteps();
    const later = fromNow(HOUR);
    for (const action of [snoozeFor(DAY), dismiss]) {
      expect(await actOnStep(db, { user: ana, applicationId: silent.app.id, key: doneKey, action, now: later }), action.kind).toEqual({ ok: true, state: "done", logged: null });
    }
    for (const action of [snoozeFor(DAY), dismiss]) {
      expect(await actOnStep(db, { user: ana, applicationId: owed.app.id, key: dismissedKey, action, now: later }), action.kind).toEqual({ ok: true, state: "dismissed", logged: null });
    }
    expect(await rawSteps()).toEqual(before);
    expect(await keysAt(silent.app.id, fromNow(2 * DAY))).not.toContain(doneKey);
    expect(await keysAt(owed.app.id, fromNow(2 * DAY))).not.toContain(dismissedKey);
    // Done still counts on a dismissed step.
    expect(await actOnStep(db, { user: ana, applicationId: owed.app.id, key: dismissedKey, action: done, now: later })).toEqual({ ok: true, state: "done", logged: null });
    expect(await stepRows(db, owed.app.id)).toEqual([{ application_id: owed.app.id, key: dismissedKey, state: "done", until: null }]);
  });

  it("answers gone for a step put away earlier once its rule has stopped firing, and writes nothing", async () => {
    const { app, round } = await silentAfterRound(db, ana.id);
    const key = `keep-searching:${round}`;
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key, action: done, now: NOW })).toEqual({ ok: true, state: "done", logged: null });
    // A new round is booked: the wait is over, so keep-searching no longer fires for this round.
    await addRound(db, ana.id, app.id, { kind: "second", scheduledAt: fromNow(3 * DAY) });
    expect(await firingKeys(app.id, NOW)).not.toContain(key);
    const before = await rowsOf(db, ana.id);
    for (const action of [done, dismiss, snoozeFor(DAY)]) {
      expect(await actOnStep(db, { user: ana, applicationId: app.id, key, action, now: fromNow(HOUR) }), action.kind).toEqual({ ok: false, reason: "gone" });
    }
    expect(await rowsOf(db, ana.id)).toEqual(before);
  });

  it("answers gone for a key the engine does not give for this application, and writes nothing", async () => {
    const { app, round1, round2 } = await thankYouOwed(db, ana.id);
    const other = await silentAfterRound(db, ana.id);
    // (Its thank-you, 9 days late, is past the lateness point and no longer given.)
    const othersKeys = [`follow-up-after-silence:${other.round}:1`, `keep-searching:${other.round}`];
    // Real keys, but of Ana's other application.
    expect(await keysAt(other.app.id, NOW)).toEqual(expect.arrayContaining(othersKeys));
    const before = await rowsOf(db, ana.id);
    // Round 1 was thanked already, and no follow-up is due yet.
    for (const key of ["send-thank-you:nope", thankYouKey(round1), `follow-up-after-silence:${round2}:1`, "", ...othersKeys]) {
      for (const action of [done, dismiss, snoozeFor(DAY)]) {
        expect(await actOnStep(db, { user: ana, applicationId: app.id, key, action, now: NOW }), `${action.kind} ${key}`).toEqual({ ok: false, reason: "gone" });
      }
    }
    expect(await rowsOf(db, ana.id)).toEqual(before);
  });
});
