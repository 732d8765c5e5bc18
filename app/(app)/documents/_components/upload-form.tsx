"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { DOCUMENT_KIND_LABELS } from "@/lib/documents/choices";
import { MAX_DOCUMENT_BYTES, tooLargeDocumentMessage } from "@/lib/documents/limits";
import { DOCUMENT_KINDS } from "@/lib/vocabulary";

type UploadField = "kind" | "name" | "file";
type Answer = { message?: string; fieldErrors?: Partial<Record<UploadField, string>> };

const ACCEPT = ".pdf,.docx,.odt,.txt,.md,.markdown,application/pdf,text/plain,text/markdown";
const LOST = "The connection to Shortlist was lost. Check that it is still running, then try again.";

/** Sends the form to /documents/upload; the answer is either the saved version or an error per field. */
async function send(form: HTMLFormElement): Promise<Answer & { number?: number }> {
  const body = new FormData(form);
  const file = body.get("file");
  // Checked here too, so a file that is far too large is not sent at all.
  if (file instanceof File && file.size > MAX_DOCUMENT_BYTES) return { fieldErrors: { file: tooLargeDocumentMessage(file.size) } };
  let response: Response;
  try {
    response = await fetch("/documents/upload", { method: "POST", body });
  } catch {
    return { message: LOST };
  }
  const answer = (await response.json().catch(() => null)) as (Answer & { number?: number }) | null;
  if (response.ok) return { number: answer?.number };
  return answer ?? { message: `The file was not saved (error ${response.status}). Try again.` };
}

/**
 * Upload a new document (kind, name, file), or, given `documentId`, a new
 * version of one. Each refusal shows beside its field; after a save the
 * page reloads its list and the form empties.
 */
export function UploadForm({ documentId, documentName }: { documentId?: string; documentName?: string }) {
  const router = useRouter();
  const prefix = useId().replace(/:/g, "");
  const [answer, setAnswer] = useState<Answer>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = answer.fieldErrors ?? {};
  const list = (field: UploadField) => (errors[field] ? [errors[field]] : undefined);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    setSaved(null);
    const result = await send(form);
    setBusy(false);
    if (result.number) {
      setAnswer({});
      setSaved(documentId ? `Saved as version ${result.number} of ${documentName}.` : "Saved to your documents.");
      form.reset();
      router.refresh();
    } else setAnswer(result);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid={documentId ? "new-version-form" : "upload-form"}>
      <FormMessage message={answer.message} answer={answer} />
      {documentId ? (
        <input type="hidden" name="documentId" value={documentId} />
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field name="kind" label="Kind" errors={list("kind")} idPrefix={prefix}>
            {(p) => (
              <select {...p} className="input" defaultValue="cv">
                {DOCUMENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {DOCUMENT_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="name" label="Name" errors={list("name")} hint="How you will know it: “CV — product roles”." idPrefix={prefix}>
            {(p) => <input {...p} required maxLength={120} dir="auto" className="input" />}
          </Field>
        </div>
      )}
      <Field
        name="file"
        label={documentId ? `New version of ${documentName}` : "File"}
        errors={list("file")}
        hint="PDF, Word (DOCX), OpenDocument (ODT), text or Markdown, up to 10 MB."
        idPrefix={prefix}
      >
        {(p) => (
          <input
            {...p}
            type="file"
            required
            accept={ACCEPT}
            className="block w-full max-w-md text-sm text-slate-800 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-100 dark:text-slate-200 dark:file:border-slate-600 dark:file:bg-slate-800 dark:file:text-slate-100"
          />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={documentId ? "btn-secondary" : "btn-primary"} disabled={busy} aria-disabled={busy}>
          {busy ? "Uploading…" : documentId ? "Upload new version" : "Upload document"}
        </button>
        {saved ? (
          <p role="status" className="text-sm text-green-800 dark:text-green-300">
            {saved}
          </p>
        ) : null}
      </div>
    </form>
  );
}
