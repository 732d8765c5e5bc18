import { getDb } from "@/db/client";
import { duplicateFieldsOf, findImportOfFile } from "@/lib/data/imports";
import { knownKeys } from "@/lib/import/duplicates";
import { fileWorker, type FileWorkMessage } from "../file-work";
import { readUpload, refuse } from "../read-upload";

export const dynamic = "force-dynamic";

/**
 * The preview: what importing this file with these choices would save,
 * counted against the user's own applications. Writes nothing. The file is
 * read and checked in a worker thread (file-work.ts), one import per account
 * and a few per server at a time. A file that can't be imported answers 4xx
 * with the message for the file field.
 */
export async function POST(request: Request) {
  const read = await readUpload(request, "preview");
  if (!read.ok) return refuse(read);
  const { user, bytes, options, release } = read.upload;
  try {
    const db = getDb();
    const known = knownKeys(await duplicateFieldsOf(db, { userId: user.id }));
    let answer: FileWorkMessage | null = null;
    try {
      await fileWorker({ job: "preview", bytes, options, timeZone: user.timeZone, now: new Date(), known }, (message) => (answer = message));
    } catch (error) {
      console.error("import preview: reading the file failed:", error);
    }
    // Narrowed by hand: TypeScript cannot see the callback's assignment.
    const outcome = answer as FileWorkMessage | null;
    if (outcome?.type === "refused") return refuse({ status: 422, field: outcome.field, message: outcome.message });
    if (outcome?.type !== "preview") return refuse({ status: 422, field: "file", message: "Shortlist couldn't read this file. Check that it is the CSV or JSON your tracker exported, then try again." });
    const earlier = await findImportOfFile(db, { userId: user.id, fileHash: outcome.hash });
    return Response.json(
      { summary: outcome.summary, earlier: earlier ? { at: earlier.createdAt.toISOString(), added: earlier.added } : null },
      { headers: { "Cache-Control": "no-store" } },
    );
  } finally {
    release();
  }
}
