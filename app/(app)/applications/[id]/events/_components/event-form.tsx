"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { LongText } from "@/app/_components/long-text";
import { SubmitButton } from "@/app/_components/submit-button";
import { useZoneHint } from "@/app/_components/use-browser-time-zone";
import { EVENT_KINDS, type EventKind } from "@/lib/vocabulary";
import type { FormState } from "@/lib/forms/form-state";
import { EVENT_KIND_LABELS } from "@/lib/interviews/catalog";
import { EVENT_NOTE_MAX } from "@/lib/validation/limits";
import { EventExtraFields } from "./event-extra-fields";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  initial: Record<string, string>;
  applicationId: string;
  /** Editing: the event's id; its kind is fixed and shown as text. */
  eventId?: string;
  fixedKindLabel?: string;
  /** Editing: the event's kind, which decides its extra fields. */
  fixedKind?: EventKind;
  timeZone: string;
  submitLabel: string;
  cancelHref?: string;
};

export function EventForm({ action, initial, applicationId, eventId, fixedKindLabel, fixedKind, timeZone, submitLabel, cancelHref }: Props) {
  const [state, formAction] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  const v: Record<string, string | undefined> = state.values ?? initial;
  const [chosenKind, setChosenKind] = useState<EventKind>((v.kind as EventKind | undefined) ?? "follow_up_sent");
  const kind = fixedKind ?? chosenKind;
  const zoneHint = useZoneHint(timeZone);

  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormMessage message={state.message} answer={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      {eventId ? <input type="hidden" name="eventId" value={eventId} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {fixedKindLabel ? (
          <p className="text-sm">
            <span className="block font-medium text-slate-800 dark:text-slate-200">What happened</span>
            <span className="mt-2 block text-slate-900 dark:text-slate-100">{fixedKindLabel}</span>
          </p>
        ) : (
          <Field name="kind" label="What happened" errors={errors.kind} idPrefix="event">
            {(p) => (
              <select
                {...p}
                key={v.kind ?? "follow_up_sent"}
                className="input"
                defaultValue={v.kind ?? "follow_up_sent"}
                onChange={(e) => setChosenKind(e.target.value as EventKind)}
              >
                {EVENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {EVENT_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field name="occurredAt" label="When" errors={errors.occurredAt} hint={zoneHint} idPrefix="event">
          {(p) => <input {...p} type="datetime-local" required className="input" defaultValue={v.occurredAt} />}
        </Field>
        <Field name="note" label="Note (optional)" errors={errors.note} className="sm:col-span-2" idPrefix="event">
          {(p) => <LongText field={p} label="Note" max={EVENT_NOTE_MAX} rows={2} defaultValue={v.note} />}
        </Field>
        <EventExtraFields kind={kind} errors={errors} values={v} />
      </div>
      {fixedKindLabel ? null : (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          An offer, a rejection or a withdrawal also updates the application&apos;s status.
        </p>
      )}
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
