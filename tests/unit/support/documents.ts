import { strToU8, zipSync } from "fflate";
import type { Db } from "@/db/open";
import { saveDocumentFile, type CheckedFile } from "@/lib/data/documents";
import type { FileType } from "@/lib/documents/file-type";
import type { DocumentKind } from "@/lib/vocabulary";

/** A small PDF: the header is what counts; `tag` makes each one's bytes (and hash) its own. */
export const pdfBytes = (tag = "cv", size = 0) => {
  const body = Buffer.from(`%PDF-1.7\n% ${tag}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n`);
  return size > body.length ? Buffer.concat([body, Buffer.alloc(size - body.length, 0x20)]) : body;
};

export const docxBytes = () =>
  Buffer.from(
    zipSync({
      "[Content_Types].xml": strToU8(
        '<?xml version="1.0"?><Types><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      "word/document.xml": strToU8("<w:document/>"),
    }),
  );

export const odtBytes = () =>
  Buffer.from(zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.text"), { level: 0 }], "content.xml": strToU8("<office:document-content/>") }));

/** A ZIP that is neither: an ordinary archive of a text file. */
export const plainZipBytes = () => Buffer.from(zipSync({ "notes.txt": strToU8("hello") }));

/** PNG's signature and a header chunk: binary, and not a type the library takes. */
export const pngBytes = () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

export const checked = (bytes: Buffer, fileName = "cv.pdf", type: FileType = "pdf"): CheckedFile => ({ fileName, type, bytes });

/** A new document with its first version, as the upload route saves it. */
export async function uploadDocument(
  db: Db,
  userId: string,
  { name = "CV", kind = "cv" as DocumentKind, file = checked(pdfBytes()), quotaBytes = 200 * 1024 * 1024, now = new Date("2026-11-02T09:00:00Z") } = {},
) {
  const saved = await saveDocumentFile(db, { userId, kind, name, file, quotaBytes, now });
  if (!saved.ok) throw new Error(`upload refused: ${saved.reason}`);
  return saved;
}
