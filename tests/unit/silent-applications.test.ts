import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { silentApplications } from "@/lib/data/move-on";
import { loadDashboardPlan } from "@/lib/data/dashboard-plan";
import { addRound, DAY, fromNow, HOUR, newApp, NOW } from "./support/guidance-data";
import { makeUser } from "./support/db";
import { eventInput, logOk, twoUsers } from "./support/rounds";

// The move-on list's rows are read when the list is opened (not sent with
// every dashboard): the session's user's own, the same ones the dashboard's
// heading counts, in its order.

let db: Db;
const dates = { locale: "en-GB", hourCycle: null, zone: "UTC" };
let ana: { id: string; timeZone: string; dates: typeof dates };
let ben: { id: string; timeZone: string; dates: typeof dates };
let cy: { id: string; timeZone: string; dates: typeof dates };

beforeEach(async () => {
  const two = await twoUsers();
  db = two.db;
  ana = { id: two.ana.id, timeZone: "UTC", dates };
  ben = { id: two.ben.id, timeZone: "UTC", dates };
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
