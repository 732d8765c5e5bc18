import type Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { actOnStep, applicationGuidance, guidanceOverview, restoreStep } from "@/lib/data/guidance";
import { DAY, fromNow, HOUR, NOW, stepRows, thankYouOwed } from "./support/guidance-data";
import { twoUsers } from "./support/rounds";

// Snoozed and dismissed steps are put aside, not lost: listed with when a
// snooze ends, and restored in one step, by their owner only.

let db: Db;
let sqlite: Database.Database;
let ana: { id: string; timeZone: string };
let ben: { id: string; timeZone: string };

beforeEach(async () => {
  ({ db, sqlite, ana, ben } = await twoUsers());
});

const thanksKey = (roundId: string) => `send-thank-you:${roundId}`;

describe("put-aside steps", () => {
  it("lists a snoozed step with when it ends, and a dismissed one, on the application and across applications", () => {
    const { app, round2 } = thankYouOwed(db, ana.id);
    const until = fromNow(3 * DAY);
    expect(actOnStep(db, ana, app.id, thanksKey(round2), { kind: "snooze", until }, NOW)).toMatchObject({ ok: true });
    const keep = applicationGuidance(db, ana, app.id, NOW)!.recommendations.find((r) => r.ruleId === "keep-searching")!;
    expect(actOnStep(db, ana, app.id, keep.key, { kind: "dismiss" }, NOW)).toMatchObject({ ok: true });

    const page = applicationGuidance(db, ana, app.id, NOW)!;
    expect(page.recommendations.map((r) => r.key)).not.toContain(thanksKey(round2));
    expect(page.putAside.map((p) => [p.step.key, p.state, p.until])).toEqual(
      expect.arrayContaining([
        [thanksKey(round2), "snoozed", until],
        [keep.key, "dismissed", null],
      ]),
    );
    const overview = guidanceOverview(db, ana, NOW);
    expect(overview.putAside.map((p) => [p.step.key, p.company])).toEqual(
      expect.arrayContaining([
        [thanksKey(round2), "Acme"],
        [keep.key, "Acme"],
      ]),
    );
    expect(guidanceOverview(db, ben, NOW).putAside).toEqual([]);
  });

  it("drops a snooze from the list once it ends, when the step is back by itself", () => {
    const { app, round2 } = thankYouOwed(db, ana.id);
    actOnStep(db, ana, app.id, thanksKey(round2), { kind: "snooze", until: fromNow(DAY) }, NOW);
    expect(guidanceOverview(db, ana, fromNow(DAY - 1000)).putAside).toHaveLength(1);
    const later = guidanceOverview(db, ana, fromNow(DAY));
    expect(later.putAside).toEqual([]);
    expect(later.queue.map((s) => s.key)).toContain(thanksKey(round2));
  });

  it("keeps done steps off the list: Done is not putting aside", () => {
    const { app, round2 } = thankYouOwed(db, ana.id);
    const keep = applicationGuidance(db, ana, app.id, NOW)!.recommendations.find((r) => r.ruleId === "keep-searching")!;
    actOnStep(db, ana, app.id, keep.key, { kind: "done" }, NOW);
    expect(guidanceOverview(db, ana, NOW).putAside).toEqual([]);
    expect(restoreStep(db, { userId: ana.id, applicationId: app.id, key: keep.key })).toEqual({ ok: false, reason: "gone" });
    expect(stepRows(sqlite, app.id)).toEqual([expect.objectContaining({ key: keep.key, state: "done" })]);
    // The other step is untouched.
    expect(guidanceOverview(db, ana, NOW).queue.map((s) => s.key)).toContain(thanksKey(round2));
  });
});

describe("restoreStep", () => {
  it("brings a snoozed or dismissed step back at once, and says it is gone the second time (another tab)", () => {
    const { app, round2 } = thankYouOwed(db, ana.id);
    actOnStep(db, ana, app.id, thanksKey(round2), { kind: "snooze", until: fromNow(7 * DAY) }, NOW);
    // The cache of the overview is dropped by the write itself (the data version).
    expect(guidanceOverview(db, ana, NOW).queue.map((s) => s.key)).not.toContain(thanksKey(round2));
    expect(restoreStep(db, { userId: ana.id, applicationId: app.id, key: thanksKey(round2) })).toEqual({ ok: true });
    expect(stepRows(sqlite, app.id)).toEqual([]);
    const after = guidanceOverview(db, ana, fromNow(HOUR));
    expect(after.queue.map((s) => s.key)).toContain(thanksKey(round2));
    expect(after.putAside).toEqual([]);
    expect(restoreStep(db, { userId: ana.id, applicationId: app.id, key: thanksKey(round2) })).toEqual({ ok: false, reason: "gone" });
  });

  it("lets a second user restore nothing of the first user's: not-found, and the step stays put aside", () => {
    const { app, round2 } = thankYouOwed(db, ana.id);
    actOnStep(db, ana, app.id, thanksKey(round2), { kind: "dismiss" }, NOW);
    const before = stepRows(sqlite);
    expect(restoreStep(db, { userId: ben.id, applicationId: app.id, key: thanksKey(round2) })).toEqual({ ok: false, reason: "not-found" });
    expect(stepRows(sqlite)).toEqual(before);
    expect(applicationGuidance(db, ana, app.id, NOW)!.putAside.map((p) => p.step.key)).toEqual([thanksKey(round2)]);
  });

  it("refuses a key that is not put aside (gone), or an application that does not exist (not-found)", () => {
    const { app } = thankYouOwed(db, ana.id);
    expect(restoreStep(db, { userId: ana.id, applicationId: app.id, key: "send-thank-you:nope" })).toEqual({ ok: false, reason: "gone" });
    expect(restoreStep(db, { userId: ana.id, applicationId: "no-such-app", key: "x" })).toEqual({ ok: false, reason: "not-found" });
  });

  it("reports nothing restored when the write fails, and leaves the row in place", () => {
    const { app, round2 } = thankYouOwed(db, ana.id);
    actOnStep(db, ana, app.id, thanksKey(round2), { kind: "dismiss" }, NOW);
    sqlite.exec("create trigger refuse_delete before delete on guidance_steps begin select raise(abort, 'disk full'); end;");
    expect(() => restoreStep(db, { userId: ana.id, applicationId: app.id, key: thanksKey(round2) })).toThrow(/disk full/);
    expect(stepRows(sqlite, app.id)).toEqual([expect.objectContaining({ state: "dismissed" })]);
  });
});
