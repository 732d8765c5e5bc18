import { describe, expect, it } from "vitest";
import { BRITISH, formatsFor } from "@/lib/time/formats";
import { dateDisplayFor, localeFromAcceptLanguage, supportedLocale } from "@/lib/time/locale";
import { typedDateTimeToWall, typedDateToIso } from "@/lib/time/typed-dates";
import { formatDateTime, formatLongDate, formatShortDate, formatTime } from "@/lib/time/zoned";

const us = (zone = "UTC", hourCycle: "h12" | "h23" | null = null) => formatsFor({ locale: "en-US", hourCycle, zone });
const gb = (zone = "UTC", hourCycle: "h12" | "h23" | null = null) => formatsFor({ locale: "en-GB", hourCycle, zone });

describe("formatsFor at the edges of the clock", () => {
  const midnight = new Date("2026-12-02T00:00:00Z");
  const noon = new Date("2026-12-02T12:00:00Z");
  const afternoon = new Date("2026-12-02T14:00:00Z");

  it("writes midnight as 12:00 AM in the US and 00:00 in Britain", () => {
    expect(us().time(midnight)).toBe("12:00 AM");
    expect(gb().time(midnight)).toBe("00:00");
    expect(us().dateTime(midnight)).toBe("Wed, Dec 2, 2026, 12:00 AM");
    expect(gb().dateTime(midnight)).toBe("Wed, 2 Dec 2026, 00:00");
  });

  it("writes noon as 12:00 PM in the US and 12:00 in Britain", () => {
    expect(us().time(noon)).toBe("12:00 PM");
    expect(gb().time(noon)).toBe("12:00");
  });

  it("writes a morning hour with its leading zero only on a 24-hour clock", () => {
    const morning = new Date("2026-12-02T09:05:00Z");
    expect(us().time(morning)).toBe("9:05 AM");
    expect(gb().time(morning)).toBe("09:05");
  });

  it("follows a chosen clock over the locale's own, both ways", () => {
    expect(us("UTC", "h23").dateTime(afternoon)).toBe("Wed, Dec 2, 2026, 14:00");
    expect(us("UTC", "h23").time(midnight)).toBe("00:00");
    expect(gb("UTC", "h12").time(afternoon)).toBe("2:00 pm");
    expect(gb("UTC", "h12").time(midnight)).toBe("12:00 am");
  });

  it("writes days in each locale's order", () => {
    expect(us().shortDate(afternoon)).toBe("Wed, Dec 2");
    expect(gb().shortDate(afternoon)).toBe("Wed 2 Dec");
    expect(us().longDate(afternoon)).toBe("Wednesday, December 2");
    expect(gb().longDate(afternoon)).toBe("Wednesday 2 December");
    expect(us().mediumDate(afternoon)).toBe("Dec 2, 2026");
    expect(gb().calendarDate("2026-03-14")).toBe("Sat, 14 Mar 2026");
    expect(us().calendarDay("2026-03-14")).toBe("Mar 14, 2026");
  });

  it("gives error examples as each locale's native inputs show dates", () => {
    expect(us().inputExample("date")).toBe("03/14/2026");
    expect(gb().inputExample("date")).toBe("14/03/2026");
    expect(us().inputExample("dateTime")).toBe("03/14/2026, 09:30 AM");
    expect(gb().inputExample("dateTime")).toBe("14/03/2026, 09:30");
    expect(formatsFor({ locale: "de-DE", hourCycle: null, zone: "UTC" }).inputExample("date")).toBe("14.03.2026");
  });

  it("reads the wall clock across a clock change, in London and New York", () => {
    // London: 01:30 UTC on 29 March 2026 is 02:30 BST, the hour after the jump.
    expect(gb("Europe/London").dateTime(new Date("2026-03-29T00:30:00Z"))).toBe("Sun, 29 Mar 2026, 00:30");
    expect(gb("Europe/London").dateTime(new Date("2026-03-29T01:30:00Z"))).toBe("Sun, 29 Mar 2026, 02:30");
    // New York falls back on 1 November 2026: 1:30 AM happens twice, an hour apart.
    expect(us("America/New_York").time(new Date("2026-11-01T05:30:00Z"))).toBe("1:30 AM");
    expect(us("America/New_York").time(new Date("2026-11-01T06:30:00Z"))).toBe("1:30 AM");
    expect(us("America/New_York").time(new Date("2026-11-01T07:30:00Z"))).toBe("2:30 AM");
    // A late evening in New York is already the next day in UTC.
    expect(us("America/New_York").shortDate(new Date("2026-11-08T03:00:00Z"))).toBe("Sat, Nov 7");
  });

  it("gives the British 24-hour style exactly as the old functions did, so their call sites can move over unchanged", () => {
    const d = new Date("2026-12-02T09:30:00Z");
    const british = formatsFor({ ...BRITISH, zone: "Asia/Tokyo" });
    expect(british.dateTime(d)).toBe(formatDateTime(d, "Asia/Tokyo"));
    expect(british.shortDate(d)).toBe(formatShortDate(d, "Asia/Tokyo"));
    expect(british.longDate(d)).toBe(formatLongDate(d, "Asia/Tokyo"));
    expect(british.time(d)).toBe(formatTime(d, "Asia/Tokyo"));
  });

  it("shares one object per locale, clock and zone", () => {
    expect(us("UTC")).toBe(us("UTC"));
    expect(us("UTC")).not.toBe(us("UTC", "h23"));
  });
});

describe("locales", () => {
  it("accepts what Intl supports, in canonical form, and refuses garbage", () => {
    expect(supportedLocale("EN-us")).toBe("en-US");
    expect(supportedLocale("fr")).toBe("fr");
    expect(supportedLocale("not a locale!")).toBeNull();
    expect(supportedLocale("xx-YY")).toBeNull();
    expect(supportedLocale("")).toBeNull();
    expect(supportedLocale("en-" + "a".repeat(60))).toBeNull();
  });

  it("takes the browser's best supported locale from Accept-Language by q-value", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en-US");
    expect(localeFromAcceptLanguage("fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5")).toBe("fr-CH");
    expect(localeFromAcceptLanguage("de;q=0.5, en-GB;q=0.8")).toBe("en-GB");
    // Ties keep the order given; q=0 means "not this one"; "*" names nothing.
    expect(localeFromAcceptLanguage("en-GB;q=0.7, en-US;q=0.7")).toBe("en-GB");
    expect(localeFromAcceptLanguage("en-GB;q=0, pt-BR")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("*")).toBeNull();
    // An unknown tag is skipped for the next one.
    expect(localeFromAcceptLanguage("xx-YY, en-AU;q=0.5")).toBe("en-AU");
  });

  it("falls back cleanly on a malformed or hostile header", () => {
    expect(localeFromAcceptLanguage("")).toBeNull();
    expect(localeFromAcceptLanguage(null)).toBeNull();
    expect(localeFromAcceptLanguage(";;;,,,q=1")).toBeNull();
    expect(localeFromAcceptLanguage("en-US;q=banana")).toBeNull();
    expect(localeFromAcceptLanguage("en-US;q=2")).toBeNull();
    expect(localeFromAcceptLanguage("\u0000\u00ff<script>")).toBeNull();
    expect(localeFromAcceptLanguage("x,".repeat(10_000))).toBeNull();
  });

  it("prefers the user's choice, then the browser, then the locale last seen, then en-US", () => {
    const user = { locale: null, hourCycle: null, seenLocale: null };
    expect(dateDisplayFor({ ...user, locale: "de-DE" }, "en-US")).toEqual({ locale: "de-DE", hourCycle: null });
    expect(dateDisplayFor(user, "en-GB,en;q=0.9")).toEqual({ locale: "en-GB", hourCycle: null });
    expect(dateDisplayFor({ ...user, seenLocale: "fr-FR" }, null)).toEqual({ locale: "fr-FR", hourCycle: null });
    expect(dateDisplayFor({ ...user, seenLocale: "fr-FR" }, "garbage!!")).toEqual({ locale: "fr-FR", hourCycle: null });
    expect(dateDisplayFor(user, null)).toEqual({ locale: "en-US", hourCycle: null });
    // A stored value Intl no longer knows does not break a page.
    expect(dateDisplayFor({ ...user, locale: "zz-ZZ", hourCycle: "h23" }, null)).toEqual({ locale: "en-US", hourCycle: "h23" });
  });
});

describe("dates typed by hand", () => {
  it("reads a date in the locale's order", () => {
    expect(typedDateToIso("03/14/2026", us())).toBe("2026-03-14");
    expect(typedDateToIso("14/03/2026", gb())).toBe("2026-03-14");
    expect(typedDateToIso("14.03.2026", formatsFor({ locale: "de-DE", hourCycle: null, zone: "UTC" }))).toBe("2026-03-14");
    // Not a date the schema would take: passed on for it to explain.
    expect(typedDateToIso("14/03/26", gb())).toBe("14/03/26");
    expect(typedDateToIso("next Tuesday", us())).toBe("next Tuesday");
  });

  it("reads a date and time on either clock", () => {
    expect(typedDateTimeToWall("03/14/2026, 9:30 PM", us())).toBe("2026-03-14T21:30");
    expect(typedDateTimeToWall("03/14/2026, 12:05 AM", us())).toBe("2026-03-14T00:05");
    expect(typedDateTimeToWall("03/14/2026 12:05 pm", us())).toBe("2026-03-14T12:05");
    expect(typedDateTimeToWall("14/03/2026, 21:30", gb())).toBe("2026-03-14T21:30");
    expect(typedDateTimeToWall("14/03/2026, 13:30 PM", gb())).toBe("14/03/2026, 13:30 PM");
    expect(typedDateTimeToWall("2026-03-14T09:30", gb())).toBe("2026-03-14T09:30");
  });
});
