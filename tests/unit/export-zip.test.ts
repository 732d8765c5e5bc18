import { describe, expect, it } from "vitest";
import { exportDocument } from "@/lib/data/account-export";
import { zipExportStream } from "@/lib/data/account-export-zip";
import { createApplication } from "@/lib/data/applications";
import { attachmentsOf, attachVersion } from "@/lib/data/document-attachments";
import { listDocuments, readDocumentFile, saveDocumentFile } from "@/lib/data/documents";
import { commitImport } from "@/lib/data/imports";
import { createRound, listRounds } from "@/lib/data/rounds";
import { ZIP_JSON_ENTRY } from "@/lib/export/document";
import { isZip, openExportZip } from "@/lib/import/export-zip";
import { fileHash } from "@/lib/import/plan";
import { readShortlistJson } from "@/lib/import/shortlist-json";
import { strToU8, zipSync } from "fflate";
import { testDb, makeUser } from "./support/db";
import { checked, docxBytes, pdfBytes, uploadDocument } from "./support/documents";
import { roundInput } from "./support/rounds";

const NOW = new Date("2026-11-02T09:00:00Z");

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("the ZIP export", () => {
  it("round-trips into a new account: documents, every version's bytes, and where each was sent", async () => {
    const db = testDb();
    const ana = await makeUser(db, "ana@example.com");
    const ben = await makeUser(db, "ben@example.com");
    const app = await createApplication(db, { userId: ana.id, input: { company: "Acme", roleTitle: "Engineer", status: "interviewing" } });
    const roundId = await createRound(db, { userId: ana.id, applicationId: app.id, input: roundInput({ scheduledAt: NOW }) });
    const v1 = pdfBytes("v1", 200_000);
    const v2 = pdfBytes("v2", 300_000);
    const cv = await uploadDocument(db, ana.id, { file: checked(v1, "cv.pdf"), now: NOW });
    const second = await saveDocumentFile(db, { userId: ana.id, documentId: cv.documentId, file: checked(v2, "cv.pdf"), quotaBytes: 1e9, now: NOW });
    if (!second.ok) throw new Error("not saved");
    const study = await uploadDocument(db, ana.id, { kind: "portfolio", name: "Case study", file: checked(docxBytes(), "case.docx", "docx"), now: NOW });
    await attachVersion(db, { userId: ana.id, versionId: second.versionId, applicationId: app.id, roundId: null, now: NOW });
    await attachVersion(db, { userId: ana.id, versionId: study.versionId, applicationId: app.id, roundId, now: NOW });

    const zip = await bytesOf(zipExportStream(db, { userId: ana.id, document: await exportDocument(db, { userId: ana.id, now: NOW }) }));
    expect(isZip(zip)).toBe(true);
    const opened = openExportZip(zip);
    if (!opened.ok) throw new Error(opened.message);
    expect(Object.keys(opened.files)).toHaveLength(3);
    const read = readShortlistJson(new TextDecoder().decode(opened.json));
    if (!read.ok) throw new Error(read.message);

    const outcome = await commitImport(db, {
      userId: ben.id,
      plan: { format: "shortlist-json", fileName: "export.zip", fileHash: fileHash(zip), problems: 0, kind: "account", document: read.document, files: opened.files },
      now: NOW,
    });
    expect(outcome).toMatchObject({ added: 1, filesRestored: 3, filesLeftOut: 0 });

    const docs = await listDocuments(db, { userId: ben.id });
    const byName = [...docs].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName.map((d) => [d.kind, d.name, d.versions.map((v) => v.number)])).toEqual([
      ["portfolio", "Case study", [1]],
      ["cv", "CV", [2, 1]],
    ]);
    const bensCv = docs.find((d) => d.name === "CV")!;
    for (const [number, bytes] of [[1, v1], [2, v2]] as const) {
      const version = bensCv.versions.find((v) => v.number === number)!;
      const file = await readDocumentFile(db, { userId: ben.id, versionId: version.id });
      expect(Buffer.compare(file!.content, bytes)).toBe(0);
    }

    const [bensApp] = (await exportDocument(db, { userId: ben.id, now: NOW })).applications;
    const [bensRound] = await listRounds(db, { userId: ben.id, applicationId: bensApp.id });
    const sent = await attachmentsOf(db, { userId: ben.id, applicationId: bensApp.id });
    // Both were attached at the same instant: in name order.
    expect(sent.map((s) => [s.documentName, s.number, s.roundId]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ["Case study", 1, bensRound.id],
      ["CV", 2, null],
    ]);
  });

  it("a file whose bytes don't match the export is left out, not restored damaged", async () => {
    const db = testDb();
    const ana = await makeUser(db, "ana@example.com");
    const ben = await makeUser(db, "ben@example.com");
    await createApplication(db, { userId: ana.id, input: { company: "Acme", roleTitle: "Engineer", status: "applied" } });
    await uploadDocument(db, ana.id, { now: NOW });
    const zip = await bytesOf(zipExportStream(db, { userId: ana.id, document: await exportDocument(db, { userId: ana.id, now: NOW }) }));
    const opened = openExportZip(zip);
    if (!opened.ok) throw new Error(opened.message);
    const read = readShortlistJson(new TextDecoder().decode(opened.json));
    if (!read.ok) throw new Error(read.message);
    const files = Object.fromEntries(Object.keys(opened.files).map((path) => [path, pdfBytes("tampered")]));
    const outcome = await commitImport(db, { userId: ben.id, plan: { format: "shortlist-json", fileName: "x.zip", fileHash: "h", problems: 0, kind: "account", document: read.document, files }, now: NOW });
    expect(outcome).toMatchObject({ added: 1, filesRestored: 0, filesLeftOut: 1 });
    expect(await listDocuments(db, { userId: ben.id })).toEqual([]);
  });

  it("tells a ZIP that isn't an export, and a damaged one, from an export", () => {
    // Neither is "ours": the import's usual checks then say what the file is (a zipped workbook...).
    expect(openExportZip(zipSync({ "notes.txt": strToU8("hi") }))).toEqual({ ok: false, ours: false, message: expect.stringContaining("no shortlist-export.json") });
    const real = zipSync({ [ZIP_JSON_ENTRY]: strToU8("{}") });
    expect(openExportZip(real.subarray(0, 20))).toEqual({ ok: false, ours: false, message: expect.stringContaining("damaged") });
  });
});
