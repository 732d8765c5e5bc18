import Link from "next/link";
import type { AttachmentView } from "@/lib/data/document-attachments";
import type { VersionChoice } from "@/lib/documents/choices";
import { AttachDocumentForm } from "./attach-document-form";
import { SentDocuments } from "./sent-documents";

type Props = { applicationId: string; sent: AttachmentView[]; choices: VersionChoice[]; rounds: { roundId: string; label: string }[] };

/** The CV and letters sent with the application, and the form to attach one from the library. */
export function DocumentsSection({ applicationId, sent, choices, rounds }: Props) {
  return (
    <section aria-labelledby="documents-heading" id="documents" className="card scroll-mt-4 space-y-4 p-4 sm:p-6">
      <h2 id="documents-heading" className="text-sm font-semibold">
        Documents sent
      </h2>
      {sent.length ? (
        <SentDocuments documents={sent} heading="Sent with this application" />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="no-sent-documents">
          No document recorded as sent yet.
        </p>
      )}
      {choices.length ? (
        <AttachDocumentForm applicationId={applicationId} choices={choices} rounds={rounds} />
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          <Link href="/documents" className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
            Upload your CV or cover letter
          </Link>{" "}
          to your documents, then attach the version you sent here.
        </p>
      )}
    </section>
  );
}
