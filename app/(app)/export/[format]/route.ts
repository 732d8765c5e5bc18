import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { exportDocument, exportJsonChunks } from "@/lib/data/account-export";
import { zipExportStream } from "@/lib/data/account-export-zip";
import { applicationsCsvChunks } from "@/lib/export/csv";
import { localDate } from "@/lib/time/zoned";

export const dynamic = "force-dynamic";

const FORMATS = {
  json: { type: "application/json; charset=utf-8", name: (day: string) => `shortlist-export-${day}.json` },
  csv: { type: "text/csv; charset=utf-8", name: (day: string) => `shortlist-applications-${day}.csv` },
  zip: { type: "application/zip", name: (day: string) => `shortlist-export-${day}.zip` },
} as const;

/**
 * The signed-in user's data as a download: /export/zip (everything, with
 * the document library's files), /export/json (everything but the files'
 * bytes, to import elsewhere) or /export/csv (one row per application, for a
 * spreadsheet). Streamed a piece at a time, yielding between pieces, so a
 * large account neither waits for one huge string nor holds up the server.
 */
export async function GET(_request: Request, context: RouteContext<"/export/[format]">) {
  const { format } = await context.params;
  if (format !== "json" && format !== "csv" && format !== "zip") return new Response("Not found", { status: 404 });
  const user = await requireUser();
  const now = new Date();
  const document = await exportDocument(getDb(), { userId: user.id, now });
  const { type, name } = FORMATS[format];
  const headers = {
    "Content-Type": type,
    "Content-Disposition": `attachment; filename="${name(localDate(now, user.timeZone))}"`,
    "Cache-Control": "no-store",
  };
  if (format === "zip") return new Response(zipExportStream(getDb(), { userId: user.id, document }), { headers });
  const chunks = format === "json" ? exportJsonChunks(document) : applicationsCsvChunks(document.applications, now);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
      await new Promise((resolve) => setImmediate(resolve));
    },
  });
  return new Response(body, { headers });
}
