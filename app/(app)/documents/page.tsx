import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { requireReader } from "@/app/(app)/request-dates";
import { documentBytesUsed, listDocuments } from "@/lib/data/documents";
import { documentQuotaBytes } from "@/lib/documents/limits";
import { formatBytes } from "@/lib/import/limits";
import { DocumentCard } from "./_components/document-card";
import { UploadForm } from "./_components/upload-form";

export const metadata: Metadata = { title: "Documents" };

export default async function DocumentsPage({ searchParams }: PageProps<"/documents">) {
  const user = await requireReader();
  const db = getDb();
  const [list, used] = await Promise.all([listDocuments(db, { userId: user.id }), documentBytesUsed(db, { userId: user.id })]);
  const quota = documentQuotaBytes();
  const deleted = (await searchParams).deleted === "1";
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Documents</h1>
        <p className="mt-1 max-w-prose text-sm text-slate-700 dark:text-slate-300">
          Your CVs, cover letters and portfolios. Upload a new version when you change one: the old ones stay, so you can
          always see what a company read. Attach a version to an application or a round from its page.
        </p>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300" data-testid="document-quota">
          <span className="font-medium">{used === 0 ? "0 MB" : formatBytes(used)}</span> of {formatBytes(quota)} used
        </p>
        {deleted ? (
          <p role="status" className="mt-2 text-sm text-green-800 dark:text-green-300">
            The document and all its versions were deleted.
          </p>
        ) : null}
      </div>

      <section aria-labelledby="upload-heading" className="card p-4 sm:p-6">
        <h2 id="upload-heading" className="mb-4 text-lg font-semibold">
          Upload a document
        </h2>
        <UploadForm />
      </section>

      <section aria-labelledby="library-heading" className="space-y-4">
        <h2 id="library-heading" className="text-lg font-semibold">
          Your documents
        </h2>
        {list.length === 0 ? (
          <p className="card p-4 text-sm text-slate-700 dark:text-slate-300" data-testid="documents-empty">
            No documents yet. Upload the CV you are sending out now, above; then, on each application&apos;s page, attach
            the version you sent, and Analytics will show which version gets answers.
          </p>
        ) : (
          <ul className="space-y-4">
            {list.map((d) => (
              <li key={d.id}>
                <DocumentCard document={d} dates={user.dates} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
