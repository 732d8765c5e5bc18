import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/api-error";
import { readCursor } from "@/lib/api/cursor";
import { encodeListCursor } from "@/lib/applications/list-cursor";
import { applicationInput, eventInput, instantFrom, roundInput } from "@/lib/api/form-input";
import { RateLimiter, TOKEN_REQUESTS_PER_MINUTE, tokenRateLimit } from "@/lib/api/rate-limit";
import { createApplicationBody, logRoundBody } from "@/lib/api/schemas";
import { APPLICATION_NOTES_MAX } from "@/lib/validation/limits";

const NOW = new Date("2026-12-07T12:00:00Z");
const caller = { timeZone: "America/New_York" };

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("the API's JSON goes through the forms' rules", () => {
  it("takes an application with numbers and nulls as the form would take its text", () => {
    const input = applicationInput({ company: " Acme ", roleTitle: "Engineer", salaryMin: 90000, salaryMax: 100000, salaryCurrency: "usd", salaryPeriod: "year", notes: null }, caller, NOW);
    expect(input).toMatchObject({ company: "Acme", roleTitle: "Engineer", status: "applied", salaryMin: 90000, salaryCurrency: "USD" });
  });

  it("names the fields the form's rules refuse", () => {
    const error = refusal(() => applicationInput({ company: "", roleTitle: "x", salaryMin: 5, salaryMax: 1, appliedOn: "2027-01-01" }, caller, NOW));
    expect(error.status).toBe(422);
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["appliedOn", "company", "salaryCurrency", "salaryMax", "salaryPeriod"]);
    expect(error.fields?.appliedOn).toBe("Applied date can't be in the future.");
  });

  it("reads a round's start with an offset as that instant, and without one in the account's zone", () => {
    const utc = roundInput({ kind: "second", scheduledAt: "2026-12-01T15:00:00Z", signals: ["met_team"] }, caller, NOW);
    const wall = roundInput({ kind: "second", scheduledAt: "2026-12-01T10:00" }, caller, NOW);
    expect(utc.scheduledAt.toISOString()).toBe("2026-12-01T15:00:00.000Z");
    expect(wall.scheduledAt.toISOString()).toBe("2026-12-01T15:00:00.000Z");
    expect(utc.signals).toEqual(["met_team"]);
  });

  it("checks a round's signals and people under the API's names", () => {
    const error = refusal(() => roundInput({ kind: "first", scheduledAt: "2026-12-01T10:00", signals: ["hiring_timeline"], people: ["not-a-uuid"] }, caller, NOW));
    expect(error.fields).toMatchObject({ hiringTimelineOn: expect.any(String), people: "Pick people from the list." });
    const later = refusal(() => roundInput({ kind: "first", scheduledAt: "2026-12-20T10:00", outcome: "advanced" }, caller, NOW));
    expect(Object.keys(later.fields ?? {})).toEqual(["outcome"]);
  });

  it("takes new people met and custom signals", () => {
    const round = roundInput(
      { kind: "panel", scheduledAt: "2026-12-01T10:00", newPeople: [{ name: "Dana Lee", title: "CTO" }, { name: "Sam" }], customSignals: ["asked about notice period"] },
      caller,
      NOW,
    );
    expect(round.newInterviewers).toEqual([{ name: "Dana Lee", title: "CTO" }, { name: "Sam" }]);
    expect(round.customSignals).toEqual(["asked about notice period"]);
  });

  it("refuses an event dated in the future", () => {
    expect(eventInput({ kind: "follow_up_sent", occurredAt: "2026-12-07T11:00:00Z" }, caller, NOW).occurredAt.toISOString()).toBe("2026-12-07T11:00:00.000Z");
    expect(refusal(() => eventInput({ kind: "follow_up_sent", occurredAt: "2026-12-08T11:00:00Z" }, caller, NOW)).fields).toHaveProperty("occurredAt");
  });

  it("reads an instant with or without an offset, and refuses one that is not a time", () => {
    expect(instantFrom("2026-12-08T08:00", "Europe/Berlin", "until").toISOString()).toBe("2026-12-08T07:00:00.000Z");
    expect(instantFrom("2026-12-08T08:00:00+02:00", "Europe/Berlin", "until").toISOString()).toBe("2026-12-08T06:00:00.000Z");
    expect(refusal(() => instantFrom("2026-13-40T08:00", "UTC", "until")).fields).toEqual({ until: expect.any(String) });
  });

  it("takes what the forms take: notes as long as the form allows, and no longer", () => {
    const long = "n".repeat(APPLICATION_NOTES_MAX);
    const parsed = createApplicationBody.parse({ company: "A", roleTitle: "B", notes: long });
    expect(applicationInput(parsed, caller, NOW).notes).toBe(long);
    expect(createApplicationBody.safeParse({ company: "A", roleTitle: "B", notes: `${long}n` }).success).toBe(false);
  });

  it("names an unknown field and a value of the wrong kind", () => {
    const parsed = createApplicationBody.safeParse({ company: "A", roleTitle: 5, colour: "red" });
    expect(parsed.success).toBe(false);
    const round = logRoundBody.safeParse({ kind: "first", scheduledAt: "tomorrow" });
    expect(round.success).toBe(false);
  });
});

describe("cursors", () => {
  it("round-trip, and a made-up, tampered or other sort's one is a 400 naming the cursor", () => {
    const id = "0b9f4c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f";
    const place = { sort: "company", direction: "asc", key: "acme", id, toward: "after", at: 25 } as const;
    expect(readCursor(encodeListCursor(place), "company", "asc")).toEqual(place);
    const json = (body: unknown) => Buffer.from(JSON.stringify(body)).toString("base64url");
    const good = { s: "company", d: "asc", k: "acme", i: id, t: "a", n: 25 };
    const bad = [
      "",
      "abc",
      json({ p: 2 }),
      json({ ...good, k: 7 }),
      json({ ...good, i: "not-an-id" }),
      json({ ...good, n: -1 }),
      json({ ...good, extra: 1 }),
      json({ ...good, s: "updated", k: "2026-01-01" }),
      json({ ...good, s: "excitement", k: 9 }),
      json({ ...good, s: "applied", k: "yesterday" }),
      "x".repeat(2000),
    ];
    for (const text of bad) {
      expect(refusal(() => readCursor(text, "company", "asc")), text).toMatchObject({ status: 400, fields: { cursor: expect.any(String) } });
    }
    // A good cursor for another order names no place in this one.
    expect(refusal(() => readCursor(encodeListCursor(place), "company", "desc"))).toMatchObject({ status: 400 });
    expect(refusal(() => readCursor(encodeListCursor(place), "updated", "desc"))).toMatchObject({ status: 400 });
  });
});

describe("the per-token rate limit", () => {
  it("allows the limit in a window, refuses the next with the seconds left, and opens again", () => {
    const limiter = new RateLimiter(3, 60_000);
    expect([0, 1, 2].map((i) => limiter.take("t", 1000 + i))).toEqual([null, null, null]);
    expect(limiter.take("t", 31_000)).toBe(30);
    expect(limiter.take("other", 31_000)).toBeNull();
    expect(limiter.take("t", 61_000)).toBeNull();
  });
});

describe("the rate's setting", () => {
  it("reads a positive whole number, and keeps the default for anything else", () => {
    expect(tokenRateLimit({ SHORTLIST_TOKEN_RATE_LIMIT: "5000" })).toBe(5000);
    for (const raw of [undefined, "", "0", "-3", "1.5", "lots"]) expect(tokenRateLimit({ SHORTLIST_TOKEN_RATE_LIMIT: raw })).toBe(TOKEN_REQUESTS_PER_MINUTE);
  });
});
