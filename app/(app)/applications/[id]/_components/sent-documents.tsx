import { ActionButton } from "@/app/_components/action-button";
import type { AttachmentView } from "@/lib/data/document-attachments";
import { DOCUMENT_KIND_LABELS } from "@/lib/documents/choices";
import { formatBytes } from "@/lib/import/limits";
import { detachDocumentAction } from "@/app/(app)/documents/actions";

/** What was sent (or presented), each with its download and a way to take it off. */
export function SentDocuments({ documents, heading }: { documents: AttachmentView[]; heading: string }) {
  return (
    <div className="text-sm" data-testid="sent-documents">
      <p className="font-medium text-slate-800 dark:text-slate-200">{heading}</p>
      <ul className="mt-1 space-y-1">
        {documents.map((d) => (
          <li key={d.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span>
              <bdi className="font-medium">{d.documentName}</bdi> — v{d.number}{" "}
              <span className="text-slate-600 dark:text-slate-400">
                ({DOCUMENT_KIND_LABELS[d.kind]}, <bdi className="break-all">{d.fileName}</bdi>, {formatBytes(d.size)})
              </span>
            </span>
            <a href={`/documents/files/${d.versionId}`} download className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
              Download<span className="sr-only"> {d.documentName} version {d.number}</span>
            </a>
            <ActionButton
              action={detachDocumentAction}
              fields={{ attachmentId: d.id }}
              pendingText="Removing…"
              className="text-sm text-slate-700 underline underline-offset-2 hover:text-red-800 dark:text-slate-300 dark:hover:text-red-200"
              formClassName="contents"
              messageClassName="basis-full"
            >
              Remove<span className="sr-only"> {d.documentName} version {d.number}</span>
            </ActionButton>
          </li>
        ))}
      </ul>
    </div>
  );
}
