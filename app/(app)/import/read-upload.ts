import "server-only";
import { currentUser } from "@/lib/auth/current-user";
import { sameSite } from "@/lib/http/same-site";
import type { SessionUser } from "@/lib/data/users";
import type { ImportOptions } from "@/lib/import/analyse";
import { startsLikeJson } from "@/lib/import/decode";
import { importSlots, type ImportKind } from "@/lib/import/import-slots";
import { isZip, openExportZip } from "@/lib/import/export-zip";
import { MAX_EXPORT_FILE_BYTES, MAX_IMPORT_BYTES, MAX_IMPORT_REQUEST_BYTES, MAX_ZIP_IMPORT_BYTES, tooLargeMessage } from "@/lib/import/limits";
import { importOptionsSchema } from "@/lib/validation/import-options";

/** `release` gives back the import slot the upload holds: call it once the import (or preview) is over. */
/** `files`: a ZIP export's document files, by their path in the ZIP (the JSON names them). */
export type Upload = { user: SessionUser; name: string; bytes: Uint8Array; files: Record<string, Uint8Array>; options: ImportOptions; release: () => void };

/** A refusal the page shows beside the field that caused it; a 429 says when to try again. */
export type Refusal = { status: number; field: "file" | "options" | null; message: string; retryAfterSeconds?: number };

export const refuse = ({ status, field, message, retryAfterSeconds }: Refusal) =>
  Response.json({ field, message }, { status, headers: { "Cache-Control": "no-store", ...(retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : {}) } });

type Read = { ok: true; upload: Upload } | ({ ok: false } & Refusal);

/**
 * The signed-in user and the uploaded file with the page's choices, holding
 * one of the server's import slots (lib/import/import-slots.ts), or the 4xx
 * to answer: no session, another import still running (429, before the body
 * is read), not a form upload, no file, an empty or oversized file, or
 * choices that aren't valid JSON of the expected shape.
 */
export async function readUpload(request: Request, kind: ImportKind): Promise<Read> {
  const user = await currentUser();
  if (!user) return { ok: false, status: 401, field: null, message: "You were signed out. Sign in again, then choose the file again." };
  // Cookies are SameSite=Lax already; a post from another site's page is refused outright too.
  if (!sameSite(request)) return { ok: false, status: 403, field: null, message: "Imports are only accepted from Shortlist's own import page." };
  const slot = await importSlots().acquireAfterOwn(user.id, kind);
  if (!slot.ok) return { ok: false, status: 429, field: "file", message: slot.message, retryAfterSeconds: slot.retryAfterSeconds };
  const read = await readBody(request, user).catch((error: unknown) => {
    slot.release();
    throw error;
  });
  if (!read.ok) slot.release();
  return read.ok ? { ok: true, upload: { ...read.upload, release: slot.release } } : read;
}

async function readBody(request: Request, user: SessionUser): Promise<{ ok: true; upload: Omit<Upload, "release"> } | ({ ok: false } & Refusal)> {
  const tooLarge = (bytes: number) => ({ ok: false as const, status: 413, field: "file" as const, message: tooLargeMessage(bytes) });
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_IMPORT_REQUEST_BYTES) return tooLarge(declared);
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    return { ok: false, status: 415, field: "file", message: "Send the file from the import page's file field." };
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return { ok: false, status: 400, field: "file", message: "The upload was cut short or malformed. Choose the file and try again." };
  }
  const file = form.get("file");
  if (!(file instanceof File)) return { ok: false, status: 400, field: "file", message: "Choose a file to import." };
  if (file.size === 0) return { ok: false, status: 422, field: "file", message: "This file is empty. Export your applications again and choose the new file." };
  if (file.size > MAX_ZIP_IMPORT_BYTES) return tooLarge(file.size);

  let options: ImportOptions = {};
  const raw = form.get("options");
  if (typeof raw === "string" && raw.trim()) {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return { ok: false, status: 400, field: "options", message: "The column and status choices couldn't be read. Reload the page and choose the file again." };
    }
    const parsed = importOptionsSchema.safeParse(json);
    if (!parsed.success) return { ok: false, status: 400, field: "options", message: parsed.error.issues[0].message };
    options = parsed.data;
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  // A ZIP export is opened here; any other ZIP (a workbook...) goes on to the checks that say what it is.
  const opened = isZip(bytes) ? openExportZip(bytes) : null;
  if (opened?.ok) return { ok: true, upload: { user, name: file.name, bytes: opened.json, files: opened.files, options } };
  if (opened?.ours) return { ok: false, status: 422, field: "file", message: opened.message };
  // Only a Shortlist export (JSON or ZIP) may be larger than a CSV.
  if (bytes.length > MAX_EXPORT_FILE_BYTES || (bytes.length > MAX_IMPORT_BYTES && !startsLikeJson(bytes))) return tooLarge(bytes.length);
  return { ok: true, upload: { user, name: file.name, bytes, files: {}, options } };
}
