import { BRITISH } from "@/lib/time/formats";
import type { GuidanceInput } from "./input";

/** ISO weekdays: 1 is Monday, 7 is Sunday. */
type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const SATURDAY_SUNDAY: readonly Weekday[] = [6, 7];

/**
 * Regions whose weekend is not Saturday and Sunday (CLDR's weekData), for a
 * runtime whose Intl.Locale has neither getWeekInfo() nor weekInfo.
 */
const WEEKENDS_BY_REGION: Record<string, readonly Weekday[]> = {
  ...Object.fromEntries(["BH", "DZ", "EG", "IL", "IQ", "JO", "KW", "LY", "OM", "QA", "SA", "SD", "SY", "YE"].map((r) => [r, [5, 6]])),
  AF: [4, 5],
  IR: [5],
  IN: [7],
  UG: [7],
};

type WeekInfo = { weekend?: readonly number[] };
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo };

/** The weekend of a locale: from Intl where the runtime knows it (`fromIntl`), else from the table by region. */
export function weekendOfLocale(tag: string, fromIntl = true): readonly Weekday[] {
  let locale: LocaleWithWeek;
  try {
    locale = new Intl.Locale(tag) as LocaleWithWeek;
  } catch {
    return SATURDAY_SUNDAY;
  }
  // Node 20 has the weekInfo getter; later runtimes renamed it getWeekInfo().
  const info = fromIntl ? (locale.getWeekInfo?.() ?? locale.weekInfo) : undefined;
  if (info?.weekend) return info.weekend.filter((d): d is Weekday => d >= 1 && d <= 7);
  const region = locale.maximize().region;
  return (region && WEEKENDS_BY_REGION[region]) || SATURDAY_SUNDAY;
}

const known = new Map<string, readonly boolean[]>();

/**
 * Which days are the user's weekend, by their locale's week (indexed by ISO
 * weekday): a step that asks them to write to the employer moves off it.
 */
export function weekendOf(input: Pick<GuidanceInput, "dates">): readonly boolean[] {
  const tag = (input.dates ?? BRITISH).locale;
  let days = known.get(tag);
  if (!days) {
    const weekend = weekendOfLocale(tag);
    days = Array.from({ length: 8 }, (_, d) => weekend.includes(d as Weekday));
    if (known.size > 256) known.clear();
    known.set(tag, days);
  }
  return days;
}

/** The ISO weekday of a day number (days since 1970-01-01, a Thursday). */
export const weekdayOfDay = (day: number): Weekday => (((((day + 3) % 7) + 7) % 7) + 1) as Weekday;
