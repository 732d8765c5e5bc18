"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { LongText } from "@/app/_components/long-text";
import { AppliedOnField } from "./applied-on-field";
import { SubmitButton } from "@/app/_components/submit-button";
import type { VersionChoice } from "@/lib/documents/choices";
import { SentDocumentField } from "./sent-document-field";
import { APPLICATION_STATUSES, SALARY_PERIODS, WORK_MODES } from "@/lib/vocabulary";
import { PERIOD_LABELS, SOURCE_SUGGESTIONS, STATUS_LABELS, WORK_MODE_LABELS } from "@/lib/applications/labels";
import type { FormState } from "@/lib/forms/form-state";
import type { ApplicationField } from "@/lib/validation/application";
import { APPLICATION_NOTES_MAX } from "@/lib/validation/limits";

export type ApplicationFormValues = Partial<Record<ApplicationField, string>>;

/** The new-application form also takes the document sent with it. */
type FormField = ApplicationField | "sentVersionId";

type Props = {
  action: (state: FormState<FormField>, formData: FormData) => Promise<FormState<FormField>>;
  /** The versions that can be named as sent (the new-application form only). */
  documents?: VersionChoice[];
  initial: ApplicationFormValues;
  id?: string;
  submitLabel: string;
  cancelHref: string;
};

export function ApplicationForm({ action, initial, id, submitLabel, cancelHref, documents }: Props) {
  const [state, formAction] = useActionState(action, {});
  const errors = state.fieldErrors ?? {};
  // After a failed submit, show what the user typed, not the saved values.
  // React's reset after an action restores a <select> to the value it was
  // first rendered with, so each select is keyed by its value: a changed
  // value remounts it with the submitted choice.
  const v = state.values ?? initial;

  return (
    <form action={formAction} noValidate className="space-y-6">
      <FormMessage message={state.message} answer={state} />
      {id ? <input type="hidden" name="id" value={id} /> : null}

      <fieldset className="card grid gap-4 p-4 sm:grid-cols-2 sm:p-6">
        <legend className="px-1 text-sm font-semibold text-slate-900 dark:text-slate-100">The job</legend>
        <Field name="company" label="Company" errors={errors.company}>
          {/* A new application starts where the user starts typing; an edit leaves the page where it is. */}
          {(p) => <input {...p} required maxLength={120} dir="auto" autoFocus={!id} className="input" defaultValue={v.company} />}
        </Field>
        <Field name="roleTitle" label="Role title" errors={errors.roleTitle}>
          {(p) => <input {...p} required maxLength={120} dir="auto" className="input" defaultValue={v.roleTitle} />}
        </Field>
        <Field name="location" label="Location (optional)" errors={errors.location}>
          {(p) => <input {...p} maxLength={120} className="input" defaultValue={v.location} placeholder="City, or Remote" />}
        </Field>
        <Field name="workMode" label="Work mode" errors={errors.workMode}>
          {(p) => (
            <select {...p} key={v.workMode ?? ""} className="input" defaultValue={v.workMode ?? ""}>
              <option value="">Not sure yet</option>
              {WORK_MODES.map((m) => (
                <option key={m} value={m}>
                  {WORK_MODE_LABELS[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="postingUrl" label="Job posting URL (optional)" errors={errors.postingUrl} className="sm:col-span-2">
          {(p) => <input {...p} type="url" inputMode="url" className="input" defaultValue={v.postingUrl} placeholder="https://" />}
        </Field>
        <Field name="source" label="Source (optional)" errors={errors.source} hint="Where you found it: referral, LinkedIn, company site…">
          {(p) => (
            <>
              <input {...p} list="source-suggestions" maxLength={80} className="input" defaultValue={v.source} />
              <datalist id="source-suggestions">
                {SOURCE_SUGGESTIONS.map((s) => (
                  <option key={s} value={s} />
                ))}
              </datalist>
            </>
          )}
        </Field>
      </fieldset>

      <fieldset className="card grid gap-4 p-4 sm:grid-cols-2 sm:p-6">
        <legend className="px-1 text-sm font-semibold text-slate-900 dark:text-slate-100">Where it stands</legend>
        <Field name="status" label="Status" errors={errors.status}>
          {(p) => (
            <select {...p} key={v.status ?? "applied"} className="input" defaultValue={v.status ?? "applied"}>
              {APPLICATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <AppliedOnField value={v.appliedOn} before={initial.appliedOn} errors={errors.appliedOn} confirmed={v.appliedOnConfirmed === "on"} />
        <Field name="excitement" label="Excitement (optional)" errors={errors.excitement} hint="1 = lukewarm, 5 = dream job">
          {(p) => (
            <select {...p} key={v.excitement ?? ""} className="input" defaultValue={v.excitement ?? ""}>
              <option value="">Not rated</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n} {"★".repeat(n)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset className="card grid gap-4 p-4 sm:grid-cols-4 sm:p-6">
        <legend className="px-1 text-sm font-semibold text-slate-900 dark:text-slate-100">Salary (optional)</legend>
        <Field name="salaryMin" label="From" errors={errors.salaryMin}>
          {(p) => <input {...p} inputMode="numeric" className="input" defaultValue={v.salaryMin} placeholder="70k" />}
        </Field>
        <Field name="salaryMax" label="To" errors={errors.salaryMax}>
          {(p) => <input {...p} inputMode="numeric" className="input" defaultValue={v.salaryMax} placeholder="85,000" />}
        </Field>
        <Field name="salaryCurrency" label="Currency" errors={errors.salaryCurrency}>
          {(p) => <input {...p} maxLength={3} className="input uppercase" defaultValue={v.salaryCurrency} placeholder="USD" />}
        </Field>
        <Field name="salaryPeriod" label="Per" errors={errors.salaryPeriod}>
          {(p) => (
            <select {...p} key={v.salaryPeriod ?? ""} className="input" defaultValue={v.salaryPeriod ?? ""}>
              <option value="">Choose…</option>
              {SALARY_PERIODS.map((s) => (
                <option key={s} value={s}>
                  {PERIOD_LABELS[s].replace("per ", "")}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <div className="card p-4 sm:p-6">
        <Field name="notes" label="Notes (optional)" errors={errors.notes}>
          {(p) => <LongText field={p} label="Notes" max={APPLICATION_NOTES_MAX} rows={5} defaultValue={v.notes} />}
        </Field>
      </div>

      {documents ? <SentDocumentField choices={documents} value={state.values?.sentVersionId ?? ""} errors={errors.sentVersionId} /> : null}

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
        <Link href={cancelHref} className="btn-secondary">
          Cancel
        </Link>
      </div>
    </form>
  );
}
