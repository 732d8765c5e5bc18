import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES, EVENT_KINDS, type ApplicationStatus, type EventKind } from "@/db/schema";
import { statusAfterEvent, statusAfterRound } from "@/lib/interviews/status-moves";
import { buildTimeline, numberRounds } from "@/lib/interviews/timeline";
import { relativeTime } from "@/lib/time/relative";
import { localDate, toWallTime, wallTimeToUtc } from "@/lib/time/zoned";

const NOW = new Date("2026-11-25T12:00:00Z");
const at = (iso: string) => new Date(iso);
const LOGGED = at("2026-11-01T00:00:00Z");

const round = (id: string, scheduledAt: string, createdAt = LOGGED) => ({ id, scheduledAt: at(scheduledAt), createdAt });
const event = (id: string, occurredAt: string, createdAt = LOGGED) => ({ id, occurredAt: at(occurredAt), createdAt });

describe("round numbers", () => {
  it("follow the start time, not the order the rounds were logged in", () => {
    const logged = [
      round("final", "2026-11-30T10:00:00Z", at("2026-11-02T00:00:00Z")),
      round("screen", "2026-11-10T10:00:00Z", at("2026-11-20T00:00:00Z")),
      round("tech", "2026-11-20T10:00:00Z", at("2026-11-01T00:00:00Z")),
    ];
    expect(Object.fromEntries(numberRounds(logged))).toEqual({ screen: 1, tech: 2, final: 3 });
  });

  it("break a tie at the same start by when they were logged", () => {
    const numbers = numberRounds([
      round("later", "2026-11-10T10:00:00Z", at("2026-11-05T00:00:00Z")),
      round("earlier", "2026-11-10T10:00:00Z", at("2026-11-04T00:00:00Z")),
    ]);
    expect(numbers.get("earlier")).toBe(1);
    expect(numbers.get("later")).toBe(2);
  });
});

describe("buildTimeline", () => {
  const rounds = [
    round("r3", "2026-12-10T10:00:00Z"),
    round("r1", "2026-11-10T10:00:00Z"),
    round("r4", "2026-12-01T10:00:00Z"),
    round("r2", "2026-11-20T10:00:00Z"),
  ];
  const events = [event("e1", "2026-11-12T09:00:00Z"), event("e2", "2026-11-22T09:00:00Z")];
  const ids = (list: ReturnType<typeof buildTimeline>["past"]) =>
    list.map((e) => (e.type === "round" ? e.round.id : e.event.id));

  it("splits at now: upcoming soonest first, past most recent first", () => {
    const { upcoming, past } = buildTimeline(rounds, events, NOW);
    expect(ids(upcoming)).toEqual(["r4", "r3"]);
    expect(ids(past)).toEqual(["e2", "r2", "e1", "r1"]);
  });

  it("numbers rounds by start across both lists", () => {
    const { upcoming, past } = buildTimeline(rounds, events, NOW);
    const numbers = [...upcoming, ...past].flatMap((e) => (e.type === "round" ? [[e.round.id, e.number]] : []));
    expect(Object.fromEntries(numbers)).toEqual({ r1: 1, r2: 2, r4: 3, r3: 4 });
  });

  it("puts a round starting exactly now in the past", () => {
    const { upcoming, past } = buildTimeline([round("now", NOW.toISOString())], [], NOW);
    expect(upcoming).toEqual([]);
    expect(ids(past)).toEqual(["now"]);
  });

  it("at the same instant an event counts as later than the round, so it leads the past list", () => {
    const instant = "2026-11-20T10:00:00Z";
    // Logged in either order, and whatever the ids, the event still follows the round.
    const eventFirst = buildTimeline([round("z-round", instant, at("2026-11-21T00:00:00Z"))], [event("a-event", instant)], NOW);
    expect(ids(eventFirst.past)).toEqual(["a-event", "z-round"]);
    const roundFirst = buildTimeline([round("a-round", instant)], [event("z-event", instant, at("2026-11-21T00:00:00Z"))], NOW);
    expect(ids(roundFirst.past)).toEqual(["z-event", "a-round"]);
  });
});

describe("statusAfterEvent", () => {
  const move = (status: ApplicationStatus, kind: EventKind) => statusAfterEvent(status, kind);

  it("an offer moves an open application to offer", () => {
    for (const status of ["applied", "screening", "interviewing", "offer", "ghosted"] as const) {
      expect(move(status, "offer_received"), status).toEqual({ ok: true, status: "offer" });
    }
    expect(move("interviewing", "rejection_received")).toEqual({ ok: true, status: "rejected" });
    expect(move("offer", "withdrawn")).toEqual({ ok: true, status: "withdrawn" });
  });

  it("closed applications refuse every status-setting event", () => {
    for (const status of ["accepted", "rejected", "withdrawn"] as const) {
      for (const kind of ["offer_received", "rejection_received", "withdrawn"] as const) {
        const result = move(status, kind);
        expect(result.ok, `${kind} on ${status}`).toBe(false);
      }
    }
    expect(move("withdrawn", "rejection_received")).toMatchObject({ ok: false, message: expect.stringMatching(/edit the status first/) });
  });

  it("a saved application can be withdrawn, but takes no offer or rejection", () => {
    expect(move("saved", "withdrawn")).toEqual({ ok: true, status: "withdrawn" });
    expect(move("saved", "offer_received")).toMatchObject({ ok: false, message: expect.stringMatching(/Mark it applied first/) });
    expect(move("saved", "rejection_received").ok).toBe(false);
  });

  it("other events leave every status alone", () => {
    const quiet = EVENT_KINDS.filter((k) => !["offer_received", "rejection_received", "withdrawn"].includes(k));
    expect(quiet).toHaveLength(4);
    for (const status of APPLICATION_STATUSES) {
      for (const kind of quiet) expect(move(status, kind), `${kind} on ${status}`).toEqual({ ok: true, status });
    }
  });
});

describe("statusAfterRound", () => {
  it("starts the process for applications that hadn't reached interviews", () => {
    expect(statusAfterRound("applied", "first")).toBe("interviewing");
    expect(statusAfterRound("applied", "screen")).toBe("screening");
    expect(statusAfterRound("saved", "technical")).toBe("interviewing");
    expect(statusAfterRound("ghosted", "screen")).toBe("screening");
    expect(statusAfterRound("screening", "final")).toBe("interviewing");
  });

  it("keeps later stages and closed applications where they are", () => {
    expect(statusAfterRound("interviewing", "screen")).toBe("interviewing");
    expect(statusAfterRound("offer", "final")).toBe("offer");
    expect(statusAfterRound("rejected", "first")).toBe("rejected");
    expect(statusAfterRound("accepted", "other")).toBe("accepted");
    expect(statusAfterRound("withdrawn", "screen")).toBe("withdrawn");
  });
});

describe("relativeTime", () => {
  const later = (ms: number) => new Date(NOW.getTime() + ms);
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  const DAY = 24 * HOUR;

  it("speaks in days both ways", () => {
    expect(relativeTime(later(2 * DAY), NOW)).toBe("in 2 days");
    expect(relativeTime(later(-8 * DAY), NOW)).toBe("8 days ago");
  });

  it("calls anything within a minute 'just now'", () => {
    expect(relativeTime(NOW, NOW)).toBe("just now");
    expect(relativeTime(later(59_999), NOW)).toBe("just now");
    expect(relativeTime(later(-59_999), NOW)).toBe("just now");
    expect(relativeTime(later(MIN), NOW)).toBe("in 1 minute");
  });

  it("never rounds up into the next unit's boundary", () => {
    expect(relativeTime(later(59.7 * MIN), NOW)).toBe("in 59 minutes");
    expect(relativeTime(later(-59.7 * MIN), NOW)).toBe("59 minutes ago");
    expect(relativeTime(later(23.7 * HOUR), NOW)).toBe("in 23 hours");
    expect(relativeTime(later(-23.9 * HOUR), NOW)).toBe("23 hours ago");
    expect(relativeTime(later(HOUR), NOW)).toBe("in 1 hour");
  });

  it("moves on to months and years", () => {
    expect(relativeTime(later(60 * DAY), NOW)).toBe("in 2 months");
    expect(relativeTime(later(-400 * DAY), NOW)).toBe("1 year ago");
  });
});

describe("wall times and zones", () => {
  it("refuses months and days that don't exist", () => {
    for (const bad of ["2026-13-01T10:00", "2026-11-31T10:00", "2026-02-29T10:00", "2026-00-10T10:00", "2026-11-20T24:00", "tomorrow"]) {
      expect(wallTimeToUtc(bad, "UTC"), bad).toBeNull();
    }
    expect(wallTimeToUtc("2028-02-29T10:00", "UTC")?.toISOString()).toBe("2028-02-29T10:00:00.000Z");
  });

  it("refuses years below 1000 instead of reading them as 19xx", () => {
    for (const bad of ["0075-06-01T10:00", "0000-01-01T00:00", "0099-12-31T23:59", "0999-12-31T23:59"]) {
      expect(wallTimeToUtc(bad, "UTC"), bad).toBeNull();
      expect(wallTimeToUtc(bad, "Europe/Berlin"), `${bad} Berlin`).toBeNull();
    }
    expect(wallTimeToUtc("1000-01-01T00:00", "UTC")?.toISOString()).toBe("1000-01-01T00:00:00.000Z");
    expect(wallTimeToUtc("1975-06-01T10:00", "UTC")?.toISOString()).toBe("1975-06-01T10:00:00.000Z");
  });

  it("round-trips through toWallTime in several zones", () => {
    for (const zone of ["UTC", "Europe/Berlin", "America/Los_Angeles", "Asia/Kolkata", "Pacific/Auckland"]) {
      for (const wall of ["2026-01-15T08:05", "2026-07-01T23:59", "2026-11-20T00:00"]) {
        const instant = wallTimeToUtc(wall, zone);
        expect(instant, `${wall} ${zone}`).not.toBeNull();
        expect(toWallTime(instant!, zone), `${wall} ${zone}`).toBe(wall);
      }
    }
  });

  it("moves a time skipped by the spring change forward by the gap", () => {
    const instant = wallTimeToUtc("2026-03-29T02:30", "Europe/Berlin");
    expect(instant).not.toBeNull();
    expect(Number.isNaN(instant!.getTime())).toBe(false);
    expect(instant!.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(toWallTime(instant!, "Europe/Berlin")).toBe("2026-03-29T03:30");
  });

  it("gives the local calendar date, which can differ from the UTC one", () => {
    const instant = wallTimeToUtc("2026-11-20T20:00", "America/Los_Angeles")!;
    expect(instant.toISOString().slice(0, 10)).toBe("2026-11-21");
    expect(localDate(instant, "America/Los_Angeles")).toBe("2026-11-20");
  });
});
