import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { createApplication, getApplication, updateApplication, type ApplicationView } from "@/lib/data/applications";
import { deleteEvent, getEvent, listEvents, logEvent, updateEvent } from "@/lib/data/events";
import { createRound } from "@/lib/data/rounds";
import type { ApplicationInput } from "@/lib/validation/application";
import { countRows, eventInput, logOk, rawRow, roundInput, statusBeforeOf, twoUsers } from "./support/rounds";

let db: Db;
let ana: { id: string };

const app = (userId: string, over: Partial<ApplicationInput> = {}) =>
  createApplication(db, { userId, input: { company: "Acme", roleTitle: "Engineer", status: "applied", ...over } });
const statusOf = async (userId: string, id: string) => (await getApplication(db, { userId, id }))?.status;

beforeEach(async () => {
  ({ db, ana } = await twoUsers());
});

describe("events move the status", () => {
  let interviewing: ApplicationView;
  beforeEach(async () => {
    interviewing = await app(ana.id, { status: "interviewing" });
  });

  it("an offer on an interviewing application makes it an offer, with one event", async () => {
    const id = await logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z", "verbal"));
    expect(await statusOf(ana.id, interviewing.id)).toBe("offer");
    const events = await listEvents(db, { userId: ana.id, applicationId: interviewing.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id, kind: "offer_received", note: "verbal", occurredAt: new Date("2026-11-21T09:00:00Z") });
    expect(events[0]).not.toHaveProperty("userId");
    expect(events[0]).not.toHaveProperty("statusBefore");
  });

  it("a rejection on a withdrawn application is refused and writes nothing", async () => {
    const withdrawn = await app(ana.id, { status: "withdrawn" });
    const before = await rawRow(db, "applications", withdrawn.id);
    const result = await logEvent(db, { userId: ana.id, applicationId: withdrawn.id, input: eventInput("rejection_received") });
    expect(result).toMatchObject({ ok: false, reason: "refused", message: expect.stringMatching(/Withdrawn/i) });
    expect(await countRows(db, "events")).toBe(0);
    expect(await rawRow(db, "applications", withdrawn.id)).toEqual(before);
  });

  it("a follow-up leaves the status alone, and so does deleting it", async () => {
    const id = await logOk(db, ana.id, interviewing.id, eventInput("follow_up_sent"));
    expect(await statusOf(ana.id, interviewing.id)).toBe("interviewing");
    expect(await deleteEvent(db, { userId: ana.id, id })).toBe(interviewing.id);
    expect(await statusOf(ana.id, interviewing.id)).toBe("interviewing");
  });

  it("deleting the offer puts the status back", async () => {
    const id = await logOk(db, ana.id, interviewing.id, eventInput("offer_received"));
    expect(await deleteEvent(db, { userId: ana.id, id })).toBe(interviewing.id);
    expect(await statusOf(ana.id, interviewing.id)).toBe("interviewing");
    expect(await listEvents(db, { userId: ana.id, applicationId: interviewing.id })).toEqual([]);
  });

  it("with two offers logged, deleting either one keeps the offer", async () => {
    for (const which of [0, 1]) {
      const application = await app(ana.id, { status: "interviewing" });
      const ids: string[] = [];
      for (const t of ["2026-11-21T09:00:00Z", "2026-11-22T09:00:00Z"]) ids.push(await logOk(db, ana.id, application.id, eventInput("offer_received", t)));
      expect(await deleteEvent(db, { userId: ana.id, id: ids[which] })).toBe(application.id);
      expect(await statusOf(ana.id, application.id), `deleted offer #${which + 1}`).toBe("offer");
      expect((await listEvents(db, { userId: ana.id, applicationId: application.id })).map((e) => e.id)).toEqual([ids[1 - which]]);
    }
  });

  it("deleting both offers, newest first, puts the status back to interviewing", async () => {
    const first = await logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z"));
    const second = await logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-22T09:00:00Z"));
    await deleteEvent(db, { userId: ana.id, id: second });
    await deleteEvent(db, { userId: ana.id, id: first });
    expect(await statusOf(ana.id, interviewing.id)).toBe("interviewing");
  });

  // The order the user deletes in must not decide the status: with no offer
  // event left, "offer" is a trace of the deleted events.
  it("deleting both offers, oldest first, puts the status back to interviewing", async () => {
    const first = await logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z"));
    const second = await logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-22T09:00:00Z"));
    await deleteEvent(db, { userId: ana.id, id: first });
    await deleteEvent(db, { userId: ana.id, id: second });
    expect(await listEvents(db, { userId: ana.id, applicationId: interviewing.id })).toEqual([]);
    expect(await statusOf(ana.id, interviewing.id)).toBe("interviewing");
  });

  it("updateEvent changes the time and note only", async () => {
    const id = await logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z", "verbal"));
    const later = new Date("2026-11-23T16:00:00Z");
    expect(await updateEvent(db, { userId: ana.id, id, input: { occurredAt: later, note: "in writing" } })).toBe(interviewing.id);
    expect(await getEvent(db, { userId: ana.id, id })).toMatchObject({
      id,
      kind: "offer_received",
      applicationId: interviewing.id,
      occurredAt: later,
      note: "in writing",
    });
    expect(await updateEvent(db, { userId: ana.id, id, input: { occurredAt: later } })).toBe(interviewing.id);
    expect((await getEvent(db, { userId: ana.id, id }))?.note).toBeNull();
    expect(await statusOf(ana.id, interviewing.id)).toBe("offer");
  });

  it("offer then withdrawal: deleting the offer keeps withdrawn, then deleting the withdrawal gives interviewing", async () => {
    const offer = await logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z"));
    const withdrawal = await logOk(db, ana.id, interviewing.id, eventInput("withdrawn", "2026-11-22T09:00:00Z"));
    expect(await statusOf(ana.id, interviewing.id)).toBe("withdrawn");
    expect(await statusBeforeOf(db, withdrawal)).toBe("offer");

    expect(await deleteEvent(db, { userId: ana.id, id: offer })).toBe(interviewing.id);
    expect(await statusOf(ana.id, interviewing.id)).toBe("withdrawn");
    // The withdrawal now stands on what the offer stood on.
    expect(await statusBeforeOf(db, withdrawal)).toBe("interviewing");

    expect(await deleteEvent(db, { userId: ana.id, id: withdrawal })).toBe(interviewing.id);
    expect(await statusOf(ana.id, interviewing.id)).toBe("interviewing");
    expect(await listEvents(db, { userId: ana.id, applicationId: interviewing.id })).toEqual([]);
  });

  it("offer then withdrawal: deleting the withdrawal first goes back to the offer, then to interviewing", async () => {
    const offer = await logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z"));
    const withdrawal = await logOk(db, ana.id, interviewing.id, eventInput("withdrawn", "2026-11-22T09:00:00Z"));
    await deleteEvent(db, { userId: ana.id, id: withdrawal });
    expect(await statusOf(ana.id, interviewing.id)).toBe("offer");
    await deleteEvent(db, { userId: ana.id, id: offer });
    expect(await statusOf(ana.id, interviewing.id)).toBe("interviewing");
  });

  it("with two offers, deleting the oldest hands its earlier status to the newest", async () => {
    const first = await logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z"));
    const second = await logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-22T09:00:00Z"));
    expect(await statusBeforeOf(db, second)).toBeNull(); // it moved nothing
    await deleteEvent(db, { userId: ana.id, id: first });
    expect(await statusBeforeOf(db, second)).toBe("interviewing");
    expect(await statusOf(ana.id, interviewing.id)).toBe("offer");
  });

  it("a status changed by hand after the event is not touched by deleting the event", async () => {
    const offer = await logOk(db, ana.id, interviewing.id, eventInput("offer_received"));
    const accepted: ApplicationInput = { company: "Acme", roleTitle: "Engineer", status: "accepted" };
    expect(await updateApplication(db, { userId: ana.id, id: interviewing.id, input: accepted })).toBe(true);
    expect(await deleteEvent(db, { userId: ana.id, id: offer })).toBe(interviewing.id);
    expect(await statusOf(ana.id, interviewing.id)).toBe("accepted");

    const other = await app(ana.id, { status: "interviewing" });
    const rejection = await logOk(db, ana.id, other.id, eventInput("rejection_received"));
    await updateApplication(db, { userId: ana.id, id: other.id, input: { company: "Acme", roleTitle: "Engineer", status: "screening" } });
    await deleteEvent(db, { userId: ana.id, id: rejection });
    expect(await statusOf(ana.id, other.id)).toBe("screening");
  });

  it("an offer logged on a hand-set offer falls back to interviewing with rounds, applied without", async () => {
    const bare = await app(ana.id, { status: "offer" });
    const bareOffer = await logOk(db, ana.id, bare.id, eventInput("offer_received"));
    const withRound = await app(ana.id, { status: "offer" });
    await createRound(db, { userId: ana.id, applicationId: withRound.id, input: roundInput() });
    expect(await statusOf(ana.id, withRound.id)).toBe("offer");
    const roundOffer = await logOk(db, ana.id, withRound.id, eventInput("offer_received"));
    await deleteEvent(db, { userId: ana.id, id: bareOffer });
    await deleteEvent(db, { userId: ana.id, id: roundOffer });
    expect(await statusOf(ana.id, bare.id)).toBe("applied");
    expect(await statusOf(ana.id, withRound.id)).toBe("interviewing");
  });

  it("deleting a rejection logged on a screening application puts it back to screening", async () => {
    const screening = await app(ana.id, { status: "screening" });
    const rejection = await logOk(db, ana.id, screening.id, eventInput("rejection_received"));
    expect(await statusOf(ana.id, screening.id)).toBe("rejected");
    await deleteEvent(db, { userId: ana.id, id: rejection });
    expect(await statusOf(ana.id, screening.id)).toBe("screening");
    expect(await countRows(db, "events")).toBe(0);
  });
});
