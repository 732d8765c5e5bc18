import { formatBytes } from "@/lib/import/limits";

/** The largest file the library takes. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
/** Multipart framing around the largest file: boundaries, headers and the few text fields. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_DOCUMENT_BYTES + 64 * 1024;
export const DEFAULT_QUOTA_MB = 200;

/** Each account's room for files: SHORTLIST_DOCUMENT_QUOTA_MB, or 200 MB. Read per call, so a changed setting applies on restart and in tests at once. */
export function documentQuotaBytes(env: Record<string, string | undefined> = process.env): number {
  const raw = Number(env.SHORTLIST_DOCUMENT_QUOTA_MB);
  const mb = Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_QUOTA_MB;
  return Math.floor(mb * 1024 * 1024);
}

/** `bytes` null: larger than the limit, by how much unknown (the rest of the upload was dropped unread). */
export const tooLargeDocumentMessage = (bytes: number | null) =>
  `This file is ${bytes === null ? "larger than" : ""}${bytes === null ? ` ${formatBytes(MAX_DOCUMENT_BYTES)}` : formatBytes(bytes)}; each document may be up to ${formatBytes(MAX_DOCUMENT_BYTES)}.`;

export const overQuotaMessage = (size: number, used: number, quota: number) =>
  `This file (${formatBytes(size)}) doesn't fit: your documents use ${formatBytes(used)} of ${formatBytes(quota)}. Delete an old document first.`;
