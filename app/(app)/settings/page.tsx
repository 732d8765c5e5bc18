import type { Metadata } from "next";
import { requireReader } from "@/app/(app)/request-dates";
import { knownTimeZones } from "@/lib/time/zoned";
import { zoneChoice } from "@/lib/time/zone-names";
import { DatesSection } from "./dates-section";
import { CalendarFeedSection } from "./calendar-feed-section";
import { RemindersSection } from "./reminders-section";
import { smtpConfigured } from "@/lib/reminders/email";
import { preparePasswordScorer } from "@/lib/auth/password-strength";
import { ChangePasswordForm } from "./change-password-form";
import { GuidanceSettingsForm } from "./guidance-settings-form";
import { SessionsSection } from "./sessions-section";
import { AccessTokensSection } from "./access-tokens-section";
import { TwoFactorSection } from "./two-factor-section";
import { TimeZoneForm } from "./time-zone-form";
import { YourData } from "./your-data";
import { AccountDetailsForm } from "./account-details-form";
import { loadSettings } from "./load-settings";
import { SettingsIndex } from "./settings-index";
import { OneMessageAtATime } from "@/app/_components/one-message";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: PageProps<"/settings">) {
  const user = await requireReader();
  // The new-password field is scored on the server: have the scorer ready before it is sent.
  preparePasswordScorer();
  const now = new Date();
  const { calendarUrl, guidanceSettings, twoFactor, sessions, tokens, origin, reminderSettings, reminderFailures, reminderChannels, push } = await loadSettings(user.id, now);
  return (
    <OneMessageAtATime className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      <SettingsIndex />

      <section aria-labelledby="account-heading" className="card p-4 sm:p-6">
        <h2 id="account-heading" className="text-lg font-semibold">
          Account
        </h2>
        <AccountDetailsForm name={user.name} email={user.email} />
      </section>

      <section aria-labelledby="time-zone-heading" className="card p-4 sm:p-6">
        <h2 id="time-zone-heading" className="text-lg font-semibold">
          Time zone
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-700 dark:text-slate-300">
          Interview times are typed and shown in this zone. Changing it changes how times read, never when they happen.
        </p>
        <TimeZoneForm current={user.timeZone} zones={knownTimeZones(user.timeZone).map((z) => zoneChoice(z, now))} />
      </section>

      <DatesSection user={user} now={now} />

      <section aria-labelledby="guidance-heading" className="card p-4 sm:p-6">
        <h2 id="guidance-heading" className="text-lg font-semibold">
          Next-step timings
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-700 dark:text-slate-300">
          When Shortlist suggests each step. The recommended values come from the article the advice is built on; change them
          to suit how you work and your next steps follow at once.
        </p>
        <GuidanceSettingsForm current={guidanceSettings} />
      </section>

      <RemindersSection user={user} settings={reminderSettings} own={reminderChannels} push={push} failures={reminderFailures} smtpOn={smtpConfigured()} />

      <CalendarFeedSection url={calendarUrl} />

      <section aria-labelledby="password-heading" className="card p-4 sm:p-6">
        <h2 id="password-heading" className="text-lg font-semibold">
          Change password
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-700 dark:text-slate-300">
          Changing your password signs you out on every device, this one included.
        </p>
        <ChangePasswordForm />
      </section>

      <TwoFactorSection user={user} status={twoFactor} turnedOff={(await searchParams)["two-factor"] === "off"} />

      <SessionsSection user={user} sessions={sessions} now={now} />

      <AccessTokensSection tokens={tokens} dates={user.dates} now={now} origin={origin} />

      <YourData />
    </OneMessageAtATime>
  );
}
