import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { actOnStep, applicationGuidance, guidanceOverview, restoreStep } from "@/lib/data/guidance";
import { DAY, fromNow, HOUR, NOW, stepRows, thankYouOwed } from "./support/guidance-data";
import { twoUsers } from "./support/rounds";
import { refuseWrites } from "./support/raw-sql";
import { failureOf } from "./support/failures";

// Snoozed and dismissed steps are put aside, not lost: listed with when a
// snooze ends, and restored in one step, by their owner only.

let db: Db;
let ana: { id: string; timeZone: string };
let ben: { id: string; timeZone: string };

beforeEach(async () => {
  ({ db, ana, ben } = await twoUsers());
});

const thanksKey = (roundId: string) => `send-thank-you:${roundId}`;

describe("put-aside steps", () => {
  it("lists a snoozed step with when it ends, and a dismissed one, on the application and across applications", async () => {
    const { app, round2 } = await thankYouOwed(db, ana.id);
    const until = fromNow(3 * DAY);
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key: thanksKey(round2), action: { kind: "snooze", until }, now: NOW })).toMatchObject({ ok: true });
    const keep = (await applicationGuidance(db, { user: ana, applicationId: app.id, now: NOW }))!.recommendations.find((r) => r.ruleId === "keep-searching")!;
    expect(await actOnStep(db, { user: ana, applicationId: app.id, key: keep.key, action: { kind: "dismiss" }, now: NOW })).toMatchObject({ ok: true });

    const page = (await applicationGuidance(db, { user: ana, applicationId: app.id, now: NOW }))!;
    expect(page.recommendations.map((r) => r.key)).not.toContain(thanksKey(round2));
    expect(page.putAside.map((p) => [p.step.key, p.state, p.until])).toEqual(
      expect.arrayContaining([
        [thanksKey(round2), "snoozed", until],
        [keep.key, "dismissed", null],
      ]),
    );
    const overview = await guidanceOverview(db, { user: ana, now: NOW });
    expect(overview.putAside.map((p) => [p.step.key, p.company])).toEqual(
      expect.arrayContaining([
        [thanksKey(round2), "Acme"],
        [keep.key, "Acme"],
      ]),
    );
    expect((await guidanceOverview(db, { user: ben, now: NOW })).putAside).toEqual([]);
  });

  it("drops a snooze from the list once it ends, when the step is back by itself", async () => {
    const { app, round2 } = await thankYouOwed(db, ana.id);
    await actOnStep(db, { user: ana, applicationId: app.id, key: thanksKey(round2), action: { kind: "snooze", until: fromNow(DAY) }, now: NOW });
    expect((await guidanceOverview(db, { user: ana, now: fromNow(DAY - 1000) })).putAside).toHaveLength(1);
    const later = await guidanceOverview(db, { user: ana, now: fromNow(DAY) });
    expect(later.putAside).toEqual([]);
    expect(later.queue.map((s) => s.key)).toContain(thanksKey(round2));
  });

  it("keeps done steps off the list: Done is not putting aside", async () => {
    const { app, round2 } = await thankYouOwed(db, ana.id);
    const keep = (await applicationGuidance(db, { user: ana, applicationId: app.id, now: NOW }))!.recommendations.find((r) => r.ruleId === "keep-searching")!;
    await actOnStep(db, { user: ana, applicationId: app.id, key: keep.key, action: { kind: "done" }, now: NOW });
    expect((await guidanceOverview(db, { user: ana, now: NOW })).putAside).toEqual([]);
    expect(await restoreStep(db, { userId: ana.id, applicationId: app.id, key: keep.key })).toEqual({ ok: false, reason: "gone" });
    expect(await stepRows(db, app.id)).toEqual([expect.objectContaining({ key: keep.key, state: "done" })]);
    // The other step is untouched.
    expect((await guidanceOverview(db, { user: ana, now: NOW })).queue.map((s) => s.key)).toContain(thanksKey(round2));
  });
});

describe("restoreStep", () => {
  it("brings a snoozed or dismissed step back at once, and says it is gone the second time (another tab)", async () => {
    const { app, round2 } = await thankYouOwed(db, ana.id);
    await actOnStep(db, { user: ana, applicationId: app.id, key: thanksKey(round2), action: { kind: "snooze", until: fromNow(7 * DAY) }, now: NOW });
    // The cache of the overview is dropped by the write itself (the data version).
    expect((await guidanceOverview(db, { user: ana, now: NOW })).queue.map((s) => s.key)).not.toContain(thanksKey(round2));
    expect(await restoreStep(db, { userId: ana.id, applicationId: app.id, key: thanksKey(round2) })).toEqual({ ok: true });
    expect(await stepRows(db, app.id)).toEqual([]);
    const after = await guidanceOverview(db, { user: ana, now: fromNow(HOUR) });
    expect(after.queue.map((s) => s.key)).toContain(thanksKey(round2));
    expect(after.putAside).toEqual([]);
    expect(await restoreStep(db, { userId: ana.id, applicationId: app.id, key: thanksKey(round2) })).toEqual({ ok: false, reason: "gone" });
  });

  it("lets a second user restore nothing of the first user's: not-found, and the step stays put aside", async () => {
    const { app, round2 } = await thankYouOwed(db, ana.id);
    await actOnStep(db, { user: ana, applicationId: app.id, key: thanksKey(round2), action: { kind: "dismiss" }, now: NOW });
    const before = await stepRows(db);
    expect(await restoreStep(db, { userId: ben.id, applicationId: app.id, key: thanksKey(round2) })).toEqual({ ok: false, reason: "not-found" });
    expect(await stepRows(db)).toEqual(before);
    expect((await applicationGuidance(db, { user: ana, applicationId: app.id, now: NOW }))!.putAside.map((p) => p.step.key)).toEqual([thanksKey(round2)]);
  });

  it("refuses a key that is not put aside (gone), or an application that does not exist (not-found)", async () => {
    const { app } = await thankYouOwed(db, ana.id);
    expect(await restoreStep(db, { userId: ana.id, applicationId: app.id, key: "send-thank-you:nope" })).toEqual({ ok: false, reason: "gone" });
    expect(await restoreStep(db, { userId: ana.id, applicationId: "no-such-app", key: "x" })).toEqual({ ok: false, reason: "not-found" });
  });

  it("reports nothing restored when the write fails, and leaves the row in place", async () => {
    const { app, round2 } = await thankYouOwed(db, ana.id);
    await actOnStep(db, { user: ana, applicationId: app.id, key: thanksKey(round2), action: { kind: "dismiss" }, now: NOW });
    await refuseWrites(db, { name: "refuse_delete", table: "guidance_steps", op: "delete", message: "disk full" });
    expect(await failureOf(restoreStep(db, { userId: ana.id, applicationId: app.id, key: thanksKey(round2) }))).toMatch(/disk full/);
    expect(await stepRows(db, app.id)).toEqual([expect.objectContaining({ state: "dismissed" })]);
  });
});
