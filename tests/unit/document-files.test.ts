import { describe, expect, it } from "vitest";
import { checkUpload } from "@/app/(app)/documents/upload/check-upload";
import { checkFileType, sniffFileType } from "@/lib/documents/file-type";
import { documentQuotaBytes, MAX_DOCUMENT_BYTES } from "@/lib/documents/limits";
import { contentDisposition, nameProblem } from "@/lib/documents/names";
import type { MultipartUpload } from "@/lib/http/multipart-upload";
import { docxBytes, odtBytes, pdfBytes, plainZipBytes, pngBytes } from "./support/documents";

const upload = (file: Partial<NonNullable<MultipartUpload["file"]>> | null, fields: Record<string, string> = { kind: "cv", name: "CV" }): MultipartUpload => ({
  fields,
  file: file ? { field: "file", fileName: "cv.pdf", bytes: pdfBytes(), truncated: false, ...file } : null,
});

describe("a file's type comes from its bytes", () => {
  it.each([
    ["a PDF", pdfBytes(), "anything", "pdf"],
    ["a DOCX", docxBytes(), "cv.docx", "docx"],
    ["an ODT", odtBytes(), "cv.odt", "odt"],
    ["UTF-8 text", Buffer.from("Ana Lima — CV\n"), "cv.txt", "text"],
    ["Markdown, told from text by its name", Buffer.from("# Ana Lima\n"), "cv.md", "markdown"],
  ] as const)("%s", (_what, bytes, name, type) => {
    expect(sniffFileType(bytes, name)).toBe(type);
  });

  it.each([
    ["a PNG", pngBytes()],
    ["a ZIP that is neither DOCX nor ODT", plainZipBytes()],
    ["text with a NUL", Buffer.from("abc\0def")],
    ["bytes that are not UTF-8", Buffer.from([0x41, 0xff, 0xfe, 0x42])],
    ["a truncated ZIP", docxBytes().subarray(0, 30)],
  ])("is none for %s", (_what, bytes) => {
    expect(sniffFileType(bytes, "cv.pdf")).toBeNull();
  });

  it("refuses a name that lies about the bytes, saying what they are", () => {
    expect(checkFileType(pngBytes(), "cv.pdf")).toEqual({ ok: false, message: expect.stringContaining("named .pdf, but its contents are not PDF") });
    expect(checkFileType(docxBytes(), "cv.pdf")).toEqual({ ok: false, message: expect.stringContaining("its contents are Word (DOCX)") });
    expect(checkFileType(pdfBytes(), "cv.txt")).toEqual({ ok: false, message: expect.stringContaining("Rename it to .pdf") });
    expect(checkFileType(Buffer.from("plain"), "README")).toEqual({ ok: true, type: "text" });
  });
});

describe("names", () => {
  it.each(["../../etc/passwd", "a/b.pdf", "a\\b.pdf", ".hidden", "..", "cv\u0000.pdf", "cv\u001b[31m.pdf", ""])("refuses %j", (name) => {
    expect(nameProblem(name, "Name", 120)).not.toBeNull();
  });

  it("takes ordinary names, dots and dashes included", () => {
    expect(nameProblem("CV — v4 (2026).final.pdf", "Name", 120)).toBeNull();
  });

  it("a download's name is quoted safely and keeps its real form in UTF-8", () => {
    expect(contentDisposition('Lebenslauf "ü".pdf')).toBe(`attachment; filename="Lebenslauf ___.pdf"; filename*=UTF-8''Lebenslauf%20%22%C3%BC%22.pdf`);
  });
});

describe("an upload is refused beside the field, with nothing to save", () => {
  it("wrong bytes for the name", () => {
    expect(checkUpload(upload({ bytes: pngBytes() }))).toMatchObject({ ok: false, status: 422, fieldErrors: { file: expect.stringContaining("not PDF") } });
  });
  it("an empty file", () => {
    expect(checkUpload(upload({ bytes: Buffer.alloc(0) }))).toMatchObject({ ok: false, fieldErrors: { file: expect.stringContaining("empty") } });
  });
  it("no file at all", () => {
    expect(checkUpload(upload(null))).toMatchObject({ ok: false, fieldErrors: { file: "Choose a file to upload." } });
  });
  it("a file past 10 MB", () => {
    expect(checkUpload(upload({ bytes: pdfBytes("big", MAX_DOCUMENT_BYTES), truncated: true }))).toMatchObject({ ok: false, status: 413, fieldErrors: { file: expect.stringContaining("larger than 10 MB") } });
  });
  it("a file name with a path, and a document name with a control character, each beside its own field", () => {
    const answer = checkUpload(upload({ fileName: "../../cv.pdf" }, { kind: "cv", name: "CV\u0007" }));
    expect(answer).toMatchObject({ ok: false, fieldErrors: { file: expect.stringContaining("slashes"), name: expect.stringContaining("control character") } });
  });
  it("an unknown kind", () => {
    expect(checkUpload(upload({}, { kind: "selfie", name: "CV" }))).toMatchObject({ ok: false, fieldErrors: { kind: expect.any(String) } });
  });
  it("takes a good file, as a new document or as a version", () => {
    expect(checkUpload(upload({}))).toMatchObject({ ok: true, target: { kind: "cv", name: "CV" }, file: { type: "pdf", fileName: "cv.pdf" } });
    expect(checkUpload(upload({}, { documentId: "d1" }))).toMatchObject({ ok: true, target: { documentId: "d1" } });
  });
});

describe("the quota setting", () => {
  it("is 200 MB unless SHORTLIST_DOCUMENT_QUOTA_MB says otherwise, and ignores nonsense", () => {
    expect(documentQuotaBytes({})).toBe(200 * 1024 * 1024);
    expect(documentQuotaBytes({ SHORTLIST_DOCUMENT_QUOTA_MB: "1.5" })).toBe(1.5 * 1024 * 1024);
    expect(documentQuotaBytes({ SHORTLIST_DOCUMENT_QUOTA_MB: "-3" })).toBe(200 * 1024 * 1024);
    expect(documentQuotaBytes({ SHORTLIST_DOCUMENT_QUOTA_MB: "lots" })).toBe(200 * 1024 * 1024);
  });
});
