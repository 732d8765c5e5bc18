import { formatter, localDayNumber } from "./zoned";
import type { DateDisplay, HourCycle } from "./locale";
import { MINUTE_MS } from "./units";

/** Everything a date on a page depends on: plain data, so it can go to a client component or into the guidance engine. */
export type DateStyle = DateDisplay & { zone: string };

/** How one user reads dates and times. Made by formatsFor; every method is cheap (cached formatters). */
export type DateFormat = {
  readonly style: DateStyle;
  /** The clock in effect: the chosen one, else the locale's. */
  readonly hourCycle: HourCycle;
  /** "Wed 2 Dec 2026, 14:00" / "Wed, Dec 2, 2026, 2:00 PM" */
  dateTime(date: Date): string;
  /** "Wed 2 Dec" / "Wed, Dec 2": a day near enough that its year goes without saying. */
  shortDate(date: Date): string;
  /** "Wednesday 2 December" / "Wednesday, December 2": a day as written in a letter. */
  longDate(date: Date): string;
  /** "2 Dec 2026" / "Dec 2, 2026" */
  mediumDate(date: Date): string;
  /** "14:00" / "2:00 PM" */
  time(date: Date): string;
  /** "Wed, 2 Dec 2026" / "Wed, Dec 2, 2026" for a YYYY-MM-DD date, which has no zone. */
  calendarDate(isoDate: string): string;
  /** "2 Dec 2026" / "Dec 2, 2026" for a YYYY-MM-DD date. */
  calendarDay(isoDate: string): string;
  /** "14/03/2026" or "03/14/2026, 09:30 AM": what the native date or datetime input shows, for error messages. */
  inputExample(kind: "date" | "dateTime"): string;
};

const localeCycles = new Map<string, HourCycle>();
/** The clock a locale uses when the user has not chosen one. */
function localeCycle(locale: string): HourCycle {
  let cycle = localeCycles.get(locale);
  if (!cycle) {
    const own = new Intl.DateTimeFormat(locale, { hour: "numeric" }).resolvedOptions().hourCycle;
    localeCycles.set(locale, (cycle = own === "h11" || own === "h12" ? "h12" : "h23"));
  }
  return cycle;
}

// "2-digit" hours on a 24-hour clock ("09:05", "00:00"), plain ones on a
// 12-hour clock ("9:05 AM", "12:00 AM"), as people write each.
const clock = (cycle: HourCycle) => ({ hour: cycle === "h12" ? "numeric" : "2-digit", minute: "2-digit", hourCycle: cycle }) as const;

const EXAMPLE = new Date(Date.UTC(2026, 2, 14, 9, 30));
const utcDay = (isoDate: string) => {
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};

const WHOLE_MINUTE_OFFSETS_FROM = Date.UTC(1980, 0, 1);

const made = new Map<string, DateFormat>();
const MADE_LIMIT = 1024;

/** The formats for a locale, clock and zone: one object per combination, shared. */
export function formatsFor(style: DateStyle): DateFormat {
  const key = `${style.locale}|${style.hourCycle ?? ""}|${style.zone}`;
  const known = made.get(key);
  if (known) return known;
  const { locale, zone } = style;
  const cycle = style.hourCycle ?? localeCycle(locale);
  // The key of each formatter names everything its options depend on.
  const f = (use: string, options: Intl.DateTimeFormatOptions, inZone = zone) => formatter(`${use}|${cycle}`, inZone, options, locale);
  // The dashboard names thousands of days: one map per format, looked up by day number alone.
  const shortDates = new Map<number, string>();
  // Every reason names a date and time: the formatter is looked up once, and
  // one text serves every instant of a minute (it shows no seconds).
  const dateTimes = new Map<number, string>();
  let dateTimeFormat: Intl.DateTimeFormat | undefined;
  let shortDateFormat: Intl.DateTimeFormat | undefined;
  const format: DateFormat = {
    style,
    hourCycle: cycle,
    dateTime: (d) => {
      dateTimeFormat ??= f("dateTime", { weekday: "short", day: "numeric", month: "short", year: "numeric", ...clock(cycle) });
      const t = d.getTime();
      // Before 1980 some zones were offset by seconds, so a minute of UTC is not a minute of theirs.
      if (!(t >= WHOLE_MINUTE_OFFSETS_FROM)) return dateTimeFormat.format(d);
      const minute = Math.floor(t / MINUTE_MS);
      let text = dateTimes.get(minute);
      if (text === undefined) {
        if (dateTimes.size >= 8192) dateTimes.clear();
        dateTimes.set(minute, (text = dateTimeFormat.format(d)));
      }
      return text;
    },
    shortDate: (d) => {
      // It names a day, so one answer serves every instant of that day.
      const day = localDayNumber(d, zone);
      let text = shortDates.get(day);
      if (text === undefined) {
        if (shortDates.size >= 8192) shortDates.clear();
        shortDateFormat ??= f("shortDate", { weekday: "short", day: "numeric", month: "short" });
        shortDates.set(day, (text = shortDateFormat.format(d)));
      }
      return text;
    },
    longDate: (d) => f("longDate", { weekday: "long", day: "numeric", month: "long" }).format(d),
    mediumDate: (d) => f("mediumDate", { day: "numeric", month: "short", year: "numeric" }).format(d),
    time: (d) => f("time", clock(cycle)).format(d),
    calendarDate: (iso) => cachedCalendar(`${locale}|long|${iso}`, () => f("calendarDate", { weekday: "short", day: "numeric", month: "short", year: "numeric" }, "UTC").format(utcDay(iso))),
    calendarDay: (iso) => cachedCalendar(`${locale}|medium|${iso}`, () => f("mediumDate", { day: "numeric", month: "short", year: "numeric" }, "UTC").format(utcDay(iso))),
    inputExample: (kind) =>
      f(`example-${kind}`, { day: "2-digit", month: "2-digit", year: "numeric", ...(kind === "dateTime" ? { ...clock(cycle), hour: "2-digit" } : {}) }, "UTC").format(EXAMPLE),
  };
  if (made.size >= MADE_LIMIT) made.clear();
  made.set(key, format);
  return format;
}

// A few calendar dates recur across thousands of applications; the text
// depends on the date and locale alone.
const calendarTexts = new Map<string, string>();
function cachedCalendar(key: string, make: () => string): string {
  let text = calendarTexts.get(key);
  if (text === undefined) {
    text = make();
    if (calendarTexts.size >= 4096) calendarTexts.clear();
    calendarTexts.set(key, text);
  }
  return text;
}

/** How dates read before anything is known of the reader: the app's long-standing British, 24-hour style. */
export const BRITISH: DateDisplay = { locale: "en-GB", hourCycle: "h23" };
