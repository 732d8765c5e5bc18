import { Field } from "@/app/_components/field";
import { APPLIED_BEFORE_FIELD, APPLIED_CONFIRM_FIELD, APPLIED_LONG_AGO_MESSAGE } from "@/lib/validation/applied-date";

type Props = { value?: string; before?: string; errors?: string[]; confirmed: boolean };

/**
 * The applied date, and the second look a long-ago date asks for: the
 * server says so beside the field, and the box to confirm it appears with
 * that message (and stays ticked if the form comes back for another reason).
 */
export function AppliedOnField({ value, before, errors, confirmed }: Props) {
  const askConfirm = confirmed || (errors ?? []).includes(APPLIED_LONG_AGO_MESSAGE);
  return (
    <div>
      <Field name="appliedOn" label="Applied on (optional)" errors={errors}>
        {(p) => <input {...p} type="date" className="input" defaultValue={value} />}
      </Field>
      <input type="hidden" name={APPLIED_BEFORE_FIELD} value={before ?? ""} />
      {askConfirm ? (
        <label className="mt-2 flex items-center gap-2 text-sm text-slate-800 dark:text-slate-200">
          <input type="checkbox" name={APPLIED_CONFIRM_FIELD} defaultChecked={confirmed} className="size-4" />
          Yes, that date is right
        </label>
      ) : null}
    </div>
  );
}
