// Which locale dates are written in: the user's choice, else what their
// browser asks for, else (for the calendar feed, which has no browser) the
// one last seen from it, else en-US. Only date and time shapes follow it;
// the app's words stay English.

export const FALLBACK_LOCALE = "en-US";

export const HOUR_CYCLES = ["h12", "h23"] as const;
export type HourCycle = (typeof HOUR_CYCLES)[number];

/** What a user's dates follow: a locale, and a clock that is the locale's own unless they chose one. */
export type DateDisplay = { locale: string; hourCycle: HourCycle | null };

/** Offered in Settings; any other locale a browser asks for still works when Intl supports it. */
export const LOCALE_CHOICES = [
  "en-US", "en-GB", "en-AU", "en-CA", "en-IE", "en-IN", "en-NZ", "en-ZA",
  "de-DE", "es-ES", "es-MX", "fr-FR", "fr-CA", "it-IT", "nl-NL", "pl-PL", "pt-BR", "pt-PT", "sv-SE",
  "ja-JP", "ko-KR", "zh-CN",
] as const;

const MAX_TAG = 35;

/**
 * `tag` in its canonical form ("EN-us" -> "en-US") when Intl can format
 * dates in it; null for garbage, an unknown language or an over-long tag.
 */
export function supportedLocale(tag: string | null | undefined): string | null {
  if (!tag || tag.length > MAX_TAG) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical && Intl.DateTimeFormat.supportedLocalesOf([canonical]).length === 1 ? canonical : null;
  } catch {
    return null;
  }
}

const MAX_HEADER = 512;

/**
 * The browser's most preferred locale that Intl supports, from an
 * Accept-Language header ("fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5"): highest
 * q first, ties in the order given, "*" and q=0 skipped. Null when nothing
 * in it is usable, so the caller falls back.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): string | null {
  if (!header) return null;
  const ranked = header
    .slice(0, MAX_HEADER)
    .split(",")
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";").map((s) => s.trim());
      const qParam = params.find((p) => /^q=/i.test(p));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { tag, q: Number.isFinite(q) && q >= 0 && q <= 1 ? q : 0, index };
    })
    .filter((r) => r.tag && r.tag !== "*" && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const locale = supportedLocale(tag);
    if (locale) return locale;
  }
  return null;
}

/** A stored clock choice, or null (the locale's own) for anything else. */
export const hourCycleOrNull = (value: string | null | undefined): HourCycle | null =>
  (HOUR_CYCLES as readonly string[]).includes(value ?? "") ? (value as HourCycle) : null;

const names = new Intl.DisplayNames(["en"], { type: "language", languageDisplay: "standard" });

/** "English (United States)": how Settings names a locale. */
export function localeName(locale: string): string {
  try {
    return names.of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/**
 * What a page's dates follow: the user's chosen locale, else the browser's,
 * else the one last seen from it, else en-US; the chosen clock or the locale's.
 */
export function dateDisplayFor(user: { locale: string | null; hourCycle: HourCycle | null; seenLocale: string | null }, acceptLanguage: string | null): DateDisplay {
  const locale = supportedLocale(user.locale) ?? localeFromAcceptLanguage(acceptLanguage) ?? supportedLocale(user.seenLocale) ?? FALLBACK_LOCALE;
  return { locale, hourCycle: user.hourCycle };
}
