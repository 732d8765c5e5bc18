import { ConfirmDeleteButton } from "@/app/_components/confirm-delete-button";
import type { DocumentView } from "@/lib/data/documents";
import { DOCUMENT_KIND_LABELS } from "@/lib/documents/choices";
import { formatBytes } from "@/lib/import/limits";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { deleteDocumentAction } from "../actions";
import { UploadForm } from "./upload-form";

/** One document: its versions, newest first, each a download; a new version; delete. */
export function DocumentCard({ document: d, dates }: { document: DocumentView; dates: DateStyle }) {
  const formats = formatsFor(dates);
  return (
    <article aria-labelledby={`doc-${d.id}`} className="card space-y-4 p-4 sm:p-6" data-testid="document">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={`doc-${d.id}`} className="font-semibold" dir="auto">
            {d.name}
          </h3>
          <p className="text-sm text-slate-600 dark:text-slate-400">{DOCUMENT_KIND_LABELS[d.kind]}</p>
        </div>
        <ConfirmDeleteButton
          action={deleteDocumentAction}
          fields={{ documentId: d.id }}
          accessibleLabel={`Delete ${d.name}`}
          title={`Delete ${d.name}?`}
          description="Every version of it will be removed for good, and taken off the applications and rounds it is attached to."
        />
      </div>
      <ol className="divide-y divide-slate-200 text-sm dark:divide-slate-700" aria-label={`Versions of ${d.name}`}>
        {d.versions.map((v) => (
          <li key={v.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2" data-testid="document-version">
            <span>
              <span className="font-medium">v{v.number}</span> <bdi className="break-all">{v.fileName}</bdi>
              <span className="text-slate-600 dark:text-slate-400">
                {" "}
                · {formatBytes(v.size)} · {formats.mediumDate(v.createdAt)}
              </span>
            </span>
            <a href={`/documents/files/${v.id}`} download className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
              Download<span className="sr-only"> {d.name} version {v.number}</span>
            </a>
          </li>
        ))}
      </ol>
      <details className="group">
        <summary className="cursor-pointer list-none font-medium text-brand-700 marker:hidden dark:text-brand-300">
          <span aria-hidden className="mr-1 inline-block transition-transform group-open:rotate-90">
            ▸
          </span>
          Upload a new version
        </summary>
        <div className="mt-4">
          <UploadForm documentId={d.id} documentName={d.name} />
        </div>
      </details>
    </article>
  );
}
