import { getDb } from "@/db/client";
import { duplicateFieldsOf, findImportOfFile } from "@/lib/data/imports";
import { analyseImport } from "@/lib/import/analyse";
import { knownKeys } from "@/lib/import/duplicates";
import { fileHash } from "@/lib/import/plan";
import { summarise } from "@/lib/import/summary";
import { readUpload, refuse } from "../read-upload";

export const dynamic = "force-dynamic";

/**
 * The preview: what importing this file with these choices would save,
 * counted against the user's own applications. Writes nothing. A file that
 * can't be imported answers 4xx with the message for the file field.
 */
export async function POST(request: Request) {
  const read = await readUpload(request);
  if (!read.ok) return refuse(read);
  const { user, bytes, options } = read.upload;
  const result = await analyseImport({ bytes, options, timeZone: user.timeZone, now: new Date() });
  if (!result.ok) return refuse({ status: 422, field: "file", message: result.message });
  const db = getDb();
  const summary = summarise(result.analysis, knownKeys(duplicateFieldsOf(db, { userId: user.id })));
  const earlier = findImportOfFile(db, { userId: user.id, fileHash: fileHash(bytes) });
  return Response.json(
    { summary, earlier: earlier ? { at: earlier.createdAt.toISOString(), added: earlier.added } : null },
    { headers: { "Cache-Control": "no-store" } },
  );
}
