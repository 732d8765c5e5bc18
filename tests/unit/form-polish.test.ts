import { describe, expect, it } from "vitest";
import { z } from "zod";
import { meetingLink } from "@/lib/interviews/meeting-link";
import { NO_OUTCOME_LOGGED, roundOutcomeBadges } from "@/lib/interviews/round-outcome";
import { readMoney } from "@/lib/money/amount";
import { applicationSchema } from "@/lib/validation/application";
import { guidanceSettingsFormSchema } from "@/lib/validation/guidance-settings";
import { DEFAULT_GUIDANCE_SETTINGS } from "@/lib/guidance/settings";
import type { ApplicationStatus, EventKind, RoundOutcome } from "@/lib/vocabulary";

const base = { company: "Acme", roleTitle: "Engineer", status: "applied", salaryPeriod: "year" };

function errorsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? {} : (z.flattenError(result.error).fieldErrors as Record<string, string[]>);
}

describe("salary as people type it", () => {
  it.each([
    ["90000", 90000],
    ["90k", 90000],
    ["90K", 90000],
    ["90,000", 90000],
    ["90 000", 90000],
    ["£90,000", 90000],
    ["90.5k", 90500],
    ["$120k", 120000],
    ["1.2m", 1200000],
    [" 85000 ", 85000],
    ["0", 0],
  ])("reads %j as %d", (typed, amount) => {
    const parsed = applicationSchema.parse({ ...base, salaryMin: typed, salaryCurrency: "EUR" });
    expect(parsed.salaryMin).toBe(amount);
  });

  it("fills a blank currency from the symbol or code typed with the amount, and never overrides a chosen one", () => {
    expect(applicationSchema.parse({ ...base, salaryMin: "£90,000" }).salaryCurrency).toBe("GBP");
    expect(applicationSchema.parse({ ...base, salaryMax: "95k EUR" }).salaryCurrency).toBe("EUR");
    expect(applicationSchema.parse({ ...base, salaryMin: "£90,000", salaryCurrency: "usd" }).salaryCurrency).toBe("USD");
    expect(errorsOf(applicationSchema, { ...base, salaryMin: "90k" }).salaryCurrency).toEqual(["Give the currency of the salary."]);
  });

  it.each(["ninety", "90kk", "9O,000", "90,00,0", "k", "12-15", "-5", "1e5", "90k/yr"])(
    "refuses %j with one clear message beside the field",
    (typed) => {
      expect(errorsOf(applicationSchema, { ...base, salaryMin: typed, salaryCurrency: "EUR" }).salaryMin).toEqual([
        "Minimum salary must be an amount like 90,000 or 90k.",
      ]);
    },
  );

  it("refuses fractions of a unit and amounts past the limit, with their own messages", () => {
    expect(errorsOf(applicationSchema, { ...base, salaryMax: "90000.5", salaryCurrency: "EUR" }).salaryMax).toEqual([
      "Maximum salary must be a whole amount, like 90,000 or 90.5k.",
    ]);
    expect(errorsOf(applicationSchema, { ...base, salaryMax: "101m", salaryCurrency: "EUR" }).salaryMax).toEqual([
      "Maximum salary must be at most 100,000,000.",
    ]);
    // 90.5 × 1000 in floating point is 90500.00000000001: still a whole amount.
    expect(readMoney("90.5k")).toEqual({ amount: 90500, currency: null });
  });

  it("keeps the range check between the two boxes", () => {
    expect(errorsOf(applicationSchema, { ...base, salaryMin: "90k", salaryMax: "85,000", salaryCurrency: "EUR" }).salaryMax).toEqual([
      "Maximum salary can't be below the minimum.",
    ]);
  });
});

describe("one message for one problem with a number", () => {
  const form = (value: string) => ({
    ...Object.fromEntries(Object.entries(DEFAULT_GUIDANCE_SETTINGS).map(([k, v]) => [k, String(v)])),
    decisionWaitDays: value,
  });
  it.each([
    ["", "Enter a number."],
    ["   ", "Enter a number."],
    ["soon", "Enter a whole number."],
    ["2.5", "Enter a whole number."],
  ])("answers %j with exactly one message", (value, message) => {
    expect(errorsOf(guidanceSettingsFormSchema, form(value)).decisionWaitDays).toEqual([message]);
  });
});

describe("meetingLink", () => {
  it("links a bare http(s) address, and one inside words, without the sentence's punctuation", () => {
    expect(meetingLink("https://meet.example.com/abc-def")).toEqual({ before: "", href: "https://meet.example.com/abc-def", text: "https://meet.example.com/abc-def", after: "" });
    expect(meetingLink("Zoom: https://zoom.example/j/123?pwd=x.")).toEqual({
      before: "Zoom: ",
      href: "https://zoom.example/j/123?pwd=x",
      text: "https://zoom.example/j/123?pwd=x",
      after: ".",
    });
    expect(meetingLink("(http://intranet.example/room-4)")?.href).toBe("http://intranet.example/room-4");
    expect(meetingLink("HTTPS://Meet.Example.com/X")?.href).toBe("https://meet.example.com/X");
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert('https://x.example')",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://files.example.com",
    "//evil.example/path",
    "meet.example.com/abc",
    "Room 4B, second floor",
    "",
    null,
  ])("never makes %j a link to anything but http(s)", (location) => {
    const link = meetingLink(location);
    if (link) expect(link.href).toMatch(/^https?:\/\//);
    if (location && !/https?:\/\//i.test(location)) expect(link).toBeNull();
  });

  it("refuses an address that does not parse", () => {
    expect(meetingLink("https://exa mple.com")?.href).toBe("https://exa/");
    expect(meetingLink("https://[::1")).toBeNull();
  });
});

describe("roundOutcomeBadges", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  const round = (id: string, iso: string, outcome: RoundOutcome = "pending") => ({ id, scheduledAt: new Date(iso), outcome });
  const event = (kind: EventKind, iso: string) => ({ kind, occurredAt: new Date(iso) });
  const badges = (status: ApplicationStatus, rounds: ReturnType<typeof round>[], events: ReturnType<typeof event>[] = []) =>
    Object.fromEntries([...roundOutcomeBadges(rounds, { status }, events, now)].map(([id, b]) => [id, b.label]));

  const first = round("r1", "2026-11-10T10:00:00Z");
  const second = round("r2", "2026-11-20T10:00:00Z");

  it("says 'Waiting to hear' while the application is open", () => {
    expect(badges("interviewing", [first, second])).toEqual({ r1: "Waiting to hear", r2: "Waiting to hear" });
  });

  it("words the round before a rejection from the rejection, and earlier unset rounds as not logged", () => {
    expect(badges("rejected", [first, second], [event("rejection_received", "2026-11-25T09:00:00Z")])).toEqual({
      r1: NO_OUTCOME_LOGGED,
      r2: "Rejected after this round",
    });
  });

  it("picks the last round before the rejection, not a later one still on the books", () => {
    const after = round("r3", "2026-11-28T10:00:00Z");
    expect(badges("rejected", [first, second, after], [event("rejection_received", "2026-11-25T09:00:00Z")])).toMatchObject({
      r2: "Rejected after this round",
      r3: NO_OUTCOME_LOGGED,
    });
  });

  it("reads 'Offer after this round' on the round an offer followed, earlier unset rounds as moved on, and later ones as not logged", () => {
    const after = round("r3", "2026-11-28T10:00:00Z");
    const offer = [event("offer_received", "2026-11-25T09:00:00Z")];
    expect(badges("offer", [first, second, after], offer)).toEqual({ r1: "Moved on to the next round", r2: "Offer after this round", r3: NO_OUTCOME_LOGGED });
    expect(badges("accepted", [first, second], offer)).toMatchObject({ r2: "Offer after this round" });
    // Status set to offer by hand, no event: the latest round that has happened.
    expect(badges("offer", [first, second])).toMatchObject({ r2: "Offer after this round" });
  });

  it("without a rejection event (status set by hand) uses the latest round that has happened", () => {
    expect(badges("rejected", [first, second])).toEqual({ r1: NO_OUTCOME_LOGGED, r2: "Rejected after this round" });
  });

  it("keeps every outcome the user set, and marks only inferred wording as inferred", () => {
    const set = round("r2", "2026-11-20T10:00:00Z", "advanced");
    const result = roundOutcomeBadges([first, set], { status: "rejected" }, [], now);
    expect(result.get("r2")).toEqual({ label: "Moved on to the next round", tone: "advanced", inferred: false });
    // The rejection followed round 2, whose outcome the user set; round 1 is not the one it ended.
    expect(result.get("r1")).toEqual({ label: NO_OUTCOME_LOGGED, tone: "pending", inferred: true });
  });

  it("says how a withdrawal or ghosting ended things, and gives rounds still to come no badge", () => {
    const future = round("r9", "2026-12-05T10:00:00Z");
    expect(badges("withdrawn", [second, future], [event("withdrawn", "2026-11-26T09:00:00Z")])).toEqual({ r2: "You withdrew after this round" });
    expect(badges("ghosted", [first, second])).toEqual({ r1: NO_OUTCOME_LOGGED, r2: "No answer after this round" });
    expect(badges("interviewing", [second])).toEqual({ r2: "Waiting to hear" });
  });
});
