"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { AUTOMATIC } from "@/lib/validation/date-display";
import { setDateDisplayAction } from "./actions";

type Props = {
  /** The saved choices; null follows the browser. */
  locale: string | null;
  hourCycle: "h12" | "h23" | null;
  /** "English (United States)": what the browser asks for, for the Automatic option. */
  browserName: string | null;
  /** Every locale offered, with its name and how a date reads in it. */
  choices: { locale: string; label: string }[];
  /** "Wed, Dec 2, 2026, 2:00 PM": a date as it reads now. */
  sample: string;
};

export function DatesForm({ locale, hourCycle, browserName, choices, sample }: Props) {
  const [state, action] = useActionState(setDateDisplayAction, {});
  const errored = Boolean(state.fieldErrors && Object.keys(state.fieldErrors).length);
  const localeValue = state.values?.locale ?? locale ?? AUTOMATIC;
  const clockValue = state.values?.hourCycle ?? hourCycle ?? AUTOMATIC;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state.message} tone={errored ? "error" : "success"} answer={state} />
      <div className="grid gap-4">
        <Field name="locale" label="Language and region" idPrefix="dates" errors={state.fieldErrors?.locale}>
          {(p) => (
            <select {...p} key={localeValue} className="input" defaultValue={localeValue}>
              <option value={AUTOMATIC}>{browserName ? `Automatic (from your browser: ${browserName})` : "Automatic (from your browser)"}</option>
              {choices.map((c) => (
                <option key={c.locale} value={c.locale}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="hourCycle" label="Clock" idPrefix="dates" errors={state.fieldErrors?.hourCycle}>
          {(p) => (
            <select {...p} key={clockValue} className="input" defaultValue={clockValue}>
              <option value={AUTOMATIC}>Automatic (as your language and region write it)</option>
              <option value="h12">12-hour (2:00 PM)</option>
              <option value="h23">24-hour (14:00)</option>
            </select>
          )}
        </Field>
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="date-sample">
        Dates and times now read like this: <span className="font-medium text-slate-900 dark:text-slate-100">{sample}</span>
      </p>
      <SubmitButton pendingText="Saving…" className="btn-secondary">
        Save dates and times
      </SubmitButton>
    </form>
  );
}
