import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from "./units";
import { currentZoneName } from "./zone-names";

// Interview times are instants stored in UTC. People type and read them as
// wall-clock times in their own zone, so every conversion names the zone.

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/**
 * A zone's current IANA name ("europe/berlin" -> "Europe/Berlin",
 * "Asia/Calcutta" -> "Asia/Kolkata"), or null when the runtime knows no such
 * zone. Names are stored in this form so that the settings list and
 * comparisons agree.
 */
export function canonicalTimeZone(zone: string): string | null {
  try {
    return currentZoneName(new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone);
  } catch {
    return null;
  }
}

/**
 * "2026-03-14T09:30" (what <input type="datetime-local"> sends) in `zone`,
 * as an instant; null when it is not a real date and time. A time skipped
 * when clocks go forward moves on by the gap (forms refuse it); a time that
 * happens twice when they go back reads as the second, in winter time.
 */
export function wallTimeToUtc(wall: string, zone: string): Date | null {
  const m = WALL_TIME.exec(wall);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  // Date reads years 0-99 as 1900-1999; such input is a typo, not 1975.
  if (year < 1000) return null;
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return null;
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCDate() !== day) return null;
  const wallMs = Date.UTC(year, month - 1, day, hour, minute);
  // Worked out from the zone's offsets alone: a library built on Date reads the
  // repeated hour by the server's own zone, so the answer moved with TZ.
  const before = offsetAt(wallMs - DAY_MS, zone);
  const after = offsetAt(wallMs + DAY_MS, zone);
  const readings = [before, after].filter((offset) => offsetAt(wallMs - offset, zone) === offset);
  // Two readings: the later instant (the smaller offset) is the second, in winter time.
  // None: the time was skipped, and the offset before the change carries it on by the gap.
  const offset = readings.length > 0 ? Math.min(...readings) : before;
  return new Date(wallMs - offset);
}

// Building an Intl.DateTimeFormat costs far more than using one, and the
// dashboard formats thousands of dates in the same zone: keep one per use.
const formatters = new Map<string, Intl.DateTimeFormat>();
/** One formatter per use, zone and locale, built once: `use` names the options, which never vary for it. */
export function formatter(use: string, zone: string, options: Intl.DateTimeFormatOptions, locale = "en-GB"): Intl.DateTimeFormat {
  const key = `${use}|${locale}|${zone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

const NUMERIC = { hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" } as const;
// "04/21/2028, 23:50": format() is about three times faster than formatToParts().
const NUMERIC_TEXT = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2})$/;

function parts(date: Date, zone: string) {
  const f = formatter("parts", zone, NUMERIC, "en-US");
  const m = NUMERIC_TEXT.exec(f.format(date));
  if (m) return { year: m[3], month: m[1], day: m[2], hour: m[4], minute: m[5] };
  const p = f.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => p.find((x) => x.type === type)?.value ?? "";
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}

/** The zone's offset from UTC at `instant`, in ms ("GMT+05:30" is 19,800,000). */
function offsetAt(instant: number, zone: string): number {
  const text = formatter("offset", zone, { timeZoneName: "longOffset" }, "en-US").format(instant);
  const m = /GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (!m) return 0;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * HOUR_MS + Number(m[3]) * MINUTE_MS + Number(m[4] ?? 0) * SECOND_MS);
}

/**
 * The instant a calendar date (YYYY-MM-DD) begins in `zone`: the same answer
 * as wallTimeToUtc(`${date}T00:00`), but cheap when the zone's offset is the
 * same for a day either side, which is nearly always. Near a clock change it
 * takes wallTimeToUtc's slower, exact path.
 */
export function startOfDate(isoDate: string, zone: string): Date | null {
  return atLocalHour(isoDate, 0, zone, DAY_MS);
}

// Due times fall on a handful of days shared by thousands of steps, and each
// costs four zone look-ups: remember the answers (a pure function, so a
// cache changes nothing but the time), within a bound.
const localHourCache = new Map<string, number | null>();
const LOCAL_HOUR_CACHE_LIMIT = 4096;

/**
 * `hour`:00 on a calendar date in `zone`, as an instant (09:00 on
 * "2026-12-08" in Europe/Berlin is 08:00 UTC); null when there is no such
 * instant. Takes the exact path when the offset changes within `steadyMs`.
 */
export function atLocalHour(isoDate: string, hour: number, zone: string, steadyMs = 3 * HOUR_MS): Date | null {
  const key = `${zone}|${isoDate}|${hour}|${steadyMs}`;
  const known = localHourCache.get(key);
  if (known !== undefined) return known === null ? null : new Date(known);
  const [y, m, d] = isoDate.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d, hour);
  let result: Date | null = null;
  if (!Number.isNaN(wall)) {
    const offset = offsetAt(wall, zone);
    const instant = wall - offset;
    const steady = offsetAt(instant - steadyMs, zone) === offset && offsetAt(instant + steadyMs, zone) === offset;
    const hh = String(hour).padStart(2, "0");
    result = steady && offsetAt(instant, zone) === offset ? new Date(instant) : wallTimeToUtc(`${isoDate}T${hh}:00`, zone);
  }
  if (localHourCache.size >= LOCAL_HOUR_CACHE_LIMIT) localHourCache.clear();
  localHourCache.set(key, result?.getTime() ?? null);
  return result;
}

/** The calendar date `days` after (or before, if negative) a YYYY-MM-DD date. */
export function addDaysToDate(isoDate: string, days: number): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The value a datetime-local input needs to show `date` in `zone`. */
export function toWallTime(date: Date, zone: string): string {
  const p = parts(date, zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

const QUARTER_HOUR = 15 * MINUTE_MS;
/** Since 1980 every zone's offset is a whole number of quarter hours, so a date changes only on a quarter hour. */
const QUARTERS_FROM = Date.UTC(1980, 0, 1);
const shortDates = new Map<string, Map<number, string>>();
const localDates = new Map<string, Map<number, string>>();

/** A map per zone, so the hot paths below look numbers up rather than build string keys. */
function perZone<V>(maps: Map<string, Map<number, V>>, zone: string): Map<number, V> {
  let map = maps.get(zone);
  if (!map) maps.set(zone, (map = new Map()));
  if (map.size >= 8192) map.clear();
  return map;
}
const dayNumbers = new Map<string, Map<number, number>>();
const mornings = new Map<string, Map<number, number | null>>();

/**
 * The calendar date `date` falls on in `zone`, as a day number (days since
 * 1970-01-01): cheap to add days to, and cached by quarter hour, since a date
 * can only change on one.
 */
export function localDayNumber(date: Date, zone: string): number {
  const t = date.getTime();
  const bucket = Math.floor(t / QUARTER_HOUR);
  const map = t >= QUARTERS_FROM ? perZone(dayNumbers, zone) : null;
  const known = map?.get(bucket);
  if (known !== undefined) return known;
  const p = parts(date, zone);
  const day = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day)) / DAY_MS;
  map?.set(bucket, day);
  return day;
}

/** The day number of a YYYY-MM-DD date: the same sums as addDaysToDate, with no string made. */
export const isoDateToDayNumber = (isoDate: string) =>
  Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / DAY_MS;

/** "2026-12-08" for a day number. */
export const dayNumberToDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** `hour`:00 (a whole hour, 0 to 23) in `zone` on a day number (see localDayNumber); null when there is no such instant. */
export function atLocalHourOfDay(day: number, hour: number, zone: string): Date | null {
  // Keyed by number (day and hour together), so a look-up builds no string.
  const map = perZone(mornings, zone);
  const key = day * 24 + hour;
  let t = map.get(key);
  if (t === undefined) {
    t = atLocalHour(dayNumberToDate(day), hour, zone)?.getTime() ?? null;
    map.set(key, t);
  }
  return t === null ? null : new Date(t);
}

/** The calendar date (YYYY-MM-DD) that `date` falls on in `zone`. */
export function localDate(date: Date, zone: string): string {
  const t = date.getTime();
  const bucket = Math.floor(t / QUARTER_HOUR);
  const map = t >= QUARTERS_FROM ? perZone(localDates, zone) : null;
  const known = map?.get(bucket);
  if (known !== undefined) return known;
  const value = dayNumberToDate(localDayNumber(date, zone));
  map?.set(bucket, value);
  return value;
}

/** "Tue 3 Dec 2026, 14:30" in `zone`. */
export function formatDateTime(date: Date, zone: string): string {
  return formatter("dateTime", zone, {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
}

/** "Tuesday 1 December" in `zone`: how a person writes the day of a meeting in a letter. */
export function formatLongDate(date: Date, zone: string): string {
  return formatter("longDate", zone, { weekday: "long", day: "numeric", month: "long" }).format(date);
}

/** "Wed 2 Dec" in `zone`: a day near enough that its year goes without saying. */
export function formatShortDate(date: Date, zone: string): string {
  // It names a day, so one answer serves every instant of that day.
  const map = perZone(shortDates, zone);
  const day = localDayNumber(date, zone);
  let text = map.get(day);
  if (text === undefined) map.set(day, (text = formatter("shortDate", zone, { weekday: "short", day: "numeric", month: "short" }).format(date)));
  return text;
}

/** "14:30" in `zone`. */
export function formatTime(date: Date, zone: string): string {
  return formatter("time", zone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(date);
}

/**
 * Every zone the runtime knows by its current name, for the settings picker,
 * with `current` always among them.
 */
export function knownTimeZones(current: string): string[] {
  const names = new Set(Intl.supportedValuesOf("timeZone").map(currentZoneName));
  names.delete("UTC");
  const zones = ["UTC", ...[...names].sort()];
  return zones.includes(current) ? zones : [current, ...zones];
}

/**
 * `typed` unless it reads as the same minute as `stored` in `zone`: then
 * the stored instant, so saving an untouched field never moves it (by its
 * seconds, or by an hour in the repeated hour when clocks go back).
 */
export function keepIfUnchanged(stored: Date | null | undefined, typed: Date, zone: string): Date {
  return stored && toWallTime(stored, zone) === toWallTime(typed, zone) ? stored : typed;
}
