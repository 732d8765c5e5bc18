import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { moveOnContacts, silentApplications } from "@/lib/data/move-on";
import { silentHeadline, silentSignature } from "@/lib/dashboard/silent";
import { loadDashboardPlan } from "@/lib/data/dashboard-plan";
import { addRound, DAY, fromNow, HOUR, newApp, NOW } from "./support/guidance-data";
import { makeUser, testDb } from "./support/db";
import { eventInput, logOk } from "./support/rounds";

// The move-on list's rows are read when the list is opened (not sent with
// every dashboard): the session's user's own, the same ones the dashboard's
// heading counts, in its order.

let db: Db;
const dates = { locale: "en-GB", hourCycle: null, zone: "UTC" };
let ana: { id: string; timeZone: string; dates: typeof dates };
let ben: { id: string; timeZone: string; dates: typeof dates };
let cy: { id: string; timeZone: string; dates: typeof dates };

beforeEach(async () => {
  // On the engine the run uses (npm run test:unit, test:unit:postgres).
  db = testDb();
  ana = { id: (await makeUser(db, "ana@example.com")).id, timeZone: "UTC", dates };
  ben = { id: (await makeUser(db, "ben@example.com")).id, timeZone: "UTC", dates };
  cy = { id: (await makeUser(db, "cy@example.com")).id, timeZone: "UTC", dates };
});

/** Two follow-ups after the last round (40 days ago), the last ten days ago: the move-on rule fires. */
async function unanswered(userId: string, company: string) {
  const a = await newApp(db, userId, { company, roleTitle: "Engineer", status: "interviewing" });
  await addRound(db, userId, a.id, { kind: "second", scheduledAt: fromNow(-40 * DAY), thankYouSentAt: fromNow(-40 * DAY + 2 * HOUR) });
  await logOk(db, userId, a.id, eventInput("follow_up_sent", fromNow(-25 * DAY).toISOString()));
  await logOk(db, userId, a.id, eventInput("follow_up_sent", fromNow(-10 * DAY).toISOString()));
  return a;
}

describe("silentApplications", () => {
  it("gives the user's own silent applications, with their last contact and days of silence, in the dashboard's order", async () => {
    const quail = await unanswered(ana.id, "Quiet Quail");
    const quokka = await unanswered(ana.id, "Quiet Quokka");
    await newApp(db, ana.id, { company: "Fresh", status: "applied", appliedOn: "2026-11-24" });
    const rows = await silentApplications(db, { user: ana, now: NOW });
    expect(rows.map((r) => r.company).sort()).toEqual(["Quiet Quail", "Quiet Quokka"]);
    const { plan } = await loadDashboardPlan(db, { user: ana, now: NOW, soonLimit: 10, laterLimit: 10 });
    expect(rows.map((r) => r.applicationId)).toEqual(plan.moveOn.map((s) => s.applicationId));
    expect(rows.find((r) => r.applicationId === quail.id)).toEqual({
      applicationId: quail.id,
      company: "Quiet Quail",
      roleTitle: "Engineer",
      // The last contact is the second follow-up; heard from last at the round, 40 days before NOW.
      lastContact: expect.stringContaining("15 Nov"),
      days: 40,
    });
    expect(rows.some((r) => r.applicationId === quokka.id)).toBe(true);
  });

  it("a second user gets only their own rows, and a user with none gets none", async () => {
    const anas = await unanswered(ana.id, "Ana's Silent Co");
    const bens = await unanswered(ben.id, "Ben's Silent Co");
    const forBen = await silentApplications(db, { user: ben, now: NOW });
    expect(forBen.map((r) => r.applicationId)).toEqual([bens.id]);
    expect(forBen.map((r) => r.company)).toEqual(["Ben's Silent Co"]);
    const forAna = await silentApplications(db, { user: ana, now: NOW });
    expect(forAna.map((r) => r.applicationId)).toEqual([anas.id]);
    expect(await silentApplications(db, { user: cy, now: NOW })).toEqual([]);
  });
});

describe("the heading the page sends instead of the rows", () => {
  it("counts the steps and names the fewest days any has waited, and its signature changes with the steps", async () => {
    await unanswered(ana.id, "Quiet Quail");
    const owl = await unanswered(ana.id, "Quiet Owl");
    // Heard from (a reply) 33 days ago, then two unanswered follow-ups: the least silent.
    await logOk(db, ana.id, owl.id, eventInput("response_received", fromNow(-33 * DAY).toISOString()));
    const { plan } = await loadDashboardPlan(db, { user: ana, now: NOW, soonLimit: 0, laterLimit: 0 });
    const contacts = await moveOnContacts(db, { userId: ana.id, steps: plan.moveOn, now: NOW });
    const rows = await silentApplications(db, { user: ana, now: NOW });
    expect(rows.map((r) => r.days).sort()).toEqual([33, 40]);
    expect(silentHeadline(plan.moveOn, contacts, NOW)).toBe("2 applications have heard nothing for 33 days or more");
    expect(silentHeadline(plan.moveOn, contacts, new Date(NOW.getTime() + 2 * DAY))).toBe("2 applications have heard nothing for 35 days or more");
    expect(silentHeadline(plan.moveOn.slice(0, 1), contacts, NOW)).toMatch(/^1 application has heard nothing for (33|40) days or more$/);
    expect(silentSignature([...plan.moveOn], contacts)).toBe(silentSignature(plan.moveOn, contacts));
    expect(silentSignature(plan.moveOn.slice(1), contacts)).not.toBe(silentSignature(plan.moveOn, contacts));
    expect(silentSignature([...plan.moveOn].reverse(), contacts)).not.toBe(silentSignature(plan.moveOn, contacts));
  });
});
