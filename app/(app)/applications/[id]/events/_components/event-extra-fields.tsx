import { Field } from "@/app/_components/field";
import { LongText } from "@/app/_components/long-text";
import type { EventKind } from "@/lib/vocabulary";
import { OFFER_EQUITY_MAX, OFFER_NOTES_MAX } from "@/lib/validation/limits";

type Props = {
  kind: EventKind;
  errors: Partial<Record<string, string[]>>;
  values: Record<string, string | undefined>;
};

/**
 * What only some events carry: a reply's "they said by" date, and an
 * offer's terms. Each is optional; the server keeps only the kind's own.
 */
export function EventExtraFields({ kind, errors, values: v }: Props) {
  if (kind === "response_received") {
    return (
      <Field
        name="saidBy"
        label="They said by (optional)"
        hint="A date they gave for their next word, such as “we'll be in touch by Friday”. Shortlist waits until that day is over before suggesting a follow-up."
        errors={errors.saidBy}
        idPrefix="event"
      >
        {(p) => <input {...p} type="date" className="input" defaultValue={v.saidBy} />}
      </Field>
    );
  }
  if (kind !== "offer_received") return null;
  return (
    <fieldset className="space-y-4 sm:col-span-2">
      <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">The offer (all optional; add what you know)</legend>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="offerBase" label="Base pay (yearly)" hint="Like 90,000, 90k or £90,000" errors={errors.offerBase} idPrefix="event">
          {(p) => <input {...p} inputMode="decimal" className="input" defaultValue={v.offerBase} />}
        </Field>
        <Field name="offerBonus" label="Bonus" errors={errors.offerBonus} idPrefix="event">
          {(p) => <input {...p} inputMode="decimal" className="input" defaultValue={v.offerBonus} />}
        </Field>
        <Field name="offerCurrency" label="Currency" hint="Such as USD or EUR" errors={errors.offerCurrency} idPrefix="event">
          {(p) => <input {...p} maxLength={3} autoCapitalize="characters" className="input" defaultValue={v.offerCurrency} />}
        </Field>
        <Field name="offerEquity" label="Equity" errors={errors.offerEquity} idPrefix="event">
          {(p) => <input {...p} maxLength={OFFER_EQUITY_MAX} className="input" defaultValue={v.offerEquity} />}
        </Field>
        <Field name="offerStartOn" label="Start date" errors={errors.offerStartOn} idPrefix="event">
          {(p) => <input {...p} type="date" className="input" defaultValue={v.offerStartOn} />}
        </Field>
        <Field
          name="offerAnswerBy"
          label="Answer by"
          hint="Shortlist reminds you the working day before."
          errors={errors.offerAnswerBy}
          idPrefix="event"
        >
          {(p) => <input {...p} type="date" className="input" defaultValue={v.offerAnswerBy} />}
        </Field>
      </div>
      <Field name="offerNotes" label="Offer notes" errors={errors.offerNotes} idPrefix="event">
        {(p) => <LongText field={p} label="Offer notes" max={OFFER_NOTES_MAX} rows={2} defaultValue={v.offerNotes} />}
      </Field>
    </fieldset>
  );
}
