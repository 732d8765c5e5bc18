import { describe, expect, it } from "vitest";
import { z } from "zod";
import { localDate } from "@/lib/time/zoned";
import { APPLIED_LONG_AGO_MESSAGE, appliedDateProblem, yearsBefore } from "@/lib/validation/applied-date";
import { applicationSchema, applicationSchemaFor } from "@/lib/validation/application";

const base = { company: "Acme", roleTitle: "Engineer", status: "applied" };
const TODAY = "2026-12-07";
const check = (appliedOn: string, extra: { confirmed?: boolean; before?: string | null } = {}) =>
  appliedDateProblem(appliedOn, { today: TODAY, confirmed: extra.confirmed ?? false, before: extra.before ?? null });

function appliedErrors(input: Record<string, string>, today = TODAY) {
  const result = applicationSchemaFor(undefined, { today }).safeParse({ ...base, ...input });
  return result.success ? undefined : z.flattenError(result.error).fieldErrors.appliedOn;
}

describe("the applied date's checks", () => {
  it("takes today and refuses tomorrow", () => {
    expect(check("2026-12-07")).toBeNull();
    expect(check("2026-12-08")).toBe("Applied date can't be in the future.");
    expect(check("2099-01-01")).toBe("Applied date can't be in the future.");
  });

  it("asks for a second look past two years, and a tick or the saved date settles it", () => {
    expect(check("2024-12-07")).toBeNull();
    expect(check("2024-12-06")).toBe(APPLIED_LONG_AGO_MESSAGE);
    expect(check("2024-12-06", { confirmed: true })).toBeNull();
    expect(check("2024-12-06", { before: "2024-12-06" })).toBeNull();
    expect(check("2024-12-06", { before: "2024-12-05" })).toBe(APPLIED_LONG_AGO_MESSAGE);
  });

  it("a future date is refused even when ticked", () => {
    expect(check("2027-01-01", { confirmed: true })).toBe("Applied date can't be in the future.");
  });

  it("counts two years back from 29 February to 28 February", () => {
    expect(yearsBefore("2028-02-29", 2)).toBe("2026-02-28");
  });

  it("judges “the future” by the user's own day: late evening in Los Angeles is already tomorrow in UTC", () => {
    const now = new Date("2026-12-08T05:30:00Z");
    const la = localDate(now, "America/Los_Angeles");
    expect(la).toBe("2026-12-07");
    expect(appliedErrors({ appliedOn: "2026-12-08" }, la)).toEqual(["Applied date can't be in the future."]);
    expect(appliedErrors({ appliedOn: "2026-12-08" }, localDate(now, "Asia/Tokyo"))).toBeUndefined();
  });

  it("the form's schema reads the tick and the saved date, and saves neither", () => {
    expect(appliedErrors({ appliedOn: "2020-01-01" })).toEqual([APPLIED_LONG_AGO_MESSAGE]);
    const ticked = applicationSchemaFor(undefined, { today: TODAY }).parse({ ...base, appliedOn: "2020-01-01", appliedOnConfirmed: "on" });
    expect(ticked.appliedOn).toBe("2020-01-01");
    expect(appliedErrors({ appliedOn: "2020-01-01", appliedOnBefore: "2020-01-01" })).toBeUndefined();
  });

  it("imports are not asked: the schema without today takes any real date", () => {
    expect(applicationSchema.safeParse({ ...base, appliedOn: "2099-01-01" }).success).toBe(true);
  });
});

describe("pay periods", () => {
  it.each(["year", "month", "week", "day", "hour"])("takes %s", (period) => {
    expect(applicationSchema.parse({ ...base, salaryMin: "500", salaryCurrency: "GBP", salaryPeriod: period }).salaryPeriod).toBe(period);
  });
});
