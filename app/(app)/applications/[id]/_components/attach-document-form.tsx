"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import type { VersionChoice } from "@/lib/documents/choices";
import { attachDocumentAction } from "@/app/(app)/documents/actions";

type Place = { roundId: string; label: string };

/** Attach a version from the library to the application, or to one of its rounds. */
export function AttachDocumentForm({ applicationId, choices, rounds }: { applicationId: string; choices: VersionChoice[]; rounds: Place[] }) {
  const [state, formAction] = useActionState(attachDocumentAction, {});
  return (
    <form action={formAction} className="space-y-3" data-testid="attach-document">
      <FormMessage message={state.message} answer={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="versionId" label="Document" errors={state.fieldErrors?.versionId} idPrefix="attach">
          {(p) => (
            <select {...p} className="input" defaultValue="">
              <option value="" disabled>
                Choose a version…
              </option>
              {choices.map((c) => (
                <option key={c.versionId} value={c.versionId}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="roundId" label="Sent with" idPrefix="attach">
          {(p) => (
            <select {...p} className="input" defaultValue="">
              <option value="">The application</option>
              {rounds.map((r) => (
                <option key={r.roundId} value={r.roundId}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <SubmitButton pendingText="Attaching…" className="btn-secondary">
        Attach
      </SubmitButton>
    </form>
  );
}
