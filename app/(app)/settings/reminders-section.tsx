import type { PushDevice } from "@/lib/data/push-subscriptions";
import type { OwnChannelView } from "@/lib/data/reminder-channels";
import type { DeliveryFailure } from "@/lib/data/reminder-outbox";
import { hourLabel } from "@/lib/reminders/hour-label";
import type { ReminderSettings } from "@/lib/reminders/settings";
import { formatsFor } from "@/lib/time/formats";
import type { ReminderCarries, ReminderChannelName } from "@/lib/vocabulary";
import type { Reader } from "@/app/(app)/request-dates";
import { NtfyForm } from "./ntfy-form";
import { PushSection } from "./push-section";
import { RemindersForm } from "./reminders-form";
import { ReminderTestForm } from "./reminder-test-form";
import { WebhookForm } from "./webhook-form";

export type PushView = { publicKey: string; devices: PushDevice[]; carries: ReminderCarries };

type Props = { user: Reader; settings: ReminderSettings; own: OwnChannelView[]; push: PushView; failures: DeliveryFailure[]; smtpOn: boolean };

const muted = "text-sm text-slate-700 dark:text-slate-300";
const part = "mt-6 border-t border-slate-200 pt-4 dark:border-slate-700";
const CHANNEL_NAMES: Record<ReminderChannelName, string> = { email: "Email", push: "Push", ntfy: "ntfy", webhook: "Webhook" };

/** Settings → Reminders: when they come, each channel and what it carries, a test, and what could not be sent. */
export function RemindersSection({ user, settings, own, push, failures, smtpOn }: Props) {
  const format = formatsFor(user.dates);
  const ntfy = own.find((c) => c.channel === "ntfy") ?? null;
  const webhook = own.find((c) => c.channel === "webhook") ?? null;
  const testable: ReminderChannelName[] = [
    ...(smtpOn && settings.emailOn ? (["email"] as const) : []),
    ...(push.devices.length ? (["push"] as const) : []),
    ...own.map((c) => c.channel),
  ];
  return (
    <section aria-labelledby="reminders-heading" className="card p-4 sm:p-6">
      <h2 id="reminders-heading" className="text-lg font-semibold">
        Reminders
      </h2>
      <p className={`mt-1 mb-4 ${muted}`}>
        A morning digest of today’s interviews and the steps due, and a nudge when an interview is 3 hours away or a
        thank-you is still owed 4 hours after a round.
        {smtpOn ? null : " Email is not set up on this server (whoever runs Shortlist sets SHORTLIST_SMTP_URL); push, ntfy and a webhook work without it."}
      </p>
      <RemindersForm settings={settings} email={user.email} smtpOn={smtpOn} hours={Array.from({ length: 24 }, (_, h) => hourLabel(h, format.hourCycle))} />
      <h3 className={`${part} text-base font-semibold`}>Push to this device</h3>
      <PushSection publicKey={push.publicKey} devices={push.devices} carries={push.carries} format={format} />
      <h3 className={`${part} text-base font-semibold`}>ntfy</h3>
      <p className={`mt-1 mb-3 ${muted}`}>Push to your phone or desktop through ntfy’s app, with no account needed.</p>
      <NtfyForm current={ntfy} />
      <h3 className={`${part} text-base font-semibold`}>Webhook</h3>
      <p className={`mt-1 mb-3 ${muted}`}>For your own scripts, Home Assistant, or Apprise and the services it reaches.</p>
      <WebhookForm current={webhook} />
      <h3 className={`${part} text-base font-semibold`}>Send a test</h3>
      {testable.length ? <ReminderTestForm channels={testable} /> : <p className={`mt-1 ${muted}`}>Turn on a channel above, then test it here.</p>}
      <h3 className={`${part} text-base font-semibold`}>Reminders that could not be sent</h3>
      {failures.length === 0 ? (
        <p className={`mt-1 ${muted}`}>None: every reminder so far has gone out, or is on its way.</p>
      ) : (
        <ul className="mt-2 space-y-2 text-sm" aria-label="Reminders that could not be sent">
          {failures.map((f) => (
            <li key={f.id}>
              <span className="font-medium">{f.subject}</span> ({CHANNEL_NAMES[f.channel as ReminderChannelName] ?? f.channel}), {format.dateTime(f.at)}: {f.reason}.
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
