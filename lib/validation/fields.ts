import { z } from "zod";
import type { DateFormat } from "@/lib/time/formats";
import { typedDateTimeToWall, typedDateToIso } from "@/lib/time/typed-dates";
import { readMoney } from "@/lib/money/amount";
import { canonicalTimeZone, toWallTime, wallTimeToUtc } from "@/lib/time/zoned";

// Form values arrive as strings (or File objects, if someone posts by hand).
// These helpers turn "" into "absent" and give every failure a plain message.

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

/**
 * NUL and the other control characters (C0 but tab, line feed and carriage
 * return; DEL; C1): nobody types them, a paste from a binary file or a
 * hand-made request does, and stored they break exports, logs and other
 * programs reading the data. Tab and new lines are fine.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const hasControlCharacter = (text: string): boolean => CONTROL_CHARACTER.test(text);

export const controlCharacterMessage = (label: string) =>
  `${label} contains an invisible control character (such as NUL), usually from a paste: delete it and type that part again.`;

/** Every text field's string: refuses control characters with a message naming the field. */
export const plainText = (label: string, requiredMessage: string) =>
  z.string({ error: requiredMessage }).refine((v) => !hasControlCharacter(v), { message: controlCharacterMessage(label), abort: true });

export const requiredText = (label: string, max: number) =>
  plainText(label, `${label} is required.`)
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} must be at most ${max.toLocaleString("en-US")} characters.`);

export const optionalText = (label: string, max: number) =>
  z.preprocess(
    blankToUndefined,
    plainText(label, `${label} must be text.`)
      .trim()
      .max(max, `${label} must be at most ${max.toLocaleString("en-US")} characters.`)
      .optional(),
  );

export const optionalEnum = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: `Choose a valid ${label.toLowerCase()}.` }).optional());

function wholeNumber(label: string, min: number | null, max: number) {
  const number = z.coerce
    .number({ error: `${label} must be a whole number.` })
    .int(`${label} must be a whole number.`)
    .max(max, `${label} must be at most ${max.toLocaleString("en-US")}.`);
  return min === null ? number : number.min(min, `${label} must be at least ${min.toLocaleString("en-US")}.`);
}

/** `min` null: no lower bound here, because a refinement explains it better. */
export const optionalInt = (label: string, min: number | null, max: number) =>
  z.preprocess(
    (value) => {
      const v = blankToUndefined(value);
      // Grouping as people type it ("1,000", "1 000"); amounts of money go through optionalAmount.
      return typeof v === "string" ? v.replace(/[\s,_]/g, "") : v;
    },
    wholeNumber(label, min, max).optional(),
  );

/**
 * An optional whole amount of money as people write it: "90000", "90,000",
 * "90 000", "90k", "90.5k", "£90,000". One message for anything unreadable,
 * so "ninety" does not get two.
 */
export const optionalAmount = (label: string, max: number) => {
  const unreadable = `${label} must be an amount like 90,000 or 90k.`;
  return z.preprocess(
    (value) => {
      const v = blankToUndefined(value);
      if (typeof v !== "string") return v;
      // NaN is refused by z.number() with the message above.
      return readMoney(v)?.amount ?? Number.NaN;
    },
    z
      .number({ error: unreadable })
      .int(`${label} must be a whole amount, like 90,000 or 90.5k.`)
      .min(0, `${label} can't be negative.`)
      .max(max, `${label} must be at most ${max.toLocaleString("en-US")}.`)
      .optional(),
  );
};

/**
 * A real calendar date written YYYY-MM-DD (what <input type="date"> sends).
 * With the user's `formats`, also as they would type it ("03/14/2026" in the
 * US), and the error's example is written that way, as their date input shows it.
 */
export const optionalIsoDate = (label: string, formats?: DateFormat) =>
  z.preprocess(
    (value) => {
      const v = blankToUndefined(value);
      return formats && typeof v === "string" ? typedDateToIso(v, formats) : v;
    },
    z
      .string({ error: `${label} must be a date.` })
      // One message for a date that is not one: the checks after the shape would only repeat it.
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `${label} must be a date like ${formats?.inputExample("date") ?? "2026-03-14"}.`, abort: true })
      .refine(isRealDate, { message: `${label} is not a real date.`, abort: true })
      .refine((d) => d >= "1970-01-01" && d <= "2100-12-31", `${label} must be between 1970 and 2100.`)
      .optional(),
  );

function isRealDate(value: string): boolean {
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export const emailField = plainText("Email", "Email is required.")
  .trim()
  .toLowerCase()
  .min(1, "Email is required.")
  .max(254, "Email must be at most 254 characters.")
  .pipe(z.email("Enter a valid email address, like you@example.com."));

/** An IANA zone name such as "Europe/Berlin", in the runtime's own spelling. */
export const timeZoneField = z
  .string({ error: "Choose a time zone." })
  .trim()
  .max(64, "Choose a time zone from the list.")
  .transform((zone, ctx) => {
    const canonical = canonicalTimeZone(zone);
    if (!canonical) {
      ctx.addIssue({ code: "custom", message: "Choose a time zone from the list." });
      return z.NEVER;
    }
    return canonical;
  });

const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(2101, 0, 1);

/**
 * A date and time as typed in a datetime-local input, read in the user's
 * zone and turned into an instant. With the user's `formats`, also as they
 * would type it ("03/14/2026, 9:30 AM"), and the example is written that way.
 */
export const wallDateTime = (label: string, zone: string, formats?: DateFormat) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .transform((typed, ctx) => {
      const value = formats ? typedDateTimeToWall(typed, formats) : typed;
      const instant = wallTimeToUtc(value, zone);
      if (!instant) {
        ctx.addIssue({ code: "custom", message: `${label} must be a date and time, like ${formats?.inputExample("dateTime") ?? "2026-03-14 09:30"}.` });
        return z.NEVER;
      }
      if (instant.getTime() < EARLIEST || instant.getTime() >= LATEST) {
        ctx.addIssue({ code: "custom", message: `${label} must be between 1970 and 2100.` });
        return z.NEVER;
      }
      // In the hour skipped when clocks go forward, the typed time never happens.
      if (toWallTime(instant, zone) !== value.slice(0, 16)) {
        ctx.addIssue({
          code: "custom",
          message: `${label}: ${value.slice(11, 16)} doesn't exist that day in ${zone} (the clocks go forward). Choose a time outside the skipped hour.`,
        });
        return z.NEVER;
      }
      return instant;
    });

export const optionalWallDateTime = (label: string, zone: string, formats?: DateFormat) =>
  z.preprocess(blankToUndefined, wallDateTime(label, zone, formats).optional());

/** A checkbox: present ("on") means ticked. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true", z.boolean());
