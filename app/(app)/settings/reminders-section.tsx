import type { DeliveryFailure } from "@/lib/data/reminder-outbox";
import { hourLabel } from "@/lib/reminders/hour-label";
import type { ReminderSettings } from "@/lib/reminders/settings";
import { formatsFor } from "@/lib/time/formats";
import type { Reader } from "@/app/(app)/request-dates";
import { RemindersForm } from "./reminders-form";
import { ReminderTestForm } from "./reminder-test-form";

type Props = { user: Reader; settings: ReminderSettings; failures: DeliveryFailure[]; smtpOn: boolean };

const muted = "text-sm text-slate-700 dark:text-slate-300";

/** Settings → Reminders: the email switch, when the digest and quiet hours are, a test, and what could not be sent. */
export function RemindersSection({ user, settings, failures, smtpOn }: Props) {
  const format = formatsFor(user.dates);
  return (
    <section aria-labelledby="reminders-heading" className="card p-4 sm:p-6">
      <h2 id="reminders-heading" className="text-lg font-semibold">
        Reminders
      </h2>
      {smtpOn ? (
        <>
          <p className={`mt-1 mb-4 ${muted}`}>
            A morning digest of today’s interviews and the steps due, and a nudge when an interview is 3 hours away or a
            thank-you is still owed 4 hours after a round.
          </p>
          <RemindersForm settings={settings} email={user.email} hours={Array.from({ length: 24 }, (_, h) => hourLabel(h, format.hourCycle))} />
          <div className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-700">
            <ReminderTestForm />
          </div>
          <h3 className="mt-6 text-base font-semibold">Reminders that could not be sent</h3>
          {failures.length === 0 ? (
            <p className={`mt-1 ${muted}`}>None: every reminder so far has gone out, or is on its way.</p>
          ) : (
            <ul className="mt-2 space-y-2 text-sm" aria-label="Reminders that could not be sent">
              {failures.map((f) => (
                <li key={f.id}>
                  <span className="font-medium">{f.subject}</span>, {format.dateTime(f.at)}: {f.reason}.
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className={`mt-1 ${muted}`}>
          Reminders go out by email once this server has an SMTP server to send through: whoever runs Shortlist sets
          <code className="mx-1">SHORTLIST_SMTP_URL</code>(see docs/reminders.md). Until then, the dashboard and your
          calendar feed show what is due.
        </p>
      )}
    </section>
  );
}
