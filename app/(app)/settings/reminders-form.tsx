"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import type { ReminderSettings } from "@/lib/reminders/settings";
import { CarriesSelect } from "./carries-select";
import { saveRemindersAction } from "./reminder-actions";

type Props = {
  settings: ReminderSettings;
  email: string;
  /** Whether this server can send email: without it the email switch is kept as it is, unseen. */
  smtpOn: boolean;
  /** "08:00" or "8:00 AM" for each hour 0 to 23, on the user's clock. */
  hours: string[];
};


export function RemindersForm({ settings, email, smtpOn, hours }: Props) {
  const [state, action] = useActionState(saveRemindersAction, {});
  const errored = Boolean(state.fieldErrors && Object.keys(state.fieldErrors).length);
  const v = state.values;
  const value = (name: "digestHour" | "quietFrom" | "quietUntil") => v?.[name] ?? String(settings[name]);
  const emailOn = v ? v.emailOn === "on" : settings.emailOn;
  const hourSelect = (name: "digestHour" | "quietFrom" | "quietUntil", label: string, hint?: string) => (
    <Field name={name} label={label} idPrefix="reminders" errors={state.fieldErrors?.[name]} hint={hint}>
      {(p) => (
        <select {...p} key={value(name)} className="input" defaultValue={value(name)}>
          {hours.map((text, hour) => (
            <option key={hour} value={hour}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} tone={errored ? "error" : "success"} answer={state} />
      {smtpOn ? (
        <>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="emailOn" value="on" defaultChecked={emailOn} key={String(emailOn)} className="mt-0.5 size-4" />
            <span>
              Email me reminders at <span className="font-medium">{email}</span>
            </span>
          </label>
          <CarriesSelect name="emailCarries" label="Email carries" idPrefix="reminders" value={v?.emailCarries ?? settings.emailCarries} errors={state.fieldErrors?.emailCarries} />
        </>
      ) : (
        <>
          {emailOn ? <input type="hidden" name="emailOn" value="on" /> : null}
          <input type="hidden" name="emailCarries" value={settings.emailCarries} />
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        {hourSelect("digestHour", "Morning digest at", "In your time zone, on every channel.")}
        {hourSelect("quietFrom", "Quiet from")}
        {hourSelect("quietUntil", "Quiet until", "Only interview reminders come in quiet hours.")}
      </div>
      <SubmitButton pendingText="Saving…" className="btn-secondary">
        Save reminders
      </SubmitButton>
    </form>
  );
}
