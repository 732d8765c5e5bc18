import { z } from "zod";
import { APPLICATION_STATUSES, SALARY_PERIODS, WORK_MODES } from "@/lib/vocabulary";
import type { DateFormat } from "@/lib/time/formats";
import { readMoney } from "@/lib/money/amount";
import { optionalAmount, optionalEnum, optionalInt, optionalIsoDate, optionalText, requiredText } from "./fields";
import { appliedDateProblem, type AppliedDateCheck } from "./applied-date";
import { APPLICATION_NOTES_MAX } from "./limits";

export const MAX_SALARY = 100_000_000;

/**
 * "£90,000" says the currency too: when the currency box is blank, the
 * symbol or code typed with an amount fills it.
 */
function currencyFromAmounts(input: unknown): unknown {
  if (typeof input !== "object" || input === null) return input;
  const v = input as Record<string, unknown>;
  if (typeof v.salaryCurrency === "string" && v.salaryCurrency.trim() !== "") return input;
  for (const key of ["salaryMin", "salaryMax"]) {
    const text = v[key];
    const currency = typeof text === "string" ? readMoney(text)?.currency : null;
    if (currency) return { ...v, salaryCurrency: currency };
  }
  return input;
}

const blankToUndefinedText = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/**
 * The application form's fields; with the user's `formats`, the applied date
 * is read and explained their way; with `dates`, it is checked against the
 * user's today (imports take the file's dates as they are).
 */
const applicationFields = (formats?: DateFormat, dates?: Omit<AppliedDateCheck, "confirmed" | "before">) => z
  .object({
    company: requiredText("Company", 120),
    roleTitle: requiredText("Role title", 120),
    location: optionalText("Location", 120),
    workMode: optionalEnum("Work mode", WORK_MODES),
    postingUrl: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z
        .string({ error: "Job posting URL must be text." })
        .trim()
        .max(2000, "Job posting URL must be at most 2,000 characters.")
        .pipe(z.url({ protocol: /^https?$/, error: "Enter a full web address starting with https://" }))
        .optional(),
    ),
    source: optionalText("Source", 80),
    salaryMin: optionalAmount("Minimum salary", MAX_SALARY),
    salaryMax: optionalAmount("Maximum salary", MAX_SALARY),
    salaryCurrency: z.preprocess(
      (v) => (typeof v === "string" ? v.trim().toUpperCase() || undefined : v),
      z
        .string({ error: "Currency must be text." })
        .regex(/^[A-Z]{3}$/, "Currency must be a three-letter code such as USD or EUR.")
        .optional(),
    ),
    salaryPeriod: optionalEnum("Pay period", SALARY_PERIODS),
    status: z.enum(APPLICATION_STATUSES, { error: "Choose a status from the list." }),
    appliedOn: optionalIsoDate("Applied date", formats),
    excitement: optionalInt("Excitement", 1, 5),
    notes: optionalText("Notes", APPLICATION_NOTES_MAX),
    // The form's second look at a long-ago applied date (applied-date.ts); never saved.
    appliedOnConfirmed: z.preprocess((v) => (v === "on" || v === "true" || v === true ? true : undefined), z.literal(true).optional()),
    appliedOnBefore: z.preprocess(blankToUndefinedText, z.string().max(10).optional()),
  })
  .superRefine((v, ctx) => {
    const problem = dates
      ? appliedDateProblem(v.appliedOn, { ...dates, confirmed: v.appliedOnConfirmed === true, before: v.appliedOnBefore ?? null })
      : null;
    if (problem) ctx.addIssue({ code: "custom", path: ["appliedOn"], message: problem });
    if (v.salaryMin !== undefined && v.salaryMax !== undefined && v.salaryMax < v.salaryMin) {
      ctx.addIssue({ code: "custom", path: ["salaryMax"], message: "Maximum salary can't be below the minimum." });
    }
    const hasSalary = v.salaryMin !== undefined || v.salaryMax !== undefined;
    if (hasSalary && !v.salaryCurrency) {
      ctx.addIssue({ code: "custom", path: ["salaryCurrency"], message: "Give the currency of the salary." });
    }
    if (hasSalary && !v.salaryPeriod) {
      ctx.addIssue({ code: "custom", path: ["salaryPeriod"], message: "Say whether the salary is per year, month, week, day or hour." });
    }
  });

/** The application form, reading "£90,000" as an amount and a currency; `dates` adds the applied-date checks. */
export const applicationSchemaFor = (formats?: DateFormat, dates?: { today: string }) =>
  z.preprocess(currencyFromAmounts, applicationFields(formats, dates));

/** As imports read rows: dates are already ISO by then. */
export const applicationSchema = applicationSchemaFor();

export type ApplicationInput = z.infer<ReturnType<typeof applicationFields>>;
export type ApplicationField = keyof ApplicationInput;
