import { beforeEach, describe, expect, it } from "vitest";
import type Database from "better-sqlite3";
import type { Db } from "@/db/open";
import { createApplication, getApplication, updateApplication, type ApplicationView } from "@/lib/data/applications";
import { deleteEvent, getEvent, listEvents, logEvent, updateEvent } from "@/lib/data/events";
import { createRound } from "@/lib/data/rounds";
import type { ApplicationInput } from "@/lib/validation/application";
import { countRows, eventInput, logOk, rawRow, roundInput, statusBeforeOf, twoUsers } from "./support/rounds";

let db: Db;
let sqlite: Database.Database;
let ana: { id: string };

const app = (userId: string, over: Partial<ApplicationInput> = {}) =>
  createApplication(db, userId, { company: "Acme", roleTitle: "Engineer", status: "applied", ...over });
const statusOf = (userId: string, id: string) => getApplication(db, userId, id)?.status;

beforeEach(async () => {
  ({ db, sqlite, ana } = await twoUsers());
});

describe("events move the status", () => {
  let interviewing: ApplicationView;
  beforeEach(() => {
    interviewing = app(ana.id, { status: "interviewing" });
  });

  it("an offer on an interviewing application makes it an offer, with one event", () => {
    const id = logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z", "verbal"));
    expect(statusOf(ana.id, interviewing.id)).toBe("offer");
    const events = listEvents(db, ana.id, interviewing.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id, kind: "offer_received", note: "verbal", occurredAt: new Date("2026-11-21T09:00:00Z") });
    expect(events[0]).not.toHaveProperty("userId");
    expect(events[0]).not.toHaveProperty("statusBefore");
  });

  it("a rejection on a withdrawn application is refused and writes nothing", () => {
    const withdrawn = app(ana.id, { status: "withdrawn" });
    const before = rawRow(sqlite, "applications", withdrawn.id);
    const result = logEvent(db, ana.id, withdrawn.id, eventInput("rejection_received"));
    expect(result).toMatchObject({ ok: false, reason: "refused", message: expect.stringMatching(/Withdrawn/i) });
    expect(countRows(sqlite, "events")).toBe(0);
    expect(rawRow(sqlite, "applications", withdrawn.id)).toEqual(before);
  });

  it("a follow-up leaves the status alone, and so does deleting it", () => {
    const id = logOk(db, ana.id, interviewing.id, eventInput("follow_up_sent"));
    expect(statusOf(ana.id, interviewing.id)).toBe("interviewing");
    expect(deleteEvent(db, ana.id, id)).toBe(interviewing.id);
    expect(statusOf(ana.id, interviewing.id)).toBe("interviewing");
  });

  it("deleting the offer puts the status back", () => {
    const id = logOk(db, ana.id, interviewing.id, eventInput("offer_received"));
    expect(deleteEvent(db, ana.id, id)).toBe(interviewing.id);
    expect(statusOf(ana.id, interviewing.id)).toBe("interviewing");
    expect(listEvents(db, ana.id, interviewing.id)).toEqual([]);
  });

  it("with two offers logged, deleting either one keeps the offer", () => {
    for (const which of [0, 1]) {
      const application = app(ana.id, { status: "interviewing" });
      const ids = ["2026-11-21T09:00:00Z", "2026-11-22T09:00:00Z"].map((t) => logOk(db, ana.id, application.id, eventInput("offer_received", t)));
      expect(deleteEvent(db, ana.id, ids[which])).toBe(application.id);
      expect(statusOf(ana.id, application.id), `deleted offer #${which + 1}`).toBe("offer");
      expect(listEvents(db, ana.id, application.id).map((e) => e.id)).toEqual([ids[1 - which]]);
    }
  });

  it("deleting both offers, newest first, puts the status back to interviewing", () => {
    const first = logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z"));
    const second = logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-22T09:00:00Z"));
    deleteEvent(db, ana.id, second);
    deleteEvent(db, ana.id, first);
    expect(statusOf(ana.id, interviewing.id)).toBe("interviewing");
  });

  // The order the user deletes in must not decide the status: with no offer
  // event left, "offer" is a trace of the deleted events.
  it("deleting both offers, oldest first, puts the status back to interviewing", () => {
    const first = logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z"));
    const second = logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-22T09:00:00Z"));
    deleteEvent(db, ana.id, first);
    deleteEvent(db, ana.id, second);
    expect(listEvents(db, ana.id, interviewing.id)).toEqual([]);
    expect(statusOf(ana.id, interviewing.id)).toBe("interviewing");
  });

  it("updateEvent changes the time and note only", () => {
    const id = logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z", "verbal"));
    const later = new Date("2026-11-23T16:00:00Z");
    expect(updateEvent(db, ana.id, id, { occurredAt: later, note: "in writing" })).toBe(interviewing.id);
    expect(getEvent(db, ana.id, id)).toMatchObject({ id, kind: "offer_received", applicationId: interviewing.id, occurredAt: later, note: "in writing" });
    expect(updateEvent(db, ana.id, id, { occurredAt: later })).toBe(interviewing.id);
    expect(getEvent(db, ana.id, id)?.note).toBeNull();
    expect(statusOf(ana.id, interviewing.id)).toBe("offer");
  });

  it("offer then withdrawal: deleting the offer keeps withdrawn, then deleting the withdrawal gives interviewing", () => {
    const offer = logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z"));
    const withdrawal = logOk(db, ana.id, interviewing.id, eventInput("withdrawn", "2026-11-22T09:00:00Z"));
    expect(statusOf(ana.id, interviewing.id)).toBe("withdrawn");
    expect(statusBeforeOf(sqlite, withdrawal)).toBe("offer");

    expect(deleteEvent(db, ana.id, offer)).toBe(interviewing.id);
    expect(statusOf(ana.id, interviewing.id)).toBe("withdrawn");
    // The withdrawal now stands on what the offer stood on.
    expect(statusBeforeOf(sqlite, withdrawal)).toBe("interviewing");

    expect(deleteEvent(db, ana.id, withdrawal)).toBe(interviewing.id);
    expect(statusOf(ana.id, interviewing.id)).toBe("interviewing");
    expect(listEvents(db, ana.id, interviewing.id)).toEqual([]);
  });

  it("offer then withdrawal: deleting the withdrawal first goes back to the offer, then to interviewing", () => {
    const offer = logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z"));
    const withdrawal = logOk(db, ana.id, interviewing.id, eventInput("withdrawn", "2026-11-22T09:00:00Z"));
    deleteEvent(db, ana.id, withdrawal);
    expect(statusOf(ana.id, interviewing.id)).toBe("offer");
    deleteEvent(db, ana.id, offer);
    expect(statusOf(ana.id, interviewing.id)).toBe("interviewing");
  });

  it("with two offers, deleting the oldest hands its earlier status to the newest", () => {
    const first = logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-21T09:00:00Z"));
    const second = logOk(db, ana.id, interviewing.id, eventInput("offer_received", "2026-11-22T09:00:00Z"));
    expect(statusBeforeOf(sqlite, second)).toBeNull(); // it moved nothing
    deleteEvent(db, ana.id, first);
    expect(statusBeforeOf(sqlite, second)).toBe("interviewing");
    expect(statusOf(ana.id, interviewing.id)).toBe("offer");
  });

  it("a status changed by hand after the event is not touched by deleting the event", () => {
    const offer = logOk(db, ana.id, interviewing.id, eventInput("offer_received"));
    expect(updateApplication(db, ana.id, interviewing.id, { company: "Acme", roleTitle: "Engineer", status: "accepted" })).toBe(true);
    expect(deleteEvent(db, ana.id, offer)).toBe(interviewing.id);
    expect(statusOf(ana.id, interviewing.id)).toBe("accepted");

    const other = app(ana.id, { status: "interviewing" });
    const rejection = logOk(db, ana.id, other.id, eventInput("rejection_received"));
    updateApplication(db, ana.id, other.id, { company: "Acme", roleTitle: "Engineer", status: "screening" });
    deleteEvent(db, ana.id, rejection);
    expect(statusOf(ana.id, other.id)).toBe("screening");
  });

  it("an offer logged on a hand-set offer falls back to interviewing with rounds, applied without", () => {
    const bare = app(ana.id, { status: "offer" });
    const bareOffer = logOk(db, ana.id, bare.id, eventInput("offer_received"));
    const withRound = app(ana.id, { status: "offer" });
    createRound(db, ana.id, withRound.id, roundInput());
    expect(statusOf(ana.id, withRound.id)).toBe("offer");
    const roundOffer = logOk(db, ana.id, withRound.id, eventInput("offer_received"));
    deleteEvent(db, ana.id, bareOffer);
    deleteEvent(db, ana.id, roundOffer);
    expect(statusOf(ana.id, bare.id)).toBe("applied");
    expect(statusOf(ana.id, withRound.id)).toBe("interviewing");
  });

  it("deleting a rejection logged on a screening application puts it back to screening", () => {
    const screening = app(ana.id, { status: "screening" });
    const rejection = logOk(db, ana.id, screening.id, eventInput("rejection_received"));
    expect(statusOf(ana.id, screening.id)).toBe("rejected");
    deleteEvent(db, ana.id, rejection);
    expect(statusOf(ana.id, screening.id)).toBe("screening");
    expect(countRows(sqlite, "events")).toBe(0);
  });
});
