import { formatsFor } from "@/lib/time/formats";
import { LOCALE_CHOICES, localeName } from "@/lib/time/locale";
import { requestLocale, type Reader } from "@/app/(app)/request-dates";
import { DatesForm } from "./dates-form";

/** Settings → Dates and times: the locale dates are written in, and the clock. */
export async function DatesSection({ user, now }: { user: Reader; now: Date }) {
  const browser = await requestLocale();
  const choices = LOCALE_CHOICES.map((locale) => ({
    locale,
    label: `${localeName(locale)}: ${formatsFor({ locale, hourCycle: user.hourCycle, zone: user.timeZone }).dateTime(now)}`,
  }));
  return (
    <section aria-labelledby="dates-heading" className="card p-4 sm:p-6">
      <h2 id="dates-heading" className="text-lg font-semibold">
        Dates and times
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-700 dark:text-slate-300">
        How dates and times are written on every page, in drafts and in your calendar feed. Automatic follows your
        browser; the calendar feed uses the browser you last signed in with.
      </p>
      <DatesForm
        locale={user.locale}
        hourCycle={user.hourCycle}
        browserName={browser ? localeName(browser) : null}
        choices={choices}
        sample={formatsFor(user.dates).dateTime(now)}
      />
    </section>
  );
}
