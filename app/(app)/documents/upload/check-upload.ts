import type { CheckedFile } from "@/lib/data/documents";
import { checkFileType } from "@/lib/documents/file-type";
import { tooLargeDocumentMessage } from "@/lib/documents/limits";
import { MAX_FILE_NAME_CHARS, MAX_NAME_CHARS, nameProblem } from "@/lib/documents/names";
import type { MultipartUpload } from "@/lib/http/multipart-upload";
import { DOCUMENT_KINDS, type DocumentKind } from "@/lib/vocabulary";

export type UploadField = "kind" | "name" | "file";
type Target = { documentId: string } | { kind: DocumentKind; name: string };
export type CheckedUpload = { ok: true; target: Target; file: CheckedFile } | { ok: false; status: number; fieldErrors: Partial<Record<UploadField, string>> };

const isKind = (value: string | undefined): value is DocumentKind => (DOCUMENT_KINDS as readonly string[]).includes(value ?? "");

/** Every problem with an upload at once, each by the field it belongs to; or what to save. */
export function checkUpload({ fields, file }: MultipartUpload): CheckedUpload {
  const errors: Partial<Record<UploadField, string>> = {};
  let status = 422;
  let target: Target | null = null;
  if (fields.documentId) target = { documentId: fields.documentId };
  else {
    const name = (fields.name ?? "").trim();
    const problem = nameProblem(name, "Name", MAX_NAME_CHARS);
    if (problem) errors.name = problem;
    if (!isKind(fields.kind)) errors.kind = "Choose what kind of document this is.";
    if (!problem && isKind(fields.kind)) target = { kind: fields.kind, name };
  }
  if (!file || (file.bytes.length === 0 && !file.fileName)) errors.file = "Choose a file to upload.";
  else if (file.truncated) {
    errors.file = tooLargeDocumentMessage(null);
    status = 413;
  } else if (file.bytes.length === 0) errors.file = "This file is empty: choose the file again, or another one.";
  else {
    const problem = nameProblem(file.fileName, "The file's name", MAX_FILE_NAME_CHARS);
    const type = problem ? null : checkFileType(file.bytes, file.fileName);
    if (problem) errors.file = problem;
    else if (type && !type.ok) errors.file = type.message;
    else if (type?.ok && target && Object.keys(errors).length === 0) return { ok: true, target, file: { fileName: file.fileName, type: type.type, bytes: file.bytes } };
  }
  return { ok: false, status, fieldErrors: errors };
}
