import { Field } from "@/app/_components/field";
import { LongText } from "@/app/_components/long-text";
import { ROUND_NOTES_MAX } from "@/lib/validation/limits";
import { OutcomeField } from "./outcome-field";

type Props = { values: Record<string, string | undefined>; errors: Record<string, string[] | undefined> };

/** Outcome, thank-you and notes: what the round form asks once the round has happened. */
export function HowItWentFields({ values: v, errors }: Props) {
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="mb-2 px-1 text-sm font-semibold text-slate-900 dark:text-slate-100">How it went</legend>
      <OutcomeField value={v.outcome} errors={errors.outcome} />
      <Field name="thankYouSentAt" label="Thank-you sent (optional)" errors={errors.thankYouSentAt} hint="When you sent it. Leave empty if you haven't yet.">
        {(p) => <input {...p} type="datetime-local" className="input" defaultValue={v.thankYouSentAt} />}
      </Field>
      <Field name="notes" label="Notes (optional)" errors={errors.notes} className="sm:col-span-2">
        {(p) => <LongText field={p} label="Notes" max={ROUND_NOTES_MAX} rows={4} defaultValue={v.notes} placeholder="What was asked, what you said, how it felt" />}
      </Field>
    </fieldset>
  );
}
