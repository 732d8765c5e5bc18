import { FEED_LOOKBACK_DAYS } from "@/lib/data/calendar-feed";
import { CalendarFeedForm } from "./calendar-feed-form";

const strong = "font-medium text-slate-900 dark:text-slate-100";

/**
 * The calendar feed's section of Settings. It spells out what the feed
 * carries because a subscribed calendar travels further than Shortlist does:
 * calendar apps share calendars, show them on shared devices, and hand them
 * to assistants. The list follows `lib/calendar/ics.ts`: change both together.
 */
export function CalendarFeedSection({ url }: { url: string | null }) {
  return (
    <section aria-labelledby="calendar-heading" className="card p-4 sm:p-6">
      <h2 id="calendar-heading" className="text-lg font-semibold">
        Calendar feed
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        Subscribe to your interviews from any calendar app (Google Calendar, Apple Calendar, Outlook). Calendar apps check it
        for changes on their own schedule, some only a few times a day.
      </p>
      <h3 className={`mt-4 text-sm ${strong}`}>What the feed holds</h3>
      <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300" data-testid="feed-contents">
        <li>
          Your rounds from the last {FEED_LOOKBACK_DAYS} days onward: the kind of interview, the company and role, when it is,
          where it is or its meeting link, the <span className={strong}>names and titles of the people you meet</span> (never
          their emails), and your <span className={strong}>prep notes</span> as you wrote them.
        </li>
        <li>
          Your <span className={strong}>next steps</span> that have a due time, each with what to do.
        </li>
        <li>A link back to each application here.</li>
      </ul>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        Only applications that are neither archived nor closed are in it. Your notes on applications and rounds, the signals
        you ticked and salaries stay out.
      </p>
      <p className="mt-2 mb-4 text-sm text-slate-700 dark:text-slate-300">
        <span className={strong}>Anyone with the URL can read it</span>, without signing in, and a calendar you share (with a
        partner, a team, an assistant app) shows all of the above to whoever it is shared with. Keep it private; if it leaks,
        regenerate it and the old URL stops working. Signing out everywhere or changing your password also gives it a new URL.
      </p>
      <CalendarFeedForm url={url} />
    </section>
  );
}
