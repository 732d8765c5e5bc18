import Link from "next/link";
import { Field } from "@/app/_components/field";
import type { VersionChoice } from "@/lib/documents/choices";

/** Which CV or letter went with the application, picked from the library; a link to it when the library is empty. */
export function SentDocumentField({ choices, value, errors }: { choices: VersionChoice[]; value: string; errors?: string[] }) {
  return (
    <div className="card p-4 sm:p-6">
      {choices.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="no-documents-to-send">
          To record the CV or cover letter you sent, first{" "}
          <Link href="/documents" className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
            upload it to your documents
          </Link>
          ; you can attach it from the application&apos;s page afterwards.
        </p>
      ) : (
        <Field name="sentVersionId" label="Document sent (optional)" errors={errors} hint="The CV or letter you sent with this application, from your documents.">
          {(p) => (
            <select key={value} {...p} defaultValue={value} className="input">
              <option value="">None</option>
              {choices.map((c) => (
                <option key={c.versionId} value={c.versionId}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </div>
  );
}
