"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { DEFAULT_GUIDANCE_SETTINGS, GUIDANCE_SETTING_LIMITS, type GuidanceSettings } from "@/lib/guidance/settings";
import type { GuidanceSettingsField } from "@/lib/validation/guidance-settings";
import { saveGuidanceSettingsAction } from "./actions";

const FIELDS: { name: GuidanceSettingsField; label: string; why: string }[] = [
  { name: "thankYouWindowHours", label: "Send a thank-you within (hours)", why: "A prompt note after each round." },
  { name: "prepLeadDays", label: "Start preparing a later round (days before)", why: "Research and examples need a few evenings." },
  { name: "decisionWaitDays", label: "Wait for a decision (days after the last round)", why: "Companies often take about a week." },
  { name: "followUpSpacingDays", label: "Days between follow-ups", why: "Keep in touch without pestering." },
  { name: "moveOnFollowUps", label: "Suggest moving on after (unanswered follow-ups)", why: "Then put your energy into other openings." },
  {
    name: "applicationFollowUpDays",
    label: "Application follow-up wait (days after applying)",
    why: "Check in when an application has had no interview and no answer.",
  },
];

export function GuidanceSettingsForm({ current }: { current: GuidanceSettings }) {
  const [state, action] = useActionState(saveGuidanceSettingsAction, {});
  const errored = Boolean(state.fieldErrors && Object.keys(state.fieldErrors).length);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} tone={errored ? "error" : "success"} answer={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        {FIELDS.map(({ name, label, why }) => {
          const { min, max } = GUIDANCE_SETTING_LIMITS[name];
          return (
            <Field
              key={name}
              name={name}
              label={label}
              idPrefix="guidance"
              errors={state.fieldErrors?.[name]}
              hint={`${why} Recommended: ${DEFAULT_GUIDANCE_SETTINGS[name]}. From ${min} to ${max}.`}
            >
              {(p) => (
                <input
                  {...p}
                  className="input"
                  type="number"
                  inputMode="numeric"
                  min={min}
                  max={max}
                  step={1}
                  defaultValue={state.values?.[name] ?? String(current[name])}
                />
              )}
            </Field>
          );
        })}
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingText="Saving…" className="btn-secondary">
          Save timings
        </SubmitButton>
        <button type="submit" name="intent" value="reset" className="text-sm text-brand-700 dark:text-brand-300 underline underline-offset-2">
          Reset to the recommended timings
        </button>
      </div>
    </form>
  );
}
