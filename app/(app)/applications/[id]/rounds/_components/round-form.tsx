"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { LongText } from "@/app/_components/long-text";
import { SubmitButton } from "@/app/_components/submit-button";
import { useZoneHint } from "@/app/_components/use-browser-time-zone";
import { ROUND_FORMATS, ROUND_KINDS } from "@/lib/vocabulary";
import type { InterviewerView } from "@/lib/data/interviewers";
import type { FormState } from "@/lib/forms/form-state";
import { ROUND_FORMAT_LABELS, ROUND_KIND_LABELS } from "@/lib/interviews/catalog";
import { afterRoundOpen, placeOpen, roundFormMode } from "@/lib/interviews/round-form-mode";
import { MAX_ROUND_MINUTES, ROUND_NOTES_MAX } from "@/lib/validation/limits";
import { Fold } from "./fold";
import { HowItWentFields } from "./how-it-went-fields";
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
  /** The server's now as a wall time in `timeZone`: whether the round has happened is decided against it. */
  nowWall: string;
  submitLabel: string;
  cancelHref?: string;
};

export function RoundForm({ action, initial, applicationId, roundId, known, offers, timeZone, nowWall, submitLabel, cancelHref }: Props) {
  const [state, formAction] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  // After a failed submit, show what was typed; selects are keyed by value
  // so React's form reset cannot put back the first-rendered choice.
  const v: Record<string, string | undefined> = state.values ?? initial;
  const zoneHint = useZoneHint(timeZone);
  const [starts, setStarts] = useState(v.scheduledAt);
  const mode = roundFormMode(starts, nowWall);
  const errorKeys = Object.keys(errors);
  const [afterOpen, setAfterOpen] = useState(() => afterRoundOpen(mode, v, errorKeys));
  const [placeShown, setPlaceShown] = useState(() => placeOpen(v, errorKeys));
  // A start typed in the past opens "How it went"; a refused save opens whatever holds the refused field.
  const [seen, setSeen] = useState({ mode, state });
  if (seen.mode !== mode || seen.state !== state) {
    setSeen({ mode, state });
    if (afterRoundOpen(mode, v, errorKeys)) setAfterOpen(true);
    if (placeOpen(v, errorKeys)) setPlaceShown(true);
  }

  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage message={state.message} answer={state} />
      <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="round-form-mode" data-mode={mode}>
        {mode === "booking"
          ? "To book it, the kind, the time, the format and who you'll meet are enough. Once it has happened, note how it went."
          : "This round has happened: note how it went and what the interviewer signalled."}
      </p>
      <input type="hidden" name="applicationId" value={applicationId} />
      {roundId ? <input type="hidden" name="roundId" value={roundId} /> : null}

      <fieldset className="card grid gap-4 p-4 sm:grid-cols-3 sm:p-6">
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
          {(p) => <input {...p} type="datetime-local" required className="input" defaultValue={v.scheduledAt} onChange={(e) => setStarts(e.target.value)} />}
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
      </fieldset>

      <InterviewerPicker known={known} offers={offers} values={v} errors={errors} />

      <Fold open={placeShown} onToggle={setPlaceShown} title="Place, length and prep notes" hint="Optional: a meeting link or address, how long it runs, what to prepare." testId="round-place">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="durationMinutes" label="Duration in minutes (optional)" errors={errors.durationMinutes}>
            {(p) => <input {...p} type="number" inputMode="numeric" min={1} max={MAX_ROUND_MINUTES} step={5} className="input" defaultValue={v.durationMinutes} />}
          </Field>
          <Field name="location" label="Where or meeting link (optional)" errors={errors.location} hint="An address for in-person rounds; a video link or dial-in otherwise.">
            {(p) => <input {...p} maxLength={500} className="input" defaultValue={v.location} />}
          </Field>
          <Field name="prepNotes" label="Prep notes (optional)" errors={errors.prepNotes} className="sm:col-span-2">
            {(p) => (
              <LongText field={p} label="Prep notes" max={ROUND_NOTES_MAX} rows={3} defaultValue={v.prepNotes} placeholder="Company news to mention, examples to tell, questions to ask" />
            )}
          </Field>
        </div>
      </Fold>

      <Fold
        open={afterOpen}
        onToggle={setAfterOpen}
        title="After the round: how it went and what they signalled"
        hint={mode === "booking" ? "For later: open it once the round has happened." : "The outcome, the signs you noticed and what the round covered."}
        testId="round-after"
      >
        <HowItWentFields values={v} errors={errors} />
        <SignalChecklist values={v} errors={errors} />
      </Fold>

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
