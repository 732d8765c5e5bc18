import { Field } from "@/app/_components/field";
import { LongText } from "@/app/_components/long-text";
import { ROUND_OUTCOMES } from "@/lib/vocabulary";
import { ROUND_OUTCOME_LABELS } from "@/lib/interviews/catalog";
import { ROUND_NOTES_MAX } from "@/lib/validation/limits";

type Props = { values: Record<string, string | undefined>; errors: Record<string, string[] | undefined> };

/** Outcome, thank-you and notes: what the round form asks once the round has happened. */
export function HowItWentFields({ values: v, errors }: Props) {
  return (
    <fieldset className="grid gap-4 sm:grid-cols-2">
      <legend className="mb-2 px-1 text-sm font-semibold text-slate-900 dark:text-slate-100">How it went</legend>
      <Field name="outcome" label="Outcome" errors={errors.outcome}>
        {(p) => (
          <select {...p} key={v.outcome ?? "pending"} className="input" defaultValue={v.outcome ?? "pending"}>
            {ROUND_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {ROUND_OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="thankYouSentAt" label="Thank-you sent (optional)" errors={errors.thankYouSentAt} hint="When you sent it. Leave empty if you haven't yet.">
        {(p) => <input {...p} type="datetime-local" className="input" defaultValue={v.thankYouSentAt} />}
      </Field>
      <Field name="notes" label="Notes (optional)" errors={errors.notes} className="sm:col-span-2">
        {(p) => <LongText field={p} label="Notes" max={ROUND_NOTES_MAX} rows={4} defaultValue={v.notes} placeholder="What was asked, what you said, how it felt" />}
      </Field>
    </fieldset>
  );
}
