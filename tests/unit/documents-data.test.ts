import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { createApplication } from "@/lib/data/applications";
import { attachmentsOf, attachVersion, createApplicationWithDocument, detachDocument, versionChoices } from "@/lib/data/document-attachments";
import { deleteDocument, documentBytesUsed, listDocuments, readDocumentFile, saveDocumentFile } from "@/lib/data/documents";
import { createRound } from "@/lib/data/rounds";
import { checked, pdfBytes, uploadDocument } from "./support/documents";
import { makeUser, testDb } from "./support/db";
import { roundInput } from "./support/rounds";
import { instantMsSql, rawCount, rawRun } from "./support/raw-sql";
import { BROKEN, failureOf } from "./support/failures";

const NOW = new Date("2026-11-02T09:00:00Z");
const MB = 1024 * 1024;

let db: Db;
let ana: { id: string };
let ben: { id: string };
let anaApp: string;
let benApp: string;

const count = (table: string) => rawCount(db, table);

beforeEach(async () => {
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
  ben = await makeUser(db, "ben@example.com");
  anaApp = (await createApplication(db, { userId: ana.id, input: { company: "Acme", roleTitle: "Engineer", status: "applied" } })).id;
  benApp = (await createApplication(db, { userId: ben.id, input: { company: "Globex", roleTitle: "Lead", status: "applied" } })).id;
});

describe("the round trip", () => {
  it("uploads, adds a version keeping the old one, attaches it, and gives back the same bytes", async () => {
    const first = pdfBytes("v1");
    const second = pdfBytes("v2", 3 * MB);
    const cv = await uploadDocument(db, ana.id, { name: "CV", file: checked(first, "cv-v1.pdf"), now: NOW });
    const v2 = await saveDocumentFile(db, { userId: ana.id, documentId: cv.documentId, file: checked(second, "cv-v2.pdf"), quotaBytes: 200 * MB, now: NOW });
    expect(v2).toMatchObject({ ok: true, number: 2 });
    if (!v2.ok) return;

    const [doc] = await listDocuments(db, { userId: ana.id });
    expect(doc.versions.map((v) => [v.number, v.fileName, v.size])).toEqual([
      [2, "cv-v2.pdf", second.length],
      [1, "cv-v1.pdf", first.length],
    ]);
    expect(await documentBytesUsed(db, { userId: ana.id })).toBe(first.length + second.length);
    expect((await versionChoices(db, { userId: ana.id })).map((c) => c.label)).toEqual(["CV — v2 (cv-v2.pdf)", "CV — v1 (cv-v1.pdf)"]);

    expect(await attachVersion(db, { userId: ana.id, versionId: v2.versionId, applicationId: anaApp, roundId: null, now: NOW })).toBeDefined();
    const [sent] = await attachmentsOf(db, { userId: ana.id, applicationId: anaApp });
    expect(sent).toMatchObject({ documentName: "CV", number: 2, fileName: "cv-v2.pdf", roundId: null });

    const back = await readDocumentFile(db, { userId: ana.id, versionId: sent.versionId });
    expect(back?.mediaType).toBe("application/pdf");
    expect(Buffer.compare(back!.content, second)).toBe(0);
    const old = await readDocumentFile(db, { userId: ana.id, versionId: cv.versionId });
    expect(Buffer.compare(old!.content, first)).toBe(0);
  });

  it("attaches to a round of the application, once however often it is asked", async () => {
    const cv = await uploadDocument(db, ana.id);
    const roundId = await createRound(db, { userId: ana.id, applicationId: anaApp, input: roundInput({ scheduledAt: NOW }) });
    const once = await attachVersion(db, { userId: ana.id, versionId: cv.versionId, applicationId: anaApp, roundId, now: NOW });
    const twice = await attachVersion(db, { userId: ana.id, versionId: cv.versionId, applicationId: anaApp, roundId, now: NOW });
    expect(twice).toBe(once);
    expect((await attachmentsOf(db, { userId: ana.id, applicationId: anaApp })).map((a) => a.roundId)).toEqual([roundId]);
  });

  it("creates an application with the version sent, or nothing when the version isn't the user's", async () => {
    const cv = await uploadDocument(db, ana.id);
    const made = await createApplicationWithDocument(db, { userId: ana.id, input: { company: "Initech", roleTitle: "Dev", status: "applied" }, versionId: cv.versionId, now: NOW });
    expect(made).toBeDefined();
    expect(await attachmentsOf(db, { userId: ana.id, applicationId: made!.id })).toHaveLength(1);

    const apps = await count("applications");
    expect(await createApplicationWithDocument(db, { userId: ben.id, input: { company: "Initech", roleTitle: "Dev", status: "applied" }, versionId: cv.versionId, now: NOW })).toBeUndefined();
    expect(await count("applications")).toBe(apps);
  });

  it("deleting a document takes its versions and attachments, and gives the room back", async () => {
    const cv = await uploadDocument(db, ana.id);
    await attachVersion(db, { userId: ana.id, versionId: cv.versionId, applicationId: anaApp, roundId: null, now: NOW });
    expect(await deleteDocument(db, { userId: ana.id, documentId: cv.documentId })).toBe(true);
    expect([await count("documents"), await count("document_versions"), await count("document_attachments")]).toEqual([0, 0, 0]);
    expect(await documentBytesUsed(db, { userId: ana.id })).toBe(0);
  });
});

describe("the quota", () => {
  it("refuses a file that would pass it, saving nothing, and takes one that fits exactly", async () => {
    await uploadDocument(db, ana.id, { file: checked(pdfBytes("a", 600)), quotaBytes: 1000 });
    const over = await saveDocumentFile(db, { userId: ana.id, kind: "cv", name: "Big", file: checked(pdfBytes("b", 401)), quotaBytes: 1000, now: NOW });
    expect(over).toEqual({ ok: false, reason: "quota", used: 600 });
    expect([await count("documents"), await count("document_versions")]).toEqual([1, 1]);
    const fits = await saveDocumentFile(db, { userId: ana.id, kind: "cv", name: "Fits", file: checked(pdfBytes("c", 400)), quotaBytes: 1000, now: NOW });
    expect(fits).toMatchObject({ ok: true });
  });

  it("is each account's own", async () => {
    await uploadDocument(db, ana.id, { file: checked(pdfBytes("a", 900)), quotaBytes: 1000 });
    expect(await saveDocumentFile(db, { userId: ben.id, kind: "cv", name: "Ben's", file: checked(pdfBytes("b", 900)), quotaBytes: 1000, now: NOW })).toMatchObject({ ok: true });
  });
});

describe("isolation: another user's documents are not there", () => {
  it("cannot read, version, attach, detach or delete them, and lists none", async () => {
    const cv = await uploadDocument(db, ana.id);
    const attachmentId = await attachVersion(db, { userId: ana.id, versionId: cv.versionId, applicationId: anaApp, roundId: null, now: NOW });

    expect(await readDocumentFile(db, { userId: ben.id, versionId: cv.versionId })).toBeUndefined();
    expect(await listDocuments(db, { userId: ben.id })).toEqual([]);
    expect(await versionChoices(db, { userId: ben.id })).toEqual([]);
    expect(await attachmentsOf(db, { userId: ben.id, applicationId: anaApp })).toEqual([]);
    expect(await saveDocumentFile(db, { userId: ben.id, documentId: cv.documentId, file: checked(pdfBytes("x")), quotaBytes: 200 * MB, now: NOW })).toEqual({ ok: false, reason: "missing" });
    // Ana's version on Ben's application, Ben's attach of it on Ana's, and Ana's own version on Ben's application.
    expect(await attachVersion(db, { userId: ben.id, versionId: cv.versionId, applicationId: benApp, roundId: null, now: NOW })).toBeUndefined();
    expect(await attachVersion(db, { userId: ben.id, versionId: cv.versionId, applicationId: anaApp, roundId: null, now: NOW })).toBeUndefined();
    expect(await attachVersion(db, { userId: ana.id, versionId: cv.versionId, applicationId: benApp, roundId: null, now: NOW })).toBeUndefined();
    expect(await detachDocument(db, { userId: ben.id, attachmentId: attachmentId! })).toBeUndefined();
    expect(await deleteDocument(db, { userId: ben.id, documentId: cv.documentId })).toBe(false);

    expect([await count("documents"), await count("document_versions"), await count("document_attachments")]).toEqual([1, 1, 1]);
  });

  it("will not file a version under a round of another application", async () => {
    const cv = await uploadDocument(db, ana.id);
    const other = (await createApplication(db, { userId: ana.id, input: { company: "Initech", roleTitle: "Dev", status: "applied" } })).id;
    const roundId = await createRound(db, { userId: ana.id, applicationId: other, input: roundInput({ scheduledAt: NOW }) });
    expect(await attachVersion(db, { userId: ana.id, versionId: cv.versionId, applicationId: anaApp, roundId, now: NOW })).toBeUndefined();
  });

  it("the database itself refuses an attachment row that mixes two users", async () => {
    const epoch = instantMsSql(new Date(0));
    await rawRun(db, sql`insert into documents (id, user_id, kind, name, created_at) values ('d', ${ana.id}, 'cv', 'CV', ${epoch})`);
    const content = Buffer.from("%");
    await rawRun(
      db,
      sql`insert into document_versions (id, user_id, document_id, number, file_name, media_type, size, sha256, content, created_at)
          values ('v', ${ana.id}, 'd', 1, 'a.pdf', 'application/pdf', 1, 'x', ${content}, ${epoch})`,
    );
    expect(await failureOf(rawRun(db, sql`insert into document_attachments (id, user_id, version_id, application_id, created_at) values ('x', ${ben.id}, 'v', ${benApp}, ${epoch})`))).toMatch(BROKEN.foreignKey);
  });
});
