import { describe, expect, it } from "vitest";
import { z } from "zod";
import { applicationSchema } from "@/lib/validation/application";
import { applicationFilterSchema, applicationsHref } from "@/lib/validation/application-filter";
import { pageWindow } from "@/lib/applications/page-window";
import { changePasswordSchema, signInSchema, signUpSchema } from "@/lib/validation/auth";
import { importOptionsSchema } from "@/lib/validation/import-options";

const base = { company: "Acme", roleTitle: "Engineer", status: "applied" };

function errorsOf(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? {} : (z.flattenError(result.error).fieldErrors as Record<string, string[]>);
}

describe("applicationSchema", () => {
  it("accepts the minimum: company, role and status, with blank optional fields", () => {
    const parsed = applicationSchema.parse({ ...base, location: "", salaryMin: "", appliedOn: "", notes: "  " });
    expect(parsed).toEqual({ company: "Acme", roleTitle: "Engineer", status: "applied" });
  });

  it("requires company and role and names each field", () => {
    const errors = errorsOf(applicationSchema, { status: "applied", company: "   " });
    expect(errors.company).toEqual(["Company is required."]);
    expect(errors.roleTitle).toEqual(["Role title is required."]);
  });

  it("bounds company at 120 characters", () => {
    expect(applicationSchema.safeParse({ ...base, company: "x".repeat(120) }).success).toBe(true);
    expect(errorsOf(applicationSchema, { ...base, company: "x".repeat(121) }).company).toEqual([
      "Company must be at most 120 characters.",
    ]);
  });

  it("bounds notes at 20,000 characters (a pasted job description), and a huge string is an error, not a crash", () => {
    expect(applicationSchema.safeParse({ ...base, notes: "n".repeat(20_000) }).success).toBe(true);
    expect(errorsOf(applicationSchema, { ...base, notes: "n".repeat(20_001) }).notes).toEqual(["Notes must be at most 20,000 characters."]);
    expect(errorsOf(applicationSchema, { ...base, notes: "n".repeat(1_000_000) }).notes?.[0]).toMatch(/at most 20,000 characters/);
  });

  it("keeps excitement within 1 to 5", () => {
    for (const ok of ["1", "5"]) expect(applicationSchema.safeParse({ ...base, excitement: ok }).success).toBe(true);
    for (const bad of ["0", "6", "2.5", "lots"]) {
      expect(errorsOf(applicationSchema, { ...base, excitement: bad }).excitement, bad).toBeDefined();
    }
  });

  it("refuses impossible and garbage dates with a message", () => {
    expect(applicationSchema.parse({ ...base, appliedOn: "2024-02-29" }).appliedOn).toBe("2024-02-29");
    expect(errorsOf(applicationSchema, { ...base, appliedOn: "2023-02-29" }).appliedOn).toEqual(["Applied date is not a real date."]);
    expect(errorsOf(applicationSchema, { ...base, appliedOn: "yesterday" }).appliedOn?.[0]).toMatch(/like 2026-03-14/);
    expect(errorsOf(applicationSchema, { ...base, appliedOn: "1969-12-31" }).appliedOn?.[0]).toMatch(/between 1970 and 2100/);
  });

  it("reads salaries as whole numbers, with separators, and checks the range", () => {
    const parsed = applicationSchema.parse({ ...base, salaryMin: "70,000", salaryMax: "85 000", salaryCurrency: "eur", salaryPeriod: "year" });
    expect(parsed).toMatchObject({ salaryMin: 70000, salaryMax: 85000, salaryCurrency: "EUR" });
    const reversed = errorsOf(applicationSchema, { ...base, salaryMin: "90000", salaryMax: "80000", salaryCurrency: "EUR", salaryPeriod: "year" });
    expect(reversed.salaryMax).toEqual(["Maximum salary can't be below the minimum."]);
    const equal = applicationSchema.safeParse({ ...base, salaryMin: "80000", salaryMax: "80000", salaryCurrency: "EUR", salaryPeriod: "year" });
    expect(equal.success).toBe(true);
    expect(errorsOf(applicationSchema, { ...base, salaryMin: "-1" }).salaryMin).toEqual(["Minimum salary must be an amount like 90,000 or 90k."]);
    expect(errorsOf(applicationSchema, { ...base, salaryMin: "12.5" }).salaryMin).toEqual(["Minimum salary must be a whole amount, like 90,000 or 90.5k."]);
  });

  it("asks for currency and period once a salary is given", () => {
    const errors = errorsOf(applicationSchema, { ...base, salaryMin: "50000" });
    expect(errors.salaryCurrency).toEqual(["Give the currency of the salary."]);
    expect(errors.salaryPeriod).toBeDefined();
    expect(errorsOf(applicationSchema, { ...base, salaryCurrency: "EURO" }).salaryCurrency?.[0]).toMatch(/three-letter/);
  });

  it("accepts only http(s) posting URLs", () => {
    expect(applicationSchema.safeParse({ ...base, postingUrl: "https://jobs.example.com/1" }).success).toBe(true);
    for (const bad of ["javascript:alert(1)", "ftp://example.com", "not a url"]) {
      expect(errorsOf(applicationSchema, { ...base, postingUrl: bad }).postingUrl, bad).toBeDefined();
    }
  });

  it("answers wrong types and unknown enum values with field messages", () => {
    const errors = errorsOf(applicationSchema, { company: 42, roleTitle: ["a"], status: "hired", workMode: "moon" });
    expect(Object.keys(errors).sort()).toEqual(["company", "roleTitle", "status", "workMode"]);
    expect(errors.status).toEqual(["Choose a status from the list."]);
  });
});

describe("auth schemas", () => {
  it("sign-up takes passwords of 8 to 128 characters with no composition rules", () => {
    const ok = (password: string) => signUpSchema.safeParse({ name: "A", email: "a@example.com", password }).success;
    expect(ok("abcdefgh")).toBe(true);
    expect(ok("x".repeat(128))).toBe(true);
    expect(ok("abcdefg")).toBe(false);
    expect(ok("x".repeat(129))).toBe(false);
  });

  it("normalises the email and refuses a malformed one", () => {
    expect(signInSchema.parse({ email: "  Ana@Example.COM ", password: "x" }).email).toBe("ana@example.com");
    expect(errorsOf(signInSchema, { email: "ana@", password: "x" }).email?.[0]).toMatch(/valid email/);
  });

  it("change password needs the two new passwords to match", () => {
    const errors = errorsOf(changePasswordSchema, { currentPassword: "old", newPassword: "new password 1", confirmPassword: "new password 2" });
    expect(errors.confirmPassword).toEqual(["The two new passwords do not match."]);
  });
});

describe("applicationFilterSchema", () => {
  const defaults = { sort: "updated", size: 50 };

  it("falls back to defaults for unexpected query values", () => {
    expect(applicationFilterSchema.parse({ status: "hired", sort: "random", archived: "yes" })).toEqual(defaults);
    expect(applicationFilterSchema.parse({ status: ["offer", "saved"], sort: "company", archived: "1", q: "acme" })).toEqual({
      ...defaults,
      status: "offer",
      sort: "company",
      archived: "1",
      q: "acme",
    });
  });

  it("cuts an overlong search to its first 200 characters instead of dropping it", () => {
    const long = `acme ${"x".repeat(400)}`;
    expect(applicationFilterSchema.parse({ q: long }).q).toBe(long.slice(0, 200));
    expect(applicationFilterSchema.parse({ q: [long, "other"] }).q).toBe(long.slice(0, 200));
  });

  it("reads the list's filters and paging, and ignores junk in each", () => {
    expect(applicationFilterSchema.parse({ overdue: "1", soon: "1", stars: "4", sort: "next-step", cursor: "abc", size: "100" })).toEqual({
      overdue: "1",
      soon: "1",
      stars: 4,
      sort: "next-step",
      cursor: "abc",
      size: 100,
    });
    for (const junk of [{ stars: "0" }, { stars: "6" }, { stars: "2.5" }, { stars: "lots" }, { overdue: "yes" }, { soon: "true" }]) {
      expect(applicationFilterSchema.parse(junk), JSON.stringify(junk)).toEqual(defaults);
    }
    for (const cursor of ["", "x".repeat(1001), ["", "x"]]) {
      expect(applicationFilterSchema.parse({ cursor }).cursor, String(cursor)).toBeUndefined();
    }
    for (const size of ["10", "49", "1000", "fifty"]) {
      expect(applicationFilterSchema.parse({ size }).size, size).toBe(50);
    }
    expect(applicationFilterSchema.parse({ size: "25" }).size).toBe(25);
  });

  it("builds links that keep the filters, drop the defaults and round-trip", () => {
    const f = applicationFilterSchema.parse({ q: "a&b", status: "ghosted", overdue: "1", stars: "3", sort: "company", size: "25", cursor: "old" });
    const href = applicationsHref(f, "eyJz-_");
    expect(href).toBe("/applications?q=a%26b&status=ghosted&overdue=1&stars=3&sort=company&size=25&cursor=eyJz-_");
    const back = applicationFilterSchema.parse(Object.fromEntries(new URL(href, "http://x").searchParams));
    expect(back).toEqual({ ...f, cursor: "eyJz-_" });
    expect(applicationsHref(applicationFilterSchema.parse({}))).toBe("/applications");
    expect(applicationsHref(applicationFilterSchema.parse({ cursor: "eyJz" }), null)).toBe("/applications");
  });
});

describe("pageWindow", () => {
  it("offers the ends and the pages near the current one, with gaps marked", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(1, 10)).toEqual([1, 2, 3, null, 10]);
    expect(pageWindow(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 10]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageWindow(6, 12)).toEqual([1, null, 4, 5, 6, 7, 8, null, 12]);
    expect(pageWindow(12, 12)).toEqual([1, null, 10, 11, 12]);
  });
});

describe("importOptionsSchema", () => {
  it("answers choices of the wrong shape (as a hand-made request sends) in words, not zod's", () => {
    const first = (input: unknown) => {
      const result = importOptionsSchema.safeParse(input);
      return result.success ? null : result.error.issues[0].message;
    };
    for (const input of [[], null, "x", { mapping: "x" }, { statuses: [] }]) expect(first(input)).toMatch(/^The column and status choices couldn't be read/);
    expect(first({ mapping: ["nonsense"] })).toBe("Choose a field from the list for every column.");
    expect(first({ statuses: { waiting: "hired" } })).toBe("Choose a status from the list for every stage.");
    expect(first({ mapping: ["company", "ignore"], statuses: { waiting: "ghosted" } })).toBeNull();
  });
});
