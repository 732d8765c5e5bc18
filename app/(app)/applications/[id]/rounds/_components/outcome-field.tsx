import { Field } from "@/app/_components/field";
import { ROUND_OUTCOMES } from "@/lib/vocabulary";
import { ROUND_OUTCOME_LABELS } from "@/lib/interviews/catalog";

type Props = { value: string | undefined; errors: string[] | undefined; idPrefix?: string; className?: string };

/** A round's outcome, as the full form and the short "How did it go?" step both ask it. */
export function OutcomeField({ value, errors, idPrefix, className = "input" }: Props) {
  return (
    <Field name="outcome" label="Outcome" errors={errors} idPrefix={idPrefix}>
      {(p) => (
        <select {...p} key={value ?? "pending"} className={className} defaultValue={value ?? "pending"}>
          {ROUND_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {ROUND_OUTCOME_LABELS[o]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
