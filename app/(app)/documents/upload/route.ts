import { getDb } from "@/db/client";
import { logStorageError, StorageError } from "@/db/storage-error";
import { currentUser } from "@/lib/auth/current-user";
import { noteForeignAccess } from "@/lib/auth/foreign-access";
import { saveDocumentFile } from "@/lib/data/documents";
import { documentQuotaBytes, MAX_DOCUMENT_BYTES, MAX_UPLOAD_REQUEST_BYTES, overQuotaMessage, tooLargeDocumentMessage } from "@/lib/documents/limits";
import { retryWhileBusy } from "@/lib/forms/storage-failure";
import { readMultipartUpload } from "@/lib/http/multipart-upload";
import { sameSite } from "@/lib/http/same-site";
import { checkUpload, type UploadField } from "./check-upload";

export const dynamic = "force-dynamic";

type Answer = { message: string; fieldErrors?: Partial<Record<UploadField, string>> };

const answer = (status: number, body: Answer | Record<string, unknown>) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
const refuse = (status: number, field: UploadField | null, message: string) => answer(status, field ? { message, fieldErrors: { [field]: message } } : { message });

/**
 * Keeps an uploaded file: a new document (kind, name and file) or a new
 * version of one (documentId and file). The body is read as it streams,
 * holding at most the 10 MB a file may have; the type is found from the
 * bytes. Every refusal is a 4xx naming the field it is about, and nothing
 * is saved; a storage failure (a full disk) rolls the whole save back.
 */
export async function POST(request: Request) {
  const user = await currentUser();
  if (!user) return refuse(401, null, "You were signed out. Sign in again, then choose the file again.");
  if (!sameSite(request)) return refuse(403, null, "Uploads are only accepted from Shortlist's own pages.");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_REQUEST_BYTES) return refuse(413, "file", tooLargeDocumentMessage(declared));
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body) return refuse(415, "file", "Send the file from the documents page's file field.");
  const upload = await readMultipartUpload(request.body, contentType, { maxFileBytes: MAX_DOCUMENT_BYTES });
  if (!upload) return refuse(400, "file", "The upload was cut short or malformed. Choose the file and try again.");

  const checked = checkUpload(upload);
  if (!checked.ok) return answer(checked.status, { message: "The file was not saved: see the message below.", fieldErrors: checked.fieldErrors });
  const quotaBytes = documentQuotaBytes();
  try {
    const saved = await retryWhileBusy(() => saveDocumentFile(getDb(), { userId: user.id, ...checked.target, file: checked.file, quotaBytes, now: new Date() }));
    if (!saved.ok && saved.reason === "missing") {
      if ("documentId" in checked.target) await noteForeignAccess(user.id, { kind: "document", id: checked.target.documentId });
      return refuse(404, null, "That document was not found.");
    }
    if (!saved.ok) return refuse(413, "file", overQuotaMessage(checked.file.bytes.length, saved.used, quotaBytes));
    return answer(201, { documentId: saved.documentId, versionId: saved.versionId, number: saved.number });
  } catch (error) {
    if (!(error instanceof StorageError)) throw error;
    logStorageError(error, "document upload");
    return refuse(503, "file", error.userMessage);
  }
}
