"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { LongText } from "@/app/_components/long-text";
import { SubmitButton } from "@/app/_components/submit-button";
import { useZoneHint } from "@/app/_components/use-browser-time-zone";
import { ROUND_FORMATS, ROUND_KINDS, ROUND_OUTCOMES } from "@/lib/vocabulary";
import type { InterviewerView } from "@/lib/data/interviewers";
import type { FormState } from "@/lib/forms/form-state";
import { ROUND_FORMAT_LABELS, ROUND_KIND_LABELS, ROUND_OUTCOME_LABELS } from "@/lib/interviews/catalog";
import { MAX_ROUND_MINUTES, ROUND_NOTES_MAX } from "@/lib/validation/limits";
import { InterviewerPicker } from "./interviewer-picker";
import type { Offer } from "./offerable-people";
import { SignalChecklist } from "./signal-checklist";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  applicationId: string;
  roundId?: string;
  known: InterviewerView[];
  /** Everyone met at the company, offered when a typed person is one of them. */
  offers: Offer[];
  timeZone: string;
  submitLabel: string;
  cancelHref?: string;
};

export function RoundForm({ action, initial, applicationId, roundId, known, offers, timeZone, submitLabel, cancelHref }: Props) {
  const [state, formAction] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  // After a failed submit, show what was typed; selects are keyed by value
  // so React's form reset cannot put back the first-rendered choice.
  const v: Record<string, string | undefined> = state.values ?? initial;
  const zoneHint = useZoneHint(timeZone);

  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage message={state.message} answer={state} />
      {roundId ? null : (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Only the start is needed now. After the interview, edit the round to tick what the interviewer signalled.
        </p>
      )}
      <input type="hidden" name="applicationId" value={applicationId} />
      {roundId ? <input type="hidden" name="roundId" value={roundId} /> : null}

      <fieldset className="card grid gap-4 p-4 sm:grid-cols-2 sm:p-6">
        <legend className="px-1 text-sm font-semibold text-slate-900 dark:text-slate-100">The round</legend>
        <Field name="kind" label="Kind" errors={errors.kind}>
          {(p) => (
            <select {...p} key={v.kind} className="input" defaultValue={v.kind}>
              {ROUND_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ROUND_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="scheduledAt" label="Starts" errors={errors.scheduledAt} hint={zoneHint}>
          {(p) => <input {...p} type="datetime-local" required className="input" defaultValue={v.scheduledAt} />}
        </Field>
        <Field name="durationMinutes" label="Duration in minutes (optional)" errors={errors.durationMinutes}>
          {(p) => (
            <input {...p} type="number" inputMode="numeric" min={1} max={MAX_ROUND_MINUTES} step={5} className="input" defaultValue={v.durationMinutes} />
          )}
        </Field>
        <Field name="format" label="Format" errors={errors.format}>
          {(p) => (
            <select {...p} key={v.format ?? ""} className="input" defaultValue={v.format ?? ""}>
              <option value="">Not sure yet</option>
              {ROUND_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {ROUND_FORMAT_LABELS[f]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="location"
          label="Where or meeting link (optional)"
          errors={errors.location}
          hint="An address for in-person rounds; a video link or dial-in otherwise."
          className="sm:col-span-2"
        >
          {(p) => <input {...p} maxLength={500} className="input" defaultValue={v.location} />}
        </Field>
      </fieldset>

      <InterviewerPicker known={known} offers={offers} values={v} errors={errors} />
      <SignalChecklist values={v} errors={errors} />

      <fieldset className="card grid gap-4 p-4 sm:grid-cols-2 sm:p-6">
        <legend className="px-1 text-sm font-semibold text-slate-900 dark:text-slate-100">How it went</legend>
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
        <Field
          name="thankYouSentAt"
          label="Thank-you sent (optional)"
          errors={errors.thankYouSentAt}
          hint="When you sent it. Leave empty if you haven't yet."
        >
          {(p) => <input {...p} type="datetime-local" className="input" defaultValue={v.thankYouSentAt} />}
        </Field>
        <Field name="prepNotes" label="Prep notes (optional)" errors={errors.prepNotes} className="sm:col-span-2">
          {(p) => (
            <LongText
              field={p}
              label="Prep notes"
              max={ROUND_NOTES_MAX}
              rows={3}
              defaultValue={v.prepNotes}
              placeholder="Company news to mention, examples to tell, questions to ask"
            />
          )}
        </Field>
        <Field name="notes" label="Notes (optional)" errors={errors.notes} className="sm:col-span-2">
          {(p) => (
            <LongText field={p} label="Notes" max={ROUND_NOTES_MAX} rows={4} defaultValue={v.notes} placeholder="What was asked, what you said, how it felt" />
          )}
        </Field>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
        {cancelHref ? (
          <Link href={cancelHref} className="btn-secondary">
            Cancel
          </Link>
        ) : null}
      </div>
    </form>
  );
}
