import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { noteForeignAccess } from "@/lib/auth/foreign-access";
import { readDocumentFile } from "@/lib/data/documents";
import { contentDisposition } from "@/lib/documents/names";

export const dynamic = "force-dynamic";

const SANDBOX = "default-src 'none'; sandbox";

/**
 * One of the user's files, only ever as a download: `attachment`, the type
 * found from its bytes, nosniff, and a CSP that sandboxes the response, so
 * a file crafted to look like HTML can never run as a page of this site.
 * Someone else's file and a missing one are the same 404.
 */
export async function GET(_request: Request, context: RouteContext<"/documents/files/[versionId]">) {
  const user = await requireUser();
  const { versionId } = await context.params;
  const file = await readDocumentFile(getDb(), { userId: user.id, versionId });
  if (!file) {
    await noteForeignAccess(user.id, { kind: "document-version", id: versionId });
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": SANDBOX, "Cache-Control": "no-store" } });
  }
  return new Response(new Uint8Array(file.content.buffer as ArrayBuffer, file.content.byteOffset, file.content.byteLength), {
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(file.size),
      "Content-Disposition": contentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": SANDBOX,
      "Cache-Control": "private, no-store",
    },
  });
}
