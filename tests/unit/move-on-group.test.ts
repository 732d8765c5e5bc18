import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { groupMoveOn } from "@/lib/dashboard/move-on-group";
import type { QueueItem } from "@/lib/dashboard/overview";
import type { ComingUpEntry, DashboardPlan, TodayBlock } from "@/lib/dashboard/today";
import { lastContacts } from "@/lib/data/last-contact";
import { makeUser, testDb } from "./support/db";
import { addRound, DAY, newApp, NOW, type GuidanceUser } from "./support/guidance-data";
import { eventInput, logOk } from "./support/rounds";

const step = (applicationId: string, ruleId: string, overdue = true) => ({ applicationId, ruleId, key: `${ruleId}:${applicationId}`, overdue }) as unknown as QueueItem;
const block = (applicationId: string, steps: QueueItem[]): TodayBlock => ({
  applicationId,
  company: applicationId,
  roleTitle: "Engineer",
  steps,
  overdue: steps.filter((s) => s.overdue).length,
  lateFrom: [],
});
const planOf = (blocks: TodayBlock[], comingUp: ComingUpEntry[] = []) => ({ blocks, comingUp, comingUpCount: comingUp.length + 2 }) as unknown as DashboardPlan;
const later = (s: QueueItem): ComingUpEntry => ({ type: "step", at: new Date(0), step: s });

describe("groupMoveOn", () => {
  it("takes every move-on step out of the blocks, dropping blocks left empty and recounting the rest", () => {
    const plan = planOf([
      block("a", [step("a", "move-on-no-response")]),
      block("b", [step("b", "send-thank-you", false), step("b", "move-on-no-response")]),
      block("c", [step("c", "follow-up-after-silence")]),
    ]);
    const { plan: grouped, moveOn } = groupMoveOn(plan);
    expect(moveOn.map((s) => s.applicationId)).toEqual(["a", "b"]);
    expect(grouped.blocks.map((b) => [b.applicationId, b.steps.length, b.overdue])).toEqual([
      ["b", 1, 0],
      ["c", 1, 1],
    ]);
  });

  it("takes move-on steps not yet due out of Coming up too: an afternoon import's fire at the next 09:00", () => {
    const plan = planOf([block("a", [step("a", "move-on-no-response")])], [later(step("b", "move-on-no-response", false)), later(step("c", "follow-up-after-silence", false))]);
    const { plan: grouped, moveOn } = groupMoveOn(plan);
    expect(moveOn.map((s) => s.applicationId)).toEqual(["a", "b"]);
    expect(grouped.comingUp.map((e) => (e.type === "step" ? e.step.applicationId : null))).toEqual(["c"]);
  });

  it("hands back the same plan when there is no move-on step (its caches stay valid)", () => {
    const plan = planOf([block("c", [step("c", "follow-up-after-silence")])]);
    expect(groupMoveOn(plan).plan).toBe(plan);
  });

  it("walks a plan once: the same plan gets the same answer, which the contacts are kept by", () => {
    const plan = planOf([block("a", [step("a", "move-on-no-response")])], [later(step("b", "move-on-no-response", false))]);
    const first = groupMoveOn(plan);
    expect(groupMoveOn(plan)).toBe(first);
    expect(groupMoveOn(planOf(plan.blocks, plan.comingUp)).moveOn).not.toBe(first.moveOn);
  });
});

describe("lastContacts", () => {
  let db: Db;
  let ana: GuidanceUser;
  let ben: GuidanceUser;
  beforeEach(async () => {
    db = testDb();
    ana = await makeUser(db, "ana@example.com");
    ben = await makeUser(db, "ben@example.com");
  });

  it("tells the last contact either way from the last time the company was heard from, for this user only", async () => {
    const app = await newApp(db, ana.id, { appliedOn: "2026-09-01" });
    await addRound(db, ana.id, app.id, { scheduledAt: new Date(NOW.getTime() - 40 * DAY) });
    await addRound(db, ana.id, app.id, { scheduledAt: new Date(NOW.getTime() + 2 * DAY) }); // not yet: no contact
    await logOk(db, ana.id, app.id, { kind: "follow_up_sent", occurredAt: new Date(NOW.getTime() - 10 * DAY) });
    const quiet = await newApp(db, ana.id, { appliedOn: "2026-10-01" });
    const [first, second] = (await lastContacts(db, { userId: ana.id, applicationIds: [app.id, quiet.id], now: NOW })).sort((a) => (a.applicationId === app.id ? -1 : 1));
    expect(first).toEqual({ applicationId: app.id, at: new Date(NOW.getTime() - 10 * DAY), heardAt: new Date(NOW.getTime() - 40 * DAY), appliedOn: "2026-09-01" });
    expect(second).toEqual({ applicationId: quiet.id, at: null, heardAt: null, appliedOn: "2026-10-01" });
    expect(await lastContacts(db, { userId: ben.id, applicationIds: [app.id], now: NOW })).toEqual([]);
    await logOk(db, ana.id, app.id, eventInput("response_received", new Date(NOW.getTime() - 5 * DAY).toISOString()));
    expect((await lastContacts(db, { userId: ana.id, applicationIds: [app.id], now: NOW }))[0].heardAt).toEqual(new Date(NOW.getTime() - 5 * DAY));
  });
});
